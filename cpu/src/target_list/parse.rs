//! The target-list grammar. Pieces are split on `;` and `,` and trimmed of
//! surrounding whitespace; every error carries the byte range of the offending
//! piece in the original text.

use super::{CpuName, FeatureOp, SizeGoal, Span, TargetList, TargetSpans, TargetSpec};
use crate::error::{Error, Problem, TargetListError};

/// Splits `text`, which starts at byte `offset` of the input, on `separator`,
/// giving each piece trimmed and with its absolute start.
fn pieces(text: &str, offset: usize, separator: char) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == separator {
            out.push(trimmed(&text[start..i], offset + start));
            start = i + c.len_utf8();
        }
    }
    out.push(trimmed(&text[start..], offset + start));
    out
}

fn trimmed(piece: &str, start: usize) -> (usize, &str) {
    let leading = piece.len() - piece.trim_start().len();
    (start + leading, piece.trim())
}

struct Parser<'a> {
    input: &'a str,
}

impl Parser<'_> {
    fn error(&self, span: std::ops::Range<usize>, target: usize, problem: Problem) -> Error {
        Error::TargetList(Box::new(TargetListError {
            input: self.input.to_owned(),
            span,
            target,
            problem,
        }))
    }

    fn target(&self, index: usize, start: usize, text: &str) -> Result<TargetSpec, Error> {
        if text.is_empty() {
            return Err(self.error(start..start, index, Problem::EmptyTarget));
        }
        let mut parts = pieces(text, start, ',').into_iter();
        let (cpu_start, cpu_text) = parts.next().unwrap_or((start, ""));
        if cpu_text.is_empty() {
            return Err(self.error(cpu_start..cpu_start, index, Problem::EmptyCpuName));
        }
        let cpu_span = cpu_start..cpu_start + cpu_text.len();
        if cpu_text == "help" {
            return Err(self.error(cpu_span, index, Problem::Help));
        }
        let mut spec = TargetSpec::new(CpuName::from_text(cpu_text));
        spec.spans = TargetSpans {
            whole: Span::new(start..start + text.len()),
            cpu: Span::new(cpu_span),
            base: Span::default(),
            tune: Span::default(),
        };
        // The text of the option that set clone_all / base / size, for conflicts.
        let mut clone_all_text = String::new();
        let mut size_text = String::new();
        let mut base_text = String::new();
        let mut tune_text = String::new();
        for (opt_start, opt) in parts {
            let span = opt_start..opt_start + opt.len();
            let (sign, word) = match opt.as_bytes().first() {
                Some(b'+') => (Some(true), &opt[1..]),
                Some(b'-') => (Some(false), &opt[1..]),
                _ => (None, opt),
            };
            if word.is_empty() {
                let at = span.start;
                return Err(self.error(at..span.end.max(at), index, Problem::EmptyOption));
            }
            let conflict = |first: &str| {
                self.error(
                    span.clone(),
                    index,
                    Problem::Conflict {
                        first: first.to_owned(),
                        second: opt.to_owned(),
                    },
                )
            };
            // Options that only exist switched on.
            let negated = || {
                self.error(
                    span.clone(),
                    index,
                    Problem::NegatedOption {
                        option: word.to_owned(),
                    },
                )
            };
            match word {
                "help" => return Err(self.error(span, index, Problem::Help)),
                "clone_all" => {
                    let value = sign != Some(false);
                    if spec.clone_all.is_some_and(|v| v != value) {
                        return Err(conflict(&clone_all_text));
                    }
                    spec.clone_all = Some(value);
                    clone_all_text = opt.to_owned();
                }
                "opt_size" | "min_size" => {
                    if sign == Some(false) {
                        return Err(negated());
                    }
                    let goal = if word == "opt_size" {
                        SizeGoal::OptSize
                    } else {
                        SizeGoal::MinSize
                    };
                    if spec.size.is_some_and(|g| g != goal) {
                        return Err(conflict(&size_text));
                    }
                    spec.size = Some(goal);
                    size_text = opt.to_owned();
                }
                _ if word.starts_with("tune=") => {
                    if sign == Some(false) {
                        return Err(negated());
                    }
                    let name = word["tune=".len()..].trim();
                    if name.is_empty() || name.contains(char::is_whitespace) {
                        return Err(self.error(
                            span.clone(),
                            index,
                            Problem::InvalidTune {
                                text: opt.to_owned(),
                            },
                        ));
                    }
                    if spec.tune.as_deref().is_some_and(|t| t != name) {
                        return Err(conflict(&tune_text));
                    }
                    let at = span.end - name.len();
                    spec.tune = Some(name.to_owned());
                    spec.spans.tune = Span::new(at..span.end);
                    tune_text = opt.to_owned();
                }
                _ if word.starts_with("base") => {
                    if sign == Some(false) {
                        return Err(negated());
                    }
                    let base = word
                        .strip_prefix("base(")
                        .and_then(|rest| rest.strip_suffix(')'))
                        .filter(|digits| {
                            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
                        })
                        .and_then(|digits| digits.parse::<usize>().ok())
                        .ok_or_else(|| {
                            self.error(
                                span.clone(),
                                index,
                                Problem::InvalidBase {
                                    text: opt.to_owned(),
                                },
                            )
                        })?;
                    if spec.base.is_some_and(|b| b != base) {
                        return Err(conflict(&base_text));
                    }
                    spec.base = Some(base);
                    spec.spans.base = Span::new(span.clone());
                    base_text = opt.to_owned();
                }
                name => {
                    let enable = sign != Some(false);
                    if let Some(earlier) = spec.features.iter().find(|op| op.name == name) {
                        if earlier.enable != enable {
                            return Err(conflict(&earlier.to_string()));
                        }
                        continue;
                    }
                    spec.features.push(FeatureOp {
                        enable,
                        name: name.to_owned(),
                        span: Span::new(opt_start + (opt.len() - word.len())..span.end),
                    });
                }
            }
        }
        Ok(spec)
    }

    /// The rules about `base(n)` that need the whole list.
    fn check_bases(&self, targets: &[TargetSpec]) -> Result<(), Error> {
        for (index, target) in targets.iter().enumerate() {
            let Some(base) = target.base else { continue };
            let span = target
                .spans
                .base
                .range()
                .or_else(|| target.spans.whole.range())
                .unwrap_or(0..0);
            if index == 0 {
                return Err(self.error(span, index, Problem::BaseOnFirstTarget));
            }
            if base >= index {
                return Err(self.error(span, index, Problem::BaseNotEarlier { base }));
            }
            // Target 0 holds every function, so it is always a valid base; any
            // other base must too, which only clone_all guarantees.
            if base > 0 && targets[base].clone_all != Some(true) {
                return Err(self.error(span, index, Problem::BaseNotCloneAll { base }));
            }
        }
        Ok(())
    }
}

pub(super) fn parse(input: &str) -> Result<TargetList, Error> {
    let parser = Parser { input };
    if input.trim().is_empty() {
        return Err(parser.error(0..input.len(), 0, Problem::EmptyList));
    }
    let targets = pieces(input, 0, ';')
        .into_iter()
        .enumerate()
        .map(|(index, (start, text))| parser.target(index, start, text))
        .collect::<Result<Vec<_>, _>>()?;
    parser.check_bases(&targets)?;
    Ok(TargetList {
        targets,
        input: Some(input.to_owned()),
    })
}
