//! What reading an image needs of a 64-bit little-endian ELF file, read
//! from any [`Source`] without walking a symbol table: its section
//! headers, where an address lies in the file, and the address of an
//! exported symbol found through the GNU hash table (as the dynamic loader
//! finds it: a few small reads whatever the number of symbols).

use crate::image::source::{Source, Window};
use object::elf::{SHT_DYNSYM, SHT_GNU_HASH, SHT_NOBITS, SHT_STRTAB};

/// One section header: the fields used here.
#[derive(Clone, Copy, Debug)]
struct Section {
    kind: u32,
    address: u64,
    offset: u64,
    size: u64,
    link: u32,
}

/// An exported symbol found in a file ([`ElfSections::find`]).
pub(crate) struct Found {
    pub(crate) address: u64,
    pub(crate) size: u64,
    pub(crate) offset: u64,
    pub(crate) to_section_end: u64,
}

/// The section headers of a 64-bit little-endian ELF file.
pub(crate) struct ElfSections {
    sections: Vec<Section>,
}

/// Bytes of an ELF64 section header and of a symbol.
const SECTION_HEADER: u64 = 64;
const SYMBOL: u64 = 24;

impl ElfSections {
    /// The section headers of `file`; `None` when it is not a 64-bit
    /// little-endian ELF file or its section headers are not all there.
    pub(crate) fn read<S: Source + ?Sized>(file: &S) -> Option<ElfSections> {
        let ident = file.read(0, 6)?;
        if ident[..4] != *b"\x7fELF" || ident[4] != 2 || ident[5] != 1 {
            return None;
        }
        let shoff = file.u64_at(0x28)?;
        let header = file.read(0x3a, 4)?;
        let (entsize, mut count) = (
            u16::from_le_bytes([header[0], header[1]]),
            u64::from(u16::from_le_bytes([header[2], header[3]])),
        );
        if shoff == 0 || u64::from(entsize) != SECTION_HEADER {
            return None;
        }
        if count == 0 {
            // More sections than e_shnum holds: section 0's sh_size says.
            count = file.u64_at(shoff + 32)?;
        }
        if count.checked_mul(SECTION_HEADER)? > file.size() {
            return None;
        }
        let table = file.read(shoff, count * SECTION_HEADER)?;
        let field64 = |h: &[u8], at: usize| u64::from_le_bytes(h[at..at + 8].try_into().unwrap());
        let field32 = |h: &[u8], at: usize| u32::from_le_bytes(h[at..at + 4].try_into().unwrap());
        let sections = table
            .chunks_exact(SECTION_HEADER as usize)
            .map(|h| Section {
                kind: field32(h, 4),
                address: field64(h, 16),
                offset: field64(h, 24),
                size: field64(h, 32),
                link: field32(h, 40),
            })
            .collect();
        Some(ElfSections { sections })
    }

    /// Where the bytes at `address` are in the file: their offset, and how
    /// many bytes there are from it to the end of the section holding them.
    pub(crate) fn file_range(&self, address: u64) -> Option<(u64, u64)> {
        let s = self.sections.iter().find(|s| {
            s.kind != SHT_NOBITS
                && s.address != 0
                && s.address <= address
                && address < s.address.saturating_add(s.size)
        })?;
        let into = address - s.address;
        Some((s.offset.checked_add(into)?, s.size - into))
    }

    /// `name`, exported ([`ElfSections::exported`]): its address, its
    /// symbol's size (0 when not recorded), and where its bytes are in the
    /// file ([`ElfSections::file_range`]: their offset and the bytes from
    /// there to the end of their section).
    pub(crate) fn find<S: Source + ?Sized>(&self, file: &S, name: &str) -> Option<Found> {
        let (address, size) = self.exported(file, name)?;
        let (offset, to_section_end) = self.file_range(address)?;
        Some(Found {
            address,
            size,
            offset,
            to_section_end,
        })
    }

    /// The address and size (0 when not recorded) of `name`, defined and
    /// exported, found through the GNU hash table; `None` when there is no
    /// such table or no such symbol.
    pub(crate) fn exported<S: Source + ?Sized>(&self, file: &S, name: &str) -> Option<(u64, u64)> {
        let hash_section = self.sections.iter().find(|s| s.kind == SHT_GNU_HASH)?;
        let symbols = self.sections.get(hash_section.link as usize)?;
        let strings = self.sections.get(symbols.link as usize)?;
        if symbols.kind != SHT_DYNSYM || strings.kind != SHT_STRTAB {
            return None;
        }
        let hash_table = Window {
            source: file,
            start: hash_section.offset,
            len: hash_section.size,
        };
        let header = hash_table.read(0, 16)?;
        let word = |k: usize| u32::from_le_bytes(header[k * 4..k * 4 + 4].try_into().unwrap());
        let (buckets, first_symbol, bloom_words, shift) = (word(0), word(1), word(2), word(3));
        if buckets == 0 || bloom_words == 0 {
            return None;
        }
        let wanted = name.as_bytes();
        let h = object::elf::gnu_hash(wanted);
        // The Bloom filter: two bits of the hash must be set.
        let bloom = hash_table.u64_at(16 + 8 * u64::from((h / 64) % bloom_words))?;
        let mask = 1u64 << (h % 64) | 1u64 << ((h >> (shift % 32)) % 64);
        if bloom & mask != mask {
            return None;
        }
        let buckets_at = 16 + 8 * u64::from(bloom_words);
        let chains_at = buckets_at + 4 * u64::from(buckets);
        let mut index = hash_table.u32_at(buckets_at + 4 * u64::from(h % buckets))?;
        if index < first_symbol {
            return None;
        }
        // A chain ends with a hash whose low bit is set; a damaged one ends
        // at the end of the symbols.
        let symbol_count = symbols.size / SYMBOL;
        while u64::from(index) < symbol_count {
            let chained = hash_table.u32_at(chains_at + 4 * u64::from(index - first_symbol))?;
            if chained | 1 == h | 1 {
                let symbol = file.read(symbols.offset + u64::from(index) * SYMBOL, SYMBOL)?;
                let name_at = u64::from(u32::from_le_bytes(symbol[0..4].try_into().unwrap()));
                let section_index = u16::from_le_bytes([symbol[6], symbol[7]]);
                let value = u64::from_le_bytes(symbol[8..16].try_into().unwrap());
                let size = u64::from_le_bytes(symbol[16..24].try_into().unwrap());
                let names = Window {
                    source: file,
                    start: strings.offset,
                    len: strings.size,
                };
                let found = names.c_string(name_at, wanted.len() as u64);
                if section_index != 0 && found.as_deref() == Some(wanted) {
                    return Some((value, size));
                }
            }
            if chained & 1 == 1 {
                return None;
            }
            index += 1;
        }
        None
    }
}
