//! mvimg: multi-versioned native images.
//!
//! This facade re-exports the crates an image builder uses:
//! - [`cpu`] (mvimg-cpu): target lists, the CPU database, host descriptions;
//! - [`codegen`] (mvimg-codegen): the LLVM 22 side;
//! - [`link`] (mvimg-link): the linker driver.
//!
//! A runtime that only loads images can depend on mvimg-cpu alone.
//!
//! # Deciding from the file, before load
//!
//! [`inspect::ImageFile::read`] reads an image's dispatch data without
//! loading it; [`cpu::image::check`] decides whether a host may load it
//! (`mvimg check`) and [`cpu::select::report`] explains which target it
//! selects and why each other lost (`mvimg explain`) — for this machine or
//! for any CPU of the database:
//!
//! ```
//! use mvimg::codegen::ImageBuilder;
//! use mvimg::cpu::image::{check, Refusal, Requirements};
//! use mvimg::cpu::select::{report, SelectOptions};
//! use mvimg::cpu::{Arch, Host};
//! use mvimg::inspect::ImageFile;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let ir = "target triple = \"x86_64-unknown-linux-gnu\"\n\
//!           define double @sum(ptr %x, i64 %n) {\n\
//!           entry:\n  br label %loop\n\
//!           loop:\n  %i = phi i64 [ 0, %entry ], [ %j, %loop ]\n\
//!             %s = phi double [ 0.0, %entry ], [ %t, %loop ]\n\
//!             %p = getelementptr double, ptr %x, i64 %i\n\
//!             %v = load double, ptr %p\n  %t = fadd fast double %s, %v\n\
//!             %j = add i64 %i, 1\n  %c = icmp ult i64 %j, %n\n\
//!             br i1 %c, label %loop, label %done\n\
//!           done:\n  ret double %t\n}\n";
//! let dir = std::env::temp_dir().join(format!("mvimg-doc-check-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let path = dir.join("libsum.so");
//! ImageBuilder::new()
//!     .ir_text("sum.ll", ir)
//!     .target_list("generic;haswell;x86-64-v4".parse()?)
//!     .record("runtime-abi", "3")
//!     .build()?
//!     .link(&path)?;
//!
//! let image = ImageFile::read(&path)?;
//! let requirements = Requirements {
//!     keys: vec![("runtime-abi".into(), "3".into())],
//!     ..Requirements::default()
//! };
//! // A Skylake server selects the x86-64-v4 target; a Haswell the haswell one.
//! let skylake = Host::named(Arch::X86_64, "skylake-avx512")?;
//! let chosen = check(&image.data, &skylake, &SelectOptions::default(), &requirements)
//!     .expect("loadable");
//! assert_eq!(chosen.name, "x86-64-v4");
//! let haswell = Host::named(Arch::X86_64, "haswell")?;
//! let targets = image.data.resolved_targets()?;
//! let why = report(&targets, &haswell, &SelectOptions::default())?;
//! println!("{why}"); // the chosen target, and why the others lost
//! assert_eq!(why.selection().index, 1);
//!
//! // Another runtime ABI is refused, with the reason, before any code of
//! // the image runs.
//! let other = Requirements {
//!     keys: vec![("runtime-abi".into(), "4".into())],
//!     ..Requirements::default()
//! };
//! let refusals = check(&image.data, &skylake, &SelectOptions::default(), &other)
//!     .expect_err("refused");
//! assert!(matches!(&refusals[0], Refusal::Record { key, .. } if key == "runtime-abi"));
//! std::fs::remove_dir_all(&dir)?;
//! # Ok(()) }
//! ```

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
