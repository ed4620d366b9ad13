//! The commands that build: `mvimg build` (an image or its object, a fleet's
//! images), `mvimg link` and the partition compile a distributed build's
//! workers run.

use std::io::IsTerminal as _;
use std::io::Write as _;

use anyhow::{bail, Context as _, Result};
use mvimg::cpu::SelectOptions;
use mvimg::cpu::TargetList;

use super::args::{BuildArgs, Emit, ExecutorKind, LinkArgs, PartitionStep, RunArgs};
use super::describe::described_host;
use super::{cpu_error, Outcome};

#[allow(clippy::too_many_arguments)]
pub(crate) fn link(
    target: &str,
    exports: Vec<String>,
    verbose: bool,
    subprocess: bool,
    runtime: bool,
    link: LinkArgs,
    output: std::path::PathBuf,
    inputs: Vec<std::path::PathBuf>,
) -> Result<()> {
    use mvimg::link::{LinkInput, LinkJob};
    let platform: mvimg::cpu::Platform = target.parse().map_err(cpu_error)?;
    let mut job = LinkJob::new(platform.clone(), Vec::new(), output);
    job.spec = link.spec();
    job.spec
        .inputs
        .splice(0..0, inputs.into_iter().map(LinkInput::classify));
    job.exports = exports;
    if runtime {
        // Objects of `mvimg build --emit obj`.
        job.link_as_image(true)?;
    }
    job.options.verbose = verbose;
    if subprocess {
        job.options.mode = mvimg::link::LinkMode::Subprocess;
    }
    let out = job.link()?;
    let mut stderr = std::io::stderr().lock();
    if verbose {
        writeln!(stderr, "{}", out.command_line())?;
        write!(stderr, "{}", out.lld.stdout)?;
    }
    // Warnings LLD printed without failing the link.
    write!(stderr, "{}", out.lld.stderr)?;
    Ok(())
}

/// `mvimg build`: an image (or its object) from IR, or a fleet's images.
pub(crate) fn build(args: BuildArgs) -> Result<Outcome> {
    let BuildArgs {
        list,
        target,
        emit,
        threads,
        partitions,
        plan,
        entries,
        opt_level,
        no_runtime,
        record,
        base,
        base_implib,
        fleet,
        max_targets,
        link,
        run,
        output,
        inputs,
    } = args;
    let base = (base, base_implib);
    use mvimg::codegen::{Entries, ImageBuilder};
    if !fleet.is_empty() && emit == Emit::Obj {
        bail!(
            "--fleet builds linked images into the directory -o names; it does not take --emit obj"
        );
    }
    // Where the build writes, checked before it runs: no directory is
    // created, and no input (or the plan) is overwritten.
    if fleet.is_empty() {
        mvimg::codegen::check_destination(&output, &inputs)?;
    }
    if let Some(plan) = &plan {
        let mut taken = inputs.clone();
        taken.push(output.clone());
        mvimg::codegen::check_destination(plan, &taken)?;
    }
    let entries = if entries.is_empty() {
        Entries::Exported
    } else {
        Entries::Named(entries)
    };
    let spec = link.spec();
    // A status line only on a terminal, and not with --quiet.
    let show_progress = !run.quiet && std::io::stderr().is_terminal();
    let cache = match &run.cache {
        Some(dir) => Some(std::sync::Arc::new(
            mvimg::codegen::cache::ObjectCache::open(dir, run.cache_max_size)
                .map_err(mvimg::codegen::Error::Cache)?,
        )),
        None => None,
    };
    let executor = executor(&run)?;
    // Each input read and verified in a child process before the build:
    // LLVM's reader trusts its bytes, and a malformed file that crashes it
    // or exhausts memory must end the child, not this build (a second parse
    // of each input).
    check_inputs(&inputs, threads)?;
    // Every setting but the inputs, the triple and the list.
    let configure = |builder: ImageBuilder<'static>| -> ImageBuilder<'static> {
        let mut builder = builder
            .opt_level(opt_level)
            .runtime(!no_runtime)
            .entries(entries.clone())
            .link_spec(spec.clone());
        if let Some(path) = &base.0 {
            builder = builder.base(path);
        }
        if let Some(path) = &base.1 {
            builder = builder.base_import_library(path);
        }
        for (key, value) in &record {
            builder = builder.record(key.clone(), value.clone());
        }
        if let Some(threads) = threads {
            builder = builder.threads(usize::from(threads));
        }
        if let Some(partitions) = partitions {
            builder = builder.partitions(usize::from(partitions));
        }
        if emit == Emit::Obj {
            builder = builder.partitions(1);
        }
        builder = builder.input(run.input);
        if let Some(mib) = run.memory_budget {
            builder = builder.memory_budget(mib.saturating_mul(1 << 20));
        }
        if let Some(cache) = &cache {
            builder = builder.cache(cache.clone());
        }
        builder = builder.executor(executor.clone());
        if show_progress {
            let line = progress_line();
            builder = builder.progress(move |p| line(p));
        }
        builder
    };
    let codegen_error = |e| match e {
        mvimg::codegen::Error::Cpu(e) => cpu_error(e),
        other => anyhow::Error::new(other),
    };
    if !fleet.is_empty() {
        let nodes = mvimg::cpu::fleet::Node::read_all(&fleet).map_err(cpu_error)?;
        let mut options = mvimg::cpu::fleet::PlanOptions::new();
        options.max_targets = max_targets;
        let built =
            mvimg::codegen::fleet::build_fleet(&nodes, &options, &inputs, &output, &configure)
                .map_err(codegen_error)?;
        let mut out = std::io::stdout().lock();
        write!(out, "{}", built.plan)?;
        for image in &built.images {
            writeln!(out, "\n{}:", image.path.display())?;
            write!(out, "{}", image.check)?;
        }
        drop(out);
        return Ok(if built.runs_everywhere() {
            Outcome::Done
        } else {
            Outcome::No
        });
    }
    let mut builder = configure(ImageBuilder::new());
    for input in inputs {
        builder = builder.ir_file(input);
    }
    if let Some(triple) = target {
        builder = builder.triple(triple);
    }
    // The list given, else $MVIMG_CPU_TARGET, else (in the builder) the
    // platform's default.
    if let Some(list) = TargetList::given(list.as_deref()).map_err(cpu_error)? {
        builder = builder.target_list(list);
    }
    let built = builder.build();
    if show_progress {
        // Clear the progress line.
        eprint!("\r\x1b[K");
    }
    let built = built.map_err(codegen_error)?;
    for warning in built.warnings() {
        eprintln!("warning: {warning}");
    }
    if run.report {
        eprint!("{}", built.report());
    }
    if let Some(path) = plan {
        mvimg::codegen::write_atomically(&path, built.plan.to_json().as_bytes())?;
    }
    match emit {
        Emit::Obj => mvimg::codegen::write_atomically(&output, &built.objects[0])?,
        Emit::Image => {
            let out = built.link(&output)?;
            write!(std::io::stderr().lock(), "{}", out.lld.stderr)?;
        }
    }
    if let Some(path) = &run.report_json {
        let json = report_json(&built, &output, emit == Emit::Image);
        let text = serde_json::to_string_pretty(&json)? + "\n";
        mvimg::codegen::write_atomically(path, text.as_bytes())?;
    }
    Ok(Outcome::Done)
}

/// `--report-json`: the library's report with the warnings, the output and,
/// for an image of this machine's architecture, the target it selects here
/// (`null` otherwise, or with the reason it runs nowhere here).
pub(crate) fn report_json(
    built: &mvimg::codegen::Built,
    output: &std::path::Path,
    image: bool,
) -> serde_json::Value {
    let mut json = built.report().to_json();
    json["warnings"] = serde_json::json!(built.warnings());
    json["output"] = serde_json::json!(output.display().to_string());
    json["emitted"] = serde_json::json!(if image { "image" } else { "object" });
    json["triple"] = serde_json::json!(built.platform.triple());
    let selected = image
        .then(|| mvimg::inspect::ImageFile::read(output).ok())
        .flatten()
        .filter(|file| Some(file.data.arch) == mvimg::cpu::Arch::host())
        .and_then(|file| {
            described_host(Some(file.data.arch), None, None)
                .ok()
                .map(|host| (file, host))
        })
        .map(|(file, host)| {
            match mvimg::cpu::image::check(
                &file.data,
                &host,
                &SelectOptions::from_env(),
                &mvimg::cpu::image::Requirements::default(),
            ) {
                Ok(selection) => serde_json::json!({
                    "host": host.name,
                    "index": selection.index,
                    "name": selection.name,
                }),
                Err(refusals) => serde_json::json!({
                    "host": host.name,
                    "refused": refusals.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
                }),
            }
        });
    json["selected_here"] = serde_json::json!(selected);
    json
}

/// Checks each of `inputs` in a child process
/// ([`mvimg::codegen::inputs::check_in_child`]), `threads` (default: every
/// core) at once; the first failure in input order is the error.
pub(crate) fn check_inputs(inputs: &[std::path::PathBuf], threads: Option<u16>) -> Result<()> {
    let me = std::env::current_exe().context("finding this mvimg to check the inputs")?;
    let width = threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    for chunk in inputs.chunks(width.max(1)) {
        let results: Vec<_> = std::thread::scope(|scope| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|input| {
                    let me = &me;
                    scope.spawn(move || {
                        let size = std::fs::metadata(input).map_or(0, |m| m.len());
                        let limits = mvimg::codegen::inputs::ChildLimits::for_size(size);
                        mvimg::codegen::inputs::check_in_child(me, input, limits).map_err(Box::new)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join()).collect()
        });
        for result in results {
            result.map_err(|_| anyhow::anyhow!("checking an input panicked"))??;
        }
    }
    Ok(())
}

/// The executor `mvimg build`'s options ask for.
pub(crate) fn executor(run: &RunArgs) -> Result<mvimg::codegen::remote::Executor> {
    use mvimg::codegen::remote::{DaskOptions, Executor, Scheduler};
    let scheduler = match (&run.scheduler, &run.scheduler_file) {
        (Some(address), _) => Some(Scheduler::Address(address.clone())),
        (None, Some(file)) => Some(Scheduler::File(file.clone())),
        (None, None) => None,
    };
    match (run.executor, scheduler) {
        (ExecutorKind::Local, None) => Ok(Executor::Local),
        (ExecutorKind::Local, Some(_)) => {
            bail!("--scheduler and --scheduler-file are for --executor dask")
        }
        (ExecutorKind::Dask, None) => bail!(
            "--executor dask needs the scheduler: --scheduler tcp://HOST:8786 or \
             --scheduler-file FILE (README, \"Building on a cluster\")"
        ),
        (ExecutorKind::Dask, Some(scheduler)) => {
            let mut options = DaskOptions::new(scheduler);
            options.worker_mvimg = match &run.worker_mvimg {
                Some(path) => path.clone(),
                None => {
                    std::env::current_exe().context("finding this mvimg's path for the workers")?
                }
            };
            options.trust_workers = run.trust_workers;
            options.verify_fraction = run.verify_remote;
            if let (Some(ca), Some(cert), Some(key)) = (&run.tls_ca, &run.tls_cert, &run.tls_key) {
                options.tls = Some(mvimg::codegen::remote::TlsFiles {
                    ca: ca.clone(),
                    cert: cert.clone(),
                    key: key.clone(),
                });
            }
            Ok(Executor::Dask(options))
        }
    }
}

pub(crate) fn compile_partition(
    step: PartitionStep,
    spec: &std::path::Path,
    restore: Option<&std::path::Path>,
    used: Option<&std::path::Path>,
    output: &std::path::Path,
    input: &std::path::Path,
) -> Result<()> {
    use mvimg::codegen::partition::{emit_partition, optimize_partition, PartitionSpec, Restore};
    let read = |path: &std::path::Path| {
        std::fs::read(path).with_context(|| format!("reading {}", path.display()))
    };
    let spec: PartitionSpec = serde_json::from_slice(&read(spec)?)
        .with_context(|| format!("{} is not a partition spec", spec.display()))?;
    spec.check()?;
    let bitcode = read(input)?;
    match step {
        PartitionStep::Optimize => {
            let used_path = used.context("the optimize step needs --used FILE")?;
            let optimized = optimize_partition(&spec, &bitcode)?;
            mvimg::codegen::write_atomically(output, &optimized.bitcode)?;
            mvimg::codegen::write_atomically(used_path, &serde_json::to_vec(&optimized.used)?)?;
        }
        PartitionStep::Emit => {
            let restore_path = restore.context("the emit step needs --restore FILE")?;
            let list: Vec<Restore> = serde_json::from_slice(&read(restore_path)?)
                .with_context(|| format!("{} is not a restore list", restore_path.display()))?;
            let object = emit_partition(&spec, &bitcode, &list)?;
            mvimg::codegen::write_atomically(output, &object)?;
        }
    }
    Ok(())
}

/// A progress callback that keeps one status line on stderr (a terminal),
/// from 2 seconds into the build: phase, steps done of total, elapsed time
/// and the time the phase has left at its pace so far.
pub(crate) fn progress_line() -> impl Fn(&mvimg::codegen::progress::Progress) + Send + Sync {
    let phase_start: std::sync::Mutex<(&'static str, std::time::Duration)> =
        std::sync::Mutex::new(("", std::time::Duration::ZERO));
    move |p| {
        let mut start = phase_start.lock().unwrap_or_else(|e| e.into_inner());
        if start.0 != p.phase {
            *start = (p.phase, p.elapsed);
        }
        if p.elapsed < std::time::Duration::from_secs(2) {
            return;
        }
        let mut line = format!("mvimg: {}", p.phase);
        if p.total > 1 {
            line += &format!(" {}/{} partitions", p.done, p.total);
        }
        line += &format!(", {:.0} s", p.elapsed.as_secs_f64());
        if let Some(eta) = p.phase_eta(p.elapsed - start.1) {
            line += &format!(", about {:.0} s left in this phase", eta.as_secs_f64());
        }
        eprint!("\r\x1b[K{line}");
    }
}
