//! The commands that describe without building: target lists (`targets`,
//! `select`), hosts (`host`, `cpus`), images (`inspect`, `explain`,
//! `check`) and fleets (`fleet plan`, `fleet check`).

use std::io::Write as _;

use anyhow::{Context as _, Result};
use mvimg::cpu::SelectOptions;
use mvimg::cpu::{Arch, Host, Os, ResolvedTargets, TargetList};

use super::{cpu_error, Outcome};

pub(crate) fn fleet_plan(
    arch: Option<Arch>,
    max_targets: Option<usize>,
    json_out: bool,
    nodes: &[String],
) -> Result<()> {
    let nodes = mvimg::cpu::fleet::Node::read_all(nodes).map_err(cpu_error)?;
    let mut options = mvimg::cpu::fleet::PlanOptions::new();
    options.arch = arch;
    options.max_targets = max_targets;
    let plan = mvimg::cpu::fleet::plan(&nodes, &options).map_err(cpu_error)?;
    print(&plan, json_out)?;
    Ok(())
}

pub(crate) fn fleet_check(
    path: &std::path::Path,
    json_out: bool,
    nodes: &[String],
) -> Result<Outcome> {
    let nodes = mvimg::cpu::fleet::Node::read_all(nodes).map_err(cpu_error)?;
    let image = mvimg::inspect::ImageFile::read(path)?;
    let resolved = image
        .data
        .resolved_targets()
        .with_context(|| path.display().to_string())?;
    let report = mvimg::cpu::fleet::check(&resolved, &nodes).map_err(cpu_error)?;
    print(&report, json_out)?;
    Ok(if report.runs_everywhere() {
        Outcome::Done
    } else {
        Outcome::No
    })
}

/// Prints a report as JSON or as its text.
pub(crate) fn print<T: serde::Serialize + std::fmt::Display>(
    value: &T,
    json_out: bool,
) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if json_out {
        writeln!(out, "{}", serde_json::to_string_pretty(value)?)?;
    } else {
        write!(out, "{value}")?;
    }
    Ok(())
}

pub(crate) fn arch_or_host(arch: Option<Arch>) -> Result<Arch> {
    arch.or_else(Arch::host).with_context(|| {
        format!(
            "this machine ({}) has no CPU database; pass --arch x86_64 or --arch aarch64",
            std::env::consts::ARCH
        )
    })
}

/// The build host as LLVM sees it: what `native` means.
pub(crate) fn llvm_native() -> Result<Host> {
    mvimg::codegen::llvm_host().context("describing the build host for `native`")
}

pub(crate) fn print_targets(resolved: &ResolvedTargets, json_out: bool) -> Result<()> {
    let description = resolved.describe();
    print(&description, json_out)?;
    Ok(())
}

pub(crate) fn targets(
    arch: Option<Arch>,
    os: Option<Os>,
    json_out: bool,
    list: Option<String>,
) -> Result<()> {
    let resolved = resolve_list(arch_or_host(arch)?, os.unwrap_or_else(Os::host), list)?;
    for warning in resolved.unselectable() {
        eprintln!("warning: {warning}");
    }
    print_targets(&resolved, json_out)
}

/// The list given, else `$MVIMG_CPU_TARGET`, else the default, resolved for
/// `arch` (`native` as LLVM describes this machine).
pub(crate) fn resolve_list(arch: Arch, os: Os, list: Option<String>) -> Result<ResolvedTargets> {
    let parsed = TargetList::chosen(list.as_deref(), arch, os).map_err(cpu_error)?;
    let native = if parsed.uses_native() {
        Some(llvm_native()?)
    } else {
        None
    };
    parsed.resolve(arch, native.as_ref()).map_err(cpu_error)
}

/// The host described by `file`, or this machine.
pub(crate) fn detect_host(from: Option<&std::path::Path>) -> Result<Host> {
    match from {
        Some(path) => {
            let text =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            let text = String::from_utf8_lossy(&text);
            Host::from_text(&text, &path.display().to_string()).map_err(cpu_error)
        }
        None => Host::detect().map_err(cpu_error),
    }
}

pub(crate) fn host(from: Option<std::path::PathBuf>, llvm: bool, json_out: bool) -> Result<()> {
    let host = if llvm {
        llvm_native()?
    } else {
        detect_host(from.as_deref())?
    };
    print(&host.describe(), json_out)
}

pub(crate) fn select(
    (arch, os): (Option<Arch>, Option<Os>),
    host_cpu: Option<String>,
    from: Option<std::path::PathBuf>,
    json_out: bool,
    list: Option<String>,
) -> Result<()> {
    let host = described_host(arch, host_cpu, from)?;
    // The default list of the host's OS: this machine's unless --os says.
    let resolved = resolve_list(host.arch(), os.unwrap_or_else(Os::host), list)?;
    report_selection(&resolved, host, json_out)
}

/// The host `--host-cpu` or `--from` describes (or this machine), for `arch`
/// when given.
pub(crate) fn described_host(
    arch: Option<Arch>,
    host_cpu: Option<String>,
    from: Option<std::path::PathBuf>,
) -> Result<Host> {
    let recorded = match &from {
        Some(path) => Some(detect_host(Some(path))?),
        None => None,
    };
    let arch = match (&recorded, arch) {
        (Some(host), None) => host.arch(),
        (_, arch) => arch_or_host(arch)?,
    };
    let host = match host_cpu {
        Some(name) => Host::named(arch, &name).map_err(cpu_error)?,
        None => match recorded {
            Some(host) => host,
            None => detect_host(None)?,
        },
    };
    Ok(host)
}

/// Selects from `resolved` for `host` (with the environment's overrides) and
/// prints what was chosen and why every other target was not.
pub(crate) fn report_selection(
    resolved: &ResolvedTargets,
    host: Host,
    json_out: bool,
) -> Result<()> {
    let report = mvimg::cpu::select::report(resolved, &host, &SelectOptions::from_env())
        .map_err(cpu_error)?;
    print(&report, json_out)?;
    Ok(())
}

pub(crate) fn inspect(path: &std::path::Path, json_out: bool) -> Result<()> {
    let description = mvimg::inspect::ImageFile::read(path)?.describe(path);
    print(&description, json_out)?;
    Ok(())
}

pub(crate) fn explain(
    path: &std::path::Path,
    host_cpu: Option<String>,
    from: Option<std::path::PathBuf>,
    json_out: bool,
) -> Result<()> {
    let image = mvimg::inspect::ImageFile::read(path)?;
    let data = &image.data;
    let host = described_host(Some(data.arch), host_cpu, from)?;
    // The targets as the image recorded them (never re-resolved against the
    // described host), as the image's own init selects.
    let resolved = data
        .resolved_targets()
        .with_context(|| path.display().to_string())?;
    report_selection(&resolved, host, json_out)
}

/// `mvimg check`: prints the decision; refused is exit status 1.
#[allow(clippy::too_many_arguments, reason = "one per command-line option")]
pub(crate) fn check(
    path: &std::path::Path,
    host_cpu: Option<String>,
    from: Option<std::path::PathBuf>,
    require: Vec<(String, String)>,
    min_opt: Option<mvimg::cpu::OptLevel>,
    base: Option<std::path::PathBuf>,
    json_out: bool,
) -> Result<Outcome> {
    let image = mvimg::inspect::ImageFile::read(path)?;
    let host = described_host(Some(image.data.arch), host_cpu, from)?;
    let base = match base {
        Some(base) => {
            let file = mvimg::inspect::ImageFile::read(&base)?;
            Some(mvimg::cpu::image::BaseImage::of(&base, &file.data))
        }
        None => None,
    };
    let requirements = mvimg::cpu::image::Requirements {
        keys: require,
        min_opt_level: min_opt,
        base,
    };
    let decision = mvimg::cpu::image::check(
        &image.data,
        &host,
        &SelectOptions::from_env(),
        &requirements,
    );
    let report = mvimg::cpu::image::CheckReport::new(&path.display().to_string(), &host, &decision);
    print(&report, json_out)?;
    Ok(if decision.is_ok() {
        Outcome::Done
    } else {
        Outcome::No
    })
}

pub(crate) fn cpus(arch: Option<Arch>, json_out: bool) -> Result<()> {
    print(&arch_or_host(arch)?.database().listing(), json_out)
}
