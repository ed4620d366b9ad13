//! mvimg-codegen: the LLVM 22 half of mvimg (inkwell and the C++ shim).
//!
//! Today it generates mvimg-cpu's CPU database from LLVM ([`cpu_tables`]) and asks
//! LLVM about the build host ([`llvm_host`]); clone analysis, cloning and object
//! emission build on the same foundation.

#![warn(missing_docs)]

pub mod analysis;
pub mod cpu_tables;
mod error;
mod host;
pub mod plan;

pub use error::Error;
pub use host::{llvm_host, llvm_host_cpu_name, llvm_host_features};
