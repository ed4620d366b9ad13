//! How far a build is and how long each phase took: the progress a build
//! reports to a callback ([`Progress`], [`ProgressFn`]) and the clock that
//! times its phases and reports them.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// How far a build is, as it tells a progress callback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The phase: `load`, `multiversion`, `optimize`, `emit`,
    /// `optimize+emit` (one partition), `link`.
    pub phase: &'static str,
    /// Steps of the phase done (partitions, for `optimize` and `emit`).
    pub done: usize,
    /// Steps of the phase in all.
    pub total: usize,
    /// Time since the build started.
    pub elapsed: Duration,
}

impl Progress {
    /// The estimated time left for the phase from its pace so far, when any
    /// step is done.
    pub fn phase_eta(&self, phase_elapsed: Duration) -> Option<Duration> {
        (self.done > 0 && self.done < self.total)
            .then(|| phase_elapsed.mul_f64((self.total - self.done) as f64 / self.done as f64))
    }
}

/// A progress callback, called from the build's threads.
#[derive(Clone)]
pub struct ProgressFn(pub Arc<dyn Fn(&Progress) + Send + Sync>);

impl fmt::Debug for ProgressFn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ProgressFn(..)")
    }
}

/// Wall time per phase of a build.
pub(crate) struct Clock {
    last: std::time::Instant,
    pub(crate) phases: Vec<(&'static str, std::time::Duration)>,
    /// Where progress goes.
    pub(crate) reporter: Reporter,
}

/// Tells the build's progress callback, if any, how far a phase is.
#[derive(Clone)]
pub(crate) struct Reporter {
    started: std::time::Instant,
    progress: Option<ProgressFn>,
}

impl Reporter {
    /// `done` of `total` steps of `phase` are done.
    pub(crate) fn report(&self, phase: &'static str, done: usize, total: usize) {
        if let Some(progress) = &self.progress {
            (progress.0)(&Progress {
                phase,
                done,
                total,
                elapsed: self.started.elapsed(),
            });
        }
    }
}

impl Clock {
    /// A clock started now, reporting progress to `progress`.
    pub(crate) fn start(progress: Option<ProgressFn>) -> Clock {
        let now = std::time::Instant::now();
        Clock {
            last: now,
            phases: Vec::new(),
            reporter: Reporter {
                started: now,
                progress,
            },
        }
    }

    /// Records the time since the previous lap (or since the start) as
    /// `phase`.
    pub(crate) fn lap(&mut self, phase: &'static str) {
        let now = std::time::Instant::now();
        self.phases.push((phase, now - self.last));
        self.last = now;
    }

    /// [`Clock::lap`] for a phase of one step, reported done.
    pub(crate) fn done(&mut self, phase: &'static str) {
        self.lap(phase);
        self.reporter.report(phase, 1, 1);
    }
}
