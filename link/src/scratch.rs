//! Private scratch directories beside a destination. A build writes its
//! objects, export lists and LLD's output (and a distributed build its
//! actions) into one before anything is renamed into place. Each directory
//! is unique to one build (process id, time and a counter, created
//! exclusively with mode 0700: a second build that reuses a dead one's process
//! id, or a directory another user made first, gets another directory) and
//! holds a lock file its owner keeps locked while it lives; a build that starts beside a destination removes
//! the directories of owners that died (`kill -9`, a crash) for the same
//! destination, which it recognises by name and by taking their lock.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// The lock file inside a scratch directory.
const LOCK: &str = ".mvimg-lock";

/// How old a scratch directory without a lock file must be before a later
/// build removes it (it may be one being created this instant).
const UNLOCKED_GRACE: Duration = Duration::from_secs(60);

/// A scratch directory, removed (with its contents) when dropped.
#[derive(Debug)]
pub struct Scratch {
    dir: PathBuf,
    _lock: File,
}

/// The name prefix of the scratch directories of `kind` for the destination
/// file name `name`: `.{name}.mvimg-{kind}-`.
fn prefix(name: &str, kind: &str) -> String {
    format!(".{name}.mvimg-{kind}-")
}

impl Scratch {
    /// Creates a scratch directory of `kind` (`objects`, `link`) for the
    /// destination `destination`, in its directory, after removing those
    /// of the same kind and destination whose owners died.
    pub fn beside(destination: &Path, kind: &str) -> io::Result<Scratch> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let parent = match destination.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = destination
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prefix = prefix(&name, kind);
        remove_stale(&parent, &prefix);
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        loop {
            let dir = parent.join(format!(
                "{prefix}{}-{nanos:09}-{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed)
            ));
            match create_private(&dir) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
            let lock = OpenOptions::new()
                .create_new(true)
                .write(true)
                .open(dir.join(LOCK))
                .and_then(|file| lock(&file, true).map(|()| file));
            return match lock {
                Ok(lock) => Ok(Scratch { dir, _lock: lock }),
                Err(e) => {
                    let _ = std::fs::remove_dir_all(&dir);
                    Err(e)
                }
            };
        }
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Removes the directories in `parent` named `prefix*` whose owner died:
/// their lock file can be locked, or they have none and are older than
/// [`UNLOCKED_GRACE`]. Anything that cannot be read is left alone.
fn remove_stale(parent: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().starts_with(prefix)
            || !entry.file_type().is_ok_and(|t| t.is_dir())
        {
            continue;
        }
        let dir = entry.path();
        let stale = match File::open(dir.join(LOCK)) {
            // A lock taken here means the owner is gone; it is released
            // when the file closes, after the removal.
            Ok(file) => lock(&file, false).is_ok(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > UNLOCKED_GRACE)),
            Err(_) => false,
        };
        if stale {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}

/// Creates `dir`, which must not exist (a directory someone made first is
/// never reused), readable and writable by this user only.
fn create_private(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Takes an exclusive `flock` on `file` (waiting for it when `wait`). The
/// lock goes with the file's last descriptor, so with its process.
#[cfg(unix)]
fn lock(file: &File, wait: bool) -> io::Result<()> {
    use std::os::unix::io::AsRawFd;
    let operation = if wait {
        libc::LOCK_EX
    } else {
        libc::LOCK_EX | libc::LOCK_NB
    };
    // SAFETY: the descriptor is open for the call's duration.
    if unsafe { libc::flock(file.as_raw_fd(), operation) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Elsewhere no lock is taken, and no directory counts as a dead owner's.
#[cfg(not(unix))]
fn lock(_: &File, wait: bool) -> io::Result<()> {
    if wait {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::WouldBlock,
            "not checked here",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dead_owners_directory_is_removed_and_a_live_ones_kept() {
        let root = std::env::temp_dir().join(format!("mvimg-scratch-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        let destination = root.join("libx.so");
        // A dead build's directory: a lock file nobody holds.
        let dead = root.join(format!("{}1-000000001-0", prefix("libx.so", "link")));
        std::fs::create_dir(&dead).unwrap();
        std::fs::write(dead.join(LOCK), b"").unwrap();
        std::fs::write(dead.join("part0.o"), b"left behind").unwrap();
        // Another destination's directory is not this build's business.
        let other = root.join(format!("{}1-000000001-0", prefix("liby.so", "link")));
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join(LOCK), b"").unwrap();
        let live = Scratch::beside(&destination, "link").unwrap();
        assert!(!dead.exists(), "the dead build's directory is removed");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(live.path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700, "private to this user");
        }
        assert!(other.exists());
        // A second build beside the same destination keeps the live one and
        // gets its own.
        let second = Scratch::beside(&destination, "link").unwrap();
        assert!(live.path().exists());
        assert_ne!(live.path(), second.path());
        let kept = live.path().to_path_buf();
        drop(live);
        assert!(!kept.exists(), "a scratch directory goes with its owner");
        drop(second);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
