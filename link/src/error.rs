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
    InvalidJob(JobProblem),
    /// Writing the linker's auxiliary files or moving the output into place failed.
    Io {
        /// What was being done.
        action: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The disk the image is written to has too little room for it; LLD
    /// was not run (it writes its output through a memory map, and a full
    /// disk would kill it).
    DiskFull {
        /// The directory the output goes to.
        dir: PathBuf,
        /// Bytes free there for this user.
        free: u64,
        /// About what the link writes (the objects' sizes).
        needed: u64,
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

/// `{}` is one sentence (for LLD's failure: its first error); `{:#}` adds
/// LLD's diagnostics, a hint and the command line.
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
            LinkError::InvalidJob(problem) => problem.fmt(f),
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
            LinkError::DiskFull { dir, free, needed } => write!(
                f,
                "the disk of {} is full: {free} bytes free, and the image needs about \
                 {needed}; free space there or write the image elsewhere",
                dir.display()
            ),
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
                if !f.alternate() {
                    // One sentence: LLD's first error and how many more;
                    // `{:#}` has everything.
                    let errors: Vec<&str> = text
                        .lines()
                        .filter_map(|l| l.split_once("error: ").map(|(_, e)| e.trim()))
                        .collect();
                    return match errors.split_first() {
                        None if text.is_empty() => write!(f, " without diagnostics"),
                        None => write!(f, " (its diagnostics: `{{:#}}`)"),
                        Some((first, [])) => write!(f, ": {first}"),
                        Some((first, rest)) => {
                            write!(f, ": {first} (and {} more errors)", rest.len())
                        }
                    };
                }
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
    /// What LLD printed, when LLD ran and failed (`{:#}` prints it too).
    pub fn diagnostics(&self) -> Option<&str> {
        match self {
            LinkError::Lld { diagnostics, .. } => Some(diagnostics),
            _ => None,
        }
    }

    /// The command line LLD ran with, as a shell line, when LLD ran and
    /// failed (`{:#}` prints it too).
    pub fn command(&self) -> Option<&str> {
        match self {
            LinkError::Lld { command, .. } => Some(command),
            _ => None,
        }
    }

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

/// What makes a job impossible to link as given.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JobProblem {
    /// No object file or archive among the inputs.
    NoObjects,
    /// An archive given as an object file.
    ArchiveAsObject {
        /// The file.
        path: PathBuf,
    },
    /// A file given as an archive that is not one.
    NotAnArchive {
        /// The file.
        path: PathBuf,
    },
    /// An export that is not a symbol name.
    BadExport {
        /// The name given.
        name: String,
    },
    /// `threads` is 0.
    ZeroThreads,
    /// A path that must name a file does not (the output, the import library).
    NoFileName {
        /// What the path is for.
        what: &'static str,
        /// The path.
        path: PathBuf,
    },
    /// A data object's alignment is not a power of two.
    BadAlignment {
        /// The symbol.
        symbol: String,
        /// The alignment given.
        align: u64,
    },
    /// Writing a data object failed.
    DataObject {
        /// The symbol.
        symbol: String,
        /// The object writer's message.
        message: String,
    },
    /// A linker flavor name mvimg does not know.
    UnknownFlavor {
        /// The name given.
        name: String,
    },
    /// A linker argument LLD cannot take: not UTF-8 (where arguments must
    /// be) or holding a NUL byte.
    BadArgument {
        /// The argument, lossily.
        argument: String,
        /// What is wrong with it.
        why: &'static str,
    },
    /// More arguments than a C `int` counts.
    TooManyArguments,
    /// The Windows DLL entry stub could not be built.
    EntryStub {
        /// The object writer's message.
        message: String,
    },
}

impl fmt::Display for JobProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobProblem::NoObjects => f.write_str("no object files or archives to link"),
            JobProblem::ArchiveAsObject { path } => write!(
                f,
                "{} is an archive, given as an object file: link it as an archive (member by \
                 member, or whole)",
                path.display()
            ),
            JobProblem::NotAnArchive { path } => write!(
                f,
                "{} is given as an archive but is not one (no `!<arch>` header)",
                path.display()
            ),
            JobProblem::BadExport { name } => write!(
                f,
                "export {name:?} cannot be written to an export list (no spaces, control \
                 characters, quotes, `#` or wildcards `*?[]`)"
            ),
            JobProblem::ZeroThreads => f.write_str("threads must be at least 1"),
            JobProblem::NoFileName { what, path } => {
                write!(f, "{what} {} has no file name", path.display())
            }
            JobProblem::BadAlignment { symbol, align } => write!(
                f,
                "data object `{symbol}`: alignment {align} is not a power of two"
            ),
            JobProblem::DataObject { symbol, message } => {
                write!(f, "writing data object `{symbol}`: {message}")
            }
            JobProblem::UnknownFlavor { name } => {
                write!(
                    f,
                    "unknown linker flavor `{name}` (known: gnu, darwin, mingw)"
                )
            }
            JobProblem::BadArgument { argument, why } => {
                write!(f, "linker argument {argument:?} {why}")
            }
            JobProblem::TooManyArguments => f.write_str("too many linker arguments"),
            JobProblem::EntryStub { message } => {
                write!(f, "building the DLL entry stub: {message}")
            }
        }
    }
}
