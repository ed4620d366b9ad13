//! Loading an image in this process. The image's own init is the one
//! dispatcher: when dlopen runs it, it selects a target for the machine it
//! runs on (honouring `MVIMG_FORCE_TARGET`, `MVIMG_HOST_CPU` and
//! `MVIMG_HOST_FEATURES`) and fills every slot and relocation cell before
//! any other code of the image runs. This loader predicts that choice from
//! the file before dlopen (and refuses there: no code of a refused image
//! runs), loads, checks the mapped dispatch data against the file, and
//! requires the init's choice to be its prediction — it never writes the
//! image. What another host would select is [`super::check`]'s answer
//! (`mvimg check`, `mvimg explain`), not a load.

use std::ffi::{c_void, CStr, CString};
use std::fmt;
use std::path::{Path, PathBuf};

use super::check::{check, BaseImage, Refusal, Requirements};
use std::sync::OnceLock;

use super::file::{ImageFile, InspectError};
use super::format::{
    content_hash, DispatchData, DispatchHead, FormatError, FormatProblem, Segment, DISPATCH_SYMBOL,
};
use crate::select::{SelectOptions, Selection};
use crate::Host;

/// How to open an image.
#[derive(Clone, Debug, Default)]
pub struct OpenOptions {
    /// The overrides the prediction is made with (`MVIMG_FORCE_TARGET`,
    /// `MVIMG_HOST_CPU`, `MVIMG_HOST_FEATURES`); the init reads them from
    /// the environment, so [`OpenOptions::from_env`] is what agrees with it.
    pub select: SelectOptions,
    /// The host the prediction (and the refusal) is made for; `None`
    /// detects this machine. The init selects for the machine it runs on:
    /// a host that selects another target than it makes the load fail
    /// ([`LoadError::Disagree`]).
    pub host: Option<Host>,
    /// What the image's build record must say; an image that fails it is
    /// refused before it is loaded.
    pub requirements: Requirements,
}

impl OpenOptions {
    /// Options from the environment: `MVIMG_FORCE_TARGET` and
    /// `MVIMG_HOST_FEATURES`, this machine's CPU, no requirements.
    pub fn from_env() -> OpenOptions {
        OpenOptions {
            select: SelectOptions::from_env(),
            ..OpenOptions::default()
        }
    }

    /// Selects for `host` instead of this machine.
    pub fn host(mut self, host: Host) -> OpenOptions {
        self.host = Some(host);
        self
    }

    /// Requires the build record to hold `key` with `value`.
    pub fn require(mut self, key: impl Into<String>, value: impl Into<String>) -> OpenOptions {
        self.requirements.keys.push((key.into(), value.into()));
        self
    }

    /// Opens a layered image on `base`, which must be the base image it was
    /// built against.
    pub fn base(mut self, base: &Image) -> OpenOptions {
        self.requirements.base = Some(BaseImage::named(base.path(), base.content_hash()));
        self
    }

    /// Requires the image to be optimized at least at `level`.
    pub fn min_opt_level(mut self, level: crate::OptLevel) -> OpenOptions {
        self.requirements.min_opt_level = Some(level);
        self
    }
}

/// Why an image could not be opened.
#[derive(Debug)]
pub enum LoadError {
    /// The dynamic loader refused the file.
    Dlopen {
        /// The image.
        path: PathBuf,
        /// dlerror()'s message.
        message: String,
    },
    /// No target can be selected (none eligible, a bad override, a target
    /// list this mvimg cannot read).
    Select {
        /// The image.
        path: PathBuf,
        /// What is wrong.
        error: crate::Error,
    },
    /// The image was refused before it was loaded (none of its code ran).
    Refused {
        /// The image.
        path: PathBuf,
        /// Every reason.
        reasons: Vec<Refusal>,
    },
    /// The image's file could not be read or is not a well-formed image, or
    /// the dispatch data mapped in memory is not the file's or does not lie
    /// where it must (the same errors `inspect` reports).
    File(InspectError),
    /// The image's own init selected another target than the one predicted
    /// for the host and overrides given (the image was unloaded).
    Disagree {
        /// The image.
        path: PathBuf,
        /// The target predicted: index and name.
        predicted: (usize, String),
        /// The target the init selected, when it reports one: index and
        /// name.
        init: Option<(usize, String)>,
    },
    /// Loading images is not implemented for this operating system.
    Unsupported,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Dlopen { path, message } => {
                write!(f, "cannot load {}: {message}", path.display())
            }
            LoadError::Select { path, error } => write!(f, "{}: {error}", path.display()),
            LoadError::Refused { path, reasons } => {
                write!(f, "{} was refused before loading:", path.display())?;
                for reason in reasons {
                    write!(f, "\n- {}", reason.to_string().replace('\n', "\n  "))?;
                }
                Ok(())
            }
            LoadError::File(e) => e.fmt(f),
            LoadError::Disagree {
                path,
                predicted: (p, pname),
                init: Some((i, iname)),
            } => write!(
                f,
                "{}: its init selected target {i} ({iname}) on this machine, where target \
                 {p} ({pname}) was predicted for the host and overrides given: the init \
                 selects for the machine it runs on, with MVIMG_FORCE_TARGET, \
                 MVIMG_HOST_CPU and MVIMG_HOST_FEATURES from the environment \
                 (`OpenOptions::from_env` predicts as it does); ask `check` what another \
                 host selects",
                path.display()
            ),
            LoadError::Disagree {
                path,
                predicted: (p, pname),
                init: None,
            } => write!(
                f,
                "{}: target {p} ({pname}) was predicted, but the image reports no choice of \
                 its own init (`mvimg_selected_target`): it was not built by this mvimg",
                path.display()
            ),
            LoadError::Unsupported => f.write_str("loading images is implemented on Linux only"),
        }
    }
}

impl std::error::Error for LoadError {}

/// An image loaded in this process, dispatched for the host.
#[derive(Debug)]
pub struct Image {
    handle: *mut c_void,
    path: PathBuf,
    /// The address of the mapped dispatch data.
    base: usize,
    /// Bytes mapped from `base` on, to the end of the segment holding them.
    mapped_len: usize,
    /// The loaded image's segments, relative to `base`.
    segments: Vec<Segment>,
    /// The head of the dispatch data: the file's, equal to the mapped one.
    head: DispatchHead,
    /// The whole dispatch data, read from the mapped bytes and checked
    /// against the segments when first asked for.
    data: OnceLock<Result<DispatchData, FormatError>>,
    selection: Selection,
}

// SAFETY: the handle is only passed to dlsym/dlclose, which are thread-safe;
// everything else is plain data.
unsafe impl Send for Image {}
// SAFETY: as above; no method mutates through `&self`.
unsafe impl Sync for Image {}

impl Image {
    /// Loads the image at `path` (dlopen, `RTLD_NOW | RTLD_LOCAL`): refuses
    /// it before dlopen when it fails a requirement or no target runs on the
    /// host, checks the mapped dispatch data, and requires the target the
    /// image's init selected to be the one predicted ([`OpenOptions`]).
    pub fn open(path: impl AsRef<Path>, options: &OpenOptions) -> Result<Image, LoadError> {
        // A bare file name is a file in the current directory, not a library
        // for dlopen to search for.
        let path = match path.as_ref() {
            p if p.components().count() == 1 && p.is_relative() => Path::new(".").join(p),
            p => p.to_path_buf(),
        };
        sys::open(path, options)
    }

    /// Which target was selected (by the image's init, as predicted), and
    /// why each other one was not.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The head of the image's dispatch data (its targets and build
    /// record): what the load was decided from.
    pub fn head(&self) -> &DispatchHead {
        &self.head
    }

    /// The image's whole dispatch data, read from the loaded image and
    /// checked against its segments on the first call (the load itself
    /// reads only the head): an error when its function tables are damaged.
    pub fn data(&self) -> Result<&DispatchData, LoadError> {
        self.data
            .get_or_init(|| {
                // SAFETY: [base, base + mapped_len) is the rest of a PT_LOAD
                // segment of the image, mapped while the handle is open.
                let bytes = unsafe { self.mapped() };
                let data = DispatchData::parse(bytes)?;
                data.check_addresses(
                    &self.segments,
                    std::mem::size_of::<usize>() as u64,
                    self.base as u64,
                )?;
                Ok(data)
            })
            .as_ref()
            .map_err(|error| {
                LoadError::File(InspectError::Format {
                    path: self.path.clone(),
                    error: error.clone(),
                })
            })
    }

    /// The content hash of the image's dispatch data
    /// ([`DispatchData::hash`]): what identifies it as the base of a
    /// layered image.
    pub fn content_hash(&self) -> u64 {
        // SAFETY: as in `data`; the head's total size was checked against
        // the mapped bytes when the image was opened.
        let bytes = unsafe { self.mapped() };
        content_hash(&bytes[..self.head.total_size as usize])
    }

    /// The mapped bytes from the dispatch data to the end of its segment.
    ///
    /// # Safety
    ///
    /// Only while the image is loaded (`self` is alive).
    unsafe fn mapped(&self) -> &[u8] {
        // SAFETY: the caller's; see `mapped_len`.
        unsafe { std::slice::from_raw_parts(self.base as *const u8, self.mapped_len) }
    }

    /// The image's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The address of the body the selected target uses for function
    /// `index` (an index into [`DispatchData::functions`]).
    /// `None` also when the function tables are damaged ([`Image::data`]
    /// says how).
    pub fn address_by_index(&self, index: usize) -> Option<*const c_void> {
        let rel = self.data().ok()?.body(self.selection.index, index)?;
        Some(self.base.wrapping_add(rel as isize as usize) as *const c_void)
    }

    /// The address of target `target`'s body of function `index`, whichever
    /// target was selected: what a caller times or compares against the
    /// selected body. Its calls to other dispatched functions go through
    /// their slots, to the selected target's bodies.
    pub fn target_address_by_index(&self, target: usize, index: usize) -> Option<*const c_void> {
        let rel = self.data().ok()?.body(target, index)?;
        Some(self.base.wrapping_add(rel as isize as usize) as *const c_void)
    }

    /// Target `target`'s body of `name` as a function pointer of type `F`
    /// ([`Image::target_address_by_index`]).
    ///
    /// # Safety
    ///
    /// As for [`Image::function`].
    pub unsafe fn target_function<F: FnPtr>(&self, target: usize, name: &str) -> Option<F> {
        let index = self.data().ok()?.function_index(name)?;
        // SAFETY: forwarded to the caller.
        self.target_address_by_index(target, index)
            .map(|p| unsafe { cast::<F>(p) })
    }

    /// The address of the selected body of the function named `name`.
    pub fn address(&self, name: &str) -> Option<*const c_void> {
        self.address_by_index(self.data().ok()?.function_index(name)?)
    }

    /// The selected body of `name` as a function pointer of type `F`.
    ///
    /// # Safety
    ///
    /// `F` must be a function pointer type (`extern "C" fn(...) -> ...`)
    /// matching the function's real signature, and the result must not be
    /// called after the image is dropped.
    pub unsafe fn function<F: FnPtr>(&self, name: &str) -> Option<F> {
        // SAFETY: forwarded to the caller.
        self.address(name).map(|p| unsafe { cast::<F>(p) })
    }

    /// The selected body of function `index` as a function pointer of type
    /// `F`.
    ///
    /// # Safety
    ///
    /// As for [`Image::function`].
    pub unsafe fn function_by_index<F: FnPtr>(&self, index: usize) -> Option<F> {
        // SAFETY: forwarded to the caller.
        self.address_by_index(index)
            .map(|p| unsafe { cast::<F>(p) })
    }

    /// The address of the exported symbol `name` (dlsym): for an entry
    /// point, its dispatching trampoline.
    pub fn symbol(&self, name: &str) -> Option<*const c_void> {
        let name = CString::new(name).ok()?;
        // SAFETY: live handle, C string.
        let p = unsafe { libc::dlsym(self.handle, name.as_ptr()) };
        (!p.is_null()).then_some(p as *const c_void)
    }

    /// What the image's own initializer selected (its exported
    /// `mvimg_selected_target`), when it has one.
    pub fn own_selection(&self) -> Option<usize> {
        let f = self.symbol("mvimg_selected_target")?;
        // SAFETY: the symbol is a C function `int (void)` (docs/FORMAT.md).
        let f: extern "C" fn() -> i32 = unsafe { std::mem::transmute(f) };
        usize::try_from(f()).ok()
    }
}

/// A C function pointer type (`extern "C" fn(...) -> R` or `unsafe extern
/// "C" fn(...) -> R`, up to eight parameters): what [`Image::function`]
/// returns. Sealed: no other type can be asked for, so the wrong type (an
/// integer, a struct) is a compile error, not a panic:
///
/// ```compile_fail
/// # fn f(image: &mvimg_cpu::image::Image) {
/// let byte: Option<u8> = unsafe { image.function::<u8>("dot") };
/// # }
/// ```
///
/// ```no_run
/// # fn f(image: &mvimg_cpu::image::Image) {
/// // SAFETY: `dot`'s signature is `double (const double *, const double *, int)`.
/// let dot: Option<extern "C" fn(*const f64, *const f64, i32) -> f64> =
///     unsafe { image.function("dot") };
/// # }
/// ```
pub trait FnPtr: Copy + sealed::Sealed {}

mod sealed {
    /// Implemented for the C function pointer types only.
    pub trait Sealed {}
}

macro_rules! fn_ptr {
    ($($a:ident),*) => {
        impl<R, $($a),*> sealed::Sealed for extern "C" fn($($a),*) -> R {}
        impl<R, $($a),*> FnPtr for extern "C" fn($($a),*) -> R {}
        impl<R, $($a),*> sealed::Sealed for unsafe extern "C" fn($($a),*) -> R {}
        impl<R, $($a),*> FnPtr for unsafe extern "C" fn($($a),*) -> R {}
    };
}
fn_ptr!();
fn_ptr!(A1);
fn_ptr!(A1, A2);
fn_ptr!(A1, A2, A3);
fn_ptr!(A1, A2, A3, A4);
fn_ptr!(A1, A2, A3, A4, A5);
fn_ptr!(A1, A2, A3, A4, A5, A6);
fn_ptr!(A1, A2, A3, A4, A5, A6, A7);
fn_ptr!(A1, A2, A3, A4, A5, A6, A7, A8);

/// # Safety
///
/// `p` is the address of a function whose signature is `F`'s.
unsafe fn cast<F: FnPtr>(p: *const c_void) -> F {
    const {
        assert!(std::mem::size_of::<F>() == std::mem::size_of::<*const c_void>());
    }
    // SAFETY: a function pointer is pointer-sized (checked at compile
    // time); the signature is the caller's guarantee.
    unsafe { std::mem::transmute_copy(&p) }
}

impl Drop for Image {
    fn drop(&mut self) {
        // SAFETY: the handle came from dlopen and is closed once.
        unsafe {
            libc::dlclose(self.handle);
        }
    }
}

#[cfg(target_os = "linux")]
mod sys {
    use super::*;
    use crate::image::file::read_head_in;
    use crate::image::source::{BlockFile, Source};

    fn dlerror() -> String {
        // SAFETY: dlerror returns null or a NUL-terminated string.
        unsafe {
            let e = libc::dlerror();
            if e.is_null() {
                "unknown error".into()
            } else {
                CStr::from_ptr(e).to_string_lossy().into_owned()
            }
        }
    }

    /// (start, end, p_flags) of a loaded segment, absolute.
    type LoadedSegment = (usize, usize, u32);

    /// The loaded segments of the object containing `address`.
    fn segments_of(address: usize) -> Vec<LoadedSegment> {
        struct Search {
            address: usize,
            found: Vec<LoadedSegment>,
        }
        unsafe extern "C" fn visit(
            info: *mut libc::dl_phdr_info,
            _size: libc::size_t,
            cx: *mut c_void,
        ) -> libc::c_int {
            // SAFETY: the loader passes a valid info; cx is our Search.
            let (info, search) = unsafe { (&*info, &mut *(cx as *mut Search)) };
            let mut segments = Vec::new();
            for k in 0..usize::from(info.dlpi_phnum) {
                // SAFETY: dlpi_phdr has dlpi_phnum headers.
                let ph = unsafe { &*info.dlpi_phdr.add(k) };
                let start = (info.dlpi_addr as usize).wrapping_add(ph.p_vaddr as usize);
                if ph.p_type == libc::PT_LOAD {
                    segments.push((start, start + ph.p_memsz as usize, ph.p_flags));
                }
            }
            if segments
                .iter()
                .any(|&(s, e, _)| s <= search.address && search.address < e)
            {
                search.found = segments;
                return 1;
            }
            0
        }
        let mut search = Search {
            address,
            found: Vec::new(),
        };
        // SAFETY: `visit` matches the callback type and only reads.
        unsafe {
            libc::dl_iterate_phdr(Some(visit), &mut search as *mut Search as *mut c_void);
        }
        search.found
    }

    /// Checks that the file is a 64-bit little-endian ELF shared object whose
    /// program headers and loadable segments lie inside the file: glibc's
    /// dlopen maps what the headers say and faults on a truncated file.
    fn check_elf(file: &BlockFile) -> Result<(), String> {
        let len = file.size();
        let header = file
            .read(0, 64)
            .ok_or_else(|| format!("the file is {len} bytes, shorter than an ELF header"))?;
        if header[..4] != *b"\x7fELF" || header[4] != 2 || header[5] != 1 {
            return Err("not a 64-bit little-endian ELF file".into());
        }
        if u16::from_le_bytes([header[16], header[17]]) != 3 {
            return Err("not an ELF shared object (e_type is not ET_DYN)".into());
        }
        let u64_at = |b: &[u8], k: usize| u64::from_le_bytes(b[k..k + 8].try_into().unwrap());
        let u16_at = |b: &[u8], k: usize| u16::from_le_bytes([b[k], b[k + 1]]);
        let (phoff, phentsize, phnum) = (
            u64_at(&header, 32),
            u16_at(&header, 54),
            u16_at(&header, 56),
        );
        if phentsize != 56 {
            return Err(format!(
                "program headers of {phentsize} bytes; ELF64 has 56"
            ));
        }
        let table = u64::from(phnum) * 56;
        let headers = file.read(phoff, table).ok_or_else(|| {
            format!(
                "the program headers (bytes {phoff}+{table}) run past the end of the file \
                 ({len} bytes): the file is truncated"
            )
        })?;
        for ph in headers.chunks_exact(56) {
            let kind = u32::from_le_bytes(ph[0..4].try_into().unwrap());
            let (offset, filesz) = (u64_at(ph, 8), u64_at(ph, 32));
            if matches!(kind, 1 | 2) && offset.checked_add(filesz).is_none_or(|end| end > len) {
                return Err(format!(
                    "a segment (bytes {offset}+{filesz}) runs past the end of the file \
                     ({len} bytes): the file is truncated"
                ));
            }
        }
        Ok(())
    }

    /// The loaded image has no dispatch data where its file has it.
    fn no_data(path: PathBuf) -> LoadError {
        LoadError::File(InspectError::NoDispatchData { path })
    }

    /// This machine, detected once per process: CPUID traps to the
    /// hypervisor in a virtual machine (about 5 µs a leaf on the VM the
    /// README's figures come from), and the answer does not change.
    fn this_machine() -> Result<Host, crate::Error> {
        static HOST: OnceLock<Host> = OnceLock::new();
        if let Some(host) = HOST.get() {
            return Ok(host.clone());
        }
        let host = Host::detect()?;
        Ok(HOST.get_or_init(|| host).clone())
    }

    pub(super) fn open(path: PathBuf, options: &OpenOptions) -> Result<Image, LoadError> {
        // The file is read a few blocks of it (the ELF headers, the hash
        // table's probes, the data's head, the init's tables), each once.
        let file = match BlockFile::open(&path) {
            Ok(file) => file,
            Err(e) => {
                return Err(LoadError::Dlopen {
                    path,
                    message: e.to_string(),
                })
            }
        };
        if let Err(message) = check_elf(&file) {
            return Err(LoadError::Dlopen { path, message });
        }
        // Decided from the file's head, before dlopen runs any of the
        // image's code.
        let head = read_head_in(&path, &file).map_err(LoadError::File)?;
        drop(file);
        let host = match &options.host {
            Some(host) => host.clone(),
            None => this_machine().map_err(|error| LoadError::Select {
                path: path.clone(),
                error,
            })?,
        };
        let selection = match check(&head, &host, &options.select, &options.requirements) {
            Ok(selection) => selection,
            Err(reasons) => return Err(LoadError::Refused { path, reasons }),
        };
        let c_path =
            CString::new(path.as_os_str().as_encoded_bytes()).map_err(|_| LoadError::Dlopen {
                path: path.clone(),
                message: "the path contains a NUL byte".into(),
            })?;
        // SAFETY: a valid C string; dlopen runs the image's initializers.
        let handle = unsafe { libc::dlopen(c_path.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
        if handle.is_null() {
            return Err(LoadError::Dlopen {
                path,
                message: dlerror(),
            });
        }
        let close = |error: LoadError| {
            // SAFETY: the handle came from dlopen above.
            unsafe { libc::dlclose(handle) };
            Err(error)
        };
        let symbol = CString::new(DISPATCH_SYMBOL).expect("no NUL");
        // SAFETY: live handle, C string.
        let data_ptr = unsafe { libc::dlsym(handle, symbol.as_ptr()) } as usize;
        if data_ptr == 0 {
            return close(no_data(path));
        }
        let segments = segments_of(data_ptr);
        let Some(&(_, data_end, _)) = segments
            .iter()
            .find(|&&(s, e, _)| s <= data_ptr && data_ptr < e)
        else {
            return close(no_data(path));
        };
        // The data is read only up to the end of the segment holding it.
        // SAFETY: [data_ptr, data_end) is mapped: it is part of a PT_LOAD
        // segment of the loaded image.
        let bytes =
            unsafe { std::slice::from_raw_parts(data_ptr as *const u8, data_end - data_ptr) };
        // The mapped head must say what the file's said: then the prediction
        // made from the file holds for what was loaded. The rest of the data
        // is read from the mapping when first asked for (`Image::data`).
        if DispatchHead::parse(bytes).as_ref() != Ok(&head) {
            return close(LoadError::File(InspectError::Format {
                path,
                error: FormatError {
                    offset: 0,
                    problem: FormatProblem::LoadedDiffers,
                },
            }));
        }
        let relative: Vec<Segment> = segments
            .iter()
            .map(|&(s, e, flags)| Segment {
                range: (s as i64 - data_ptr as i64)..(e as i64 - data_ptr as i64),
                executable: flags & libc::PF_X != 0,
                writable: flags & libc::PF_W != 0,
            })
            .collect();
        let image = Image {
            handle,
            path,
            base: data_ptr,
            mapped_len: data_end - data_ptr,
            segments: relative,
            head,
            data: OnceLock::new(),
            selection,
        };
        // The init selected and filled every cell when dlopen ran it; the
        // loader only verifies that it chose what was predicted.
        let own = image.own_selection();
        if own == Some(image.selection.index) {
            return Ok(image);
        }
        // Why they differ: a damaged file says how (what `mvimg inspect`
        // says: the init refuses damaged data, and its tables may disagree
        // with the data's strings), else the two choices.
        if let Err(error) = ImageFile::read(&image.path) {
            return Err(LoadError::File(error));
        }
        let name = |i: usize| {
            image
                .head
                .targets
                .get(i)
                .map_or_else(|| "?".to_owned(), |t| t.name.clone())
        };
        Err(LoadError::Disagree {
            path: image.path.clone(),
            predicted: (image.selection.index, image.selection.name.clone()),
            init: own.map(|i| (i, name(i))),
        })
    }
}

#[cfg(not(target_os = "linux"))]
mod sys {
    use super::*;

    pub(super) fn open(_path: PathBuf, _options: &OpenOptions) -> Result<Image, LoadError> {
        Err(LoadError::Unsupported)
    }
}
