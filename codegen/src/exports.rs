//! What an image exports: the ordinary shared library's export rule over a
//! module's definitions, and the symbols the emitted objects define.

use std::collections::BTreeMap;

use inkwell::module::Module;
use inkwell::values::GlobalValue;
use mvimg_cpu::Os;

use crate::Error;

/// Which definitions the ordinary shared library of a module exports.
pub(crate) struct ExportRule {
    /// Windows, and some definition is `dllexport`: then only those are
    /// (otherwise the MinGW linker exports every global definition).
    dllexport_only: bool,
}

impl ExportRule {
    pub(crate) fn of(module: &Module<'_>, os: Os) -> ExportRule {
        let dllexport = inkwell::DLLStorageClass::Export;
        ExportRule {
            dllexport_only: os == Os::Windows
                && symbol_definitions(module).any(|g| g.get_dll_storage_class() == dllexport),
        }
    }

    /// Whether `global` is exported: it has a linkage that leaves a symbol
    /// in the object and default or protected visibility (and `dllexport`
    /// where the rule asks for it), and it is not one of LLVM's own globals.
    pub(crate) fn exports(&self, global: GlobalValue<'_>) -> bool {
        use inkwell::module::Linkage::*;
        matches!(
            global.get_linkage(),
            External | WeakAny | WeakODR | LinkOnceAny | LinkOnceODR | Common
        ) && global.get_visibility() != inkwell::GlobalVisibility::Hidden
            && (!self.dllexport_only
                || global.get_dll_storage_class() == inkwell::DLLStorageClass::Export)
            && !name_bytes(global).starts_with(b"llvm.")
    }
}

/// The name of a global value as bytes.
pub(crate) fn name_bytes(global: GlobalValue<'_>) -> Vec<u8> {
    global.get_name().to_bytes().to_vec()
}

/// Every definition of `module` that is a symbol of the image: functions with
/// a body, variables with an initializer, aliases and ifuncs.
pub(crate) fn symbol_definitions<'a, 'ctx>(
    module: &'a Module<'ctx>,
) -> impl Iterator<Item = GlobalValue<'ctx>> + 'a {
    let functions = module
        .get_functions()
        .filter(|f| f.count_basic_blocks() > 0)
        .map(|f| f.as_global_value());
    let variables = module.get_globals().filter(|g| !g.is_declaration());
    let mut others = Vec::new();
    // SAFETY: walking the alias and ifunc lists of a live module; each value
    // is a global value.
    unsafe {
        use inkwell::llvm_sys::core::{
            LLVMGetFirstGlobalAlias, LLVMGetFirstGlobalIFunc, LLVMGetNextGlobalAlias,
            LLVMGetNextGlobalIFunc,
        };
        let mut alias = LLVMGetFirstGlobalAlias(module.as_mut_ptr());
        while !alias.is_null() {
            others.push(GlobalValue::new(alias));
            alias = LLVMGetNextGlobalAlias(alias);
        }
        let mut ifunc = LLVMGetFirstGlobalIFunc(module.as_mut_ptr());
        while !ifunc.is_null() {
            others.push(GlobalValue::new(ifunc));
            ifunc = LLVMGetNextGlobalIFunc(ifunc);
        }
    }
    functions.chain(variables).chain(others)
}

/// The global symbols the objects define (without Mach-O's leading `_`;
/// COFF weak externals left out), each with whether it is data (a variable,
/// not code).
pub(crate) fn defined_symbols(
    objects: &[Vec<u8>],
    macho: bool,
) -> Result<BTreeMap<Vec<u8>, bool>, Error> {
    use object::{Object, ObjectSymbol};
    let mut out = BTreeMap::new();
    for (i, bytes) in objects.iter().enumerate() {
        let file = object::File::parse(&bytes[..]).map_err(|e| Error::Llvm {
            action: format!("reading back object {i}"),
            message: e.to_string(),
        })?;
        // A weak definition is a COFF weak external, which the ordinary
        // MinGW DLL (LLD's auto-export) does not export either.
        let coff = file.format() == object::BinaryFormat::Coff;
        for symbol in file.symbols() {
            if !symbol.is_undefined() && symbol.is_global() && !(coff && symbol.is_weak()) {
                let name = symbol.name_bytes().unwrap_or_default();
                let name = if macho {
                    name.strip_prefix(b"_").unwrap_or(name)
                } else {
                    name
                };
                let data = matches!(
                    symbol.kind(),
                    object::SymbolKind::Data | object::SymbolKind::Tls
                );
                out.insert(name.to_vec(), data);
            }
        }
    }
    Ok(out)
}
