//! mvimg's C API: what a language runtime written in C or C++ (Julia's is
//! the model) calls to build its system and package images, link them
//! against the runtime, and decide before `dlopen` whether this machine may
//! load one.
//!
//! The header, `include/mvimg.h`, is cbindgen's rendering of this file
//! (`tests/header.rs` keeps the two equal). `cargo build -p mvimg-capi
//! --release` writes `libmvimg_capi.so` (`.dylib`, `.dll`) and
//! `libmvimg_capi.a` to `target/release/`, and `mvimg.pc` beside them for
//! pkg-config.
//!
//! # The contract, for every function
//!
//! - Every call that can fail returns an [`MvimgStatus`]; on failure the
//!   handle it was given holds a message (`mvimg_builder_message`,
//!   `mvimg_image_message`) naming the input, what was expected and what to
//!   do. A call that fails changes nothing but the message.
//! - No panic crosses the boundary: one is caught and reported as
//!   [`MvimgStatus::Internal`]; the handle must then only be freed.
//! - Strings are NUL-terminated UTF-8 (paths: any bytes on Unix). A string
//!   the library returns belongs to the handle and stays valid until the
//!   next call with that handle or its free; the caller never frees it.
//! - A handle is used by one thread at a time (it may move between threads);
//!   different handles may be used at once on different threads, builds
//!   included.

#![warn(missing_docs)]

use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::OnceLock;

use mvimg::codegen::{Error, ImageBuilder, ObjectBytes};
use mvimg::cpu::image::{BaseImage, CheckReport, Requirements};
use mvimg::cpu::select::SelectOptions;
use mvimg::cpu::{Host, OptLevel, TargetList};
use mvimg::inspect::ImageFile;

/// What a call did.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MvimgStatus {
    /// It did what was asked.
    Ok = 0,
    /// An argument is NULL, not UTF-8, out of range or not meaningful here
    /// (a builder already built, a setting such as `threads(0)`): nothing
    /// was done.
    InvalidArgument = 1,
    /// An input cannot be read or is malformed: IR, an object, an image file.
    Input = 2,
    /// The build failed: the target list for the inputs' platform, code
    /// generation, the object cache.
    Build = 3,
    /// The link failed (LLD's diagnostics are in the message).
    Link = 4,
    /// `mvimg_image_check`: this host may not load the image; the text says
    /// every reason.
    Refused = 5,
    /// mvimg failed inside (a panic, caught here); free the handle.
    Internal = 6,
}

/// A failed call: its status and message.
struct Failure {
    status: MvimgStatus,
    message: String,
}

impl Failure {
    fn new(status: MvimgStatus, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    fn argument(message: impl Into<String>) -> Failure {
        Failure::new(MvimgStatus::InvalidArgument, message)
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        let status = match &e {
            Error::Input { .. } => MvimgStatus::Input,
            Error::Link(_) | Error::Undefined { .. } => MvimgStatus::Link,
            Error::Setting { .. }
            | Error::NoInputs
            | Error::Destination { .. }
            | Error::TripleMismatch { .. }
            | Error::ListForOtherArch { .. }
            | Error::Record { .. }
            | Error::Entry { .. }
            | Error::ExportNotVisible { .. }
            | Error::BaseImportLibrary { .. } => MvimgStatus::InvalidArgument,
            _ => MvimgStatus::Build,
        };
        // The long form: a link error with LLD's diagnostics.
        Failure::new(status, format!("{e:#}"))
    }
}

/// `text` as a C string (a NUL inside, which no message has, would be
/// shown as `\0`).
fn c_string(text: &str) -> CString {
    CString::new(text.replace('\0', "\\0")).unwrap_or_default()
}

/// The UTF-8 text of the C string argument `what`.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that outlives `'a`.
unsafe fn text<'a>(ptr: *const c_char, what: &str) -> Result<&'a str, Failure> {
    if ptr.is_null() {
        return Err(Failure::argument(format!("{what} is NULL")));
    }
    // SAFETY: non-NULL and NUL-terminated, as the caller promised.
    let bytes = unsafe { CStr::from_ptr(ptr) };
    bytes
        .to_str()
        .map_err(|e| Failure::argument(format!("{what} is not UTF-8: {e}")))
}

/// The path in the C string argument `what` (any bytes on Unix).
///
/// # Safety
/// As [`text`].
unsafe fn path(ptr: *const c_char, what: &str) -> Result<PathBuf, Failure> {
    if ptr.is_null() {
        return Err(Failure::argument(format!("{what} is NULL")));
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        // SAFETY: non-NULL and NUL-terminated, as the caller promised.
        let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
        if bytes.is_empty() {
            return Err(Failure::argument(format!("{what} is empty")));
        }
        Ok(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
    }
    #[cfg(not(unix))]
    {
        // SAFETY: as above.
        let text = unsafe { text(ptr, what) }?;
        if text.is_empty() {
            return Err(Failure::argument(format!("{what} is empty")));
        }
        Ok(PathBuf::from(text))
    }
}

/// The `len` bytes at `ptr` (NULL only with `len` 0).
///
/// # Safety
/// `ptr` points to `len` readable bytes that outlive `'a`.
unsafe fn bytes<'a>(ptr: *const u8, len: usize, what: &str) -> Result<&'a [u8], Failure> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(Failure::argument(format!(
            "{what} is NULL with length {len}"
        )));
    }
    // SAFETY: `len` readable bytes, as the caller promised.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Runs `f`, catching a panic: the status, and the message stored in
/// `message` (emptied on success).
fn guarded(message: &mut CString, f: impl FnOnce() -> Result<(), Failure>) -> MvimgStatus {
    let outcome = catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        Err(Failure::new(
            MvimgStatus::Internal,
            format!("mvimg failed inside (please report it): {what}; free this handle"),
        ))
    });
    match outcome {
        Ok(()) => {
            *message = CString::default();
            MvimgStatus::Ok
        }
        Err(failure) => {
            *message = c_string(&failure.message);
            failure.status
        }
    }
}

/// mvimg's version and the LLVM it builds with
/// (`"mvimg 0.1.0 (LLVM 22.1.0)"`): a static string, never freed.
#[no_mangle]
pub extern "C" fn mvimg_version() -> *const c_char {
    static VERSION: OnceLock<CString> = OnceLock::new();
    VERSION
        .get_or_init(|| {
            c_string(&format!(
                "mvimg {} (LLVM {})",
                env!("CARGO_PKG_VERSION"),
                mvimg::codegen::llvm_version()
            ))
        })
        .as_ptr()
}

/// A data object to make once the image's platform is known.
struct DataObject {
    name: String,
    symbol: String,
    bytes: Vec<u8>,
    align: u64,
}

/// Builds one image: IR, the target list, the triple, link inputs, build
/// records, options; then `mvimg_builder_build` builds and links it. Made
/// by `mvimg_builder_new`, freed by `mvimg_builder_free`.
pub struct MvimgBuilder {
    /// `None` once built (or after a panic).
    builder: Option<ImageBuilder<'static>>,
    data_objects: Vec<DataObject>,
    message: CString,
    report: Option<CString>,
}

impl MvimgBuilder {
    /// Reads a setter's arguments (`prepare`) and applies the change it
    /// returns to the builder, unless the builder is spent; a failure leaves
    /// the builder as it was.
    fn change<F>(&mut self, prepare: impl FnOnce() -> Result<F, Failure>) -> MvimgStatus
    where
        F: FnOnce(ImageBuilder<'static>) -> ImageBuilder<'static>,
    {
        let slot = &mut self.builder;
        guarded(&mut self.message, || {
            if slot.is_none() {
                return Err(spent());
            }
            let change = prepare()?;
            *slot = slot.take().map(change);
            Ok(())
        })
    }
}

/// A change to a builder, where a setter's branches make different ones.
type Change = Box<dyn FnOnce(ImageBuilder<'static>) -> ImageBuilder<'static>>;

fn spent() -> Failure {
    Failure::argument(
        "this builder has built its image (or failed inside): make a new one with \
         mvimg_builder_new",
    )
}

/// The builder behind `builder`, or NULL's status.
///
/// # Safety
/// `builder` is NULL or a live handle from `mvimg_builder_new`.
unsafe fn builder_mut<'a>(builder: *mut MvimgBuilder) -> Option<&'a mut MvimgBuilder> {
    // SAFETY: NULL or live and used by this thread alone, as promised.
    unsafe { builder.as_mut() }
}

/// A new builder: no IR, the default target list (`MVIMG_CPU_TARGET` is
/// not read: give the list), the IR's own triple, default options.
#[no_mangle]
pub extern "C" fn mvimg_builder_new() -> *mut MvimgBuilder {
    Box::into_raw(Box::new(MvimgBuilder {
        builder: Some(ImageBuilder::new()),
        data_objects: Vec::new(),
        message: CString::default(),
        report: None,
    }))
}

/// Frees `builder` and every string it returned. NULL is allowed.
///
/// # Safety
/// `builder` is NULL or a handle from `mvimg_builder_new` not yet freed.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_free(builder: *mut MvimgBuilder) {
    if !builder.is_null() {
        // SAFETY: a live handle from Box::into_raw, freed once.
        drop(unsafe { Box::from_raw(builder) });
    }
}

/// The message of the builder's last failed call (empty after a call that
/// succeeded); "" for NULL.
///
/// # Safety
/// `builder` is NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_message(builder: *const MvimgBuilder) -> *const c_char {
    // SAFETY: NULL or live, as promised.
    match unsafe { builder.as_ref() } {
        Some(b) => b.message.as_ptr(),
        None => c"".as_ptr(),
    }
}

/// A setter's body: checks the handle, reads the arguments (`$prepare`,
/// which returns the change to make), changes the builder.
macro_rules! setter {
    ($builder:ident, $prepare:block) => {{
        // SAFETY: NULL or live, as the caller promised.
        let Some(handle) = (unsafe { builder_mut($builder) }) else {
            return MvimgStatus::InvalidArgument;
        };
        handle.change(|| $prepare)
    }};
}

/// A setter of one path argument, `arg` (named `what` in messages): `apply`
/// adds it to the builder.
///
/// # Safety
/// `builder` is NULL or a live handle; `arg` is NULL or a C string.
unsafe fn set_path(
    builder: *mut MvimgBuilder,
    arg: *const c_char,
    what: &str,
    apply: fn(ImageBuilder<'static>, PathBuf) -> ImageBuilder<'static>,
) -> MvimgStatus {
    setter!(builder, {
        let value = unsafe { path(arg, what) }?;
        Ok(move |b: ImageBuilder<'static>| apply(b, value))
    })
}

/// A setter of one text argument, as [`set_path`].
///
/// # Safety
/// As [`set_path`].
unsafe fn set_text(
    builder: *mut MvimgBuilder,
    arg: *const c_char,
    what: &str,
    apply: fn(ImageBuilder<'static>, String) -> ImageBuilder<'static>,
) -> MvimgStatus {
    setter!(builder, {
        let value = unsafe { text(arg, what) }?.to_owned();
        Ok(move |b: ImageBuilder<'static>| apply(b, value))
    })
}

/// Adds an IR file (`.ll` text or `.bc` bitcode).
///
/// # Safety
/// `builder` is NULL or a live handle; `path` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_ir_file(
    builder: *mut MvimgBuilder,
    path: *const c_char,
) -> MvimgStatus {
    // SAFETY: as this function's contract.
    unsafe { set_path(builder, path, "path", |b, v| b.ir_file(v)) }
}

/// Adds IR from memory: bitcode (it starts with `BC`) or IR text, copied;
/// `name` names it in messages.
///
/// # Safety
/// `builder` is NULL or a live handle; `name` is NULL or a C string; `ir`
/// points to `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_ir_bytes(
    builder: *mut MvimgBuilder,
    name: *const c_char,
    ir: *const u8,
    len: usize,
) -> MvimgStatus {
    setter!(builder, {
        let name = unsafe { text(name, "name") }?.to_owned();
        let ir = unsafe { bytes(ir, len, "ir") }?;
        // Bitcode, bare or in its wrapper.
        let bitcode = ir.starts_with(b"BC\xC0\xDE") || ir.starts_with(&[0xDE, 0xC0, 0x17, 0x0B]);
        if bitcode {
            let ir = ir.to_vec();
            Ok(Box::new(move |b: ImageBuilder<'static>| b.bitcode(name, ir)) as Change)
        } else {
            let text = std::str::from_utf8(ir).map_err(|e| {
                Failure::new(
                    MvimgStatus::Input,
                    format!(
                        "{name}: neither bitcode (it does not start with `BC`) nor IR text \
                         (not UTF-8: {e})"
                    ),
                )
            })?;
            let text = text.to_owned();
            Ok(Box::new(move |b: ImageBuilder<'static>| b.ir_text(name, text)) as Change)
        }
    })
}

/// The target list, in `JULIA_CPU_TARGET`'s syntax
/// (`"generic;haswell,clone_all;x86-64-v4"`). An error in it is reported
/// here, with its position; CPU names are checked by the build, against the
/// inputs' architecture.
///
/// # Safety
/// `builder` is NULL or a live handle; `list` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_target_list(
    builder: *mut MvimgBuilder,
    list: *const c_char,
) -> MvimgStatus {
    setter!(builder, {
        let list: TargetList = unsafe { text(list, "list") }?
            .parse()
            .map_err(|e: mvimg::cpu::Error| Failure::argument(e.to_string()))?;
        Ok(move |b: ImageBuilder<'static>| b.target_list(list))
    })
}

/// The platform to build for (`"aarch64-unknown-linux-gnu"`,
/// `"x86_64-w64-windows-gnu"`, `"x86_64-apple-darwin"`...), when the IR's
/// own triple is not the one.
///
/// # Safety
/// `builder` is NULL or a live handle; `triple` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_triple(
    builder: *mut MvimgBuilder,
    triple: *const c_char,
) -> MvimgStatus {
    // SAFETY: as this function's contract.
    unsafe { set_text(builder, triple, "triple", |b, v| b.triple(v)) }
}

/// The optimization level, 0 to 3 (default 2); another is refused here
/// (`MVIMG_STATUS_INVALID_ARGUMENT`).
///
/// # Safety
/// `builder` is NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_opt_level(
    builder: *mut MvimgBuilder,
    level: u32,
) -> MvimgStatus {
    setter!(builder, {
        let value = opt_level(level)?;
        Ok(move |b: ImageBuilder<'static>| b.opt_level(value))
    })
}

/// `level` as an optimization level, else the caller's mistake.
fn opt_level(level: u32) -> Result<OptLevel, Failure> {
    OptLevel::try_from(u64::from(level)).map_err(|e| Failure::argument(e.to_string()))
}

/// Threads the build uses (default: every core); 0 is refused by the build.
///
/// # Safety
/// `builder` is NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_threads(
    builder: *mut MvimgBuilder,
    threads: usize,
) -> MvimgStatus {
    setter!(builder, {
        let value = threads;
        Ok(move |b: ImageBuilder<'static>| b.threads(value))
    })
}

/// Records `key` = `value` in the image's build record (what
/// `mvimg_image_require` checks before load).
///
/// # Safety
/// `builder` is NULL or a live handle; `key` and `value` are NULL or C
/// strings.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_record(
    builder: *mut MvimgBuilder,
    key: *const c_char,
    value: *const c_char,
) -> MvimgStatus {
    setter!(builder, {
        let key = unsafe { text(key, "key") }?.to_owned();
        let value = unsafe { text(value, "value") }?.to_owned();
        Ok(move |b: ImageBuilder<'static>| b.record(key, value))
    })
}

/// A directory searched for the libraries of `mvimg_builder_library`.
///
/// # Safety
/// `builder` is NULL or a live handle; `dir` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_search_path(
    builder: *mut MvimgBuilder,
    dir: *const c_char,
) -> MvimgStatus {
    // SAFETY: as this function's contract.
    unsafe { set_path(builder, dir, "dir", |b, v| b.search_path(v)) }
}

/// Links the library `name` (`-lNAME`: `libNAME.so`, `.dylib`, `.dll.a`...,
/// found on the search paths).
///
/// # Safety
/// `builder` is NULL or a live handle; `name` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_library(
    builder: *mut MvimgBuilder,
    name: *const c_char,
) -> MvimgStatus {
    // SAFETY: as this function's contract.
    unsafe { set_text(builder, name, "name", |b, v| b.library(v)) }
}

/// Links the library file at `path` (a shared library, an import library,
/// an archive).
///
/// # Safety
/// `builder` is NULL or a live handle; `path` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_library_file(
    builder: *mut MvimgBuilder,
    path: *const c_char,
) -> MvimgStatus {
    // SAFETY: as this function's contract.
    unsafe { set_path(builder, path, "path", |b, v| b.library_file(v)) }
}

/// Links the object file at `path` into the image.
///
/// # Safety
/// `builder` is NULL or a live handle; `path` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_object(
    builder: *mut MvimgBuilder,
    path: *const c_char,
) -> MvimgStatus {
    // SAFETY: as this function's contract.
    unsafe { set_path(builder, path, "path", |b, v| b.object(v)) }
}

/// Links an object file given as bytes (copied), written at link time under
/// `name` (a plain file name, `"heap.o"`).
///
/// # Safety
/// `builder` is NULL or a live handle; `name` is NULL or a C string;
/// `object` points to `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_object_bytes(
    builder: *mut MvimgBuilder,
    name: *const c_char,
    object: *const u8,
    len: usize,
) -> MvimgStatus {
    setter!(builder, {
        let name = unsafe { text(name, "name") }?.to_owned();
        let object = unsafe { bytes(object, len, "object") }?.to_vec();
        Ok(move |b: ImageBuilder<'static>| b.object_bytes(name, object))
    })
}

/// Links `len` bytes of data (copied; a serialized heap) as the global
/// read-only symbol `symbol`, aligned to `align` bytes (a power of two), in
/// an object file made for the image's platform and named `name`.
///
/// # Safety
/// `builder` is NULL or a live handle; `name` and `symbol` are NULL or C
/// strings; `data` points to `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_data(
    builder: *mut MvimgBuilder,
    name: *const c_char,
    symbol: *const c_char,
    data: *const u8,
    len: usize,
    align: u64,
) -> MvimgStatus {
    // SAFETY: NULL or live, as the caller promised.
    let Some(handle) = (unsafe { builder_mut(builder) }) else {
        return MvimgStatus::InvalidArgument;
    };
    let (objects, spent_now) = (&mut handle.data_objects, handle.builder.is_none());
    guarded(&mut handle.message, || {
        if spent_now {
            return Err(spent());
        }
        if !align.is_power_of_two() {
            return Err(Failure::argument(format!(
                "align is {align}; it must be a power of two"
            )));
        }
        objects.push(DataObject {
            name: unsafe { text(name, "name") }?.to_owned(),
            symbol: unsafe { text(symbol, "symbol") }?.to_owned(),
            bytes: unsafe { bytes(data, len, "data") }?.to_vec(),
            align,
        });
        Ok(())
    })
}

/// A run-time search path recorded in the image (ELF `DT_RUNPATH`:
/// `"$ORIGIN"`; Mach-O `LC_RPATH`: `"@loader_path"`). Windows has none: the
/// build refuses one there.
///
/// # Safety
/// `builder` is NULL or a live handle; `rpath` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_rpath(
    builder: *mut MvimgBuilder,
    rpath: *const c_char,
) -> MvimgStatus {
    // SAFETY: as this function's contract.
    unsafe { set_path(builder, rpath, "rpath", |b, v| b.rpath(v)) }
}

/// Exports the data symbol `symbol` of the inputs besides the image's own
/// exports (it must have default visibility).
///
/// # Safety
/// `builder` is NULL or a live handle; `symbol` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_export_data(
    builder: *mut MvimgBuilder,
    symbol: *const c_char,
) -> MvimgStatus {
    // SAFETY: as this function's contract.
    unsafe { set_text(builder, symbol, "symbol", |b, v| b.export_data(v)) }
}

/// Whether symbols nothing linked defines are left to the loader (`true`;
/// not possible for Windows DLLs) or fail the link naming each one
/// (`false`, the default on ELF when the toolchain runtime is linked).
///
/// # Safety
/// `builder` is NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_allow_undefined(
    builder: *mut MvimgBuilder,
    allow: bool,
) -> MvimgStatus {
    use mvimg::link::Undefined;
    let policy = if allow {
        Undefined::Allow
    } else {
        Undefined::Error
    };
    setter!(builder, {
        Ok(move |b: ImageBuilder<'static>| b.undefined(policy))
    })
}

/// Windows: also writes the image's import library to `path` (what a
/// package image layered on this one links with).
///
/// # Safety
/// `builder` is NULL or a live handle; `path` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_import_library(
    builder: *mut MvimgBuilder,
    path: *const c_char,
) -> MvimgStatus {
    // SAFETY: as this function's contract.
    unsafe { set_path(builder, path, "path", |b, v| b.import_library(v)) }
}

/// Layers the image on the base image at `path` (a package image on a
/// system image): it links against it and records its identity, which
/// `mvimg_image_base` checks before load.
///
/// # Safety
/// `builder` is NULL or a live handle; `path` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_base(
    builder: *mut MvimgBuilder,
    path: *const c_char,
) -> MvimgStatus {
    // SAFETY: as this function's contract.
    unsafe { set_path(builder, path, "path", |b, v| b.base(v)) }
}

/// Windows: the base image's import library (written by building the base
/// with `mvimg_builder_import_library`).
///
/// # Safety
/// `builder` is NULL or a live handle; `path` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_base_import_library(
    builder: *mut MvimgBuilder,
    path: *const c_char,
) -> MvimgStatus {
    // SAFETY: as this function's contract.
    unsafe { set_path(builder, path, "path", |b, v| b.base_import_library(v)) }
}

/// Builds the image and links it at `output`: nothing appears there unless
/// the whole build and link succeed. The builder is spent afterwards
/// (whatever the status): `mvimg_builder_report_json` reads what the build
/// did; free it with `mvimg_builder_free`.
///
/// # Safety
/// `builder` is NULL or a live handle; `output` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_build(
    builder: *mut MvimgBuilder,
    output: *const c_char,
) -> MvimgStatus {
    // SAFETY: NULL or live, as the caller promised.
    let Some(handle) = (unsafe { builder_mut(builder) }) else {
        return MvimgStatus::InvalidArgument;
    };
    let (slot, objects, report) = (
        &mut handle.builder,
        &mut handle.data_objects,
        &mut handle.report,
    );
    guarded(&mut handle.message, || {
        let output = unsafe { path(output, "output") }?;
        if slot.is_none() {
            return Err(spent());
        }
        // Where the image goes is checked before a build that can take
        // minutes.
        mvimg::codegen::check_destination(&output, &[])?;
        let builder = slot.take().ok_or_else(spent)?;
        let mut built = builder.build()?;
        for object in objects.drain(..) {
            let bytes = mvimg::link::data_object(
                &built.platform,
                &object.symbol,
                &object.bytes,
                object.align,
            )
            .map_err(|e| Failure::from(Error::Link(e)))?;
            built.link.object_bytes.push(ObjectBytes {
                name: object.name,
                bytes,
            });
        }
        built.link(&output)?;
        let mut json = built.report().to_json();
        json["warnings"] = built.warnings().into();
        json["output"] = output.display().to_string().into();
        json["triple"] = built.platform.triple().into();
        json["exports"] = built.exports.len().into();
        *report = Some(c_string(&json.to_string()));
        Ok(())
    })
}

/// What the last successful `mvimg_builder_build` did, as one JSON object:
/// `phases` (`name`, `seconds`), `total_seconds`, `objects`, `partitions`,
/// `peak_memory_bytes`, `cache`, `distributed`, `warnings` (sentences to
/// show), `output`, `triple`, `exports` (how many symbols). NULL before a
/// successful build, and for NULL.
///
/// # Safety
/// `builder` is NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn mvimg_builder_report_json(builder: *const MvimgBuilder) -> *const c_char {
    // SAFETY: NULL or live, as promised.
    match unsafe { builder.as_ref() }.and_then(|b| b.report.as_ref()) {
        Some(report) => report.as_ptr(),
        None => std::ptr::null(),
    }
}

/// An image file read without loading it, and what a host requires of it:
/// `mvimg_image_read`, then `mvimg_image_check` (may this machine, or a
/// named CPU, load it?) or `mvimg_image_explain` (which target it selects
/// and why each other lost). Made by `mvimg_image_new`, freed by
/// `mvimg_image_free`.
pub struct MvimgImage {
    file: Option<(PathBuf, ImageFile)>,
    requirements: Requirements,
    selected: i32,
    text: CString,
    message: CString,
}

/// A new image handle: no file, no requirements.
#[no_mangle]
pub extern "C" fn mvimg_image_new() -> *mut MvimgImage {
    Box::into_raw(Box::new(MvimgImage {
        file: None,
        requirements: Requirements::default(),
        selected: -1,
        text: CString::default(),
        message: CString::default(),
    }))
}

/// Frees `image` and every string it returned. NULL is allowed.
///
/// # Safety
/// `image` is NULL or a handle from `mvimg_image_new` not yet freed.
#[no_mangle]
pub unsafe extern "C" fn mvimg_image_free(image: *mut MvimgImage) {
    if !image.is_null() {
        // SAFETY: a live handle from Box::into_raw, freed once.
        drop(unsafe { Box::from_raw(image) });
    }
}

/// The message of the handle's last failed call (empty after one that
/// succeeded); "" for NULL.
///
/// # Safety
/// `image` is NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn mvimg_image_message(image: *const MvimgImage) -> *const c_char {
    // SAFETY: NULL or live, as promised.
    match unsafe { image.as_ref() } {
        Some(i) => i.message.as_ptr(),
        None => c"".as_ptr(),
    }
}

/// The text of the last `mvimg_image_check` or `mvimg_image_explain` (the
/// decision and its reasons, as `mvimg check`/`mvimg explain` print them);
/// "" before one, and for NULL.
///
/// # Safety
/// `image` is NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn mvimg_image_text(image: *const MvimgImage) -> *const c_char {
    // SAFETY: NULL or live, as promised.
    match unsafe { image.as_ref() } {
        Some(i) => i.text.as_ptr(),
        None => c"".as_ptr(),
    }
}

/// The target index the last `mvimg_image_check` selected; -1 when it
/// refused (or before one, and for NULL).
///
/// # Safety
/// `image` is NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn mvimg_image_selected(image: *const MvimgImage) -> i32 {
    // SAFETY: NULL or live, as promised.
    unsafe { image.as_ref() }.map_or(-1, |i| i.selected)
}

/// Runs `f` on the handle behind `image`.
///
/// # Safety
/// `image` is NULL or a live handle.
unsafe fn with_image(
    image: *mut MvimgImage,
    f: impl FnOnce(&mut MvimgImage) -> Result<(), Failure>,
) -> MvimgStatus {
    // SAFETY: NULL or live and used by this thread alone, as promised.
    let Some(handle) = (unsafe { image.as_mut() }) else {
        return MvimgStatus::InvalidArgument;
    };
    let mut message = std::mem::take(&mut handle.message);
    let status = guarded(&mut message, || f(handle));
    handle.message = message;
    status
}

/// The image file at the C string `path`, read (an `Input` failure when it
/// cannot be read or is no well-formed image).
///
/// # Safety
/// `path` is NULL or a C string.
unsafe fn read_image(path: *const c_char) -> Result<(PathBuf, ImageFile), Failure> {
    let path = unsafe { self::path(path, "path") }?;
    let file =
        ImageFile::read(&path).map_err(|e| Failure::new(MvimgStatus::Input, e.to_string()))?;
    Ok((path, file))
}

/// Reads the image file at `path`: its dispatch data, targets and build
/// record. A file that is no mvimg image, or truncated, is an `Input`
/// failure naming what is wrong.
///
/// # Safety
/// `image` is NULL or a live handle; `path` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_image_read(
    image: *mut MvimgImage,
    path: *const c_char,
) -> MvimgStatus {
    unsafe {
        with_image(image, |handle| {
            let (path, file) = read_image(path)?;
            handle.file = Some((path, file));
            Ok(())
        })
    }
}

/// Requires the image's build record to hold `key` = `value`.
///
/// # Safety
/// `image` is NULL or a live handle; `key` and `value` are NULL or C strings.
#[no_mangle]
pub unsafe extern "C" fn mvimg_image_require(
    image: *mut MvimgImage,
    key: *const c_char,
    value: *const c_char,
) -> MvimgStatus {
    unsafe {
        with_image(image, |handle| {
            let key = text(key, "key")?.to_owned();
            let value = text(value, "value")?.to_owned();
            handle.requirements.keys.push((key, value));
            Ok(())
        })
    }
}

/// Requires the image to have been optimized at `level` or higher (Julia's
/// rule for package images).
///
/// # Safety
/// `image` is NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn mvimg_image_min_opt_level(
    image: *mut MvimgImage,
    level: u32,
) -> MvimgStatus {
    unsafe {
        with_image(image, |handle| {
            handle.requirements.min_opt_level = Some(opt_level(level)?);
            Ok(())
        })
    }
}

/// Requires the image to be layered on the base image at `path` (read
/// here): an image built on another base is refused.
///
/// # Safety
/// `image` is NULL or a live handle; `path` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_image_base(
    image: *mut MvimgImage,
    path: *const c_char,
) -> MvimgStatus {
    unsafe {
        with_image(image, |handle| {
            let (path, file) = read_image(path)?;
            handle.requirements.base = Some(BaseImage::of(&path, &file.data));
            Ok(())
        })
    }
}

/// The host to decide for: this machine (NULL), or the database CPU named.
///
/// # Safety
/// `cpu` is NULL or a C string.
unsafe fn host_for(file: &ImageFile, cpu: *const c_char) -> Result<Host, Failure> {
    let failed = |e: mvimg::cpu::Error| Failure::argument(e.to_string());
    if cpu.is_null() {
        let here = mvimg::cpu::Arch::host();
        if here != Some(file.data.arch) {
            return Err(Failure::argument(format!(
                "the image is for {}, this machine is {}: name a {} CPU to decide for",
                file.data.arch,
                std::env::consts::ARCH,
                file.data.arch
            )));
        }
        return Host::detect().map_err(failed);
    }
    let name = unsafe { text(cpu, "cpu") }?;
    Host::named(file.data.arch, name).map_err(failed)
}

/// Decides whether a host may load the image read: this machine when `cpu`
/// is NULL, else the database CPU named (`"haswell"`, `"neoverse-n1"`).
/// `Ok`: it may, and `mvimg_image_selected` is the target its init will
/// select; `Refused`: every reason is in `mvimg_image_text`. The
/// `MVIMG_HOST_CPU`, `MVIMG_HOST_FEATURES` and `MVIMG_FORCE_TARGET`
/// overrides apply, as in the image's init.
///
/// # Safety
/// `image` is NULL or a live handle; `cpu` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_image_check(
    image: *mut MvimgImage,
    cpu: *const c_char,
) -> MvimgStatus {
    unsafe {
        with_image(image, |handle| {
            handle.selected = -1;
            let (path, file) = handle
                .file
                .as_ref()
                .ok_or_else(|| Failure::argument("no image read: call mvimg_image_read"))?;
            let host = host_for(file, cpu)?;
            let decision = mvimg::cpu::image::check(
                &file.data,
                &host,
                &SelectOptions::from_env(),
                &handle.requirements,
            );
            let report = CheckReport::new(&path.display().to_string(), &host, &decision);
            handle.text = c_string(&report.to_string());
            match decision {
                Ok(selection) => {
                    handle.selected = i32::try_from(selection.index).unwrap_or(i32::MAX);
                    Ok(())
                }
                Err(_) => Err(Failure::new(MvimgStatus::Refused, report.to_string())),
            }
        })
    }
}

/// Explains which target the image's init selects on a host (this machine
/// when `cpu` is NULL, else the CPU named) and why each other target lost,
/// into `mvimg_image_text`.
///
/// # Safety
/// `image` is NULL or a live handle; `cpu` is NULL or a C string.
#[no_mangle]
pub unsafe extern "C" fn mvimg_image_explain(
    image: *mut MvimgImage,
    cpu: *const c_char,
) -> MvimgStatus {
    unsafe {
        with_image(image, |handle| {
            let (_, file) = handle
                .file
                .as_ref()
                .ok_or_else(|| Failure::argument("no image read: call mvimg_image_read"))?;
            let host = host_for(file, cpu)?;
            let targets = file
                .data
                .resolved_targets()
                .map_err(|e| Failure::new(MvimgStatus::Input, e.to_string()))?;
            let report = mvimg::cpu::select::report(&targets, &host, &SelectOptions::from_env())
                .map_err(|e| Failure::argument(e.to_string()))?;
            handle.text = c_string(&report.to_string());
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_a_status_and_a_message_not_an_unwind_into_c() {
        let mut message = CString::default();
        let status = guarded(&mut message, || {
            panic!("the shim met a module it cannot read")
        });
        assert_eq!(status, MvimgStatus::Internal);
        let message = message.to_str().unwrap();
        assert!(
            message.contains("the shim met a module it cannot read"),
            "{message}"
        );
        assert!(message.contains("free this handle"), "{message}");
    }

    #[test]
    fn a_failed_setter_leaves_the_builder_usable() {
        let builder = mvimg_builder_new();
        unsafe {
            assert_eq!(
                mvimg_builder_target_list(builder, c"generic;haswell,".as_ptr()),
                MvimgStatus::InvalidArgument
            );
            let message = CStr::from_ptr(mvimg_builder_message(builder))
                .to_str()
                .unwrap();
            assert!(message.contains("empty option"), "{message}");
            assert_eq!(
                mvimg_builder_target_list(builder, c"generic;haswell".as_ptr()),
                MvimgStatus::Ok
            );
            assert_eq!(
                CStr::from_ptr(mvimg_builder_message(builder)).to_bytes(),
                b""
            );
            assert_eq!(mvimg_builder_threads(builder, 0), MvimgStatus::Ok);
            // threads(0) is refused by the build, before any input is read
            // (there is none).
            let output = c_string(&std::env::temp_dir().join("never.so").display().to_string());
            assert_eq!(
                mvimg_builder_build(builder, output.as_ptr()),
                MvimgStatus::InvalidArgument
            );
            let message = CStr::from_ptr(mvimg_builder_message(builder))
                .to_str()
                .unwrap();
            assert!(message.contains("threads"), "{message}");
            mvimg_builder_free(builder);
            // A destination in no directory is refused before the build.
            let builder = mvimg_builder_new();
            assert_eq!(
                mvimg_builder_build(builder, c"/nonexistent/dir/x.so".as_ptr()),
                MvimgStatus::InvalidArgument
            );
            let message = CStr::from_ptr(mvimg_builder_message(builder))
                .to_str()
                .unwrap();
            assert!(message.contains("/nonexistent/dir"), "{message}");
            mvimg_builder_free(builder);
        }
    }
}
