//! mvimg-codegen: the LLVM 22 half of mvimg (inkwell and the C++ shim).
//!
//! It multiversions LLVM IR: [`analysis`] finds what each function contains,
//! [`plan`] decides which targets clone which functions and which get slots,
//! and [`multiversion`] applies the plan (clones, slots, trampolines, feature
//! queries, per-target attributes) and emits the [`dispatch`] data;
//! [`emit_object`] optimizes and writes the object, [`link_image`] links it.
//! [`ImageBuilder`] does all of it for IR given as files, bytes or modules. It
//! asks LLVM about the build host ([`llvm_host`]); with the
//! `cpu-db-generator` feature it generates mvimg-cpu's CPU database from
//! LLVM (`cpu_tables`, the `mvimg-gen-cpu-db` tool), and with
//! `test-support` it has the harnesses mvimg's own tests use (`synth`,
//! `remote::LocalCluster`).
//!
//! Image builders ask about the CPU from their IR with feature queries:
//! `declare i1 @"mvimg.cpu.have.<feature>"()` (an LLVM feature name, such as
//! `avx2` or `sve`); each body gets the constant its target implies.

#![warn(missing_docs)]

mod abi;
pub mod analysis;
pub mod cache;
mod clone;
#[cfg(feature = "cpu-db-generator")]
pub mod cpu_tables;
pub mod dispatch;
mod error;
mod exports;
pub mod fleet;
mod host;
mod image_link;
pub mod init;
pub mod inputs;
mod machine;
mod output;
pub mod parallel;
pub mod partition;
mod pipeline;
pub mod plan;
pub mod progress;
mod record;
pub mod remote;
mod report;
pub mod resources;
#[cfg(feature = "test-support")]
pub mod synth;

/// The inkwell (LLVM 22) this crate builds modules with: use it for the
/// modules and contexts given to [`ImageBuilder`], so that the versions
/// cannot drift apart.
pub use inkwell;

pub use clone::{clone_name, slot_name, trampoline_name};
pub use error::Error;
pub use host::{llvm_host, llvm_host_cpu_name, llvm_host_features};
pub use image_link::{ImageLink, ObjectBytes};
pub use machine::{
    emit_object, optimize, optimize_input, prelink, run_passes, target_machine, write_object,
    InputKind, TARGET_PASSES,
};
/// The optimization level a build runs at (mvimg-cpu's, which images record).
pub use mvimg_cpu::OptLevel;
pub use mvimg_llvm_shim::{llvm_version, LlvmVersion};
pub use output::{check_destination, link_image, write_atomically};
pub use pipeline::{
    build, check_input, load, multiversion, BuildOptions, Built, Entries, ImageBuilder,
};
pub use plan::ClonePlan;
pub use record::BuildRecord;
pub use report::BuildReport;
