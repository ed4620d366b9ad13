//! What a build uses: the memory budget that bounds the partitions compiled
//! at once, and the peak memory a build reports.

use std::fmt;

/// Bytes in a MiB, for messages.
const MIB: u64 = 1 << 20;

/// How much memory one partition in flight takes, per byte of its share of
/// the multiversioned module's bitcode (clones included). Measured with
/// `mvimg build --report` (a debug build of mvimg) on the 4-target SQLite
/// build (the default x86_64 list, 64 partitions, 11 MB of bitcode): peak
/// 408 MiB compiling one partition at a time, 439 MiB two at a time, so a
/// partition in flight took about 31 MiB, 180x its share; 250x leaves a
/// margin.
const BYTES_PER_BITCODE_BYTE: u64 = 250;

/// The part of physical memory a build uses unless told otherwise.
pub const DEFAULT_BUDGET_FRACTION: f64 = 0.5;

/// Physical memory in bytes, when the system says.
pub fn physical_memory() -> Option<u64> {
    // SAFETY: sysconf only reads.
    let (pages, size) = unsafe {
        (
            libc::sysconf(libc::_SC_PHYS_PAGES),
            libc::sysconf(libc::_SC_PAGESIZE),
        )
    };
    (pages > 0 && size > 0).then(|| pages as u64 * size as u64)
}

/// The default memory budget: [`DEFAULT_BUDGET_FRACTION`] of physical
/// memory (8 GiB when the system does not say).
pub fn default_budget() -> u64 {
    physical_memory().map_or(8 << 30, |m| (m as f64 * DEFAULT_BUDGET_FRACTION) as u64)
}

/// This process's resident memory now, in bytes (Linux: /proc/self/statm).
pub fn resident_memory() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = text.split_whitespace().nth(1)?.parse().ok()?;
    // SAFETY: sysconf only reads.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    (size > 0).then(|| pages * size as u64)
}

/// This process's peak resident memory so far, in bytes (getrusage).
pub fn peak_memory() -> Option<u64> {
    // SAFETY: getrusage fills the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        (libc::getrusage(libc::RUSAGE_SELF, &mut usage) == 0).then_some(usage)
    }?;
    // Linux reports kilobytes.
    u64::try_from(usage.ru_maxrss).ok().map(|kib| kib * 1024)
}

/// How many partitions a build compiles at once, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoryPlan {
    /// The budget, in bytes.
    pub budget: u64,
    /// Resident memory when the partitions started (the whole module is
    /// loaded), in bytes.
    pub resident: u64,
    /// The estimated memory of one partition in flight, in bytes.
    pub per_partition: u64,
    /// Threads asked for.
    pub threads: usize,
    /// Partitions compiled at once: the threads, fewer when the budget
    /// allows fewer, at least 1.
    pub in_flight: usize,
}

impl MemoryPlan {
    /// The plan for `parts` partitions of a multiversioned module whose
    /// bitcode is `bitcode` bytes, on `threads` threads, within `budget`,
    /// starting from `resident` bytes.
    pub fn new(
        budget: u64,
        resident: u64,
        bitcode: u64,
        parts: usize,
        threads: usize,
    ) -> MemoryPlan {
        let share = bitcode / parts.max(1) as u64;
        let per_partition = share.saturating_mul(BYTES_PER_BITCODE_BYTE).max(16 * MIB);
        let room = budget.saturating_sub(resident);
        let fits = (room / per_partition) as usize;
        MemoryPlan {
            budget,
            resident,
            per_partition,
            threads,
            in_flight: fits.clamp(1, threads.max(1)),
        }
    }

    /// Whether the budget made the build compile fewer partitions at once
    /// than it has threads.
    pub fn throttled(&self) -> bool {
        self.in_flight < self.threads
    }

    /// Whether even one partition does not fit in the budget.
    pub fn over_budget(&self) -> bool {
        self.resident.saturating_add(self.per_partition) > self.budget
    }
}

impl fmt::Display for MemoryPlan {
    /// The warning a caller shows when [`MemoryPlan::throttled`] or
    /// [`MemoryPlan::over_budget`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mib = |b: u64| b.div_ceil(MIB);
        if self.over_budget() {
            write!(
                f,
                "memory budget {} MiB: the build holds {} MiB and one partition needs about {} \
                 MiB more; building one partition at a time, which may still swap (raise the \
                 budget, `--memory-budget MIB`, or build on a machine with more memory)",
                mib(self.budget),
                mib(self.resident),
                mib(self.per_partition)
            )
        } else {
            write!(
                f,
                "memory budget {} MiB: building {} partition{} at a time of {} threads (each \
                 needs about {} MiB beyond the {} MiB the build holds)",
                mib(self.budget),
                self.in_flight,
                if self.in_flight == 1 { "" } else { "s" },
                self.threads,
                mib(self.per_partition),
                mib(self.resident)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_bounds_the_partitions_in_flight() {
        let mib = MIB;
        // Plenty: every thread.
        let plan = MemoryPlan::new(64 << 30, 500 * mib, 10 * mib, 8, 4);
        assert_eq!(plan.in_flight, 4);
        assert!(!plan.throttled() && !plan.over_budget());
        // Room for two partitions of ~312 MiB.
        let plan = MemoryPlan::new(1200 * mib, 500 * mib, 10 * mib, 8, 4);
        assert_eq!(plan.per_partition, 10 * mib / 8 * 250);
        assert_eq!(plan.in_flight, 2);
        assert!(plan.throttled() && !plan.over_budget());
        assert!(plan
            .to_string()
            .contains("building 2 partitions at a time of 4 threads"));
        // Not even one: one at a time, and it says so.
        let plan = MemoryPlan::new(100 * mib, 500 * mib, 10 * mib, 8, 4);
        assert_eq!(plan.in_flight, 1);
        assert!(plan.over_budget());
        assert!(plan
            .to_string()
            .contains("building one partition at a time"));
    }
}
