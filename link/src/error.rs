//! Link errors: values, with LLD's own diagnostics inside.

use std::fmt;
use std::path::PathBuf;

/// Why a link failed.
#[derive(Debug)]
pub enum LinkError {
    /// An option given that the platform's linker has no meaning for.
    NotApplicable {
        /// The option, with its value.
        option: String,
        /// What kind of option it is.
        meaning: &'static str,
        /// The platform linked for.
        platform: String,
        /// Why it does not apply.
        reason: &'static str,
    },
    /// A library named by `-l` is on no search path.
    LibraryNotFound {
        /// The name given.
        name: String,
        /// The file names looked for in each directory, in order.
        tried: Vec<String>,
        /// The directories searched.
        searched: Vec<PathBuf>,
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
            LinkError::NotApplicable {
                option,
                meaning,
                platform,
                reason,
            } => write!(
                f,
                "{option}: {meaning} does not apply to {platform} ({reason}); leave it out"
            ),
            LinkError::LibraryNotFound {
                name,
                tried,
                searched,
            } => {
                write!(f, "library `-l{name}` not found: ")?;
                if tried.is_empty() {
                    return write!(
                        f,
                        "a library name has no `/`, `\\` or leading `:`; give a file as an input instead"
                    );
                }
                if searched.is_empty() {
                    return write!(
                        f,
                        "no search path was given; add the directory that holds {} with -L DIR",
                        tried.join(" or ")
                    );
                }
                let dirs: Vec<String> = searched.iter().map(|d| d.display().to_string()).collect();
                write!(
                    f,
                    "looked for {} in {}; add the directory that holds it with -L DIR",
                    tried.join(", "),
                    dirs.join(", ")
                )
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
                let undefined = self.undefined_symbols();
                if !undefined.is_empty() {
                    write!(
                        f,
                        "\nhint: link the library that defines {} (-L DIR -l NAME; on Windows \
                         its import library)",
                        if undefined.len() == 1 { "it" } else { "them" }
                    )?;
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
impl LinkError {
    /// The symbols LLD reported undefined, in order, without repeats (empty
    /// for other errors).
    pub fn undefined_symbols(&self) -> Vec<String> {
        let LinkError::Lld { diagnostics, .. } = self else {
            return Vec::new();
        };
        let mut symbols: Vec<String> = Vec::new();
        for line in diagnostics.lines() {
            if let Some((_, symbol)) = line.split_once("undefined symbol: ") {
                let symbol = symbol.trim().to_owned();
                if !symbols.contains(&symbol) {
                    symbols.push(symbol);
                }
            }
        }
        symbols
    }
}

impl std::error::Error for LinkError {}
