//! mvimg: multi-versioned native images.
//!
//! This facade re-exports the crates an image builder uses:
//! - [`cpu`] (mvimg-cpu): target lists, the CPU database, host descriptions;
//! - [`codegen`] (mvimg-codegen): the LLVM 22 side;
//! - [`link`] (mvimg-link): the linker driver.
//!
//! A runtime that only loads images can depend on mvimg-cpu alone.

#![warn(missing_docs)]

/// Reading an image file without loading it (`mvimg inspect`).
pub use mvimg_cpu::image::file as inspect;

pub use mvimg_codegen as codegen;
/// The inkwell (LLVM 22) mvimg builds with, for in-memory IR given to
/// [`codegen::ImageBuilder`]: depend on mvimg alone, not on inkwell too.
pub use mvimg_codegen::inkwell;
pub use mvimg_cpu as cpu;
pub use mvimg_link as link;

/// The README's Rust blocks, compiled (and run, unless `no_run`) as
/// doctests, so that what it shows of the crate keeps building.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
