//! The clone plan: which targets clone which functions and why, which functions
//! get a load-time slot, and where function addresses sit in data (reference
//! §4.4, with mvimg's own choices for entries). A plan is data: it is computed
//! before the module is touched, and `mvimg build --plan` writes it as JSON.

use serde::{Deserialize, Serialize};

use mvimg_cpu::{CloneCategory, ResolvedTargets};

use crate::analysis::Analysis;

/// Why a target clones a function.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum CloneReason {
    /// The target is `clone_all`.
    CloneAll,
    /// The function has categories the target clones.
    Categories {
        /// The categories both have.
        categories: Vec<CloneCategory>,
    },
    /// The function calls a cloned function and is called by one, so it is
    /// cloned too, so that the calls between them stay direct.
    Between {
        /// A cloned caller.
        caller: String,
        /// A cloned callee.
        callee: String,
    },
}

/// One clone of a function.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedClone {
    /// The target index.
    pub target: usize,
    /// Why.
    pub reason: CloneReason,
}

/// Why a function has a slot (a pointer cell holding the selected body).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotReason {
    /// Bodies shared by several targets use it, and some of those targets have
    /// their own clone of it.
    SharedCaller,
    /// It is an entry point with clones: its exported symbol becomes a
    /// trampoline through the slot, or, on glibc ELF ([`ifunc_entries`]),
    /// an IFUNC whose resolver returns the slot's body.
    Entry,
    /// An alias names it: its address becomes its trampoline, which the
    /// alias then names.
    Alias,
    /// Its address is in data where it cannot be pointed at the selected
    /// body at load (see [`PinnedAddress`]): its address becomes its
    /// trampoline, in every form.
    Address,
}

impl SlotReason {
    /// Whether the function gets a trampoline (a function that jumps through
    /// the slot) that stands for it wherever its address is used, so that
    /// every way of taking its address gives the same value, as in the
    /// ordinary build: the exported symbol of an entry, the target of its
    /// aliases, or the one address every constant form can use.
    /// An entry needs none where its exported symbol is an IFUNC
    /// (`ifunc_entries`) and nothing else asks for one: its address is then
    /// the selected body everywhere (the resolver's answer outside, the
    /// slot's value in code, patched cells in data).
    pub fn needs_trampoline(reasons: &[SlotReason], ifunc_entries: bool) -> bool {
        reasons.iter().any(|r| match r {
            SlotReason::SharedCaller => false,
            SlotReason::Entry => !ifunc_entries,
            SlotReason::Alias | SlotReason::Address => true,
        })
    }
}

/// Whether the exported entries of an image for `triple` are IFUNC symbols
/// (`STT_GNU_IFUNC`): on Linux with glibc, whose dynamic loader calls an
/// IFUNC's resolver and binds the caller's GOT entry to the body it returns,
/// so a call from another module costs what a call to a glibc ifunc costs
/// (ci/bench, calls: a trampoline through the slot cost 1.5x). Elsewhere
/// (Windows, macOS, musl) the entry is a trampoline through the slot.
pub fn ifunc_entries(triple: &str) -> bool {
    triple
        .parse::<mvimg_cpu::Platform>()
        .is_ok_and(|p| p.ifunc_entries())
}

pub use crate::analysis::{DataLocation, PinnedAddress, Uses};

/// The plan for one function.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedFunction {
    /// The function's name.
    pub name: String,
    /// Whether it is an entry point (exported; reaches the selected clone).
    pub entry: bool,
    /// The categories found in its body.
    pub categories: Vec<CloneCategory>,
    /// Its clones, by target index.
    pub clones: Vec<PlannedClone>,
    /// Why it has a slot; empty when it has none.
    pub slot: Vec<SlotReason>,
    /// Places in global data that hold its address and are patched at load
    /// (none when it has a trampoline: data then holds the trampoline's
    /// address).
    pub relocations: Vec<DataLocation>,
    /// Aliases that name it.
    pub aliases: Vec<String>,
    /// Whether its exported symbol is an IFUNC whose resolver returns the
    /// slot's body (an entry with clones on glibc ELF, [`ifunc_entries`],
    /// that nothing else gives a trampoline).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ifunc: bool,
}

impl PlannedFunction {
    /// Whether the function is in the dispatch tables: cloned somewhere, an
    /// entry, or with a slot or relocations.
    pub fn dispatched(&self) -> bool {
        self.entry || !self.clones.is_empty() || !self.slot.is_empty()
    }
}

/// A target as the plan records it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedTarget {
    /// Index in the list.
    pub index: usize,
    /// The target as written, normalized.
    pub spec: String,
    /// LLVM `target-cpu`.
    pub llvm_cpu: String,
    /// LLVM `target-features` added on top of the CPU.
    pub llvm_features: String,
    /// LLVM `tune-cpu`, when the target sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub llvm_tune: Option<String>,
    /// The clone_all target (or 0) it falls back to.
    pub base: Option<usize>,
    /// Whether it clones everything.
    pub clone_all: bool,
    /// The categories it clones (when not clone_all).
    pub clones: Vec<CloneCategory>,
    /// How many functions it clones.
    pub cloned: usize,
}

/// The whole plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClonePlan {
    /// The target triple.
    pub triple: String,
    /// The targets.
    pub targets: Vec<PlannedTarget>,
    /// Every defined function, in module order.
    pub functions: Vec<PlannedFunction>,
}

impl ClonePlan {
    /// The plan as pretty JSON (what `--plan` writes), ending in a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a plan serializes");
        text.push('\n');
        text
    }

    /// The group a target belongs to: itself if clone_all or 0, else its base.
    pub fn group(&self, t: usize) -> usize {
        if t == 0 || self.targets[t].clone_all {
            t
        } else {
            self.targets[t].base.unwrap_or(0)
        }
    }
}

/// Computes the plan (as Julia's llvm-multiversioning.cpp plans): per target, seeds by category, grown
/// over the call graph to the functions between cloned ones; clone_all targets
/// take everything; slots, entries, aliases and data locations as documented on
/// [`SlotReason`].
/// `ifunc_ok` says which entries could be IFUNC symbols (strong external
/// definitions outside a comdat: an IFUNC cannot be a comdat's member), if
/// the triple has them ([`ifunc_entries`]).
pub fn plan(
    triple: &str,
    targets: &ResolvedTargets,
    analysis: &Analysis,
    uses: &Uses,
    entries: &[bool],
    ifunc_ok: &[bool],
) -> ClonePlan {
    let n = analysis.functions.len();
    let mut clones: Vec<Vec<PlannedClone>> = vec![Vec::new(); n];
    let mut planned_targets = Vec::new();
    for target in &targets.targets {
        let t = target.index;
        let mut reasons: Vec<Option<CloneReason>> = vec![None; n];
        if t > 0 && target.clone_all {
            for (reason, info) in reasons.iter_mut().zip(&analysis.functions) {
                if !info.fixed_abi {
                    *reason = Some(CloneReason::CloneAll);
                }
            }
        } else if t > 0 {
            for (i, info) in analysis.functions.iter().enumerate() {
                if info.fixed_abi {
                    continue;
                }
                let shared: Vec<CloneCategory> = info
                    .categories
                    .iter()
                    .filter(|c| target.clone.contains(*c))
                    .collect();
                if !shared.is_empty() {
                    reasons[i] = Some(CloneReason::Categories { categories: shared });
                }
            }
            // Grow: a callee of a cloned function that itself calls a cloned
            // function is cloned, to a fixed point.
            let mut frontier: Vec<usize> = (0..n).filter(|&i| reasons[i].is_some()).collect();
            while !frontier.is_empty() {
                let mut next = Vec::new();
                for &f in &frontier {
                    for &c in &analysis.functions[f].callees {
                        if reasons[c].is_some() || analysis.functions[c].fixed_abi {
                            continue;
                        }
                        let cloned_callee = analysis.functions[c]
                            .callees
                            .iter()
                            .find(|&&d| reasons[d].is_some());
                        if let Some(&d) = cloned_callee {
                            reasons[c] = Some(CloneReason::Between {
                                caller: analysis.functions[f].name.clone(),
                                callee: analysis.functions[d].name.clone(),
                            });
                            next.push(c);
                        }
                    }
                }
                frontier = next;
            }
        }
        let mut cloned = 0;
        for (i, reason) in reasons.into_iter().enumerate() {
            if let Some(reason) = reason {
                clones[i].push(PlannedClone { target: t, reason });
                cloned += 1;
            }
        }
        planned_targets.push(PlannedTarget {
            index: t,
            spec: target.spec.to_string(),
            llvm_cpu: target.llvm_cpu.clone(),
            llvm_features: target.llvm_features.clone(),
            llvm_tune: target.llvm_tune.clone(),
            base: target.base,
            clone_all: target.clone_all,
            clones: if t > 0 && !target.clone_all {
                target.clone.iter().collect()
            } else {
                Vec::new()
            },
            cloned,
        });
    }
    let partial = |t: usize| t > 0 && !targets.targets[t].clone_all;
    let ifunc = ifunc_entries(triple);
    let functions = analysis
        .functions
        .iter()
        .enumerate()
        .map(|(i, info)| {
            let has_clones = !clones[i].is_empty();
            let mut slot = Vec::new();
            if uses.by_instructions[i] && clones[i].iter().any(|c| partial(c.target)) {
                slot.push(SlotReason::SharedCaller);
            }
            if entries[i] && has_clones {
                slot.push(SlotReason::Entry);
            }
            if !uses.aliases[i].is_empty() && has_clones {
                slot.push(SlotReason::Alias);
            }
            if !uses.pinned[i].is_empty() && has_clones {
                slot.push(SlotReason::Address);
            }
            // A function with a trampoline has that one address everywhere;
            // the others' plain pointers in data are patched at load.
            let candidate = ifunc && ifunc_ok[i];
            let trampoline = SlotReason::needs_trampoline(&slot, candidate);
            let relocated = has_clones && !trampoline;
            let ifunc = slot.contains(&SlotReason::Entry) && !trampoline;
            PlannedFunction {
                name: info.name.clone(),
                entry: entries[i],
                categories: info.categories.iter().collect(),
                clones: std::mem::take(&mut clones[i]),
                slot,
                relocations: if relocated {
                    uses.in_data[i].clone()
                } else {
                    Vec::new()
                },
                aliases: uses.aliases[i].clone(),
                ifunc,
            }
        })
        .collect();
    ClonePlan {
        triple: triple.to_owned(),
        targets: planned_targets,
        functions,
    }
}
