//! What a build took, as `mvimg build --report` prints it: phases, partitions
//! at a time, the object cache, the distributed build, peak memory.

use std::fmt;
use std::time::Duration;

/// What a build took: `mvimg build --report`.
#[derive(Clone, Debug)]
pub struct BuildReport {
    /// Wall time of each phase, in order.
    pub phases: Vec<(&'static str, Duration)>,
    /// Objects (partitions that define something).
    pub objects: usize,
    /// The memory plan of a partitioned build.
    pub memory: Option<crate::resources::MemoryPlan>,
    /// The process's peak resident memory, in bytes.
    pub peak_memory: Option<u64>,
    /// What the object cache did, when the build had one.
    pub cache: Option<crate::cache::CacheStats>,
    /// What the distributed build did, when it was one.
    pub remote: Option<crate::remote::RemoteReport>,
}

impl BuildReport {
    /// The report as JSON (what `mvimg build --report-json` writes, with the
    /// CLI's additions): `phases` (`name`, `seconds`), `total_seconds`,
    /// `objects`, `partitions` (budget, threads, at once; null for one),
    /// `peak_memory_bytes`, `cache` and `distributed` (null when unused).
    pub fn to_json(&self) -> serde_json::Value {
        let phases: Vec<serde_json::Value> = self
            .phases
            .iter()
            .map(|(name, d)| serde_json::json!({ "name": name, "seconds": d.as_secs_f64() }))
            .collect();
        let total: f64 = self.phases.iter().map(|p| p.1.as_secs_f64()).sum();
        serde_json::json!({
            "phases": phases,
            "total_seconds": total,
            "objects": self.objects,
            "partitions": self.memory.as_ref().map(|m| serde_json::json!({
                "memory_budget_bytes": m.budget,
                "per_partition_bytes": m.per_partition,
                "threads": m.threads,
                "at_once": m.in_flight,
            })),
            "peak_memory_bytes": self.peak_memory,
            "cache": self.cache,
            "distributed": self.remote,
        })
    }
}

impl fmt::Display for BuildReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mib = |b: u64| b.div_ceil(1 << 20);
        let total: Duration = self.phases.iter().map(|p| p.1).sum();
        let phases: Vec<String> = self
            .phases
            .iter()
            .map(|(name, d)| format!("{name} {:.2} s", d.as_secs_f64()))
            .collect();
        writeln!(
            f,
            "build: {:.2} s ({})",
            total.as_secs_f64(),
            phases.join(", ")
        )?;
        match &self.memory {
            Some(m) => writeln!(
                f,
                "partitions: {} objects, {} at a time on {} threads (memory budget {} MiB, \
                 about {} MiB each)",
                self.objects,
                m.in_flight,
                m.threads,
                mib(m.budget),
                mib(m.per_partition)
            )?,
            None => writeln!(f, "partitions: one, on one thread")?,
        }
        if let Some(cache) = &self.cache {
            writeln!(f, "cache: {cache}")?;
        }
        if let Some(remote) = &self.remote {
            writeln!(f, "distributed: {remote}")?;
        }
        match self.peak_memory {
            Some(peak) => writeln!(f, "peak memory: {} MiB", mib(peak)),
            None => writeln!(f, "peak memory: unknown"),
        }
    }
}
