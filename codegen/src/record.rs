//! The build record an image carries in its dispatch data (docs/FORMAT.md):
//! the build facts mvimg writes itself (`mvimg.*` keys) and the caller's
//! compatibility keys (`check-bounds=yes`), which a runtime requires to match
//! before it loads the image.

use std::collections::BTreeMap;

use mvimg_cpu::image::format::{
    is_record_key, RECORD_BASE, RECORD_BASE_HASH, RECORD_LLVM_VERSION, RECORD_MVIMG_VERSION,
    RECORD_OPT_LEVEL, RECORD_RESERVED_PREFIX, RECORD_TRIPLE,
};
use mvimg_cpu::Platform;

use crate::Error;

/// The (key, value) pairs of an image's build record, sorted by key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildRecord {
    entries: BTreeMap<String, String>,
}

impl BuildRecord {
    /// The record of a build: the facts, then the caller's keys (checked:
    /// a key is letters, digits, `-`, `_`, `.`, not `mvimg.`-prefixed and
    /// given once; a value has no NUL byte).
    pub fn new(
        platform: &Platform,
        opt_level: mvimg_cpu::OptLevel,
        caller: &[(String, String)],
    ) -> Result<BuildRecord, Error> {
        let (major, minor, patch) = inkwell::support::get_llvm_version();
        let mut entries = BTreeMap::from([
            (
                RECORD_MVIMG_VERSION.to_owned(),
                env!("CARGO_PKG_VERSION").to_owned(),
            ),
            (
                RECORD_LLVM_VERSION.to_owned(),
                format!("{major}.{minor}.{patch}"),
            ),
            (RECORD_TRIPLE.to_owned(), platform.to_string()),
            (RECORD_OPT_LEVEL.to_owned(), opt_level.to_string()),
        ]);
        for (key, value) in caller {
            let problem = if !is_record_key(key) {
                Some("is not a key: use letters, digits, `-`, `_` and `.`")
            } else if key.starts_with(RECORD_RESERVED_PREFIX) {
                Some("is reserved: mvimg writes the `mvimg.` keys itself")
            } else if value.contains('\0') {
                Some("has a value with a NUL byte")
            } else if entries.contains_key(key) {
                Some("is given twice")
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(Error::Record {
                    key: key.clone(),
                    problem: problem.to_owned(),
                });
            }
            entries.insert(key.clone(), value.clone());
        }
        Ok(BuildRecord { entries })
    }

    /// Records the base image a layered image is built against.
    pub(crate) fn set_base(&mut self, base: &mvimg_cpu::image::BaseImage) {
        self.entries
            .insert(RECORD_BASE.to_owned(), base.name.clone());
        self.entries
            .insert(RECORD_BASE_HASH.to_owned(), format!("{:016x}", base.hash));
    }

    /// The pairs, sorted by key.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(String::as_str)
    }
}
