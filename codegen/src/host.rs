//! The build host as LLVM 22 sees it (`sys::getHostCPUName` and
//! `sys::getHostCPUFeatures`), which is what the target name `native` means at
//! build time.

use inkwell::targets::TargetMachine;
use mvimg_cpu::{Arch, Error as CpuError, FeatureSet};

use crate::error::Error;

/// LLVM's name for the host CPU (`generic` when LLVM does not recognise it).
pub fn llvm_host_cpu_name() -> String {
    TargetMachine::get_host_cpu_name().to_string()
}

/// LLVM's host feature string (`+sse2,-avx512f,...`).
pub fn llvm_host_features() -> String {
    TargetMachine::get_host_cpu_features().to_string()
}

/// The host CPU name and the set of features LLVM reports as present, as a
/// feature set of the host architecture (closed under implication).
pub fn llvm_host() -> Result<(String, FeatureSet), Error> {
    let arch = Arch::host().ok_or_else(|| {
        Error::Cpu(CpuError::Host {
            message: format!(
                "this build host ({}) is not an architecture mvimg has a CPU database for",
                std::env::consts::ARCH
            ),
        })
    })?;
    let db = arch.database();
    let mut features = FeatureSet::empty(arch);
    for item in llvm_host_features().split(',') {
        let Some(name) = item.strip_prefix('+') else {
            continue;
        };
        let feature = db.feature(name).ok_or_else(|| {
            Error::CpuTables(format!(
                "LLVM reports host feature {name:?}, which the {arch} database lacks: regenerate it"
            ))
        })?;
        features.insert(feature);
    }
    Ok((llvm_host_cpu_name(), db.closure(&features)))
}
