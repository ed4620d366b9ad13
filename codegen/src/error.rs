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
    /// A build was given no IR.
    NoInputs,
    /// An input file could not be read or is not valid LLVM IR.
    Input {
        /// The file.
        path: std::path::PathBuf,
        /// LLVM's message.
        message: String,
    },
    /// Where a build would write cannot take the file: its directory is
    /// missing, it is a directory, or it is one of the build's inputs.
    Destination {
        /// The destination as given.
        path: std::path::PathBuf,
        /// What is wrong, with what to do.
        problem: String,
    },
    /// An input's triple is for another target than the build's.
    TripleMismatch {
        /// The file.
        path: std::path::PathBuf,
        /// The module's triple.
        module: String,
        /// The build's triple.
        target: String,
    },
    /// An entry point named on the command line is not a defined function.
    Entry {
        /// The name.
        name: String,
        /// What is wrong.
        problem: String,
    },
    /// A `mvimg.cpu.have.*` query is malformed or names an unknown feature.
    FeatureQuery {
        /// The query function.
        query: String,
        /// What is wrong.
        problem: String,
    },
    /// A build-record key the caller gave that cannot be recorded.
    Record {
        /// The key.
        key: String,
        /// What is wrong with it.
        problem: String,
    },
    /// A function passes a vector by value that targets (of this image, or
    /// of this image and its base) carry in registers of different widths.
    VectorAbi {
        /// The function.
        function: String,
        /// The vector's size in bits.
        bits: u64,
        /// A target (labelled) and the register width it uses.
        first: (String, u64),
        /// Another target that uses another width.
        other: (String, u64),
    },
    /// The target list is for another architecture than the triple.
    ListForOtherArch {
        /// The list's architecture.
        list: mvimg_cpu::Arch,
        /// The triple built for.
        platform: String,
        /// Its architecture.
        platform_arch: mvimg_cpu::Arch,
    },
    /// mvimg has no image init for the platform.
    NoInit {
        /// The platform (its triple).
        platform: String,
    },
    /// The database has more detectable features than the init's masks hold.
    InitMasks {
        /// The architecture.
        arch: mvimg_cpu::Arch,
        /// Its detectable features.
        features: usize,
        /// How many the init supports.
        supported: usize,
    },
    /// An LLVM IR builder call failed while mvimg rewrote the module (a bug
    /// in mvimg).
    Builder {
        /// What was being built.
        building: String,
        /// LLVM's message.
        message: String,
    },
    /// A function to be cloned has a block whose address is used outside
    /// the function and its own local label tables, so a clone's computed
    /// `goto` could land in another copy's code.
    BlockAddressEscapes {
        /// The function.
        function: String,
        /// What uses the block address (a global, or an instruction of
        /// another function), as words.
        user: String,
    },
    /// The clone plan names a function the module lacks (a bug in mvimg).
    PlanFunction {
        /// The function.
        function: String,
    },
    /// The multiversioned module failed LLVM's verifier (a bug in mvimg).
    Verify {
        /// LLVM's message.
        message: String,
    },
    /// Reading or writing a file.
    Io {
        /// What mvimg was doing.
        action: String,
        /// The error.
        source: std::io::Error,
    },
    /// Linking the image.
    Link(mvimg_link::LinkError),
    /// A fleet build whose inputs and nodes do not pair up: an architecture
    /// of the fleet has no input, or an input's architecture no node.
    FleetInputs {
        /// The architecture.
        arch: mvimg_cpu::Arch,
        /// The triples of the inputs given.
        given: Vec<String>,
        /// `true`: the fleet has nodes of `arch` but no input is for it;
        /// `false`: an input is for `arch` but no node is.
        nodes: bool,
    },
    /// The image uses symbols that neither its code nor the libraries it
    /// links define.
    Undefined {
        /// The symbols, as LLD names them.
        symbols: Vec<String>,
        /// Whether the toolchain runtime was linked.
        runtime: bool,
        /// The operating system linked for.
        os: mvimg_cpu::Os,
        /// The link's error, with LLD's diagnostics.
        link: mvimg_link::LinkError,
    },
    /// The object cache's directory cannot be used.
    Cache(crate::cache::CacheError),
    /// A partition compile was asked of an mvimg built from other sources
    /// or against another LLVM (a distributed build's worker).
    Fingerprint {
        /// The fingerprint of the build that asked.
        asked: String,
        /// This mvimg's.
        ours: String,
    },
    /// A distributed build failed (not for want of workers: then the build
    /// runs locally).
    Distributed {
        /// What failed, as the driver or a worker said it.
        message: String,
    },
    /// A data symbol asked to be exported ([`crate::ImageBuilder::export_data`])
    /// is defined by the inputs in a way a shared object cannot export.
    ExportNotVisible {
        /// The symbol.
        symbol: String,
        /// How the inputs define it (hidden visibility, or internal or
        /// private linkage).
        how: &'static str,
    },
    /// A Windows image layered on a base image was given the base but not
    /// its import library ([`crate::ImageBuilder::base_import_library`]),
    /// through which a DLL links another.
    BaseImportLibrary {
        /// The base image.
        base: std::path::PathBuf,
    },
    /// A build setting is out of its range; found before anything is read
    /// or compiled.
    Setting {
        /// The setting ([`crate::ImageBuilder`]'s method name).
        setting: &'static str,
        /// The value given.
        value: String,
        /// What it may be.
        expected: &'static str,
    },
}

/// `{}` is the message; `{:#}` adds what a link error carries besides
/// (LLD's diagnostics and command line: [`mvimg_link::LinkError`]).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Shim(e) => e.fmt(f),
            Error::CpuTables(message) => write!(f, "CPU database generation: {message}"),
            Error::Llvm { action, message } => write!(f, "LLVM failed while {action}: {message}"),
            Error::Cpu(e) => e.fmt(f),
            Error::NoInputs => {
                f.write_str("no IR inputs: give one or more .ll or .bc files, bytes or modules")
            }
            Error::Input { path, message } => write!(f, "{}: {message}", path.display()),
            Error::TripleMismatch {
                path,
                module,
                target,
            } => write!(
                f,
                "{}: the module's triple is {module}, but the build is for {target}; \
                 compile it for {target} or pass --target {module}",
                path.display()
            ),
            Error::Entry { name, problem } => write!(f, "entry point `{name}` {problem}"),
            Error::FeatureQuery { query, problem } => {
                write!(f, "feature query `{query}`: {problem}")
            }
            Error::Destination { path, problem } => {
                write!(f, "cannot write {}: {problem}", path.display())
            }
            Error::ListForOtherArch {
                list,
                platform,
                platform_arch,
            } => write!(
                f,
                "the target list is for {list}, the triple {platform} is {platform_arch}; \
                 give a list for {platform_arch} or build for a {list} triple"
            ),
            Error::NoInit { platform } => write!(
                f,
                "mvimg has no image init for {platform}; supported: {}",
                mvimg_cpu::SUPPORTED_TRIPLES.join(", ")
            ),
            Error::InitMasks {
                arch,
                features,
                supported,
            } => write!(
                f,
                "the {arch} database has {features} detectable features; the image init \
                 supports {supported} (raise MAX_MASK in runtime/init.c and init.rs)"
            ),
            Error::Builder { building, message } => write!(
                f,
                "multiversioning: building {building} failed: {message} (a bug in mvimg)"
            ),
            Error::BlockAddressEscapes { function, user } => write!(
                f,
                "multiversioning: `{function}` cannot be cloned: the address of one of its \
                 labels is used by {user}, outside the function and its own `static` label \
                 tables, so a clone's computed goto could jump into another copy's code; keep \
                 the label table a `static` array inside the function, or use a target list \
                 that does not clone `{function}` (no clone_all)"
            ),
            Error::PlanFunction { function } => write!(
                f,
                "multiversioning: the plan names `{function}`, which the module lacks (a bug in \
                 mvimg)"
            ),
            Error::FleetInputs {
                arch,
                given,
                nodes: true,
            } => write!(
                f,
                "the fleet has {arch} nodes but no input is for {arch} (the inputs are for {}); \
                 give IR compiled for {arch} too, or plan one architecture with --arch",
                given.join(", ")
            ),
            Error::FleetInputs {
                arch,
                given,
                nodes: false,
            } => write!(
                f,
                "an input is for {arch} (the inputs are for {}) but no node of the fleet is; \
                 add {arch} nodes or leave that input out",
                given.join(", ")
            ),
            Error::Record { key, problem } => write!(f, "build record key `{key}` {problem}"),
            Error::VectorAbi {
                function,
                bits,
                first,
                other,
            } => write!(
                f,
                "`{function}` passes a {bits}-bit vector by value, which {} carries in \
                 {}-bit registers and {} in {}-bit ones, and mvimg cannot make every call \
                 of it agree (its address is taken, so code of another target may call it \
                 indirectly; or it is called through an invoke, or is variadic, or is in the \
                 base image): calls between bodies of different targets would disagree on \
                 where the value is. Pass the vector through memory (a pointer), mark the \
                 function always_inline, or use targets of one vector width for it",
                first.0, first.1, other.0, other.1
            ),
            Error::Verify { message } => write!(
                f,
                "the multiversioned module is not valid IR (a bug in mvimg): {message}"
            ),
            // The cause is the source (`{:#}` prints it after the action).
            Error::Io { action, .. } => f.write_str(action),
            Error::Link(e) if f.alternate() => write!(f, "linking the image: {e:#}"),
            Error::Link(e) => write!(f, "linking the image: {e}"),
            Error::Undefined {
                symbols,
                runtime,
                os,
                link,
            } => {
                let list: Vec<String> = symbols.iter().map(|s| format!("`{s}`")).collect();
                write!(
                    f,
                    "the image uses {} that nothing it links defines: {}",
                    if symbols.len() == 1 {
                        "a symbol"
                    } else {
                        "symbols"
                    },
                    list.join(", ")
                )?;
                let them = if symbols.len() == 1 { "it" } else { "them" };
                if *runtime {
                    write!(
                        f,
                        " (the toolchain runtime is linked: the compiler builtins, the C \
                         library, libm, the unwinder and the C++ runtime)"
                    )?;
                }
                write!(
                    f,
                    "; link the library that defines {them} (`-L DIR -l NAME`)"
                )?;
                if *os == mvimg_cpu::Os::Windows {
                    write!(
                        f,
                        ": a DLL resolves every symbol at link time, through the import \
                         library of the DLL that defines it"
                    )?;
                } else {
                    write!(f, ", or leave {them} to the loader (`Undefined::Allow`)")?;
                }
                if f.alternate() {
                    write!(f, "\n{link:#}")?;
                }
                Ok(())
            }
            Error::Cache(e) => e.fmt(f),
            Error::Fingerprint { asked, ours } => write!(
                f,
                "this mvimg is {ours}, the build that sent the partition runs {asked}: \
                 install the same mvimg (and LLVM) on every worker"
            ),
            Error::Distributed { message } => write!(f, "the distributed build failed: {message}"),
            Error::Setting {
                setting,
                value,
                expected,
            } => write!(f, "the setting {setting} is {value}; it must be {expected}"),
            Error::ExportNotVisible { symbol, how } => write!(
                f,
                "`{symbol}` was asked to be exported as data, but the inputs define it {how}, \
                 which a shared library cannot export: give it default visibility in the source"
            ),
            Error::BaseImportLibrary { base } => write!(
                f,
                "{}: a Windows image links its base image through the base's import library: \
                 give it too (building the base with an import library writes it)",
                base.display()
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            // Wrappers that print the inner error as their own message hand
            // on its source, so that a chain is not printed twice.
            Error::Shim(e) => e.source(),
            Error::Cpu(e) => e.source(),
            Error::Io { source, .. } => Some(source),
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
