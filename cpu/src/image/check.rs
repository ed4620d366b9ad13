//! Deciding from an image's file alone whether a host may load it: before
//! `dlopen`, so that no code of an image that would be refused (not even its
//! constructors) runs. An image is refused when no target of it can run on
//! the host, or when its build record fails a requirement the caller states
//! (a key must have a value; the opt level must be at least N, Julia's rule
//! for package images).

use std::fmt;

use serde::Serialize;

use super::format::{DispatchData, RECORD_OPT_LEVEL};
use crate::select::{select, SelectOptions, Selection};
use crate::{Host, NoRunnableTarget};

/// What a caller requires of an image's build record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Requirements {
    /// Keys that must be recorded with exactly these values.
    pub keys: Vec<(String, String)>,
    /// The lowest optimization level accepted (`mvimg.opt-level`): a lower
    /// one is refused, a higher one accepted.
    pub min_opt_level: Option<u8>,
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
    /// The image was optimized less than required.
    OptLevel {
        /// The lowest level accepted.
        required: u8,
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
            Refusal::OptLevel { required, found } => write!(
                f,
                "the image was built at -O{}; at least -O{required} is required (rebuild \
                 it with -O{required} or higher)",
                found.as_deref().unwrap_or("?")
            ),
        }
    }
}

/// Checks `data` (read from the image's file) for `host`: the target the
/// host would select, or every reason the image is refused.
pub fn check(
    data: &DispatchData,
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
            .and_then(|v| v.parse::<u8>().ok())
            .is_none_or(|level| level < required)
        {
            refusals.push(Refusal::OptLevel {
                required,
                found: found.map(str::to_owned),
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
