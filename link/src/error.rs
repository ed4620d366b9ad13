//! Link errors: values, with LLD's own diagnostics inside.

use std::fmt;
use std::path::PathBuf;

/// Why a link failed.
#[derive(Debug)]
pub enum LinkError {
    /// The target triple is not one mvimg links for.
    UnknownTarget {
        /// The triple as given.
        triple: String,
        /// What is wrong, with the supported triples.
        reason: String,
    },
    /// An input file does not exist or cannot be read.
    MissingInput {
        /// The input.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A job that cannot be linked as given (no inputs, a bad export name...).
    InvalidJob(String),
    /// Writing the linker's auxiliary files or moving the output into place failed.
    Io {
        /// What was being done.
        action: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// LLD ran and failed.
    Lld {
        /// LLD's exit code.
        code: i32,
        /// What LLD printed on its error stream (and standard output).
        diagnostics: String,
        /// The command line, as a shell line.
        command: String,
        /// False when LLD reported that it cannot run again in this process:
        /// later links use the subprocess.
        can_run_again: bool,
    },
    /// A file of the target's toolchain runtime is not installed.
    MissingRuntime {
        /// The target triple.
        triple: String,
        /// The file (`libgcc.a`, `libc.so`, ...).
        file: String,
        /// The directories searched.
        searched: Vec<String>,
        /// The Debian packages that install the runtime.
        packages: String,
    },
    /// The LLD executable could not be started.
    Spawn {
        /// The program.
        program: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::UnknownTarget { triple, reason } => {
                write!(f, "cannot link for target `{triple}`: {reason}")
            }
            LinkError::MissingInput { path, source } => {
                write!(f, "input {}: {source}", path.display())
            }
            LinkError::InvalidJob(message) => f.write_str(message),
            LinkError::MissingRuntime {
                triple,
                file,
                searched,
                packages,
            } => write!(
                f,
                "the toolchain runtime for {triple} is not installed: no {file} in {}; \
                 install it (Debian: apt-get install {packages}) or link without the runtime",
                searched.join(", ")
            ),
            LinkError::Io { action, source } => write!(f, "{action}: {source}"),
            LinkError::Lld {
                code,
                diagnostics,
                command,
                can_run_again,
            } => {
                write!(f, "LLD failed (exit code {code})")?;
                if !can_run_again {
                    write!(f, " and cannot run again in this process")?;
                }
                let text = diagnostics.trim_end();
                if text.is_empty() {
                    write!(f, " without diagnostics")?;
                } else {
                    write!(f, ":\n{text}")?;
                }
                write!(f, "\ncommand: {command}")
            }
            LinkError::Spawn { program, source } => {
                write!(
                    f,
                    "cannot run {program}: {source} (install lld-22; ci/setup does)"
                )
            }
        }
    }
}

/// The I/O cause is part of the message, so `source` is not repeated.
impl std::error::Error for LinkError {}
