//! Recorded x86 CPU data: a CPUID dump read from text, replayed through the same
//! detection as the live CPU. Two dump formats are read: AIDA64/InstLatx64
//! (`CPUID 00000007: EAX-EBX-ECX-EDX [SL 00]`, with or without sub-leaf tags) and
//! libcpuid's native one (`basic_cpuid[7]=eax ebx ecx edx`). Only the first
//! logical CPU of a dump is read. A dump is untrusted text: a malformed register
//! line is an error naming the line.

use std::collections::BTreeMap;

use crate::detect::Cpuid;
use crate::error::{DescriptionError, DescriptionFormat, Error};

/// A recorded CPUID dump.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CpuidDump {
    leaves: BTreeMap<(u32, u32), [u32; 4]>,
}

fn parse_error(line: usize, text: &str, expected: &str) -> Error {
    DescriptionError::at(DescriptionFormat::CpuidDump, line, text, expected)
}

fn hex(word: &str, line: usize, text: &str) -> Result<u32, Error> {
    u32::from_str_radix(word.trim(), 16)
        .map_err(|_| parse_error(line, text, "a hexadecimal 32-bit register value"))
}

impl CpuidDump {
    /// Reads a dump in either format.
    pub fn parse(text: &str) -> Result<CpuidDump, Error> {
        let mut dump = CpuidDump::default();
        // Repeated leaves in AIDA64 dumps without sub-leaf tags: the count so far.
        let mut repeats: BTreeMap<u32, u32> = BTreeMap::new();
        let mut cpus_seen = 0;
        for (number, raw) in text.lines().enumerate() {
            let line = raw.trim();
            let number = number + 1;
            // Expected-output blocks (libcpuid's test files) start after a rule of dashes.
            if line.len() >= 40 && line.bytes().all(|b| b == b'-') {
                break;
            }
            // `------[ Logical CPU #0 ]------` or `CPUID Registers (CPU #1):`.
            if line.contains("CPU #") {
                cpus_seen += 1;
                if cpus_seen > 1 {
                    break;
                }
                continue;
            }
            // Register lines start with an 8-digit leaf; AIDA64 also writes
            // `CPUID Manufacturer: ...` and other prose lines, which are skipped.
            let register_line = line.strip_prefix("CPUID ").filter(|rest| {
                rest.len() >= 8 && rest.as_bytes()[..8].iter().all(u8::is_ascii_hexdigit)
            });
            if let Some(rest) = register_line {
                dump.aida64_line(rest, number, line, &mut repeats)?;
            } else if let Some((key, value)) = line.split_once('=') {
                if dump.native_line(key.trim(), value, number, line)? {
                    cpus_seen = cpus_seen.max(1);
                }
            }
        }
        if dump.leaves.is_empty() {
            return Err(DescriptionError::whole(
                DescriptionFormat::CpuidDump,
                "CPUID register lines (`CPUID 00000000: ...` or `basic_cpuid[0]=...`); none found",
            ));
        }
        Ok(dump)
    }

    fn aida64_line(
        &mut self,
        rest: &str,
        number: usize,
        line: &str,
        repeats: &mut BTreeMap<u32, u32>,
    ) -> Result<(), Error> {
        // `CPUID 00000007: A-B-C-D`, and in some dumps `CPUID 00000007 <tab>A-B-C-D`.
        let end = rest
            .find(|c: char| c == ':' || c.is_whitespace())
            .ok_or_else(|| parse_error(number, line, "`CPUID LEAF: EAX-EBX-ECX-EDX`"))?;
        let leaf = hex(&rest[..end], number, line)?;
        let values = rest[end..].trim_start_matches(|c: char| c == ':' || c.is_whitespace());
        let mut words = values.split_whitespace();
        let registers = words.next().unwrap_or("");
        let regs: Vec<&str> = registers.split('-').collect();
        if regs.len() != 4 {
            return Err(parse_error(number, line, "four registers joined by `-`"));
        }
        let mut value = [0u32; 4];
        for (slot, word) in value.iter_mut().zip(&regs) {
            *slot = hex(word, number, line)?;
        }
        let tagged = values
            .split("[SL ")
            .nth(1)
            .and_then(|tail| tail.split(']').next())
            .map(|tag| hex(tag, number, line))
            .transpose()?;
        let subleaf = match tagged {
            Some(subleaf) => subleaf,
            None => {
                let seen = repeats.entry(leaf).or_insert(0);
                let subleaf = *seen;
                *seen += 1;
                // Without tags a repeated line is the next sub-leaf only for the
                // leaves that enumerate caches and topology; for every other leaf
                // (0xD among them) only the first line is trustworthy.
                if subleaf > 0 && !matches!(leaf, 4 | 0xb | 0x8000_001d) {
                    return Ok(());
                }
                subleaf
            }
        };
        self.leaves.entry((leaf, subleaf)).or_insert(value);
        Ok(())
    }

    /// Reads one `name[i]=a b c d` line; returns whether it was a register line.
    fn native_line(
        &mut self,
        key: &str,
        value: &str,
        number: usize,
        line: &str,
    ) -> Result<bool, Error> {
        let Some((name, index)) = key.strip_suffix(']').and_then(|k| k.split_once('[')) else {
            return Ok(false);
        };
        let Ok(index) = index.parse::<u32>() else {
            return Err(parse_error(number, line, "a decimal index in `name[i]`"));
        };
        let (leaf, subleaf) = match name {
            "basic_cpuid" => (index, 0),
            "ext_cpuid" => (0x8000_0000u32.wrapping_add(index), 0),
            "intel_fn4" => (4, index),
            "intel_fn11" => (0xb, index),
            "amd_fn8000001dh" => (0x8000_001d, index),
            _ => return Ok(false),
        };
        let words: Vec<&str> = value.split_whitespace().collect();
        if words.len() != 4 {
            return Err(parse_error(
                number,
                line,
                "four registers separated by spaces",
            ));
        }
        let mut regs = [0u32; 4];
        for (slot, word) in regs.iter_mut().zip(&words) {
            *slot = hex(word, number, line)?;
        }
        self.leaves.entry((leaf, subleaf)).or_insert(regs);
        Ok(true)
    }
}

impl Cpuid for CpuidDump {
    /// The recorded registers; a leaf the dump does not hold reads as zero.
    fn cpuid(&self, leaf: u32, subleaf: u32) -> [u32; 4] {
        self.leaves.get(&(leaf, subleaf)).copied().unwrap_or([0; 4])
    }

    /// Dumps do not record XCR0. When the OS enabled XSAVE (`CPUID.1:ECX[27]`) the
    /// replay assumes it enabled every state the CPU supports, as Linux does:
    /// XCR0 = `CPUID.(0xD,0):EDX:EAX`.
    fn xcr0(&self) -> Option<u64> {
        if self.cpuid(1, 0)[2] >> 27 & 1 == 0 {
            return None;
        }
        let state = self.cpuid(0xd, 0);
        Some(u64::from(state[3]) << 32 | u64::from(state[0]))
    }
}
