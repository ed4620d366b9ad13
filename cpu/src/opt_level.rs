//! LLVM's optimization levels as mvimg builds with them and images record
//! them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An optimization level: which of LLVM's `default<O0>` to `default<O3>`
/// pipelines a build runs, `mvimg build -O N`, and what an image records as
/// `mvimg.opt-level` (a loader may require at least one, as Julia requires
/// of package images). Ordered: `O3` is the highest.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub enum OptLevel {
    /// No optimization.
    O0,
    /// LLVM's `-O1`.
    O1,
    /// LLVM's `-O2`: the default, as clang's and Julia's.
    #[default]
    O2,
    /// LLVM's `-O3`.
    O3,
}

impl OptLevel {
    /// Every level, lowest first.
    pub const ALL: [OptLevel; 4] = [OptLevel::O0, OptLevel::O1, OptLevel::O2, OptLevel::O3];

    /// The level's number, `0` to `3`.
    pub fn number(self) -> u8 {
        self as u8
    }
}

/// A number that is no optimization level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoSuchOptLevel {
    /// The number given.
    pub value: u64,
}

impl fmt::Display for NoSuchOptLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the optimization level is {}; it must be 0 to 3",
            self.value
        )
    }
}

impl std::error::Error for NoSuchOptLevel {}

impl TryFrom<u64> for OptLevel {
    type Error = NoSuchOptLevel;

    fn try_from(value: u64) -> Result<OptLevel, NoSuchOptLevel> {
        usize::try_from(value)
            .ok()
            .and_then(|i| OptLevel::ALL.get(i).copied())
            .ok_or(NoSuchOptLevel { value })
    }
}

impl TryFrom<u8> for OptLevel {
    type Error = NoSuchOptLevel;

    fn try_from(value: u8) -> Result<OptLevel, NoSuchOptLevel> {
        OptLevel::try_from(u64::from(value))
    }
}

impl From<OptLevel> for u8 {
    fn from(level: OptLevel) -> u8 {
        level.number()
    }
}

impl fmt::Display for OptLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

/// The level written as its number (`2`), as images record it.
impl std::str::FromStr for OptLevel {
    type Err = String;

    fn from_str(text: &str) -> Result<OptLevel, String> {
        let value: u64 = text
            .parse()
            .map_err(|_| format!("`{text}` is not an optimization level (0 to 3)"))?;
        OptLevel::try_from(value).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_their_numbers_and_nothing_else_is_one() {
        for (i, level) in OptLevel::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(level.number()), i);
            assert_eq!(OptLevel::try_from(level.number()), Ok(level));
            assert_eq!(level.to_string().parse::<OptLevel>(), Ok(level));
            let json = serde_json::to_string(&level).unwrap();
            assert_eq!(json, i.to_string());
            assert_eq!(serde_json::from_str::<OptLevel>(&json).unwrap(), level);
        }
        assert!(OptLevel::O1 < OptLevel::O3);
        assert_eq!(
            OptLevel::try_from(9u8).unwrap_err().to_string(),
            "the optimization level is 9; it must be 0 to 3"
        );
        assert!(OptLevel::try_from(u64::MAX).is_err());
        assert!("2a".parse::<OptLevel>().is_err());
        assert!(serde_json::from_str::<OptLevel>("4").is_err());
        assert_eq!(OptLevel::default(), OptLevel::O2);
    }
}
