//! mvimg-llvm-shim: the LLVM 22 facilities the LLVM C API does not expose, reached
//! through a small C++ shim (cpp/shim.cpp) built with `cc` against LLVM 22.
//!
//! Today it gives the MC subtarget tables (every processor and feature of a target,
//! with what each implies) and LLVM's CPU alias rules; those are the source of truth
//! for the CPU database in mvimg-cpu. The LLD entry point joins it with the linker.

#![warn(missing_docs)]

use std::ffi::{c_char, c_int, c_uint, c_void, CStr, CString};
use std::fmt;
use std::ptr::NonNull;

mod ffi {
    use std::ffi::{c_char, c_int, c_uint, c_void};

    #[repr(C)]
    pub struct MvimgSubtarget {
        _private: [u8; 0],
    }

    extern "C" {
        pub fn mvimg_shim_llvm_version(major: *mut c_uint, minor: *mut c_uint, patch: *mut c_uint);
        pub fn mvimg_shim_feature_words() -> c_uint;
        pub fn mvimg_shim_free_string(s: *mut c_char);
        pub fn mvimg_shim_use_init_array(tm: *mut c_void);
        pub fn mvimg_shim_expand_function_constants(module: *mut c_void);
        pub fn mvimg_shim_subtarget_create(
            triple: *const c_char,
            cpu: *const c_char,
            features: *const c_char,
            error: *mut *mut c_char,
        ) -> *mut MvimgSubtarget;
        pub fn mvimg_shim_subtarget_destroy(handle: *mut MvimgSubtarget);
        pub fn mvimg_shim_subtarget_bits(handle: *const MvimgSubtarget, out: *mut u64);
        pub fn mvimg_shim_feature_count(handle: *const MvimgSubtarget) -> usize;
        pub fn mvimg_shim_feature_at(
            handle: *const MvimgSubtarget,
            index: usize,
            key: *mut *const c_char,
            description: *mut *const c_char,
            bit: *mut c_uint,
            implies: *mut u64,
        );
        pub fn mvimg_shim_processor_count(handle: *const MvimgSubtarget) -> usize;
        pub fn mvimg_shim_processor_at(
            handle: *const MvimgSubtarget,
            index: usize,
            key: *mut *const c_char,
            implies: *mut u64,
            tune_implies: *mut u64,
        );
        pub fn mvimg_shim_x86_cpu_kind(name: *const c_char) -> c_int;
        pub fn mvimg_shim_aarch64_cpu_canonical(name: *const c_char) -> *mut c_char;
        pub fn mvimg_shim_target_parser_cpus(arch: c_int) -> *mut c_char;
        pub fn mvimg_shim_host_cpu_name_for_arm(text: *const c_char, len: usize) -> *mut c_char;
        pub fn mvimg_shim_clone_body(
            src: *mut c_void,
            dst: *mut c_void,
            from: *const *mut c_void,
            to: *const *mut c_void,
            count: usize,
        );
        pub fn mvimg_shim_block_tables(
            function: *mut c_void,
            sink: extern "C" fn(cx: *mut c_void, table: *mut c_void),
            cx: *mut c_void,
        ) -> *mut c_void;
        pub fn mvimg_shim_replace_address_uses(from: *mut c_void, to: *mut c_void);
        pub fn mvimg_shim_preemptible_globals(module: *mut c_void) -> c_uint;
        pub fn mvimg_shim_merge_debug_types(module: *mut c_void) -> c_uint;
        pub fn mvimg_shim_vectors_by_reference(
            function: *mut c_void,
            wide: *const u8,
            count: c_uint,
            wide_ret: c_int,
        ) -> *mut c_void;
        pub fn mvimg_shim_split_module(
            module: *mut c_void,
            parts: c_uint,
            name: extern "C" fn(cx: *mut c_void, name: *const c_char, len: usize, part: c_uint),
            sink: extern "C" fn(cx: *mut c_void, part: c_uint, partition: *mut c_void),
            cx: *mut c_void,
        );
    }
}

/// The version of the LLVM the shim was compiled and linked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LlvmVersion {
    /// Major version (22).
    pub major: u32,
    /// Minor version.
    pub minor: u32,
    /// Patch version.
    pub patch: u32,
}

impl fmt::Display for LlvmVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// Returns the LLVM version the shim was built against.
pub fn llvm_version() -> LlvmVersion {
    let (mut major, mut minor, mut patch): (c_uint, c_uint, c_uint) = (0, 0, 0);
    // SAFETY: the three pointers are valid for writes of one c_uint each.
    unsafe { ffi::mvimg_shim_llvm_version(&mut major, &mut minor, &mut patch) };
    LlvmVersion {
        major,
        minor,
        patch,
    }
}

/// An error from the shim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShimError {
    /// An argument held an interior NUL byte and cannot cross into C++.
    InteriorNul {
        /// Which argument.
        what: &'static str,
        /// The offending value.
        value: String,
    },
    /// LLVM could not create a subtarget for the triple.
    Target {
        /// The triple asked for.
        triple: String,
        /// LLVM's own message.
        message: String,
    },
}

impl fmt::Display for ShimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShimError::InteriorNul { what, value } => {
                write!(f, "the {what} {value:?} contains a NUL byte")
            }
            ShimError::Target { triple, message } => {
                write!(f, "LLVM has no target for triple {triple:?}: {message}")
            }
        }
    }
}

impl std::error::Error for ShimError {}

fn c_string(what: &'static str, value: &str) -> Result<CString, ShimError> {
    CString::new(value).map_err(|_| ShimError::InteriorNul {
        what,
        value: value.to_owned(),
    })
}

/// A set of LLVM feature bits, indexed by the target's own feature numbering
/// ([`FeatureRow::bit`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FeatureBits(Vec<u64>);

impl FeatureBits {
    fn zeroed() -> Self {
        // SAFETY: a pure function returning a constant.
        let words = unsafe { ffi::mvimg_shim_feature_words() } as usize;
        FeatureBits(vec![0; words])
    }

    /// Whether bit `bit` is set.
    pub fn contains(&self, bit: u32) -> bool {
        let (word, shift) = ((bit / 64) as usize, bit % 64);
        self.0.get(word).is_some_and(|w| w >> shift & 1 == 1)
    }

    /// The set bits, in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.0.len() as u32 * 64).filter(|&bit| self.contains(bit))
    }

    /// The raw 64-bit words.
    pub fn words(&self) -> &[u64] {
        &self.0
    }
}

/// One entry of a target's feature table (a TableGen `SubtargetFeature`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureRow {
    /// The name used in `target-features` ("avx2", "sve2").
    pub name: &'static str,
    /// LLVM's one-line description.
    pub description: &'static str,
    /// The feature's bit number in [`FeatureBits`].
    pub bit: u32,
    /// The features it directly implies.
    pub implies: FeatureBits,
}

/// One entry of a target's processor table (a TableGen `ProcessorModel`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessorRow {
    /// The name used as `target-cpu`.
    pub name: &'static str,
    /// The features the processor directly implies.
    pub implies: FeatureBits,
    /// The tuning features the processor directly implies.
    pub tune_implies: FeatureBits,
}

/// LLVM's MC subtarget for one triple, CPU and feature string.
pub struct Subtarget {
    handle: NonNull<ffi::MvimgSubtarget>,
}

impl Subtarget {
    /// Creates the subtarget LLVM would use for `triple` with `target-cpu` = `cpu` and
    /// `target-features` = `features`. LLVM warns on stderr about unknown names and
    /// ignores them, exactly as it does during code generation.
    pub fn new(triple: &str, cpu: &str, features: &str) -> Result<Self, ShimError> {
        let c_triple = c_string("triple", triple)?;
        let c_cpu = c_string("CPU name", cpu)?;
        let c_features = c_string("feature string", features)?;
        let mut error: *mut c_char = std::ptr::null_mut();
        // SAFETY: all strings are NUL-terminated and outlive the call; `error` is a
        // valid out-pointer.
        let handle = unsafe {
            ffi::mvimg_shim_subtarget_create(
                c_triple.as_ptr(),
                c_cpu.as_ptr(),
                c_features.as_ptr(),
                &mut error,
            )
        };
        match NonNull::new(handle) {
            Some(handle) => Ok(Subtarget { handle }),
            None => {
                let message = if error.is_null() {
                    String::from("unknown error")
                } else {
                    // SAFETY: the shim stored a malloc'd NUL-terminated copy, freed here.
                    let text = unsafe { CStr::from_ptr(error) }
                        .to_string_lossy()
                        .into_owned();
                    unsafe { ffi::mvimg_shim_free_string(error) };
                    text
                };
                Err(ShimError::Target {
                    triple: triple.to_owned(),
                    message,
                })
            }
        }
    }

    /// The features this subtarget has, after LLVM applied the CPU, the feature
    /// string and every implication.
    pub fn bits(&self) -> FeatureBits {
        let mut bits = FeatureBits::zeroed();
        // SAFETY: `bits` has exactly the number of words the shim writes.
        unsafe { ffi::mvimg_shim_subtarget_bits(self.handle.as_ptr(), bits.0.as_mut_ptr()) };
        bits
    }

    /// The target's whole feature table, in LLVM's order (sorted by name).
    pub fn features(&self) -> Vec<FeatureRow> {
        // SAFETY: the handle is live.
        let count = unsafe { ffi::mvimg_shim_feature_count(self.handle.as_ptr()) };
        (0..count)
            .map(|index| {
                let mut key: *const c_char = std::ptr::null();
                let mut description: *const c_char = std::ptr::null();
                let mut bit: c_uint = 0;
                let mut implies = FeatureBits::zeroed();
                // SAFETY: index < count; the out-pointers are valid and `implies` has
                // the number of words the shim writes.
                unsafe {
                    ffi::mvimg_shim_feature_at(
                        self.handle.as_ptr(),
                        index,
                        &mut key,
                        &mut description,
                        &mut bit,
                        implies.0.as_mut_ptr(),
                    )
                };
                FeatureRow {
                    name: static_str(key),
                    description: static_str(description),
                    bit,
                    implies,
                }
            })
            .collect()
    }

    /// The target's whole processor table, in LLVM's order (sorted by name).
    pub fn processors(&self) -> Vec<ProcessorRow> {
        // SAFETY: the handle is live.
        let count = unsafe { ffi::mvimg_shim_processor_count(self.handle.as_ptr()) };
        (0..count)
            .map(|index| {
                let mut key: *const c_char = std::ptr::null();
                let mut implies = FeatureBits::zeroed();
                let mut tune_implies = FeatureBits::zeroed();
                // SAFETY: index < count; the bit buffers have the shim's word count.
                unsafe {
                    ffi::mvimg_shim_processor_at(
                        self.handle.as_ptr(),
                        index,
                        &mut key,
                        implies.0.as_mut_ptr(),
                        tune_implies.0.as_mut_ptr(),
                    )
                };
                ProcessorRow {
                    name: static_str(key),
                    implies,
                    tune_implies,
                }
            })
            .collect()
    }

    /// The names of the features this subtarget has, in table order.
    pub fn feature_names(&self) -> Vec<&'static str> {
        let bits = self.bits();
        self.features()
            .into_iter()
            .filter(|f| bits.contains(f.bit))
            .map(|f| f.name)
            .collect()
    }
}

impl Drop for Subtarget {
    fn drop(&mut self) {
        // SAFETY: the handle came from mvimg_shim_subtarget_create and is dropped once.
        unsafe { ffi::mvimg_shim_subtarget_destroy(self.handle.as_ptr()) }
    }
}

fn static_str(ptr: *const c_char) -> &'static str {
    if ptr.is_null() {
        return "";
    }
    // SAFETY: the shim returns pointers into LLVM's static TableGen string tables,
    // which live as long as the process and are NUL-terminated ASCII.
    unsafe { CStr::from_ptr(ptr) }.to_str().unwrap_or("")
}

/// LLVM's x86 target parser kind for a 64-bit capable CPU name, or `None` when the
/// parser does not accept the name for x86_64. Two names with one kind are aliases.
pub fn x86_cpu_kind(name: &str) -> Option<i32> {
    let name = CString::new(name).ok()?;
    // SAFETY: a NUL-terminated string valid for the call.
    let kind: c_int = unsafe { ffi::mvimg_shim_x86_cpu_kind(name.as_ptr()) };
    (kind >= 0).then_some(kind)
}

/// The name LLVM's AArch64 target parser resolves `name` to (itself unless it is an
/// alias), or `None` when the parser does not know it.
pub fn aarch64_cpu_canonical(name: &str) -> Option<String> {
    let name = CString::new(name).ok()?;
    // SAFETY: a NUL-terminated string valid for the call; the result is a malloc'd
    // copy or null, freed here.
    unsafe {
        let resolved = ffi::mvimg_shim_aarch64_cpu_canonical(name.as_ptr());
        if resolved.is_null() {
            return None;
        }
        let text = CStr::from_ptr(resolved).to_string_lossy().into_owned();
        ffi::mvimg_shim_free_string(resolved);
        Some(text)
    }
}

/// An architecture whose target parser the shim can list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParserArch {
    /// x86_64 (64-bit capable names only).
    X86_64,
    /// AArch64.
    Aarch64,
}

/// The CPU names LLVM's target parser (the one clang uses for `-march`/`-mcpu`)
/// lists for `arch`, in the parser's own table order. For AArch64 this includes the
/// aliases ("apple-m1", "cobalt-100") that the MC processor table does not list.
pub fn target_parser_cpus(arch: ParserArch) -> Vec<String> {
    let code: c_int = match arch {
        ParserArch::X86_64 => 0,
        ParserArch::Aarch64 => 1,
    };
    // SAFETY: returns a malloc'd NUL-terminated string (never null for 0 and 1),
    // freed here.
    unsafe {
        let joined = ffi::mvimg_shim_target_parser_cpus(code);
        if joined.is_null() {
            return Vec::new();
        }
        let text = CStr::from_ptr(joined).to_string_lossy().into_owned();
        ffi::mvimg_shim_free_string(joined);
        text.split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// The name LLVM 22's `sys::detail::getHostCPUNameForARM` gives a /proc/cpuinfo
/// text: what `getHostCPUName` returns on an Arm Linux machine with that text.
pub fn host_cpu_name_for_arm(cpuinfo: &str) -> String {
    // SAFETY: text points to len readable bytes for the call (no NUL needed); the
    // result is a malloc'd NUL-terminated copy, freed here.
    unsafe {
        let name = ffi::mvimg_shim_host_cpu_name_for_arm(cpuinfo.as_ptr().cast(), cpuinfo.len());
        if name.is_null() {
            return String::new();
        }
        let text = CStr::from_ptr(name).to_string_lossy().into_owned();
        ffi::mvimg_shim_free_string(name);
        text
    }
}

/// Clones the body of the function `source` into `dest` with LLVM's
/// `CloneFunctionInto` (debug info included), replacing every use of `from[i]`
/// in the body by `to[i]`. The source's attributes and calling convention are
/// copied; `dest` keeps its name, linkage, visibility and DLL storage class.
/// A `to[i]` that is a variable without an initializer, standing for a
/// variable `from[i]` with one (a block-address table, [`block_tables`]),
/// gets `from[i]`'s initializer mapped the same way: its block addresses
/// name `dest`'s blocks.
///
/// # Safety
///
/// `source` and `dest` are `LLVMValueRef`s of functions in the same live module;
/// `dest` has the same function type as `source` and no body; `from` and `to`
/// have the same length and hold live values of that module's context, each
/// `to[i]` of the type of `from[i]`. No other thread uses the context.
pub unsafe fn clone_body(
    source: *mut c_void,
    dest: *mut c_void,
    from: &[*mut c_void],
    to: &[*mut c_void],
) {
    assert_eq!(
        from.len(),
        to.len(),
        "clone_body: one replacement per value"
    );
    // SAFETY: guaranteed by the caller; the slices outlive the call.
    unsafe { ffi::mvimg_shim_clone_body(source, dest, from.as_ptr(), to.as_ptr(), from.len()) }
}

/// The block-address tables of the function `function`: the local variables
/// whose initializers take the address of one of its blocks and that only
/// its own instructions read (what a computed `goto` through a `static`
/// array of labels compiles to). A copy of the function needs copies of
/// them ([`clone_body`]). `Err(user)`: a block address is used elsewhere
/// (another function, another variable, an exported table), by `user`.
///
/// # Safety
///
/// `function` must be a valid `LLVMValueRef` of a function whose context no
/// other thread uses during the call.
pub unsafe fn block_tables(function: *mut c_void) -> Result<Vec<*mut c_void>, *mut c_void> {
    extern "C" fn sink(cx: *mut c_void, table: *mut c_void) {
        // SAFETY: `cx` is the `Vec` passed below, used by this call only.
        unsafe { &mut *(cx as *mut Vec<*mut c_void>) }.push(table);
    }
    let mut tables: Vec<*mut c_void> = Vec::new();
    // SAFETY: guaranteed by the caller; `tables` outlives the call.
    let escaping = unsafe {
        ffi::mvimg_shim_block_tables(
            function,
            sink,
            &mut tables as *mut Vec<*mut c_void> as *mut c_void,
        )
    };
    if escaping.is_null() {
        Ok(tables)
    } else {
        Err(escaping)
    }
}

/// Replaces every use of `from` by `to` (instructions, constants, global
/// initializers, aliases) except as a call's callee and in block addresses,
/// which keep naming `from`'s blocks.
///
/// # Safety
///
/// `from` and `to` must be valid `LLVMValueRef`s of one type and one module
/// whose context no other thread uses during the call.
pub unsafe fn replace_address_uses(from: *mut c_void, to: *mut c_void) {
    // SAFETY: guaranteed by the caller.
    unsafe { ffi::mvimg_shim_replace_address_uses(from, to) }
}

/// Makes the module `module` fit an ELF shared object whatever the
/// `-fPIC`/`-fPIE` state it was compiled in: every definition or declaration
/// another module could preempt (not local, default visibility) loses
/// `dso_local`, and the "PIE Level" and "direct-access-external-data" module
/// flags are dropped, as `-fPIC` would have made it. Returns how many values
/// (and the flags, as one) changed.
///
/// # Safety
///
/// `module` must be a valid `LLVMModuleRef` whose context no other thread
/// uses during the call.
pub unsafe fn preemptible_globals(module: *mut c_void) -> u32 {
    // SAFETY: guaranteed by the caller.
    unsafe { ffi::mvimg_shim_preemptible_globals(module) }
}

/// Merges the debug descriptions of composite types that describe the same
/// type (C compilers describe a header's type again in every translation
/// unit): descriptions whose fields and operands are equal, composites
/// compared by class, become one. Returns how many descriptions were replaced.
///
/// # Safety
///
/// `module` must be a valid `LLVMModuleRef` whose context no other thread
/// uses during the call.
pub unsafe fn merge_debug_types(module: *mut c_void) -> u32 {
    // SAFETY: guaranteed by the caller.
    unsafe { ffi::mvimg_shim_merge_debug_types(module) }
}

/// Makes the function `function` pass the parameters flagged in `wide` (one
/// flag per parameter) and, when `wide_ret`, its result through memory: its
/// body moves to a new internal function `<name>.mvimg.byref` taking pointers
/// to those values (and first a pointer for the result), the function itself
/// becomes a wrapper with its old signature that calls it, and every plain
/// direct call of it in the module is rewritten to call the new function.
/// Returns the new function, or `None` (nothing changed) when the function is
/// a declaration or variadic, one of its blocks has its address taken, or
/// `wide` does not have one flag per parameter.
///
/// # Safety
///
/// `function` must be a valid `LLVMValueRef` of a function whose module has
/// a data layout and whose context no other thread uses during the call.
pub unsafe fn vectors_by_reference(
    function: *mut c_void,
    wide: &[bool],
    wide_ret: bool,
) -> Option<NonNull<c_void>> {
    let flags: Vec<u8> = wide.iter().map(|&w| u8::from(w)).collect();
    let count = c_uint::try_from(flags.len()).ok()?;
    // SAFETY: guaranteed by the caller; `flags` outlives the call.
    NonNull::new(unsafe {
        ffi::mvimg_shim_vectors_by_reference(function, flags.as_ptr(), count, c_int::from(wide_ret))
    })
}

/// Makes the target machine `tm` emit constructors in `.init_array` (and
/// destructors in `.fini_array`), as clang does; LLVM's C API leaves them in
/// `.ctors`/`.dtors`, which glibc never runs.
///
/// # Safety
///
/// `tm` must be a valid `LLVMTargetMachineRef` not used by another thread
/// during the call.
pub unsafe fn use_init_array(tm: *mut c_void) {
    // SAFETY: guaranteed by the caller.
    unsafe { ffi::mvimg_shim_use_init_array(tm) }
}

/// Rewrites every constant expression that uses a defined function of the
/// module and is used by an instruction (`ptrtoint`, a pointer plus an
/// offset, ...) into instructions, so that every use of a function's address
/// in code is a plain instruction operand. Global initializers are untouched.
///
/// # Safety
///
/// `module` must be a valid `LLVMModuleRef` not used by another thread during
/// the call.
pub unsafe fn expand_function_constants(module: *mut c_void) {
    // SAFETY: guaranteed by the caller.
    unsafe { ffi::mvimg_shim_expand_function_constants(module) }
}

/// Splits `module` into `parts` new modules of its context in one pass.
/// Every defined global goes to one partition (every one must have a name):
/// an alias stays with its aliasee, a comdat's members together, an ifunc
/// with its resolver and a function with every global that takes the address
/// of one of its blocks; each cluster goes to the partition a hash of its
/// least name (cut at `.mvimg.`) gives, so the assignment depends only on the
/// names and `parts`, and an edit moves nothing else. First `name(name, p)`
/// hears every definition's partition, in module order; then `sink(p,
/// partition)` gets each partition in order, an `LLVMModuleRef` the sink owns
/// (and must dispose of), before the next is made: `p`'s definitions and
/// declarations of what they reference (module inline asm goes to partition
/// 0, named metadata to all). `module` is not changed.
///
/// # Safety
///
/// `module` must be a valid `LLVMModuleRef` whose context no other thread
/// uses during the call.
pub unsafe fn split_module(
    module: *mut c_void,
    parts: u32,
    name: &mut dyn FnMut(&[u8], u32),
    sink: &mut dyn FnMut(u32, *mut c_void),
) {
    type Callbacks<'a> = (
        &'a mut dyn FnMut(&[u8], u32),
        &'a mut dyn FnMut(u32, *mut c_void),
    );
    extern "C" fn named(cx: *mut c_void, name: *const c_char, len: usize, part: c_uint) {
        // SAFETY: `cx` is the `Callbacks` passed below, used by this call
        // only; `name` points at `len` bytes that live for the call.
        let (callbacks, name) = unsafe {
            (
                &mut *(cx as *mut Callbacks<'_>),
                std::slice::from_raw_parts(name as *const u8, len),
            )
        };
        (callbacks.0)(name, part);
    }
    extern "C" fn made(cx: *mut c_void, part: c_uint, partition: *mut c_void) {
        // SAFETY: as above.
        let callbacks = unsafe { &mut *(cx as *mut Callbacks<'_>) };
        (callbacks.1)(part, partition);
    }
    let mut callbacks: Callbacks<'_> = (name, sink);
    // SAFETY: guaranteed by the caller; `callbacks` outlives the call and
    // both functions match their callback types.
    unsafe {
        ffi::mvimg_shim_split_module(
            module,
            parts.max(1),
            named,
            made,
            &mut callbacks as *mut Callbacks<'_> as *mut c_void,
        )
    };
}
