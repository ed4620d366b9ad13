//! The build host as LLVM 22 sees it (`sys::getHostCPUName` and
//! `sys::getHostCPUFeatures`), which is what the target name `native` means at
//! build time.

use inkwell::targets::TargetMachine;
use mvimg_cpu::{Arch, Error as CpuError, Host};

use crate::error::Error;

/// LLVM's name for the host CPU (`generic` when LLVM does not recognise it).
pub fn llvm_host_cpu_name() -> String {
    TargetMachine::get_host_cpu_name().to_string()
}

/// LLVM's host feature string (`+sse2,-avx512f,...`).
pub fn llvm_host_features() -> String {
    TargetMachine::get_host_cpu_features().to_string()
}

/// The build host as LLVM reports it.
pub fn llvm_host() -> Result<Host, Error> {
    let arch = Arch::host().ok_or_else(|| {
        Error::Cpu(CpuError::UnknownArch {
            name: std::env::consts::ARCH.to_owned(),
            suggestion: None,
        })
    })?;
    Ok(Host::from_llvm_report(
        arch,
        &llvm_host_cpu_name(),
        &llvm_host_features(),
    )?)
}
