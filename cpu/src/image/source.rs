//! Bytes read at offsets: from a buffer in memory (a mapped or read file, a
//! loaded image), or from a file a block at a time, so that a loader that
//! needs a few hundred bytes of a large image reads a few blocks of it
//! (a `pread` each) instead of touching mapped pages (a page fault each, a
//! trap to the hypervisor in a virtual machine).

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::Path;

/// Bytes that can be read at offsets. Every offset and length comes from
/// untrusted data: a read that is not wholly inside is `None`.
pub(crate) trait Source {
    /// How many bytes there are.
    fn size(&self) -> u64;

    /// The `len` bytes at `at`, or `None` when they are not all inside (or,
    /// for a file, cannot be read).
    fn read(&self, at: u64, len: u64) -> Option<Cow<'_, [u8]>>;

    /// The little-endian word at `at`.
    fn u32_at(&self, at: u64) -> Option<u32> {
        let b = self.read(at, 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// The little-endian double word at `at`.
    fn u64_at(&self, at: u64) -> Option<u64> {
        let b = self.read(at, 8)?;
        Some(u64::from_le_bytes(b[..8].try_into().expect("8 bytes")))
    }

    /// The bytes from `at` up to the first NUL (not included), at most
    /// `limit` of them; `None` when no NUL comes first.
    fn c_string(&self, at: u64, limit: u64) -> Option<Vec<u8>> {
        let mut text = Vec::new();
        let mut next = at;
        while (text.len() as u64) < limit {
            let chunk = 64.min(self.size().checked_sub(next)?);
            if chunk == 0 {
                return None;
            }
            let bytes = self.read(next, chunk)?;
            match bytes.iter().position(|&b| b == 0) {
                Some(end) => {
                    text.extend_from_slice(&bytes[..end]);
                    return (text.len() as u64 <= limit).then_some(text);
                }
                None => text.extend_from_slice(&bytes),
            }
            next += chunk;
        }
        None
    }
}

impl Source for [u8] {
    fn size(&self) -> u64 {
        self.len() as u64
    }

    fn read(&self, at: u64, len: u64) -> Option<Cow<'_, [u8]>> {
        let start = usize::try_from(at).ok()?;
        let end = start.checked_add(usize::try_from(len).ok()?)?;
        self.get(start..end).map(Cow::Borrowed)
    }
}

/// The part of a source from `start`, `len` bytes long, read at offsets
/// from its start.
pub(crate) struct Window<'a, S: Source + ?Sized> {
    pub(crate) source: &'a S,
    pub(crate) start: u64,
    pub(crate) len: u64,
}

impl<S: Source + ?Sized> Source for Window<'_, S> {
    fn size(&self) -> u64 {
        self.len
    }

    fn read(&self, at: u64, len: u64) -> Option<Cow<'_, [u8]>> {
        if at.checked_add(len)? > self.len {
            return None;
        }
        self.source.read(self.start.checked_add(at)?, len)
    }
}

/// A file read a block at a time (`pread`), each block once, when a read
/// first needs it.
pub(crate) struct BlockFile {
    file: std::fs::File,
    size: u64,
    blocks: RefCell<Vec<(u64, Box<[u8]>)>>,
}

impl BlockFile {
    const BLOCK: u64 = 4096;

    /// The regular file at `path`, opened; nothing is read yet.
    pub(crate) fn open(path: &Path) -> std::io::Result<BlockFile> {
        let file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a regular file",
            ));
        }
        Ok(BlockFile {
            file,
            size: meta.len(),
            blocks: RefCell::new(Vec::new()),
        })
    }

    /// Copies the bytes of block `k` that `[at, end)` covers into `out`.
    fn copy_from_block(&self, k: u64, at: u64, end: u64, out: &mut Vec<u8>) -> Option<()> {
        let block_start = k * Self::BLOCK;
        let mut blocks = self.blocks.borrow_mut();
        let index = match blocks.iter().position(|(start, _)| *start == block_start) {
            Some(index) => index,
            None => {
                let len = Self::BLOCK.min(self.size - block_start) as usize;
                let mut block = vec![0u8; len].into_boxed_slice();
                read_exact_at(&self.file, &mut block, block_start).ok()?;
                blocks.push((block_start, block));
                blocks.len() - 1
            }
        };
        let block = &blocks[index].1;
        let from = (at.max(block_start) - block_start) as usize;
        let to = (end.min(block_start + Self::BLOCK) - block_start) as usize;
        out.extend_from_slice(block.get(from..to)?);
        Some(())
    }
}

/// Fills `buf` from `file` at `offset` without moving the file's position.
#[cfg(unix)]
fn read_exact_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &std::fs::File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

impl Source for BlockFile {
    fn size(&self) -> u64 {
        self.size
    }

    fn read(&self, at: u64, len: u64) -> Option<Cow<'_, [u8]>> {
        let end = at.checked_add(len)?;
        if end > self.size {
            return None;
        }
        let mut out = Vec::with_capacity(usize::try_from(len).ok()?);
        if len > 2 * Self::BLOCK {
            // Read once, in one call, not kept.
            out.resize(len as usize, 0);
            read_exact_at(&self.file, &mut out, at).ok()?;
        } else if len > 0 {
            for k in at / Self::BLOCK..=(end - 1) / Self::BLOCK {
                self.copy_from_block(k, at, end, &mut out)?;
            }
        }
        Some(Cow::Owned(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_file_reads_what_the_bytes_say() {
        let dir = std::env::temp_dir().join(format!("mvimg-blockfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("f");
        let bytes: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        let file = BlockFile::open(&path).unwrap();
        assert_eq!(file.size(), 10_000);
        for (at, len) in [
            (0, 4),
            (4090, 12),
            (4096, 4096),
            (8000, 2000),
            (9999, 1),
            (0, 10_000),
            (5, 0),
        ] {
            assert_eq!(
                file.read(at, len).as_deref(),
                bytes.read(at, len).as_deref(),
                "{at}+{len}"
            );
        }
        for (at, len) in [(9999, 2), (10_001, 0), (u64::MAX, 2)] {
            assert!(
                file.read(at, len).is_none() && bytes.read(at, len).is_none(),
                "{at}+{len}"
            );
        }
        let window = Window {
            source: &file,
            start: 4000,
            len: 200,
        };
        assert_eq!(
            window.read(190, 10).as_deref(),
            bytes.read(4190, 10).as_deref()
        );
        assert!(window.read(195, 10).is_none());
        std::fs::write(&path, b"abc\0def").unwrap();
        let file = BlockFile::open(&path).unwrap();
        assert_eq!(file.c_string(0, 10).unwrap(), b"abc");
        assert_eq!(file.c_string(1, 2).unwrap(), b"bc");
        assert!(file.c_string(0, 2).is_none());
        assert!(file.c_string(4, 10).is_none(), "no NUL before the end");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
