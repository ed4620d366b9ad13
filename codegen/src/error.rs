//! The error type of mvimg-codegen.

use std::fmt;

use mvimg_llvm_shim::ShimError;

/// Everything that can go wrong in mvimg-codegen.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The C++ shim reported an LLVM problem.
    Shim(ShimError),
    /// LLVM's tables did not have the shape the CPU database generator expects.
    CpuTables(String),
    /// LLVM could not create a target machine or emit code.
    Llvm {
        /// What mvimg was doing.
        action: String,
        /// LLVM's message.
        message: String,
    },
    /// mvimg-cpu rejected something (a target list, a host description).
    Cpu(mvimg_cpu::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Shim(e) => e.fmt(f),
            Error::CpuTables(message) => write!(f, "CPU database generation: {message}"),
            Error::Llvm { action, message } => write!(f, "LLVM failed while {action}: {message}"),
            Error::Cpu(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Shim(e) => Some(e),
            Error::Cpu(e) => Some(e),
            _ => None,
        }
    }
}

impl From<ShimError> for Error {
    fn from(e: ShimError) -> Self {
        Error::Shim(e)
    }
}

impl From<mvimg_cpu::Error> for Error {
    fn from(e: mvimg_cpu::Error) -> Self {
        Error::Cpu(e)
    }
}
