//! The content-addressed cache of compiled partitions (README, "Incremental
//! builds").
//!
//! A partition is compiled in two steps (see [`crate::parallel`]): its
//! bitcode is optimized, then, once every partition's references are known,
//! emitted as an object. Each step's result is stored under a key that is the
//! SHA-256 of everything the result depends on: the cache format, mvimg's and
//! LLVM's versions, the machine (triple, CPU, features, optimization level,
//! input kind) and the step's input bytes ([`CacheKey::of`]). A key that is
//! found skips the step.
//!
//! Entries are files under `DIR/v2/`, named by their key. Each carries its
//! key and the SHA-256 of the key and its content, both checked on every
//! read: an entry that does not match — a torn disk write, a bit flip, a hand
//! edit, or a whole valid entry under another key's name (a stale copy, two
//! files swapped, a sync between machines) — is deleted, counted as corrupt,
//! and the step runs again. So is an entry whose content is not what its step
//! stores (the caller decodes it: [`ObjectCache::get_as`]). Writes go to a
//! file beside the entry and are renamed into place, so builds sharing one
//! cache at once see whole entries or none. A
//! hit marks the entry used (its modification time); [`ObjectCache::evict`]
//! removes the least recently used entries down to the size limit.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The magic at the start of every entry file.
const MAGIC: &[u8; 8] = b"MVIMGCE2";

/// Bytes before an entry's content: magic, the key, SHA-256 of the key and
/// the content, the microseconds the step took, the content's length.
const HEADER: usize = 8 + 32 + 32 + 8 + 8;

/// The cache's subdirectory for this entry format.
const VERSION_DIR: &str = "v2";

/// A cache key: the SHA-256 of a step's inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CacheKey(pub [u8; 32]);

impl CacheKey {
    /// The key of `parts`, each hashed with its length so that no two
    /// different sequences give the same bytes.
    pub fn of(parts: &[&[u8]]) -> CacheKey {
        let mut hasher = Sha256::new();
        for part in parts {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        CacheKey(hasher.finalize().into())
    }

    /// The key as 64 lowercase hex digits.
    pub fn hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl std::fmt::Display for CacheKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.hex())
    }
}

/// What the cache did during a build.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CacheStats {
    /// Partition steps found in the cache.
    pub hits: u64,
    /// Partition steps computed (not in the cache, or discarded).
    pub misses: u64,
    /// Entries whose content did not match their hash: deleted, recomputed.
    pub corrupt: u64,
    /// Entries that could not be written (the build went on without them).
    pub write_errors: u64,
    /// Entries removed to stay within the size limit.
    pub evicted: u64,
    /// What the hits took when they were computed, in milliseconds.
    pub saved_ms: u64,
    /// Partitions that were compiled (a step of theirs not found).
    pub compiled_partitions: u64,
}

impl CacheStats {
    /// What happened since `before` (an earlier reading of the same cache).
    pub fn since(&self, before: &CacheStats) -> CacheStats {
        CacheStats {
            hits: self.hits - before.hits,
            misses: self.misses - before.misses,
            corrupt: self.corrupt - before.corrupt,
            write_errors: self.write_errors - before.write_errors,
            evicted: self.evicted - before.evicted,
            saved_ms: self.saved_ms - before.saved_ms,
            compiled_partitions: self.compiled_partitions - before.compiled_partitions,
        }
    }
}

impl std::fmt::Display for CacheStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} hits, {} misses, {} partitions compiled, {:.1} s saved",
            self.hits,
            self.misses,
            self.compiled_partitions,
            self.saved_ms as f64 / 1000.0
        )?;
        if self.corrupt > 0 {
            write!(f, ", {} corrupt entries recompiled", self.corrupt)?;
        }
        if self.write_errors > 0 {
            write!(f, ", {} entries not written", self.write_errors)?;
        }
        if self.evicted > 0 {
            write!(f, ", {} entries evicted", self.evicted)?;
        }
        Ok(())
    }
}

/// A cache entry found: the step's result and what it took to compute.
#[derive(Debug)]
pub struct CacheHit {
    /// The blobs stored ([`ObjectCache::put`]).
    pub blobs: Vec<Vec<u8>>,
    /// What computing them took.
    pub took: Duration,
}

/// A content-addressed cache of partition results in a directory.
#[derive(Debug)]
pub struct ObjectCache {
    dir: PathBuf,
    max_size: Option<u64>,
    stats: Mutex<CacheStats>,
    temp: AtomicU64,
}

/// A cache failure: the directory cannot be used.
#[derive(Debug)]
pub struct CacheError {
    /// The path involved.
    pub path: PathBuf,
    /// What failed.
    pub error: std::io::Error,
}

impl std::fmt::Display for CacheError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the object cache at {}: {} (give another cache directory, or build without one)",
            self.path.display(),
            self.error
        )
    }
}

impl std::error::Error for CacheError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl ObjectCache {
    /// The cache in `dir` (created when missing), holding at most `max_size`
    /// bytes after [`ObjectCache::evict`] (`None`: unbounded).
    pub fn open(dir: impl Into<PathBuf>, max_size: Option<u64>) -> Result<ObjectCache, CacheError> {
        let dir = dir.into();
        let root = dir.join(VERSION_DIR);
        fs::create_dir_all(&root).map_err(|error| CacheError {
            path: root.clone(),
            error,
        })?;
        Ok(ObjectCache {
            dir,
            max_size,
            stats: Mutex::new(CacheStats::default()),
            temp: AtomicU64::new(0),
        })
    }

    /// The cache's directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The size limit.
    pub fn max_size(&self) -> Option<u64> {
        self.max_size
    }

    /// What the cache did so far.
    pub fn stats(&self) -> CacheStats {
        self.stats.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn count(&self, change: impl FnOnce(&mut CacheStats)) {
        change(&mut self.stats.lock().unwrap_or_else(|e| e.into_inner()));
    }

    /// The file of entry `key`.
    pub fn entry_path(&self, key: &CacheKey) -> PathBuf {
        let hex = key.hex();
        self.dir.join(VERSION_DIR).join(&hex[..2]).join(hex)
    }

    /// The entry `key`, checked against its content hash; `None` (a miss)
    /// when absent or corrupt (a corrupt entry is deleted). Counted as a
    /// hit or a miss, and marked used.
    pub fn get(&self, key: &CacheKey) -> Option<CacheHit> {
        let hit = self.peek(key);
        match &hit {
            Some(hit) => {
                self.touch(key);
                self.count_hits(1, hit.took);
            }
            None => self.count(|s| s.misses += 1),
        }
        hit
    }

    /// The entry `key` as [`ObjectCache::get`] finds it, neither counted
    /// nor marked used (a corrupt one is deleted and counted).
    pub fn peek(&self, key: &CacheKey) -> Option<CacheHit> {
        let path = self.entry_path(key);
        let bytes = read_file(&path).ok()?;
        let hit = decode(key, &bytes);
        if hit.is_none() {
            let _ = fs::remove_file(&path);
            self.count(|s| s.corrupt += 1);
        }
        hit
    }

    /// The entry `key` read with `read` (what its step stores, from the
    /// blobs), as [`ObjectCache::get`] finds it: counted, marked used, with
    /// what computing it took. An entry `read` refuses (a wrong shape) is
    /// corrupt like a torn one: deleted, counted corrupt and a miss.
    pub fn get_as<T>(
        &self,
        key: &CacheKey,
        read: impl FnOnce(&[Vec<u8>]) -> Option<T>,
    ) -> Option<(T, Duration)> {
        let Some(hit) = self.peek(key) else {
            self.count(|s| s.misses += 1);
            return None;
        };
        match read(&hit.blobs) {
            Some(value) => {
                self.touch(key);
                self.count_hits(1, hit.took);
                Some((value, hit.took))
            }
            None => {
                let _ = fs::remove_file(self.entry_path(key));
                self.count(|s| {
                    s.corrupt += 1;
                    s.misses += 1;
                });
                None
            }
        }
    }

    /// One step of a build whose result is one blob, through the cache when
    /// the build has one (`cache`: the cache and the step's key): the entry
    /// when `read` takes it ([`ObjectCache::get_as`]), else the blob
    /// `compute` makes, put under the key with the time it took and read the
    /// same way (`unreadable` is the error when `read` refuses what was just
    /// computed).
    pub fn through<T, E>(
        cache: Option<(&ObjectCache, CacheKey)>,
        read: impl Fn(&[u8]) -> Option<T>,
        compute: impl FnOnce() -> Result<Vec<u8>, E>,
        unreadable: impl FnOnce() -> E,
    ) -> Result<T, E> {
        if let Some((cache, key)) = &cache {
            let hit = cache.get_as(key, |blobs| match blobs {
                [blob] => read(blob),
                _ => None,
            });
            if let Some((value, _)) = hit {
                return Ok(value);
            }
        }
        let started = std::time::Instant::now();
        let blob = compute()?;
        if let Some((cache, key)) = &cache {
            cache.put(key, &[&blob], started.elapsed());
        }
        read(&blob).ok_or_else(unreadable)
    }

    /// Marks entry `key` used now (for eviction); a failure only makes it
    /// look older.
    pub fn touch(&self, key: &CacheKey) {
        if let Ok(file) = File::options().append(true).open(self.entry_path(key)) {
            let _ = file.set_modified(SystemTime::now());
        }
    }

    /// Counts `n` partitions compiled (not all found).
    pub fn count_compiled(&self, n: u64) {
        self.count(|s| s.compiled_partitions += n);
    }

    /// Counts `hits` steps found that took `took` to compute.
    pub fn count_hits(&self, hits: u64, took: Duration) {
        let ms = took.as_millis() as u64;
        self.count(|s| {
            s.hits += hits;
            s.saved_ms += ms;
        });
    }

    /// Stores `blobs` as entry `key` (what computing them took: `took`):
    /// written beside the entry, then renamed into place. A failure is
    /// counted ([`CacheStats::write_errors`]), not returned: the build has
    /// its result either way.
    pub fn put(&self, key: &CacheKey, blobs: &[&[u8]], took: Duration) {
        if self.try_put(key, blobs, took).is_err() {
            self.count(|s| s.write_errors += 1);
        }
    }

    fn try_put(&self, key: &CacheKey, blobs: &[&[u8]], took: Duration) -> std::io::Result<()> {
        let path = self.entry_path(key);
        let parent = path.parent().expect("entries are in a subdirectory");
        fs::create_dir_all(parent)?;
        let temp = parent.join(format!(
            ".{}.{}.{}.tmp",
            key.hex(),
            std::process::id(),
            self.temp.fetch_add(1, Ordering::Relaxed)
        ));
        let result = (|| {
            let mut file = File::create(&temp)?;
            file.write_all(&encode(key, blobs, took))?;
            file.sync_data()?;
            fs::rename(&temp, &path)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&temp);
        }
        result
    }

    /// Removes the least recently used entries until the cache holds at
    /// most its size limit (nothing without one); returns how many went.
    /// Entries another build removes meanwhile are skipped.
    pub fn evict(&self) -> u64 {
        let Some(limit) = self.max_size else { return 0 };
        let mut entries = Vec::new();
        let root = self.dir.join(VERSION_DIR);
        for sub in fs::read_dir(&root).into_iter().flatten().flatten() {
            for entry in fs::read_dir(sub.path()).into_iter().flatten().flatten() {
                let name = entry.file_name();
                if name.to_string_lossy().starts_with('.') {
                    continue;
                }
                if let Ok(meta) = entry.metadata() {
                    let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                    entries.push((used, entry.path(), meta.len()));
                }
            }
        }
        let mut total: u64 = entries.iter().map(|e| e.2).sum();
        entries.sort();
        let mut evicted = 0;
        for (_, path, size) in entries {
            if total <= limit {
                break;
            }
            if fs::remove_file(&path).is_ok() {
                evicted += 1;
            }
            total = total.saturating_sub(size);
        }
        self.count(|s| s.evicted += evicted);
        evicted
    }
}

fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    File::open(path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The hash an entry carries: of its key and its content, so that a whole
/// entry under another key's name does not match.
fn entry_hash(key: &CacheKey, content: &[u8]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(key.0);
    hasher.update(content);
    hasher.finalize().into()
}

/// Entry `key`'s bytes: the header, then the blobs, each as a 64-bit
/// length and its bytes, after a 32-bit count.
fn encode(key: &CacheKey, blobs: &[&[u8]], took: Duration) -> Vec<u8> {
    let mut content = Vec::new();
    content.extend((blobs.len() as u32).to_le_bytes());
    for blob in blobs {
        content.extend((blob.len() as u64).to_le_bytes());
        content.extend(*blob);
    }
    let mut out = Vec::with_capacity(HEADER + content.len());
    out.extend(MAGIC);
    out.extend(key.0);
    out.extend(entry_hash(key, &content));
    out.extend((took.as_micros() as u64).to_le_bytes());
    out.extend((content.len() as u64).to_le_bytes());
    out.extend(content);
    out
}

/// Entry `key` in `bytes`, `None` when it is not one whole, intact entry of
/// that key.
fn decode(key: &CacheKey, bytes: &[u8]) -> Option<CacheHit> {
    let word = |at: usize| -> Option<u64> {
        Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
    };
    if bytes.get(..8)? != MAGIC || bytes.get(8..40)? != key.0 {
        return None;
    }
    let took = Duration::from_micros(word(72)?);
    let length = usize::try_from(word(80)?).ok()?;
    let content = bytes.get(HEADER..)?;
    if content.len() != length || entry_hash(key, content)[..] != bytes[40..72] {
        return None;
    }
    let count = u32::from_le_bytes(content.get(..4)?.try_into().ok()?);
    let mut at = 4;
    let mut blobs = Vec::new();
    for _ in 0..count {
        let len = usize::try_from(u64::from_le_bytes(
            content.get(at..at + 8)?.try_into().ok()?,
        ))
        .ok()?;
        at += 8;
        blobs.push(content.get(at..at.checked_add(len)?)?.to_vec());
        at += len;
    }
    (at == content.len()).then_some(CacheHit { blobs, took })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_any_flipped_byte_is_refused() {
        let blobs: [&[u8]; 3] = [b"bitcode", b"", b"[\"a\"]"];
        let key = CacheKey::of(&[b"step", b"input"]);
        let bytes = encode(&key, &blobs, Duration::from_millis(1234));
        let hit = decode(&key, &bytes).expect("intact");
        assert_eq!(hit.blobs, blobs.map(<[u8]>::to_vec).to_vec());
        assert_eq!(hit.took, Duration::from_millis(1234));
        for i in 0..bytes.len() {
            // The time is not covered by the hash: a changed time is only a
            // different "saved" figure.
            if (72..80).contains(&i) {
                continue;
            }
            let mut flipped = bytes.clone();
            flipped[i] ^= 0x10;
            assert!(
                decode(&key, &flipped).is_none(),
                "byte {i} flipped was accepted"
            );
        }
        for len in 0..bytes.len() {
            assert!(decode(&key, &bytes[..len]).is_none(), "truncated to {len}");
        }
        // A whole, valid entry read under another key is not that key's.
        let other = CacheKey::of(&[b"step", b"other input"]);
        assert!(decode(&other, &bytes).is_none());
    }

    #[test]
    fn eviction_removes_the_least_recently_used_first() {
        let dir = std::env::temp_dir().join(format!("mvimg-cache-unit-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let blob = vec![7u8; 1000];
        let keys: Vec<CacheKey> = (0..4u8).map(|i| CacheKey::of(&[&[i]])).collect();
        let cache = ObjectCache::open(&dir, None).unwrap();
        for key in &keys {
            cache.put(key, &[&blob], Duration::from_millis(5));
        }
        // Used in the order 2, 0, 3, 1 (oldest first).
        let base = SystemTime::now() - Duration::from_secs(100);
        for (age, &i) in [2usize, 0, 3, 1].iter().enumerate() {
            let file = File::options()
                .append(true)
                .open(cache.entry_path(&keys[i]))
                .unwrap();
            file.set_modified(base + Duration::from_secs(age as u64))
                .unwrap();
        }
        let entry_size = fs::metadata(cache.entry_path(&keys[0])).unwrap().len();
        let limited = ObjectCache::open(&dir, Some(2 * entry_size)).unwrap();
        assert_eq!(limited.evict(), 2);
        let present: Vec<bool> = keys
            .iter()
            .map(|k| limited.entry_path(k).exists())
            .collect();
        assert_eq!(present, [false, true, false, true]);
        // A hit is a use: entry 3 now outlives entry 1.
        assert!(limited.get(&keys[3]).is_some());
        let tighter = ObjectCache::open(&dir, Some(entry_size)).unwrap();
        assert_eq!(tighter.evict(), 1);
        assert!(tighter.entry_path(&keys[3]).exists());
        assert!(!tighter.entry_path(&keys[1]).exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn keys_separate_their_parts() {
        assert_ne!(CacheKey::of(&[b"ab", b"c"]), CacheKey::of(&[b"a", b"bc"]));
        assert_eq!(CacheKey::of(&[b"ab"]).hex().len(), 64);
    }
}
