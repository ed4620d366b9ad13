//! Running LLD: in this process through the C++ shim (cpp/lld.cpp), or as the
//! `ld.lld-22` / `ld64.lld-22` executables with the same arguments.

use std::ffi::{c_char, c_int, CStr, CString, OsStr, OsString};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{JobProblem, LinkError};

extern "C" {
    fn mvimg_lld_link(
        argc: c_int,
        argv: *const *const c_char,
        out: *mut *mut c_char,
        err: *mut *mut c_char,
        can_run_again: *mut c_int,
    ) -> c_int;
    fn mvimg_lld_free(s: *mut c_char);
}

/// Set once in-process LLD reports that it cannot run again.
static POISONED: AtomicBool = AtomicBool::new(false);

/// Whether in-process LLD reported that it cannot run again; from then on every
/// link of this process runs the LLD executable.
pub fn in_process_poisoned() -> bool {
    POISONED.load(Ordering::SeqCst)
}

/// What one LLD run printed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LldRun {
    /// Standard output (`--verbose` traces, `--version`).
    pub stdout: String,
    /// Diagnostics: warnings (errors fail the link).
    pub stderr: String,
    /// Whether the link ran in this process.
    pub in_process: bool,
}

/// Takes a malloc'd string from the shim.
///
/// # Safety
/// `s` is null or a string returned by `mvimg_lld_link` not yet freed.
unsafe fn take(s: *mut c_char) -> String {
    if s.is_null() {
        return String::new();
    }
    // SAFETY: per the contract, a NUL-terminated heap string from the shim.
    let text = unsafe { CStr::from_ptr(s) }.to_string_lossy().into_owned();
    // SAFETY: freed once, here.
    unsafe { mvimg_lld_free(s) };
    text
}

pub(crate) fn shell_line(args: &[OsString]) -> String {
    args.iter()
        .map(|a| {
            let a = a.to_string_lossy();
            if !a.is_empty()
                && a.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_./=,:@+".contains(&b))
            {
                a.into_owned()
            } else {
                format!("'{}'", a.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs LLD in this process with `args` (`args[0]` names the driver: `ld.lld` or
/// `ld64.lld`).
/// An argument as the bytes LLD gets.
fn arg_bytes(a: &OsStr) -> Result<Vec<u8>, LinkError> {
    #[cfg(unix)]
    let bytes = Some(std::os::unix::ffi::OsStrExt::as_bytes(a).to_vec());
    #[cfg(not(unix))]
    let bytes = a.to_str().map(|s| s.as_bytes().to_vec());
    bytes.ok_or_else(|| {
        LinkError::InvalidJob(JobProblem::BadArgument {
            argument: a.to_string_lossy().into_owned(),
            why: "is not UTF-8",
        })
    })
}

pub(crate) fn run_in_process(args: &[OsString]) -> Result<LldRun, LinkError> {
    let c_args: Vec<CString> = args
        .iter()
        .map(|a| {
            CString::new(arg_bytes(a)?).map_err(|_| {
                LinkError::InvalidJob(JobProblem::BadArgument {
                    argument: a.to_string_lossy().into_owned(),
                    why: "contains a NUL byte",
                })
            })
        })
        .collect::<Result<_, _>>()?;
    let pointers: Vec<*const c_char> = c_args.iter().map(|a| a.as_ptr()).collect();
    let argc = c_int::try_from(pointers.len())
        .map_err(|_| LinkError::InvalidJob(JobProblem::TooManyArguments))?;
    let (mut out, mut err, mut again) = (std::ptr::null_mut(), std::ptr::null_mut(), 0);
    // SAFETY: argv holds argc valid NUL-terminated strings that outlive the call;
    // the out-pointers are valid for writes. The shim serialises LLD itself.
    let code = unsafe { mvimg_lld_link(argc, pointers.as_ptr(), &mut out, &mut err, &mut again) };
    // SAFETY: both strings come from this call and are taken once.
    let (stdout, stderr) = unsafe { (take(out), take(err)) };
    let can_run_again = again != 0;
    if !can_run_again {
        POISONED.store(true, Ordering::SeqCst);
    }
    if code != 0 {
        return Err(LinkError::Lld {
            code,
            diagnostics: if stdout.is_empty() {
                stderr
            } else {
                format!("{stderr}{stdout}")
            },
            command: shell_line(args),
            can_run_again,
        });
    }
    Ok(LldRun {
        stdout,
        stderr,
        in_process: true,
    })
}

/// Runs the LLD executable of LLVM 22 for the driver `args[0]` names.
pub(crate) fn run_subprocess(args: &[OsString]) -> Result<LldRun, LinkError> {
    let program = format!("{}-22", args[0].to_string_lossy());
    let output = Command::new(&program)
        .args(&args[1..])
        .output()
        .map_err(|source| LinkError::Spawn {
            program: program.clone(),
            source,
        })?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() {
        let mut command = vec![OsString::from(program)];
        command.extend_from_slice(&args[1..]);
        return Err(LinkError::Lld {
            code: output.status.code().unwrap_or(-1),
            diagnostics: format!("{stderr}{stdout}"),
            command: shell_line(&command),
            can_run_again: true,
        });
    }
    Ok(LldRun {
        stdout,
        stderr,
        in_process: false,
    })
}
