//! mvimg-link: the linker driver for mvimg images. It turns a [`LinkJob`] (inputs,
//! output, exports, options, target triple) into the argument vector of one of
//! three flavors — gnu (ELF), darwin (Mach-O), mingw (PE) — and runs LLD 22 inside
//! the process (or, on request or after LLD reported it cannot run again, the
//! `ld.lld-22`/`ld64.lld-22` executables with the same arguments). One machine
//! links images for Linux, macOS and Windows on x86_64 and AArch64.
//!
//! The output is written beside the destination and renamed into place only when
//! the link succeeds; LLD's diagnostics come back inside [`LinkError`].

#![warn(missing_docs)]

mod error;
mod job;
mod lld;
mod stub;
mod target;

pub use error::LinkError;
pub use job::{LinkJob, LinkMode, LinkOptions, LinkOutput, LinkPaths};
pub use lld::{in_process_poisoned, LldRun};
pub use stub::dll_entry_stub;
pub use target::{Flavor, LinkArch, LinkTarget};
