//! mvimg-link: the linker driver for mvimg images. It turns a [`LinkJob`] — what
//! to link described by meaning (objects, archives whole or not, libraries by
//! name on search paths, rpaths, exports, the undefined-symbol policy, ...) for
//! a [`mvimg_cpu::Platform`] — into the argument vector of one of three
//! flavors — gnu (ELF), darwin (Mach-O), mingw (PE) — and runs LLD 22 inside
//! the process (or, on request or after LLD reported it cannot run again, the
//! `ld.lld-22`/`ld64.lld-22` executables with the same arguments). One machine
//! links images for Linux, macOS and Windows on x86_64 and AArch64.
//!
//! The output is written beside the destination and renamed into place only when
//! the link succeeds; LLD's diagnostics come back inside [`LinkError`].
//!
//! # Environment
//!
//! A link does not depend on the environment, in process or not, with one
//! deliberate exception. `LINK` and `_LINK_`, which LLD's COFF linker would add
//! to every MinGW link, are ignored (`-Xlink=-lldignoreenv`). `LLD_REPRODUCE`
//! is honoured in both modes: LLD then also writes a reproducer tarball of the
//! link to that path, which is what an LLD bug report needs.

#![warn(missing_docs)]

mod data;
mod error;
mod flavor;
mod job;
mod lld;
mod policy;
mod runtime;
mod scratch;
mod stub;

pub use data::data_object;
pub use error::{JobProblem, LinkError};
pub use flavor::Flavor;
pub use job::{LinkInput, LinkJob, LinkMode, LinkOptions, LinkOutput, LinkPaths, LinkSpec};
pub use lld::{in_process_poisoned, LldRun};
pub use policy::{DataImports, Undefined};
pub use runtime::toolchain_runtime;
pub use scratch::Scratch;
pub use stub::dll_entry_stub;
