//! Building for a fleet (docs/FLEET.md): plan the target list of each
//! architecture present among the nodes, build one image per architecture
//! from the inputs for it, and check every node against the image written.

use std::path::{Path, PathBuf};

use inkwell::context::Context;
use mvimg_cpu::fleet::{self, FleetCheck, FleetPlan, Node, PlanOptions};
use mvimg_cpu::Platform;

use crate::output::write_atomically;
use crate::pipeline::{load, ImageBuilder};
use crate::Error;

/// One image of a fleet build.
#[derive(Debug)]
pub struct FleetImage {
    /// The platform it was built for.
    pub platform: Platform,
    /// Where it was written.
    pub path: PathBuf,
    /// What every node selects from it, read back from the file written.
    pub check: FleetCheck,
}

/// What [`build_fleet`] wrote.
#[derive(Debug)]
pub struct FleetBuilt {
    /// The plan the images were built from.
    pub plan: FleetPlan,
    /// One image per architecture of the plan, in its order.
    pub images: Vec<FleetImage>,
}

impl FleetBuilt {
    /// Whether every node can run the image of its architecture.
    pub fn runs_everywhere(&self) -> bool {
        self.images.iter().all(|i| i.check.runs_everywhere())
    }
}

/// The platform each IR file is for (its triple; the build host's when it
/// has none).
fn platforms(inputs: &[PathBuf]) -> Result<Vec<Platform>, Error> {
    inputs
        .iter()
        .map(|input| {
            let context = Context::create();
            load(&context, std::slice::from_ref(input), None).map(|(_, platform)| platform)
        })
        .collect()
}

/// Plans target lists for `nodes`, builds one image per architecture of the
/// plan from the `inputs` whose triple is for it (each image's other
/// settings from `configure`), writes each image as
/// `DIR/lib<first input's stem>-<arch>-<os>.<so|dylib|dll>` (one per
/// platform among the inputs), and beside them
/// `plan.json`, `plan.txt` and per image `check-<arch>-<os>.json` and
/// `check-<arch>-<os>.txt`: what each node selects from the image as written.
pub fn build_fleet(
    nodes: &[Node],
    options: &PlanOptions,
    inputs: &[PathBuf],
    dir: &Path,
    configure: &dyn Fn(ImageBuilder<'static>) -> ImageBuilder<'static>,
) -> Result<FleetBuilt, Error> {
    let plan = fleet::plan(nodes, options).map_err(Error::Cpu)?;
    let platforms = platforms(inputs)?;
    let io = |action: String| move |source| Error::Io { action, source };
    std::fs::create_dir_all(dir).map_err(io(format!("creating {}", dir.display())))?;
    // The inputs by platform, in the order first given.
    let mut groups: Vec<(Platform, Vec<&PathBuf>)> = Vec::new();
    for (input, platform) in inputs.iter().zip(&platforms) {
        match groups.iter_mut().find(|(p, _)| p.same_code(platform)) {
            Some((_, files)) => files.push(input),
            None => groups.push((platform.clone(), vec![input])),
        }
    }
    let given = || platforms.iter().map(|p| p.triple().to_owned()).collect();
    for arch_plan in &plan.arches {
        if !groups.iter().any(|(p, _)| p.arch == arch_plan.arch) {
            return Err(Error::FleetInputs {
                arch: arch_plan.arch,
                given: given(),
                nodes: true,
            });
        }
    }
    let mut images = Vec::new();
    for (platform, files) in &groups {
        let Some(arch_plan) = plan.arches.iter().find(|a| a.arch == platform.arch) else {
            return Err(Error::FleetInputs {
                arch: platform.arch,
                given: given(),
                nodes: false,
            });
        };
        let mut builder = configure(ImageBuilder::new())
            .triple(platform.triple())
            .target_list(arch_plan.list.clone());
        for input in files {
            builder = builder.ir_file(*input);
        }
        let built = builder.build()?;
        let stem = files[0]
            .file_stem()
            .map_or("image".into(), |s| s.to_string_lossy().into_owned());
        let stem = stem.strip_prefix("lib").unwrap_or(&stem).to_owned();
        let name = format!("{}-{}", platform.arch, platform.os);
        let path = dir.join(format!("lib{stem}-{name}.{}", platform.library_extension()));
        built.link(&path)?;
        let file = mvimg_cpu::image::file::ImageFile::read(&path).map_err(|e| Error::Input {
            path: path.clone(),
            message: format!("reading the image just written: {e}"),
        })?;
        let targets = file.data.resolved_targets().map_err(|e| Error::Input {
            path: path.clone(),
            message: format!("reading the image's targets: {e}"),
        })?;
        let of_arch: Vec<Node> = nodes
            .iter()
            .filter(|n| n.arch() == platform.arch)
            .cloned()
            .collect();
        let check = fleet::check(&targets, &of_arch).map_err(Error::Cpu)?;
        let json = serde_json::to_string_pretty(&check).expect("a check serializes");
        write_atomically(&dir.join(format!("check-{name}.json")), json.as_bytes())?;
        write_atomically(
            &dir.join(format!("check-{name}.txt")),
            check.to_string().as_bytes(),
        )?;
        images.push(FleetImage {
            platform: platform.clone(),
            path,
            check,
        });
    }
    let json = serde_json::to_string_pretty(&plan).expect("a plan serializes");
    write_atomically(&dir.join("plan.json"), json.as_bytes())?;
    write_atomically(&dir.join("plan.txt"), plan.to_string().as_bytes())?;
    Ok(FleetBuilt { plan, images })
}
