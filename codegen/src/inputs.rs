//! What the input IR says about how it was produced: input whose loops LLVM
//! already vectorized clones badly (each clone keeps the width the input was
//! vectorized for), so a build warns about it and says how to produce IR
//! that clones well.

use std::ffi::c_uint;
use std::fmt;

use inkwell::context::Context;
use inkwell::llvm_sys::core::{
    LLVMGetBasicBlockTerminator, LLVMGetFirstBasicBlock, LLVMGetMDKindIDInContext,
    LLVMGetMDNodeNumOperands, LLVMGetMDNodeOperands, LLVMGetMDString, LLVMGetMetadata,
    LLVMGetModuleContext, LLVMGetNextBasicBlock, LLVMIsAMDNode,
};
use inkwell::llvm_sys::prelude::LLVMValueRef;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::Module;
use inkwell::values::AsValueRef;

/// What clang (and clang++) needs, besides the source and `-o`, to produce
/// IR that clones well at -O2: the front end's work (attributes, inlining
/// hints, -O2's semantics) without LLVM's passes, which run in mvimg once per
/// target (README, "Producing IR").
pub const CLANG_IR_FLAGS: [&str; 5] =
    ["-O2", "-Xclang", "-disable-llvm-passes", "-emit-llvm", "-c"];

/// What rustc needs for the same, besides the crate and its type.
pub const RUSTC_IR_FLAGS: [&str; 5] = [
    "-C",
    "opt-level=2",
    "-C",
    "no-prepopulate-passes",
    "--emit=llvm-bc",
];

/// Whether `bytes` start as LLVM bitcode does: the raw magic `BC 0xC0DE`
/// or the wrapper header's `0x0B17C0DE` (little-endian).
pub fn is_bitcode(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x42, 0x43, 0xC0, 0xDE]) || bytes.starts_with(&[0xDE, 0xC0, 0x17, 0x0B])
}

/// The loop property LLVM's loop vectorizer sets on every loop it has
/// processed (the vector loop and its scalar remainder).
const VECTORIZED: &[u8] = b"llvm.loop.isvectorized";

/// Input functions whose loops LLVM's loop vectorizer already processed:
/// IR from an optimizing front end (`clang -O2 -emit-llvm`, rustc release
/// bitcode). [`Prevectorized`]'s `Display` is the warning a build shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prevectorized {
    /// The functions, in module order.
    pub functions: Vec<String>,
}

/// How many function names the warning spells out.
const NAMED: usize = 5;

impl fmt::Display for Prevectorized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.functions.len();
        let named: Vec<&str> = self
            .functions
            .iter()
            .take(NAMED)
            .map(String::as_str)
            .collect();
        write!(
            f,
            "{n} function{} of the input {} loops LLVM already vectorized ({}{}): the input was \
             optimized for the CPU it was compiled for, and no clone can widen those loops. \
             For IR that clones well, stop the front end before LLVM's passes: \
             `clang {}` (clang++ alike); rustc `{}` (README, \"Producing IR\")",
            if n == 1 { "" } else { "s" },
            if n == 1 { "has" } else { "have" },
            named.join(", "),
            if n > NAMED { ", ..." } else { "" },
            CLANG_IR_FLAGS.join(" "),
            RUSTC_IR_FLAGS.join(" "),
        )
    }
}

/// The functions of `module` with a loop LLVM's loop vectorizer processed
/// (a branch carrying `llvm.loop` metadata with `llvm.loop.isvectorized`);
/// `None` when there are none.
pub fn prevectorized(module: &Module<'_>) -> Option<Prevectorized> {
    let mut functions = Vec::new();
    // SAFETY: the module and its context are live; the calls only read.
    unsafe {
        let context = LLVMGetModuleContext(module.as_mut_ptr());
        let name = b"llvm.loop";
        let kind = LLVMGetMDKindIDInContext(context, name.as_ptr().cast(), name.len() as c_uint);
        for function in module.get_functions() {
            let mut block = LLVMGetFirstBasicBlock(function.as_value_ref());
            while !block.is_null() {
                let terminator = LLVMGetBasicBlockTerminator(block);
                if !terminator.is_null() {
                    let node = LLVMGetMetadata(terminator, kind);
                    if !node.is_null() && has_property(node, VECTORIZED) {
                        functions.push(function.get_name().to_string_lossy().into_owned());
                        break;
                    }
                }
                block = LLVMGetNextBasicBlock(block);
            }
        }
    }
    (!functions.is_empty()).then_some(Prevectorized { functions })
}

/// Whether the loop node `node` lists a property named `property` (an
/// operand node whose first operand is that string).
///
/// # Safety
/// `node` is a live metadata value.
unsafe fn has_property(node: LLVMValueRef, property: &[u8]) -> bool {
    let operands = |n: LLVMValueRef| {
        let count = LLVMGetMDNodeNumOperands(n) as usize;
        let mut out: Vec<LLVMValueRef> = vec![std::ptr::null_mut(); count];
        LLVMGetMDNodeOperands(n, out.as_mut_ptr());
        out
    };
    if LLVMIsAMDNode(node).is_null() {
        return false;
    }
    operands(node).into_iter().any(|operand| {
        if operand.is_null() || LLVMIsAMDNode(operand).is_null() {
            return false;
        }
        let Some(&first) = operands(operand).first() else {
            return false;
        };
        if first.is_null() {
            return false;
        }
        let mut len: c_uint = 0;
        let text = LLVMGetMDString(first, &mut len);
        !text.is_null() && std::slice::from_raw_parts(text.cast::<u8>(), len as usize) == property
    })
}

/// Limits of a child process that checks an input ([`check_in_child`]).
#[derive(Clone, Copy, Debug)]
pub struct ChildLimits {
    /// Its address space, in bytes.
    pub memory: u64,
    /// Its wall time.
    pub time: std::time::Duration,
}

impl ChildLimits {
    /// What an input of `size` bytes may take: 4 GiB plus 64 times its
    /// size of address space, and a minute plus a second per MiB.
    pub fn for_size(size: u64) -> ChildLimits {
        ChildLimits {
            memory: (4u64 << 30).saturating_add(size.saturating_mul(64)),
            time: std::time::Duration::from_secs(60 + size / (1 << 20)),
        }
    }
}

/// Checks the IR file `input` as a build would read it
/// ([`crate::check_input`]), in a child process `mvimg` runs
/// (`mvimg check-input FILE`, the CLI's hidden command) with `limits`: a
/// crash of LLVM's reader, a runaway allocation or a hang ends the child, not
/// the caller, and comes back as an [`crate::Error::Input`] naming the file. The
/// CLI checks every input so before it builds; a library caller that reads
/// untrusted IR does the same with its mvimg, since the builder's own
/// (in-process) parsing trusts its bytes. Costs a second parse of the input.
pub fn check_in_child(
    mvimg: &std::path::Path,
    input: &std::path::Path,
    limits: ChildLimits,
) -> Result<(), crate::Error> {
    use std::process::{Command, Stdio};
    let fail = |message: String| crate::Error::Input {
        path: input.to_path_buf(),
        message,
    };
    let mut command = Command::new(mvimg);
    command
        .arg("check-input")
        .arg(input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let memory = limits.memory;
        // SAFETY: setrlimit is async-signal-safe; nothing else runs between
        // fork and exec.
        unsafe {
            command.pre_exec(move || {
                let limit = libc::rlimit {
                    rlim_cur: memory as libc::rlim_t,
                    rlim_max: memory as libc::rlim_t,
                };
                libc::setrlimit(libc::RLIMIT_AS, &limit);
                // No core file for a crash the parent reports.
                let none = libc::rlimit {
                    rlim_cur: 0,
                    rlim_max: 0,
                };
                libc::setrlimit(libc::RLIMIT_CORE, &none);
                Ok(())
            })
        };
    }
    let mut child = command.spawn().map_err(|e| {
        fail(format!(
            "could not be checked: running {} check-input failed: {e}",
            mvimg.display()
        ))
    })?;
    let mut stderr = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        text
    });
    let started = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() < limits.time => {
                std::thread::sleep(std::time::Duration::from_millis(5))
            }
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(fail(format!(
                    "LLVM's reader did not finish reading it in {} s (stopped): it is not \
                     IR mvimg can build",
                    limits.time.as_secs()
                )));
            }
            Err(e) => return Err(fail(format!("could not be checked: {e}"))),
        }
    };
    let text = reader.join().unwrap_or_default();
    if status.success() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let out_of_memory = text.contains("out of memory") || text.contains("bad_alloc");
            return Err(fail(if out_of_memory {
                format!(
                    "is not valid LLVM IR: LLVM's reader ran out of the {} MiB allowed \
                     for reading it",
                    limits.memory >> 20
                )
            } else {
                format!("is not valid LLVM IR: LLVM's reader crashed on it (signal {signal})")
            }));
        }
    }
    // The child printed the reader's or the verifier's message, naming the
    // file already: pass it on as it is.
    let message = text
        .lines()
        .find_map(|l| l.strip_prefix("error: "))
        .unwrap_or(text.trim())
        .to_owned();
    let prefix = format!("{}: ", input.display());
    Err(fail(
        message
            .strip_prefix(&prefix)
            .map(str::to_owned)
            .unwrap_or(message),
    ))
}

/// Parses the IR text or bitcode in `buffer` (NUL-terminated, as the text
/// parser needs: a file's buffer or a copy) into a module of `context`, or
/// LLVM's message. The buffer stays the caller's: LLVM 22's parser does
/// not consume it (inkwell's `create_module_from_ir` forgets it, and every
/// build leaked its inputs and the init's IR).
pub(crate) fn parse_ir<'ctx>(
    context: &'ctx Context,
    buffer: &MemoryBuffer,
) -> Result<Module<'ctx>, String> {
    use inkwell::llvm_sys::core::LLVMDisposeMessage;
    use inkwell::llvm_sys::ir_reader::LLVMParseIRInContext2;
    let mut module = std::ptr::null_mut();
    let mut message = std::ptr::null_mut();
    // SAFETY: a live context and buffer; LLVMParseIRInContext2 borrows the
    // buffer, returns a module owned by the caller or a message the caller
    // disposes of.
    let failed = unsafe {
        LLVMParseIRInContext2(
            context.raw(),
            buffer.as_mut_ptr(),
            &mut module,
            &mut message,
        )
    };
    if failed != 0 || module.is_null() {
        if message.is_null() {
            return Err("LLVM could not parse it and gave no reason".into());
        }
        // SAFETY: a NUL-terminated message from LLVM, disposed of once.
        let text = unsafe { std::ffi::CStr::from_ptr(message) }
            .to_string_lossy()
            .into_owned();
        unsafe { LLVMDisposeMessage(message) };
        return Err(text);
    }
    // SAFETY: a module of `context`, owned from here by the Module.
    Ok(unsafe { Module::new(module) })
}
