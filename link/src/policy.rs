//! Link policies a job chooses and each flavor spells: undefined symbols
//! and Windows data imports.

/// What happens to symbols that neither the inputs nor the libraries define.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undefined {
    /// The link fails naming each one (ELF `-z defs`, Mach-O
    /// `-undefined error`; Windows DLLs always do).
    Error,
    /// They are left to the loader: ELF resolves them in the global scope
    /// at load, Mach-O by flat lookup (`-undefined dynamic_lookup`). Not
    /// possible for Windows DLLs.
    Allow,
}

/// How code in a Windows DLL reads data defined in another DLL (MinGW).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DataImports {
    /// Only through `dllimport` declarations (`__imp_NAME`); any other
    /// reference to imported data fails the link.
    DllImportOnly,
    /// Also through pointer-sized references, such as the `.refptr.NAME`
    /// cells clang emits for `extern` data it cannot prove local: LLD
    /// points them at the import address table ("auto-import"). A reference
    /// that would need patching at load (a runtime pseudo-relocation) fails
    /// the link, naming the symbol.
    #[default]
    Refptr,
    /// Also references that need patching at load: LLD records runtime
    /// pseudo-relocations, which the DLL's entry point must apply (the mingw
    /// CRT does; so does the init of every mvimg image). The link then needs
    /// a definition of `_pei386_runtime_relocator`.
    PseudoRelocations,
}
