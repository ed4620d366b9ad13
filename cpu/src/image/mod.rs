//! Images built by mvimg: their dispatch data (docs/FORMAT.md) and loading
//! them in this process.
//!
//! [`mod@format`] reads and checks the dispatch data from untrusted bytes (a file
//! or a mapped image); [`Image::open`] loads an image on Linux, checks its
//! data against its mapped segments, selects a target for the host (with the
//! `MVIMG_FORCE_TARGET` / `MVIMG_HOST_FEATURES` overrides) and fills its slots
//! and relocation cells. [`ImageFile`] reads an image file of any format
//! (ELF, Mach-O, PE) for any architecture without loading it, as `mvimg
//! inspect` does; [`check`] decides from it alone whether a host may load
//! the image, which `Image::open` does before `dlopen`.

mod check;
mod elf;
pub mod file;
pub mod format;
pub mod layout;
mod loader;
mod source;

pub use check::{check, BaseImage, CheckReport, Refusal, Requirements};
pub use file::{read_head, ImageFile, InspectError};
pub use format::{CodeAddress, DataPart, DispatchData, DispatchHead, FormatError, FormatProblem};
pub use loader::{FnPtr, Image, LoadError, OpenOptions};
