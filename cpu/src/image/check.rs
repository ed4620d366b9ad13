//! Deciding from an image's file alone whether a host may load it: before
//! `dlopen`, so that no code of an image that would be refused (not even its
//! constructors) runs. An image is refused when no target of it can run on
//! the host, or when its build record fails a requirement the caller states
//! (a key must have a value; the opt level must be at least N, Julia's rule
//! for package images), or when it is layered on a base image other than
//! the one given.

use std::fmt;

use serde::Serialize;

use super::format::{DispatchData, DispatchHead, RECORD_BASE, RECORD_BASE_HASH, RECORD_OPT_LEVEL};
use crate::select::{select, SelectOptions, Selection};
use crate::{Host, NoRunnableTarget, OptLevel};

/// What a caller requires of an image's build record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Requirements {
    /// Keys that must be recorded with exactly these values.
    pub keys: Vec<(String, String)>,
    /// The lowest optimization level accepted (`mvimg.opt-level`): a lower
    /// one is refused, a higher one accepted.
    pub min_opt_level: Option<OptLevel>,
    /// The base image loaded (or to be loaded) under this one: a layered
    /// image built against another base is refused.
    pub base: Option<BaseImage>,
}

/// The identity of a base image: its name and content hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BaseImage {
    /// Its file name (what a layered image records as `mvimg.base`).
    pub name: String,
    /// Its content hash ([`DispatchData::hash`]).
    pub hash: u64,
}

impl BaseImage {
    /// The identity of the image at `path` whose data is `data`.
    pub fn of(path: &std::path::Path, data: &DispatchData) -> BaseImage {
        BaseImage::named(path, data.hash)
    }

    /// The identity of the image at `path` whose data's content hash is
    /// `hash`.
    pub fn named(path: &std::path::Path, hash: u64) -> BaseImage {
        BaseImage {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            hash,
        }
    }
}

/// One reason an image is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "refusal", rename_all = "snake_case")]
pub enum Refusal {
    /// No target of the image can run on the host: what each one lacks.
    NoRunnableTarget(NoRunnableTarget),
    /// Selection failed otherwise (an override names no target, or one the
    /// host cannot run).
    Selection {
        /// Why.
        message: String,
    },
    /// A required key is missing or has another value.
    Record {
        /// The key.
        key: String,
        /// The value required.
        required: String,
        /// The value recorded, if any.
        found: Option<String>,
    },
    /// A layered image whose base is not the one given (or none was).
    Base {
        /// The base it was built against: name and hash (hex).
        built_on: (String, String),
        /// The base given, if any.
        given: Option<BaseImage>,
    },
    /// The image was optimized less than required.
    OptLevel {
        /// The lowest level accepted.
        required: OptLevel,
        /// The level recorded (as written), if any.
        found: Option<String>,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NoRunnableTarget(e) => e.fmt(f),
            Refusal::Selection { message } => f.write_str(message),
            Refusal::Record {
                key,
                required,
                found: Some(found),
            } => write!(
                f,
                "the image was built with {key}={found}; {key}={required} is required \
                 (rebuild it with --record {key}={required})"
            ),
            Refusal::Record {
                key,
                required,
                found: None,
            } => write!(
                f,
                "the image records no `{key}`; {key}={required} is required (rebuild it \
                 with --record {key}={required})"
            ),
            Refusal::Base {
                built_on: (name, hash),
                given: Some(given),
            } => write!(
                f,
                "the image was built against the base image {name} (hash {hash}), but the \
                 base given is {} (hash {:016x}): load the base it was built on, or rebuild \
                 it against this one",
                given.name, given.hash
            ),
            Refusal::Base {
                built_on: (name, hash),
                given: None,
            } => write!(
                f,
                "the image is layered on the base image {name} (hash {hash}): give the base \
                 it is loaded on"
            ),
            Refusal::OptLevel { required, found } => write!(
                f,
                "the image was built at -O{}; at least -O{required} is required (rebuild \
                 it with -O{required} or higher)",
                found.as_deref().unwrap_or("?")
            ),
        }
    }
}

/// Checks `data` (the head of the dispatch data read from the image's file:
/// a [`DispatchData`] is one too) for `host`: the target the
/// host would select, or every reason the image is refused.
pub fn check(
    data: &DispatchHead,
    host: &Host,
    select_options: &SelectOptions,
    requirements: &Requirements,
) -> Result<Selection, Vec<Refusal>> {
    let mut refusals = Vec::new();
    for (key, required) in &requirements.keys {
        let found = data.record_value(key);
        if found != Some(required.as_str()) {
            refusals.push(Refusal::Record {
                key: key.clone(),
                required: required.clone(),
                found: found.map(str::to_owned),
            });
        }
    }
    if let Some(required) = requirements.min_opt_level {
        let found = data.record_value(RECORD_OPT_LEVEL);
        if found
            .and_then(|v| v.parse::<OptLevel>().ok())
            .is_none_or(|level| level < required)
        {
            refusals.push(Refusal::OptLevel {
                required,
                found: found.map(str::to_owned),
            });
        }
    }
    if let Some(name) = data.record_value(RECORD_BASE) {
        let hash = data.record_value(RECORD_BASE_HASH).unwrap_or("?");
        let matches = requirements
            .base
            .as_ref()
            .is_some_and(|b| format!("{:016x}", b.hash) == hash);
        if !matches {
            refusals.push(Refusal::Base {
                built_on: (name.to_owned(), hash.to_owned()),
                given: requirements.base.clone(),
            });
        }
    }
    let selection = match data.resolved_targets() {
        Ok(targets) => match select(&targets, host, select_options) {
            Ok(selection) => Some(selection),
            Err(crate::Error::NoRunnableTarget(e)) => {
                refusals.push(Refusal::NoRunnableTarget(*e));
                None
            }
            Err(e) => {
                refusals.push(Refusal::Selection {
                    message: e.to_string(),
                });
                None
            }
        },
        Err(e) => {
            refusals.push(Refusal::Selection {
                message: e.to_string(),
            });
            None
        }
    };
    match selection {
        Some(selection) if refusals.is_empty() => Ok(selection),
        _ => Err(refusals),
    }
}

/// What `mvimg check` prints of a decision: text (`Display`) or JSON
/// (`Serialize`: `loadable`, `host`, and `selected`/`name` or
/// `reasons`/`messages`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// Whether the host may load the image.
    pub loadable: bool,
    /// The host's CPU name.
    pub host: String,
    /// The target it would run, when loadable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selected: Option<usize>,
    /// That target's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Every reason it is refused.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Refusal>,
    /// The reasons as sentences.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<String>,
    #[serde(skip)]
    image: String,
}

impl CheckReport {
    /// The report of `decision` (what [`check`] returned) for `host` and the
    /// image named `image`.
    pub fn new(image: &str, host: &Host, decision: &Result<Selection, Vec<Refusal>>) -> Self {
        let (selected, name, reasons) = match decision {
            Ok(s) => (Some(s.index), Some(s.name.clone()), Vec::new()),
            Err(reasons) => (None, None, reasons.clone()),
        };
        CheckReport {
            loadable: decision.is_ok(),
            host: host.name.clone(),
            selected,
            name,
            messages: reasons.iter().map(ToString::to_string).collect(),
            reasons,
            image: image.to_owned(),
        }
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.selected, &self.name) {
            (Some(index), Some(name)) => writeln!(
                f,
                "{}: loadable on {}: selects target {index}: {name}",
                self.image, self.host
            ),
            _ => {
                writeln!(f, "{}: refused on {}:", self.image, self.host)?;
                for message in &self.messages {
                    writeln!(f, "- {}", message.replace('\n', "\n  "))?;
                }
                Ok(())
            }
        }
    }
}
