//! macOS on Apple silicon: features from the `hw.optional.*` sysctls and the CPU
//! name from `hw.cpufamily`. The same code reads the live sysctls (on macOS) and
//! recorded `sysctl hw` output (everywhere), so it is compiled and tested on any
//! build host.

use std::collections::BTreeMap;

use super::*;
use crate::arch::Arch;
use crate::error::{DescriptionError, DescriptionFormat, Error};
use crate::feature::FeatureSet;

/// Which sysctls report each LLVM feature: all must read 1. Apple reports the
/// Arm architecture's FEAT_ names under `hw.optional.arm.`; a few older names
/// predate that scheme.
const SYSCTL_FEATURES: &[(Feature, &[&str])] = &[
    (FP_ARMV8, &["hw.optional.floatingpoint"]),
    (NEON, &["hw.optional.neon"]),
    (
        AES,
        &["hw.optional.arm.FEAT_AES", "hw.optional.arm.FEAT_PMULL"],
    ),
    (
        SHA2,
        &["hw.optional.arm.FEAT_SHA1", "hw.optional.arm.FEAT_SHA256"],
    ),
    (
        SHA3,
        &["hw.optional.arm.FEAT_SHA3", "hw.optional.arm.FEAT_SHA512"],
    ),
    (CRC, &["hw.optional.armv8_crc32"]),
    (LSE, &["hw.optional.arm.FEAT_LSE"]),
    (LSE2, &["hw.optional.arm.FEAT_LSE2"]),
    (FULLFP16, &["hw.optional.arm.FEAT_FP16"]),
    (FP16FML, &["hw.optional.arm.FEAT_FHM"]),
    (DOTPROD, &["hw.optional.arm.FEAT_DotProd"]),
    (RDM, &["hw.optional.arm.FEAT_RDM"]),
    (JSCONV, &["hw.optional.arm.FEAT_JSCVT"]),
    (COMPLXNUM, &["hw.optional.arm.FEAT_FCMA"]),
    (RCPC, &["hw.optional.arm.FEAT_LRCPC"]),
    (RCPC_IMMO, &["hw.optional.arm.FEAT_LRCPC2"]),
    (CCPP, &["hw.optional.arm.FEAT_DPB"]),
    (CCDP, &["hw.optional.arm.FEAT_DPB2"]),
    (FLAGM, &["hw.optional.arm.FEAT_FlagM"]),
    (ALTNZCV, &["hw.optional.arm.FEAT_FlagM2"]),
    (FPTOINT, &["hw.optional.arm.FEAT_FRINTTS"]),
    (SB, &["hw.optional.arm.FEAT_SB"]),
    (SSBS, &["hw.optional.arm.FEAT_SSBS"]),
    (BTI, &["hw.optional.arm.FEAT_BTI"]),
    (DIT, &["hw.optional.arm.FEAT_DIT"]),
    (BF16, &["hw.optional.arm.FEAT_BF16"]),
    (I8MM, &["hw.optional.arm.FEAT_I8MM"]),
    (ECV, &["hw.optional.arm.FEAT_ECV"]),
    (PAUTH, &["hw.optional.arm.FEAT_PAuth"]),
    (FPAC, &["hw.optional.arm.FEAT_FPAC"]),
    (CSSC, &["hw.optional.arm.FEAT_CSSC"]),
    (WFXT, &["hw.optional.arm.FEAT_WFxT"]),
    (SME, &["hw.optional.arm.FEAT_SME"]),
    (SME2, &["hw.optional.arm.FEAT_SME2"]),
    (SME_F64F64, &["hw.optional.arm.FEAT_SME_F64F64"]),
    (SME_I16I64, &["hw.optional.arm.FEAT_SME_I16I64"]),
];

/// Every feature macOS reports through `hw.optional` sysctls, with the sysctl
/// names that must all be 1 (for tables that repeat this detection
/// elsewhere, such as an image's own init).
pub fn sysctl_features() -> impl Iterator<Item = (Feature, &'static [&'static str])> {
    SYSCTL_FEATURES.iter().map(|(f, names)| (*f, *names))
}

/// sysctl values of a Mac: name to integer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sysctls {
    values: BTreeMap<String, u64>,
}

impl Sysctls {
    /// Reads `sysctl hw` output: `name: value` lines (also `name = value`);
    /// lines with non-numeric values are skipped, a malformed number for a name
    /// mvimg uses is an error naming the line.
    pub fn parse(text: &str) -> Result<Sysctls, Error> {
        let mut values = BTreeMap::new();
        for (i, raw) in text.lines().enumerate() {
            let Some((name, value)) = raw.split_once(':').or_else(|| raw.split_once('=')) else {
                continue;
            };
            let (name, value) = (name.trim(), value.trim());
            let used = name == "hw.cpufamily" || name.starts_with("hw.optional.");
            match value.parse::<u64>() {
                Ok(v) => {
                    values.insert(name.to_owned(), v);
                }
                Err(_) if used => {
                    return Err(DescriptionError::at(
                        DescriptionFormat::Sysctl,
                        i + 1,
                        value,
                        format!("an unsigned integer for {name}"),
                    ))
                }
                Err(_) => {}
            }
        }
        if !values.contains_key("hw.cpufamily")
            && !values.keys().any(|k| k.starts_with("hw.optional."))
        {
            return Err(DescriptionError::whole(
                DescriptionFormat::Sysctl,
                "the output of `sysctl hw`: no hw.cpufamily or hw.optional.* values found",
            ));
        }
        Ok(Sysctls { values })
    }

    /// The live values (macOS only).
    #[cfg(target_os = "macos")]
    pub fn live() -> Sysctls {
        let mut values = BTreeMap::new();
        let names = SYSCTL_FEATURES
            .iter()
            .flat_map(|(_, names)| names.iter().copied())
            .chain(["hw.cpufamily"]);
        for name in names {
            if let Some(v) = sysctl_u64(name) {
                values.insert(name.to_owned(), v);
            }
        }
        Sysctls { values }
    }

    /// One value.
    pub fn get(&self, name: &str) -> Option<u64> {
        self.values.get(name).copied()
    }

    /// The features the sysctls report, and those they speak about (a feature
    /// whose sysctl is absent on an older macOS is unknown, not absent).
    pub fn features(&self) -> (FeatureSet, FeatureSet) {
        let db = Arch::Aarch64.database();
        let mut present = FeatureSet::empty(Arch::Aarch64);
        let mut checked = FeatureSet::empty(Arch::Aarch64);
        for (feature, names) in SYSCTL_FEATURES {
            let values: Vec<Option<u64>> = names.iter().map(|n| self.get(n)).collect();
            if values.iter().all(Option::is_some) {
                checked.insert(*feature);
                if values.iter().all(|v| *v == Some(1)) {
                    present.insert(*feature);
                }
            }
        }
        (db.closure(&present), checked)
    }

    /// LLVM's name for the CPU family (`None` without `hw.cpufamily`).
    pub fn llvm_name(&self) -> Option<&'static str> {
        let family = u32::try_from(self.get("hw.cpufamily")?).ok()?;
        Some(naming::apple_family_name(family))
    }
}

#[cfg(target_os = "macos")]
fn sysctl_u64(name: &str) -> Option<u64> {
    use std::ffi::{c_char, c_int, c_void, CString};
    extern "C" {
        fn sysctlbyname(
            name: *const c_char,
            oldp: *mut c_void,
            oldlenp: *mut usize,
            newp: *mut c_void,
            newlen: usize,
        ) -> c_int;
    }
    let cname = CString::new(name).ok()?;
    let mut buf = [0u8; 8];
    let mut len = buf.len();
    // SAFETY: buf is writable for len bytes; sysctlbyname writes at most len
    // bytes and updates len; no new value is set.
    let rc = unsafe {
        sysctlbyname(
            cname.as_ptr(),
            buf.as_mut_ptr().cast(),
            &mut len,
            std::ptr::null_mut(),
            0,
        )
    };
    match (rc, len) {
        (0, 4) => Some(u64::from(u32::from_ne_bytes([
            buf[0], buf[1], buf[2], buf[3],
        ]))),
        (0, 8) => Some(u64::from_ne_bytes(buf)),
        _ => None,
    }
}
