//! Host feature detection from CPU registers. The detection tables of
//! `x86_64/mod.rs` say which bit means which feature; this module reads the bits,
//! from the live CPU or from any other [`Cpuid`] source (a recorded dump).

use crate::arch::Arch;
use crate::db::Detection;
use crate::feature::FeatureSet;
use crate::x86_64::{CpuidTest, OsState, Reg};

/// A source of x86 CPUID results and the XCR0 register.
pub trait Cpuid {
    /// The EAX, EBX, ECX, EDX results of CPUID with `leaf` and `subleaf`.
    fn cpuid(&self, leaf: u32, subleaf: u32) -> [u32; 4];
    /// XCR0, or `None` when it cannot be read (no OSXSAVE).
    fn xcr0(&self) -> Option<u64>;
    /// [`Cpuid::xcr0`] when CPUID.1:ECX's OSXSAVE bit is already known to
    /// be `osxsave`: a source that would ask the CPU for it again need not
    /// (in a virtual machine every CPUID traps to the hypervisor).
    fn xcr0_given_osxsave(&self, osxsave: bool) -> Option<u64> {
        let _ = osxsave;
        self.xcr0()
    }
}

/// The CPU this process runs on.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy, Debug, Default)]
pub struct LiveCpuid;

#[cfg(target_arch = "x86_64")]
impl Cpuid for LiveCpuid {
    fn cpuid(&self, leaf: u32, subleaf: u32) -> [u32; 4] {
        // CPUID exists on every x86_64 CPU and has no side effects (safe since
        // Rust 1.87).
        let r = std::arch::x86_64::__cpuid_count(leaf, subleaf);
        [r.eax, r.ebx, r.ecx, r.edx]
    }

    fn xcr0(&self) -> Option<u64> {
        // XGETBV faults unless the OS set CR4.OSXSAVE, which CPUID.1:ECX[27] reports.
        self.xcr0_given_osxsave(self.cpuid(1, 0)[2] >> 27 & 1 != 0)
    }

    fn xcr0_given_osxsave(&self, osxsave: bool) -> Option<u64> {
        if !osxsave {
            return None;
        }
        let (eax, edx): (u32, u32);
        // SAFETY: OSXSAVE is set, so XGETBV with ECX = 0 is defined; it only
        // reads XCR0 into EDX:EAX.
        unsafe {
            std::arch::asm!("xgetbv", in("ecx") 0u32, out("eax") eax, out("edx") edx, options(nomem, nostack, preserves_flags));
        }
        Some(u64::from(edx) << 32 | u64::from(eax))
    }
}

/// The CPU this process runs on, as [`LiveCpuid`] reads it, except that the
/// leaves glibc read when the process started are taken from glibc's copy
/// (`__x86_get_cpuid_feature_leaf`, the raw registers its
/// `CPU_FEATURE_PRESENT` reads): in a virtual machine every CPUID traps to
/// the hypervisor (about 5 µs a leaf on the machine the README's figures
/// come from), and detection needs ten leaves of which glibc has eight.
/// Only where glibc has them all: glibc 2.34 or later (2.33 lacks leaf
/// 0x14) on a CPU whose vendor glibc reads the extended leaves of (Intel,
/// AMD, Hygon); anywhere else every leaf is asked of the CPU.
#[cfg(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu"))]
#[derive(Clone, Copy, Debug)]
pub struct ProcessCpuid {
    /// CPUID leaf 0, asked of the CPU (glibc keeps no copy of it).
    leaf0: [u32; 4],
    glibc: Option<GlibcLeafFn>,
}

/// One leaf as glibc keeps it (`struct cpuid_feature` of
/// `<sys/platform/x86.h>`): the registers as CPUID returned them, then
/// what glibc made usable of them.
#[cfg(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu"))]
#[repr(C)]
struct GlibcLeaf {
    cpuid: [u32; 4],
    active: [u32; 4],
}

#[cfg(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu"))]
type GlibcLeafFn = unsafe extern "C" fn(u32) -> *const GlibcLeaf;

#[cfg(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu"))]
impl ProcessCpuid {
    /// glibc's index of each leaf it keeps (the `CPUID_INDEX_*` numbers of
    /// `<bits/platform/x86.h>`, fixed by its ABI).
    const GLIBC_INDEX: [((u32, u32), u32); 9] = [
        ((1, 0), 0),
        ((7, 0), 1),
        ((0x8000_0001, 0), 2),
        ((0xd, 1), 3),
        ((0x8000_0007, 0), 4),
        ((0x8000_0008, 0), 5),
        ((7, 1), 6),
        ((0x19, 0), 7),
        ((0x14, 0), 8),
    ];

    /// This process's CPU: asks CPUID leaf 0 and looks glibc's copy up.
    pub fn new() -> ProcessCpuid {
        let leaf0 = LiveCpuid.cpuid(0, 0);
        // "GenuineIntel", "AuthenticAMD", "HygonGenuine" as EBX, EDX, ECX.
        let vendor = [leaf0[1], leaf0[3], leaf0[2]];
        let read_by_glibc = [
            [0x756e_6547, 0x4965_6e69, 0x6c65_746e],
            [0x6874_7541, 0x6974_6e65, 0x444d_4163],
            [0x6f67_7948, 0x6e65_476e, 0x656e_6975],
        ]
        .contains(&vendor);
        ProcessCpuid {
            leaf0,
            glibc: if read_by_glibc { glibc_leaf_fn() } else { None },
        }
    }

    /// Whether leaves are taken from glibc's copy.
    pub fn uses_glibc(&self) -> bool {
        self.glibc.is_some()
    }
}

#[cfg(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu"))]
impl Default for ProcessCpuid {
    fn default() -> ProcessCpuid {
        ProcessCpuid::new()
    }
}

/// glibc's `__x86_get_cpuid_feature_leaf`, when this process's glibc is
/// 2.34 or later.
#[cfg(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu"))]
fn glibc_leaf_fn() -> Option<GlibcLeafFn> {
    // SAFETY: gnu_get_libc_version returns a static NUL-terminated string.
    let version = unsafe { std::ffi::CStr::from_ptr(libc::gnu_get_libc_version()) };
    let mut parts = version.to_str().ok()?.split('.').map(str::parse::<u32>);
    let (major, minor) = (parts.next()?.ok()?, parts.next()?.ok()?);
    if (major, minor) < (2, 34) {
        return None;
    }
    // SAFETY: a NUL-terminated name looked up in the process's global scope.
    let symbol =
        unsafe { libc::dlsym(libc::RTLD_DEFAULT, c"__x86_get_cpuid_feature_leaf".as_ptr()) };
    if symbol.is_null() {
        return None;
    }
    // SAFETY: glibc's declaration: `const struct cpuid_feature
    // *__x86_get_cpuid_feature_leaf (unsigned int)`.
    Some(unsafe { std::mem::transmute::<*mut libc::c_void, GlibcLeafFn>(symbol) })
}

#[cfg(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu"))]
impl Cpuid for ProcessCpuid {
    fn cpuid(&self, leaf: u32, subleaf: u32) -> [u32; 4] {
        if (leaf, subleaf) == (0, 0) {
            return self.leaf0;
        }
        let index = Self::GLIBC_INDEX
            .iter()
            .find(|(question, _)| *question == (leaf, subleaf));
        if let (Some(get), Some(&(_, index))) = (self.glibc, index) {
            // SAFETY: glibc returns a pointer to its (static) copy of the
            // leaf for every index, zeros for one it does not keep.
            let kept = unsafe { get(index) };
            if !kept.is_null() {
                // SAFETY: non-null, pointing at a `struct cpuid_feature`.
                return unsafe { (*kept).cpuid };
            }
        }
        LiveCpuid.cpuid(leaf, subleaf)
    }

    fn xcr0(&self) -> Option<u64> {
        LiveCpuid.xcr0_given_osxsave(self.cpuid(1, 0)[2] >> 27 & 1 != 0)
    }

    fn xcr0_given_osxsave(&self, osxsave: bool) -> Option<u64> {
        LiveCpuid.xcr0_given_osxsave(osxsave)
    }
}

/// A [`Cpuid`] source that asks `cpu` once per (leaf, subleaf) and answers
/// again from memory. Detection reads each leaf many times (once per
/// feature); in a virtual machine every CPUID traps to the hypervisor, so
/// asking once matters there (the image's own init does the same).
pub struct OnceCpuid<C: Cpuid> {
    cpu: C,
    seen: std::cell::RefCell<Vec<Answer>>,
}

/// A CPUID question, (leaf, subleaf), and its answer, (EAX, EBX, ECX, EDX).
type Answer = ((u32, u32), [u32; 4]);

impl<C: Cpuid> OnceCpuid<C> {
    /// Wraps `cpu`.
    pub fn new(cpu: C) -> OnceCpuid<C> {
        OnceCpuid {
            cpu,
            seen: std::cell::RefCell::new(Vec::new()),
        }
    }
}

impl<C: Cpuid> OnceCpuid<C> {
    /// The wrapped source.
    pub fn inner(&self) -> &C {
        &self.cpu
    }
}

impl<C: Cpuid> Cpuid for OnceCpuid<C> {
    fn cpuid(&self, leaf: u32, subleaf: u32) -> [u32; 4] {
        if let Some(&(_, regs)) = self
            .seen
            .borrow()
            .iter()
            .find(|(k, _)| *k == (leaf, subleaf))
        {
            return regs;
        }
        let regs = self.cpu.cpuid(leaf, subleaf);
        self.seen.borrow_mut().push(((leaf, subleaf), regs));
        regs
    }

    fn xcr0(&self) -> Option<u64> {
        // The OSXSAVE bit from the leaf asked once.
        self.cpu
            .xcr0_given_osxsave(self.cpuid(1, 0)[2] >> 27 & 1 != 0)
    }
}

/// Which leaves a CPU implements, so that reads past them count as zero
/// (a CPU answers an unimplemented leaf with the highest basic leaf's data).
struct Leaves<'a, C: Cpuid + ?Sized> {
    cpu: &'a C,
    max_basic: u32,
    max_extended: u32,
    max_leaf7_subleaf: u32,
}

impl<'a, C: Cpuid + ?Sized> Leaves<'a, C> {
    fn new(cpu: &'a C) -> Self {
        let max_basic = cpu.cpuid(0, 0)[0];
        let max_extended = cpu.cpuid(0x8000_0000, 0)[0];
        let max_leaf7_subleaf = if max_basic >= 7 {
            cpu.cpuid(7, 0)[0]
        } else {
            0
        };
        Leaves {
            cpu,
            max_basic,
            max_extended,
            max_leaf7_subleaf,
        }
    }

    fn read(&self, leaf: u32, subleaf: u32) -> [u32; 4] {
        let present = if leaf >= 0x8000_0000 {
            leaf <= self.max_extended
        } else {
            leaf <= self.max_basic && (leaf != 7 || subleaf <= self.max_leaf7_subleaf)
        };
        if present {
            self.cpu.cpuid(leaf, subleaf)
        } else {
            [0; 4]
        }
    }

    fn bit(&self, leaf: u32, subleaf: u32, reg: Reg, bit: u8) -> bool {
        let regs = self.read(leaf, subleaf);
        let value = match reg {
            Reg::Eax => regs[0],
            Reg::Ebx => regs[1],
            Reg::Ecx => regs[2],
            Reg::Edx => regs[3],
        };
        value >> bit & 1 == 1
    }
}

/// The OS-enabled register state, from OSXSAVE and XCR0.
struct OsSupport {
    avx: bool,
    avx512: bool,
    amx: bool,
}

impl OsSupport {
    fn new(xcr0: Option<u64>) -> OsSupport {
        let Some(xcr0) = xcr0 else {
            return OsSupport {
                avx: false,
                avx512: false,
                amx: false,
            };
        };
        let avx = xcr0 & 0x6 == 0x6;
        // Darwin enables AVX-512 state lazily, on first use.
        let avx512 = avx && (cfg!(target_os = "macos") || xcr0 & 0xe0 == 0xe0);
        let amx = xcr0 & (0b11 << 17) == 0b11 << 17;
        OsSupport { avx, avx512, amx }
    }

    fn allows(&self, state: OsState) -> bool {
        match state {
            OsState::None => true,
            OsState::Avx => self.avx,
            OsState::Avx512 => self.avx512,
            OsState::Amx => self.amx,
        }
    }
}

/// The x86_64 features `cpu` reports and its OS enables: every entry of the
/// detection table is evaluated, so every detectable feature is either in the
/// result or known to be absent.
pub fn x86_64_features(cpu: &(impl Cpuid + ?Sized)) -> FeatureSet {
    let db = Arch::X86_64.database();
    let leaves = Leaves::new(cpu);
    let os = OsSupport::new(cpu.xcr0());
    let mut features = FeatureSet::empty(Arch::X86_64);
    for (feature, detection) in db.detection_table() {
        let Detection::Cpuid(source) = detection else {
            continue;
        };
        let present = match source.test {
            CpuidTest::Bit {
                leaf,
                subleaf,
                reg,
                bit,
            } => leaves.bit(leaf, subleaf, reg, bit),
            CpuidTest::Avx10 { version } => {
                leaves.bit(7, 1, Reg::Edx, 19)
                    && (leaves.read(0x24, 0)[1] & 0xff) >= u32::from(version)
            }
        };
        if present && os.allows(source.state) {
            features.insert(*feature);
        }
    }
    features
}
