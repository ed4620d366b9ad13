//! The `mvimg` command line: the grammar ([`args`]), the commands that
//! describe ([`describe`]) and build ([`build`]), and what every command
//! shares: running one, its outcome, and how an error is told.

pub(crate) mod args;
pub(crate) mod build;
pub(crate) mod describe;

use anyhow::Result;

use args::{Cli, Command, FleetCommand};
use build::{build, compile_partition, link};
use describe::{check, cpus, explain, fleet_check, fleet_plan, host, inspect, select, targets};

/// What a command that ran decided: the exit status is decided here and in
/// `main` only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// It did what was asked (exit status 0).
    Done,
    /// Its answer, printed, is no: an image refused, a fleet not every node
    /// of which runs its image (exit status 1, no error message).
    No,
    /// `mvimg check` could not decide (the image or the host description
    /// cannot be read) and has told why (exit status 2, as for clap's bad
    /// arguments).
    CannotDecide,
}

/// Runs the command `cli` names: its outcome, or the error to print.
pub(crate) fn run(cli: Cli) -> Result<Outcome> {
    let done = |result: Result<()>| result.map(|()| Outcome::Done);
    match cli.command {
        Command::Targets {
            arch,
            os,
            json,
            list,
        } => done(targets(arch, os, json, list)),
        Command::Select {
            arch,
            os,
            host_cpu,
            from,
            json,
            list,
        } => done(select((arch, os), host_cpu, from, json, list)),
        Command::Host { from, llvm, json } => done(host(from, llvm, json)),
        Command::Cpus { arch, json } => done(cpus(arch, json)),
        Command::Fleet(FleetCommand::Plan {
            arch,
            max_targets,
            json,
            nodes,
        }) => done(fleet_plan(arch, max_targets, json, &nodes)),
        Command::Fleet(FleetCommand::Check { image, json, nodes }) => {
            fleet_check(&image, json, &nodes)
        }
        Command::Inspect { image, json } => done(inspect(&image, json)),
        Command::Explain {
            image,
            host_cpu,
            from,
            json,
        } => done(explain(&image, host_cpu, from, json)),
        Command::Check {
            image,
            host_cpu,
            from,
            require,
            min_opt,
            base,
            json,
        } => {
            // 0 loadable, 1 refused (inside), 2 cannot decide: the image or
            // the host description cannot be read (clap's bad arguments are
            // 2 as well); with --json the error is JSON too.
            match check(&image, host_cpu, from, require, min_opt, base, json) {
                Ok(outcome) => Ok(outcome),
                Err(e) => {
                    if json {
                        let error = serde_json::json!({
                            "image": image.display().to_string(),
                            "error": full_message(&e),
                        });
                        println!("{error}");
                    }
                    eprintln!("error: {}", full_message(&e));
                    Ok(Outcome::CannotDecide)
                }
            }
        }
        Command::CheckInput { input } => {
            done(mvimg::codegen::check_input(&input).map_err(anyhow::Error::new))
        }
        Command::CompilePartition {
            step,
            spec,
            restore,
            used,
            output,
            input,
        } => done(compile_partition(
            step,
            &spec,
            restore.as_deref(),
            used.as_deref(),
            &output,
            &input,
        )),
        Command::Build(args) => build(args),
        Command::Link {
            target,
            exports,
            verbose,
            subprocess,
            runtime,
            link: link_args,
            output,
            inputs,
        } => done(link(
            &target, exports, verbose, subprocess, runtime, link_args, output, inputs,
        )),
    }
}

/// A library error with, for target lists, the excerpt that shows where.
pub(crate) fn cpu_error(e: mvimg::cpu::Error) -> anyhow::Error {
    match e.as_target_list() {
        Some(list) => anyhow::anyhow!("{e}\n{}", list.snippet()),
        None => anyhow::Error::new(e),
    }
}

/// What `--version` prints after the name: mvimg's version, the LLVM it
/// builds with (in process) and the platforms it builds images for.
pub(crate) fn version_text() -> String {
    format!(
        "{}\nLLVM {} (code generation and LLD, in process)\nbuilds images for: {}",
        env!("CARGO_PKG_VERSION"),
        mvimg::codegen::llvm_version(),
        mvimg::cpu::SUPPORTED_TRIPLES.join(", ")
    )
}

/// Every cause of `e`, joined by ": ", mvimg's own errors in their long form
/// (`{:#}`: a link error with LLD's diagnostics and command line).
pub(crate) fn full_message(e: &anyhow::Error) -> String {
    e.chain()
        .map(|cause| {
            if let Some(error) = cause.downcast_ref::<mvimg::codegen::Error>() {
                format!("{error:#}")
            } else if let Some(error) = cause.downcast_ref::<mvimg::link::LinkError>() {
                format!("{error:#}")
            } else {
                cause.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// What the command line offers for a library error that speaks in the
/// library's terms (the library names no flag): the flag that does it.
pub(crate) fn cli_hint(e: &anyhow::Error) -> Option<&'static str> {
    use mvimg::cpu::{Error as CpuError, FleetProblem};
    for cause in e.chain() {
        if let Some(error) = cause.downcast_ref::<mvimg::codegen::Error>() {
            match error {
                mvimg::codegen::Error::Undefined { os, .. } if *os != mvimg::cpu::Os::Windows => {
                    return Some("`--allow-undefined` leaves undefined symbols to the loader");
                }
                mvimg::codegen::Error::BaseImportLibrary { .. } => {
                    return Some(
                        "`--base-implib FILE` gives it; `--implib FILE` writes it when the \
                         base is built",
                    );
                }
                mvimg::codegen::Error::Cache(_) => {
                    return Some("`--cache DIR` gives another cache directory");
                }
                _ => {}
            }
        }
        if let Some(mvimg::codegen::cache::CacheError { .. }) = cause.downcast_ref() {
            return Some("`--cache DIR` gives another cache directory");
        }
        if let Some(CpuError::Fleet(problem)) = cause.downcast_ref::<CpuError>() {
            return match problem {
                FleetProblem::MaxTargetsZero => Some("`--max-targets 0` allows no list"),
                FleetProblem::NoNodesForArch { .. } => {
                    Some("drop `--arch`, or give it the nodes' architecture")
                }
                _ => None,
            };
        }
    }
    None
}
