//! mvimg-cpu: CPU targets for multi-versioned images, with no LLVM dependency.
//!
//! - [`Arch`], [`Database`]: every CPU and feature LLVM 22 knows for x86_64 and
//!   AArch64, generated from LLVM's own tables, with what each feature implies and
//!   whether a host can detect it.
//! - [`TargetList`]: Julia's target-list language (`generic;haswell,-rdrnd,base(1)`),
//!   parsed strictly and resolved into LLVM `target-cpu`/`target-features` strings,
//!   full feature sets and clone categories.

#![warn(missing_docs)]

pub mod aarch64;
mod arch;
mod clone_rules;
pub mod cpuinfo;
pub mod db;
pub mod detect;
mod error;
pub mod feature;
pub mod fleet;
mod host;
pub mod image;
mod opt_level;
mod platform;
pub mod replay;
pub mod select;
mod suggest;
mod table_rows;
pub mod target_list;
mod width;
pub mod x86_64;

pub use arch::{Arch, Os};
pub use db::{Cpu, CpuListed, CpuListing, Database, Detection, FeatureClass};
pub use error::{
    DescriptionError, DescriptionFormat, Error, FleetProblem, ForcedTargetError,
    ForcedTargetProblem, GivenIn, MissingFeatures, NameKind, NoRunnableTarget, Problem,
    TargetListError,
};
pub use feature::{Feature, FeatureSet};
pub use host::{Host, HostDescription};
pub use image::{DispatchData, FormatError, FormatProblem, Image, LoadError, OpenOptions};
pub use opt_level::{NoSuchOptLevel, OptLevel};
pub use platform::{ObjectFormat, Platform, SUPPORTED_TRIPLES};
pub use select::{select, static_order, SelectOptions, Selection, VectorWidth};
pub use suggest::closest;
pub use target_list::{
    default_target_list, default_tuning, CloneCategories, CloneCategory, CpuName, FeatureOp,
    ResolvedTarget, ResolvedTargets, SizeGoal, TargetList, TargetSpec, TARGET_LIST_VAR,
};
