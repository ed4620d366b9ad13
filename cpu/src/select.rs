//! Choosing a target for a host (as Julia's processor.cpp matches, by
//! features): a target is eligible when the host has every detectable feature it
//! needs; among eligible targets an exact CPU-name match wins, then wider vector
//! registers, then more features, then the later target. Every target not chosen
//! carries the reason.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{
    Error, ForcedTargetError, ForcedTargetProblem, GivenIn, MissingFeatures, NameKind,
    NoRunnableTarget,
};
use crate::feature::FeatureSet;
use crate::host::Host;
use crate::target_list::{CpuName, ResolvedTarget, ResolvedTargets};

pub use crate::width::VectorWidth;

/// Why an eligible target lost to the chosen one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Preference {
    /// The chosen target names the host's CPU; this one does not.
    NameMatch,
    /// The chosen target has wider vector registers.
    VectorWidth {
        /// This target's width.
        this: VectorWidth,
        /// The chosen target's width.
        chosen: VectorWidth,
    },
    /// The chosen target has more (detectable) features.
    MoreFeatures {
        /// This target's count.
        this: usize,
        /// The chosen target's count.
        chosen: usize,
    },
    /// Equal on every rule; the later target wins.
    LaterTarget,
    /// The target was forced (`MVIMG_FORCE_TARGET`).
    Forced,
}

/// Why a target was not chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// The host lacks features the target needs.
    Missing {
        /// The features the host lacks.
        features: FeatureSet,
    },
    /// The target was eligible but another one was preferred.
    Outranked {
        /// The rule that decided.
        by: Preference,
    },
}

/// A target not chosen, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// The target's index.
    pub index: usize,
    /// The target's display name.
    pub name: String,
    /// Why.
    pub reason: Reason,
}

/// The outcome of [`select`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    /// The chosen target's index.
    pub index: usize,
    /// The chosen target's display name.
    pub name: String,
    /// Whether it was forced with `MVIMG_FORCE_TARGET`.
    pub forced: bool,
    /// Every other target, in list order, with the reason it was not chosen.
    pub rejected: Vec<Rejection>,
}

impl Selection {
    /// Why `rejected` (one of [`Selection::rejected`]) was not chosen, in
    /// words: `needs avx512f, which the host lacks`, `target 2 names the
    /// host's CPU`, ...
    pub fn why(&self, rejected: &Rejection) -> String {
        let chosen = self.index;
        match &rejected.reason {
            Reason::Missing { features } => format!("needs {features}, which the host lacks"),
            Reason::Outranked { by } => match by {
                Preference::NameMatch => format!("target {chosen} names the host's CPU"),
                Preference::VectorWidth {
                    this,
                    chosen: width,
                } => {
                    format!("{this} vectors; target {chosen} has {width}")
                }
                Preference::MoreFeatures {
                    this,
                    chosen: count,
                } => format!("{this} features; target {chosen} has {count}"),
                Preference::LaterTarget => {
                    format!("ties with target {chosen}, which comes later")
                }
                Preference::Forced => "another target was forced".to_owned(),
            },
        }
    }
}

impl Selection {
    /// One line per rejected target, `  not INDEX NAME: WHY`, as `mvimg
    /// select`, `mvimg explain` and `mvimg fleet check` print them.
    pub fn rejection_lines(&self) -> String {
        self.rejected
            .iter()
            .map(|r| format!("  not {} {}: {}\n", r.index, r.name, self.why(r)))
            .collect()
    }
}

impl fmt::Display for Selection {
    /// `target I NAME: WHY`, why it won (forced; or the host can run it
    /// and no target it can run ranks higher), then a line per other target
    /// with why it lost ([`Selection::rejection_lines`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = if self.forced {
            "forced by MVIMG_FORCE_TARGET"
        } else if self.rejected.is_empty() {
            "the list's only target"
        } else {
            "the host can run it, and it ranks above every other target the host can run \
             (name match, then vector width, then feature count, then list order)"
        };
        writeln!(f, "target {} {}: {why}", self.index, self.name)?;
        f.write_str(&self.rejection_lines())
    }
}

/// The host a selection was made for, as a report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HostSummary {
    /// Its CPU name.
    pub name: String,
    /// Its vector width.
    pub vector_width: VectorWidth,
    /// Its features (LLVM names, implications applied).
    pub features: Vec<String>,
}

/// The chosen target of a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Chosen {
    /// Its index.
    pub index: usize,
    /// Its display name.
    pub name: String,
    /// Whether `MVIMG_FORCE_TARGET` forced it.
    pub forced: bool,
}

/// A selection with what it was made for: what `mvimg select` and `mvimg
/// explain` print, as text (`Display`) or JSON (`Serialize`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SelectionReport {
    /// The host as selection saw it (after `MVIMG_HOST_CPU` and
    /// `MVIMG_HOST_FEATURES`).
    pub host: HostSummary,
    /// The target list, normalized.
    pub list: String,
    /// The chosen target.
    pub selected: Chosen,
    /// Every other target, with the reason it was not chosen.
    pub rejected: Vec<Rejection>,
    #[serde(skip)]
    selection: Selection,
    #[serde(skip)]
    spec: String,
}

impl SelectionReport {
    /// The selection itself.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }
}

/// Selects from `targets` for `host` with `options` and reports the host as
/// selection saw it (a `MVIMG_HOST_CPU` or `MVIMG_HOST_FEATURES` override
/// applied).
pub fn report(
    targets: &ResolvedTargets,
    host: &Host,
    options: &SelectOptions,
) -> Result<SelectionReport, Error> {
    let seen = effective_host(targets, host, options)?;
    let selection = choose(targets, &seen, options)?;
    Ok(SelectionReport {
        host: HostSummary {
            name: seen.name.clone(),
            vector_width: seen.vector_width(),
            features: seen
                .features
                .names()
                .into_iter()
                .map(str::to_owned)
                .collect(),
        },
        list: targets.to_string(),
        selected: Chosen {
            index: selection.index,
            name: selection.name.clone(),
            forced: selection.forced,
        },
        rejected: selection.rejected.clone(),
        spec: targets.targets[selection.index].spec.to_string(),
        selection,
    })
}

impl fmt::Display for SelectionReport {
    /// `host NAME (W vectors) selects target I: SPEC`, then a line per
    /// other target with the reason.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "host {} ({} vectors) selects target {}: {}{}",
            self.host.name,
            self.host.vector_width,
            self.selected.index,
            self.spec,
            if self.selected.forced {
                " (forced by MVIMG_FORCE_TARGET)"
            } else {
                ""
            }
        )?;
        f.write_str(&self.selection.rejection_lines())
    }
}

/// `MVIMG_FORCE_TARGET`: a target index or name, with `!` to force a target the
/// host is not eligible for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForceTarget {
    /// The index or name as given (without `!`).
    pub target: String,
    /// Whether eligibility is ignored.
    pub unchecked: bool,
}

impl ForceTarget {
    /// Parses the variable's value (`2`, `haswell`, `3!`).
    pub fn parse(value: &str) -> ForceTarget {
        let value = value.trim();
        match value.strip_suffix('!') {
            Some(target) => ForceTarget {
                target: target.trim().to_owned(),
                unchecked: true,
            },
            None => ForceTarget {
                target: value.to_owned(),
                unchecked: false,
            },
        }
    }
}

/// Options for [`select`]; [`SelectOptions::from_env`] reads the testing overrides.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectOptions {
    /// `MVIMG_FORCE_TARGET`.
    pub force: Option<ForceTarget>,
    /// `MVIMG_HOST_FEATURES`: `+feat`/`-feat` applied to the host first.
    pub host_features: Option<String>,
    /// `MVIMG_HOST_CPU`: select for this database CPU (its features, every
    /// detectable feature checked) instead of the given host; how a test or a
    /// cluster operator asks what a node of that CPU would run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_cpu: Option<String>,
}

impl SelectOptions {
    /// Reads `MVIMG_FORCE_TARGET`, `MVIMG_HOST_FEATURES` and `MVIMG_HOST_CPU`.
    pub fn from_env() -> SelectOptions {
        SelectOptions {
            force: std::env::var("MVIMG_FORCE_TARGET")
                .ok()
                .filter(|v| !v.trim().is_empty())
                .map(|v| ForceTarget::parse(&v)),
            host_features: std::env::var("MVIMG_HOST_FEATURES")
                .ok()
                .filter(|v| !v.trim().is_empty()),
            host_cpu: std::env::var("MVIMG_HOST_CPU")
                .ok()
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty()),
        }
    }
}

/// `host` with a `MVIMG_HOST_FEATURES`-style change applied: `-feat` removes the
/// feature and everything that implies it, `+feat` adds it and what it implies.
pub fn mask_host(host: &Host, change: &str) -> Result<Host, Error> {
    let arch = host.arch();
    let db = arch.database();
    let (mut enable, mut disable) = (Vec::new(), Vec::new());
    for item in change.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (enabled, name) = match item.as_bytes()[0] {
            b'+' => (true, &item[1..]),
            b'-' => (false, &item[1..]),
            _ => (true, item),
        };
        let feature = db.feature(name).ok_or_else(|| Error::UnknownHostName {
            kind: NameKind::Feature,
            arch,
            name: name.to_owned(),
            suggestion: crate::suggest::closest(name, db.features().map(|f| f.name()))
                .map(str::to_owned),
            given_in: GivenIn::HostFeaturesVar,
        })?;
        if enabled {
            enable.push(feature)
        } else {
            disable.push(feature)
        }
    }
    let features = db.apply(&host.features, enable, disable);
    // What the change added or removed is now known; everything else keeps the
    // host's own knowledge.
    let changed = features
        .difference(&host.features)
        .union(&host.features.difference(&features));
    Ok(Host {
        name: host.name.clone(),
        features,
        checked: host.checked.union(&changed),
        source: host
            .source
            .as_ref()
            .map(|s| format!("{s}; masked by {change:?}")),
    })
}

/// The features `target` needs that `host` is known to lack: features matching
/// compares ([`crate::Database::matched`]) that the host checked and lacks.
pub fn missing_features(target: &ResolvedTarget, host: &Host) -> FeatureSet {
    let db = host.arch().database();
    target
        .isa_features()
        .intersection(&db.matched())
        .intersection(&host.checked)
        .difference(&host.features)
}

fn names_host_cpu(target: &ResolvedTarget, host: &Host) -> bool {
    match &target.spec.cpu {
        CpuName::Generic => false,
        CpuName::Native => true,
        CpuName::Named(_) => {
            let db = host.arch().database();
            db.cpu(&host.name) == Some(target.cpu)
        }
    }
}

fn feature_count(target: &ResolvedTarget) -> usize {
    let db = target.features.arch().database();
    target.isa_features().intersection(&db.matched()).len()
}

/// The targets' indices best first by the host-independent ranking keys
/// (vector width, then features, then the later target): among eligible
/// targets that name the host's CPU, or else among all eligible ones, the
/// first in this order is the one [`select`] chooses. The image's own init
/// walks this order (stored in its tables), so it holds no ranking rule.
pub fn static_order(targets: &ResolvedTargets) -> Vec<usize> {
    let mut order: Vec<usize> = (0..targets.targets.len()).collect();
    order.sort_by(|&a, &b| static_rank(&targets.targets[b], &targets.targets[a]).0);
    order
}

/// Compares two eligible targets: `Greater` when `a` is preferred, with the rule.
fn rank(a: &ResolvedTarget, b: &ResolvedTarget, host: &Host) -> (Ordering, Preference) {
    let (na, nb) = (names_host_cpu(a, host), names_host_cpu(b, host));
    if na != nb {
        return (na.cmp(&nb), Preference::NameMatch);
    }
    static_rank(a, b)
}

/// [`rank`] without the name match: the rules that do not depend on the host.
fn static_rank(a: &ResolvedTarget, b: &ResolvedTarget) -> (Ordering, Preference) {
    let (wa, wb) = (VectorWidth::of(&a.features), VectorWidth::of(&b.features));
    if wa != wb {
        return (
            wa.cmp(&wb),
            Preference::VectorWidth {
                this: wb,
                chosen: wa,
            },
        );
    }
    let (ca, cb) = (feature_count(a), feature_count(b));
    if ca != cb {
        return (
            ca.cmp(&cb),
            Preference::MoreFeatures {
                this: cb,
                chosen: ca,
            },
        );
    }
    (a.index.cmp(&b.index), Preference::LaterTarget)
}

/// Chooses the target of `targets` that `host` should run, with the reason for
/// every other one. Errors when no target is eligible (listing each target's
/// missing features), when the host is of another architecture, or when a forced
/// target does not exist or is not eligible without `!`.
pub fn select(
    targets: &ResolvedTargets,
    host: &Host,
    options: &SelectOptions,
) -> Result<Selection, Error> {
    choose(targets, &effective_host(targets, host, options)?, options)
}

/// The host selection compares with: `host`, or the database CPU
/// `MVIMG_HOST_CPU` names, with the `MVIMG_HOST_FEATURES` changes applied.
/// Errors when the host is of another architecture than the targets.
pub fn effective_host(
    targets: &ResolvedTargets,
    host: &Host,
    options: &SelectOptions,
) -> Result<Host, Error> {
    if host.arch() != targets.arch {
        return Err(Error::ArchMismatch {
            host: host.arch(),
            targets: targets.arch,
        });
    }
    let described;
    let host = match &options.host_cpu {
        Some(name) => {
            let db = targets.arch.database();
            let cpu = db.cpu(name).ok_or_else(|| Error::UnknownHostName {
                kind: NameKind::Cpu,
                arch: targets.arch,
                name: name.clone(),
                suggestion: crate::suggest::closest(name, db.cpu_names()).map(str::to_owned),
                given_in: GivenIn::HostCpuVar,
            })?;
            described = Host::from_cpu(cpu);
            &described
        }
        None => host,
    };
    match &options.host_features {
        Some(change) => mask_host(host, change),
        None => Ok(host.clone()),
    }
}

/// [`select`] for the host as overrides left it.
fn choose(
    targets: &ResolvedTargets,
    host: &Host,
    options: &SelectOptions,
) -> Result<Selection, Error> {
    let missing: Vec<FeatureSet> = targets
        .targets
        .iter()
        .map(|t| missing_features(t, host))
        .collect();
    let eligible: Vec<&ResolvedTarget> = targets
        .targets
        .iter()
        .filter(|t| missing[t.index].is_empty())
        .collect();

    let (chosen, forced) = match &options.force {
        Some(force) => (forced_target(targets, force, &missing)?, true),
        None => {
            let best = eligible
                .iter()
                .copied()
                .reduce(|best, t| {
                    if rank(t, best, host).0 == Ordering::Greater {
                        t
                    } else {
                        best
                    }
                })
                .ok_or_else(|| no_eligible_target(targets, host, &missing))?;
            (best, false)
        }
    };
    let rejected = targets
        .targets
        .iter()
        .filter(|t| t.index != chosen.index)
        .map(|t| Rejection {
            index: t.index,
            name: t.name.clone(),
            reason: if !missing[t.index].is_empty() {
                Reason::Missing {
                    features: missing[t.index],
                }
            } else if forced {
                Reason::Outranked {
                    by: Preference::Forced,
                }
            } else {
                Reason::Outranked {
                    by: rank(chosen, t, host).1,
                }
            },
        })
        .collect();
    Ok(Selection {
        index: chosen.index,
        name: chosen.name.clone(),
        forced,
        rejected,
    })
}

fn forced_target<'a>(
    targets: &'a ResolvedTargets,
    force: &ForceTarget,
    missing: &[FeatureSet],
) -> Result<&'a ResolvedTarget, Error> {
    let found = match force.target.parse::<usize>() {
        Ok(index) => targets.targets.get(index),
        Err(_) => targets
            .targets
            .iter()
            .find(|t| t.name == force.target || t.spec.to_string() == force.target),
    };
    let forced = |problem| {
        Error::ForcedTarget(Box::new(ForcedTargetError {
            value: force.target.clone(),
            problem,
        }))
    };
    let target = found.ok_or_else(|| {
        forced(ForcedTargetProblem::NoSuchTarget {
            targets: targets
                .targets
                .iter()
                .map(|t| (t.index, t.name.clone()))
                .collect(),
            suggestion: crate::suggest::closest(
                &force.target,
                targets.targets.iter().map(|t| t.name.as_str()),
            )
            .map(str::to_owned),
        })
    })?;
    if !force.unchecked && !missing[target.index].is_empty() {
        return Err(forced(ForcedTargetProblem::Ineligible {
            index: target.index,
            name: target.name.clone(),
            missing: missing[target.index]
                .names()
                .into_iter()
                .map(str::to_owned)
                .collect(),
        }));
    }
    Ok(target)
}

fn no_eligible_target(targets: &ResolvedTargets, host: &Host, missing: &[FeatureSet]) -> Error {
    let names = |set: &FeatureSet| set.names().into_iter().map(str::to_owned).collect();
    Error::NoRunnableTarget(Box::new(NoRunnableTarget {
        host: host.name.clone(),
        vectors: VectorWidth::of(&host.features).to_string(),
        targets: targets
            .targets
            .iter()
            .map(|t| MissingFeatures {
                index: t.index,
                name: t.name.clone(),
                missing: names(&missing[t.index]),
            })
            .collect(),
        host_features: names(
            &host
                .features
                .intersection(&host.arch().database().matched()),
        ),
    }))
}

/// A target no host selects ([`ResolvedTargets::unselectable`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unselectable {
    /// The target's index.
    pub index: usize,
    /// Its name.
    pub name: String,
    /// The target a host with exactly its features selects instead.
    pub preferred: usize,
    /// That target's name.
    pub preferred_name: String,
}

impl fmt::Display for Unselectable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "target {} ({}) can never be selected: every host that can run it prefers \
             target {} ({}) or another; its clones only add size (remove it, or give it \
             features the others lack)",
            self.index, self.name, self.preferred, self.preferred_name
        )
    }
}

impl ResolvedTargets {
    /// The targets no host would ever select (target 0 aside, which holds
    /// the code of every function): for each, the target a host with exactly
    /// its features selects instead. Selection prefers a target naming the
    /// host's CPU, then wider vectors, then more features, so if neither a
    /// host with exactly the target's features and its CPU's name nor one
    /// with those features and a name no target uses selects it, no host
    /// does: a host with more features can only see more eligible targets.
    pub fn unselectable(&self) -> Vec<Unselectable> {
        let db = self.arch.database();
        let options = SelectOptions::default();
        self.targets
            .iter()
            .skip(1)
            .filter_map(|t| {
                let host = |name: &str| Host {
                    name: name.to_owned(),
                    features: t.isa_features(),
                    checked: db.detectable(),
                    source: None,
                };
                let named = select(self, &host(t.cpu.name()), &options).ok()?;
                let anonymous = select(self, &host(""), &options).ok()?;
                (named.index != t.index && anonymous.index != t.index).then(|| Unselectable {
                    index: t.index,
                    name: t.name.clone(),
                    preferred: named.index,
                    preferred_name: named.name.clone(),
                })
            })
            .collect()
    }
}
