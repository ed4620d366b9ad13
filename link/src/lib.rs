//! mvimg-link: the linker driver for mvimg images (gnu, darwin and mingw flavors
//! over LLD 22 running in process).
//!
//! Not implemented yet: linking lands with the linker-driver issue. The crate
//! exists so the workspace has its final shape and dependents can name it.

#![warn(missing_docs)]
