//! "Did you mean" suggestions for misspelt names.

/// Writes `; did you mean `NAME`?` after a message, when there is a
/// suggestion.
pub(crate) fn did_you_mean(
    f: &mut std::fmt::Formatter<'_>,
    suggestion: &Option<String>,
) -> std::fmt::Result {
    match suggestion {
        Some(s) => write!(f, "; did you mean `{s}`?"),
        None => Ok(()),
    }
}

/// The candidate closest to `input`, if one is close enough to be a likely typo:
/// an exact match ignoring case, or an edit distance (insertions, deletions,
/// substitutions and adjacent swaps) of at most a third of the input's length,
/// and at least 1, 2 for inputs of 6 characters or more.
pub fn closest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = input.to_ascii_lowercase();
    let limit = (input.chars().count() / 3).max(if input.len() >= 6 { 2 } else { 1 });
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate == input {
            continue;
        }
        let distance = if candidate.eq_ignore_ascii_case(input) {
            0
        } else {
            edit_distance(&lower, &candidate.to_ascii_lowercase())
        };
        if distance <= limit
            && best.is_none_or(|(d, c)| distance < d || (distance == d && candidate < c))
        {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Optimal string alignment distance between `a` and `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2 = vec![0usize; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("haswel", "haswell"), 1);
        assert_eq!(edit_distance("hsawell", "haswell"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn suggestions() {
        let names = ["haswell", "broadwell", "skylake", "x86-64-v4"];
        assert_eq!(closest("haswel", names), Some("haswell"));
        assert_eq!(closest("Haswell", names), Some("haswell"));
        assert_eq!(closest("skylak", names), Some("skylake"));
        assert_eq!(closest("x86-64-v5", names), Some("x86-64-v4"));
        assert_eq!(closest("zen", names), None);
        assert_eq!(
            closest("haswell", names),
            None,
            "an exact match is no suggestion"
        );
    }
}
