//! A description of a CPU that code will run on: its name and its features,
//! detected live or replayed from recorded data.

use serde::{Deserialize, Serialize};

use crate::aarch64::macos::Sysctls;
use crate::arch::Arch;
use crate::cpuinfo::CpuInfo;
use crate::detect::Cpuid;
use crate::error::Error;
use crate::feature::FeatureSet;
use crate::replay::CpuidDump;
use crate::width::VectorWidth;
use crate::x86_64::naming::Signature;
use crate::{aarch64, x86_64};

/// A host CPU: what `native` resolves to, and what matching compares targets with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Host {
    /// The CPU name: a CPU of the database (LLVM's name by LLVM's rules, else the
    /// best name the features allow).
    pub name: String,
    /// The features the host has, implications applied.
    pub features: FeatureSet,
    /// The features the detector looked at: those not in `features` are known to
    /// be absent; features outside `checked` are unknown.
    pub checked: FeatureSet,
    /// Where the description came from and how the name was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A host as `mvimg host` reports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostDescription {
    /// The architecture.
    pub arch: Arch,
    /// The CPU name.
    pub name: String,
    /// The widest vector registers.
    pub vector_width: VectorWidth,
    /// x86: the highest x86-64 micro-architecture level (`x86-64-v3`); AArch64:
    /// the highest Arm architecture version whose detectable features are all
    /// present (`v8.2a`).
    pub level: String,
    /// The features present (ISA features, implications applied), sorted.
    pub features: Vec<String>,
    /// How the host was detected and named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl std::fmt::Display for HostDescription {
    /// What `mvimg host` prints: name, architecture, level, vector width,
    /// how it was detected, the features.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "name          {}", self.name)?;
        writeln!(f, "arch          {}", self.arch)?;
        writeln!(f, "level         {}", self.level)?;
        writeln!(f, "vector width  {}", self.vector_width)?;
        if let Some(source) = &self.source {
            writeln!(f, "detected by   {source}")?;
        }
        writeln!(
            f,
            "features ({}) {}",
            self.features.len(),
            self.features.join(" ")
        )
    }
}

const X86_LEVELS: &[&str] = &["x86-64-v4", "x86-64-v3", "x86-64-v2"];

const ARM_VERSIONS: &[&str] = &[
    "v9.7a", "v9.6a", "v9.5a", "v9.4a", "v9.3a", "v9.2a", "v9.1a", "v9a", "v8.9a", "v8.8a",
    "v8.7a", "v8.6a", "v8.5a", "v8.4a", "v8.3a", "v8.2a", "v8.1a",
];

impl Host {
    /// The host's architecture.
    pub fn arch(&self) -> Arch {
        self.features.arch()
    }

    /// A host that is exactly the database CPU `cpu`: its ISA features, every
    /// detectable feature checked. How a cluster node is described by name.
    pub fn from_cpu(cpu: crate::Cpu) -> Host {
        let db = cpu.arch().database();
        Host {
            name: cpu.name().to_owned(),
            features: cpu.features().difference(&db.tuning()),
            checked: db.detectable(),
            source: Some(format!("the features of LLVM's CPU {}", cpu.name())),
        }
    }

    /// The host that is exactly `arch`'s database CPU `name`
    /// ([`Host::from_cpu`]), or an error naming the closest known CPU.
    pub fn named(arch: Arch, name: &str) -> Result<Host, Error> {
        let db = arch.database();
        let cpu = db.cpu(name).ok_or_else(|| Error::UnknownHostName {
            kind: crate::error::NameKind::Cpu,
            arch,
            name: name.to_owned(),
            suggestion: crate::suggest::closest(name, db.cpu_names()).map(str::to_owned),
            given_in: crate::error::GivenIn::Named,
        })?;
        Ok(Host::from_cpu(cpu))
    }

    /// The widest vector registers the host has.
    pub fn vector_width(&self) -> VectorWidth {
        VectorWidth::of(&self.features)
    }

    /// The host's level: x86-64 micro-architecture level or Arm architecture version.
    pub fn level(&self) -> String {
        let db = self.arch().database();
        let detectable = db.matched();
        let fits = |name: &str| -> bool {
            let needs = match self.arch() {
                Arch::X86_64 => db.cpu(name).map(|c| c.features()),
                Arch::Aarch64 => db.feature(name).map(|f| {
                    let mut version = FeatureSet::empty(Arch::Aarch64);
                    version.insert(f);
                    db.closure(&version)
                }),
            };
            needs.is_some_and(|n| n.intersection(&detectable).is_subset(&self.features))
        };
        let (levels, floor) = match self.arch() {
            Arch::X86_64 => (X86_LEVELS, "x86-64"),
            Arch::Aarch64 => (ARM_VERSIONS, "v8a"),
        };
        levels
            .iter()
            .find(|l| fits(l))
            .map_or(floor, |l| l)
            .to_owned()
    }

    /// The description `mvimg host` prints.
    pub fn describe(&self) -> HostDescription {
        let db = self.arch().database();
        let mut features: Vec<String> = self
            .features
            .difference(&db.tuning())
            .names()
            .into_iter()
            .map(str::to_owned)
            .collect();
        features.sort();
        HostDescription {
            arch: self.arch(),
            name: self.name.clone(),
            vector_width: self.vector_width(),
            level: self.level(),
            features,
            source: self.source.clone(),
        }
    }

    /// The CPU this process runs on: CPUID and XCR0 on x86_64; on AArch64 Linux the
    /// capability words of the auxiliary vector and the MIDR of every core; on
    /// macOS the `hw.optional` sysctls and `hw.cpufamily`.
    pub fn detect() -> Result<Host, Error> {
        #[cfg(target_arch = "x86_64")]
        {
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            let cpu = crate::detect::OnceCpuid::new(crate::detect::ProcessCpuid::new());
            #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
            let cpu = crate::detect::OnceCpuid::new(crate::detect::LiveCpuid);
            let mut host = Host::from_cpuid(&cpu);
            host.source = host.source.map(|s| format!("live {s}"));
            Ok(host)
        }
        #[cfg(all(target_arch = "aarch64", target_os = "macos"))]
        {
            Ok(Host::from_sysctls(&Sysctls::live()))
        }
        #[cfg(all(target_arch = "aarch64", target_os = "linux"))]
        {
            Ok(live_aarch64_linux())
        }
        #[cfg(not(any(
            target_arch = "x86_64",
            all(target_arch = "aarch64", any(target_os = "linux", target_os = "macos"))
        )))]
        {
            Err(Error::DetectionUnsupported {
                arch: std::env::consts::ARCH.to_owned(),
                os: std::env::consts::OS.to_owned(),
            })
        }
    }

    /// A host from CPUID results (the live CPU or a recorded dump).
    pub fn from_cpuid(cpu: &(impl Cpuid + ?Sized)) -> Host {
        let db = Arch::X86_64.database();
        let raw = crate::detect::x86_64_features(cpu);
        let signature = Signature::read(cpu);
        let (name, how) = x86_64::naming::host_cpu_name(signature.as_ref(), &raw);
        let source = match &signature {
            Some(s) => format!(
                "CPUID: {} family {:#x} model {:#x}; name by {}",
                s.vendor.name(),
                s.family,
                s.model,
                how.describe()
            ),
            None => format!("CPUID without leaf 1; name by {}", how.describe()),
        };
        Host {
            name: name.to_owned(),
            features: db.closure(&raw),
            checked: db.detectable(),
            source: Some(source),
        }
    }

    /// A host from a parsed cpuinfo text (x86 or AArch64).
    pub fn from_cpuinfo(info: &CpuInfo) -> Host {
        match info.x86_processor() {
            Some(first) => {
                let db = Arch::X86_64.database();
                let (raw, checked) = crate::cpuinfo::x86_64_features_from_flags(
                    first.features.iter().map(String::as_str),
                );
                let vendor = first.vendor.as_deref().unwrap_or("");
                let signature = Signature {
                    vendor: x86_64::naming::Vendor::from_name(vendor),
                    family: first.family.unwrap_or(0),
                    model: first.model.unwrap_or(0),
                    stepping: 0,
                };
                let (name, how) = x86_64::naming::host_cpu_name(Some(&signature), &raw);
                Host {
                    name: name.to_owned(),
                    features: db.closure(&raw),
                    checked,
                    source: Some(format!(
                        "cpuinfo: {vendor} family {:#x} model {:#x}; name by {}",
                        signature.family,
                        signature.model,
                        how.describe()
                    )),
                }
            }
            None => {
                let (hwcaps, _unknown) = info.hwcaps();
                let cores = info.core_summary();
                aarch64_host(&hwcaps, cores.as_ref(), "cpuinfo")
            }
        }
    }

    /// A host from macOS sysctl values.
    pub fn from_sysctls(sysctls: &Sysctls) -> Host {
        let (features, checked) = sysctls.features();
        let llvm = sysctls.llvm_name();
        let (name, how) = aarch64::naming::host_cpu_name(llvm, &features);
        Host {
            name: name.to_owned(),
            features,
            checked,
            source: Some(format!(
                "sysctl: hw.cpufamily {}; name by {}",
                sysctls
                    .get("hw.cpufamily")
                    .map_or("absent".to_owned(), |f| format!("{f:#x}")),
                match how {
                    aarch64::naming::NameSource::Midr => "LLVM's Apple CPU family rule",
                    aarch64::naming::NameSource::Features => "features",
                }
            )),
        }
    }

    /// A host from a recorded text: `mvimg host --json` output, a CPUID dump
    /// (AIDA64 or libcpuid format), a /proc/cpuinfo text (with optional
    /// `AT_HWCAP*` lines) or macOS `sysctl hw` output. `what` names the input
    /// in errors.
    pub fn from_text(text: &str, what: &str) -> Result<Host, Error> {
        // Errors of the readers name the input.
        let with_input = |e: Error| match e {
            Error::Description(mut d) => {
                d.input = Some(what.to_owned());
                Error::Description(d)
            }
            Error::UnknownHostName {
                kind,
                arch,
                name,
                suggestion,
                given_in: crate::error::GivenIn::HostJson(None),
            } => Error::UnknownHostName {
                kind,
                arch,
                name,
                suggestion,
                given_in: crate::error::GivenIn::HostJson(Some(what.to_owned())),
            },
            other => other,
        };
        if text.trim_start().starts_with('{') {
            let described: HostDescription = serde_json::from_str(text).map_err(|e| {
                with_input(Error::Description(Box::new(
                    crate::error::DescriptionError {
                        input: None,
                        format: crate::error::DescriptionFormat::HostJson,
                        line: Some(e.line()),
                        expected: format!("`mvimg host --json` output ({e})"),
                        found: None,
                    },
                )))
            })?;
            let mut host = Host::from_description(&described).map_err(with_input)?;
            host.source = Some(format!(
                "{what}: `mvimg host --json` ({})",
                described.source.as_deref().unwrap_or("source not recorded")
            ));
            return Ok(host);
        }
        let looks_like_dump = text.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with("CPUID 0") || l.starts_with("basic_cpuid[")
        });
        let mut host = if looks_like_dump {
            Host::from_cpuid(&CpuidDump::parse(text).map_err(with_input)?)
        } else if text.lines().any(|l| l.trim_start().starts_with("hw.")) {
            Host::from_sysctls(&Sysctls::parse(text).map_err(with_input)?)
        } else {
            Host::from_cpuinfo(&CpuInfo::parse(text).map_err(with_input)?)
        };
        host.source = host.source.map(|s| format!("{what}: {s}"));
        Ok(host)
    }

    /// The host a [`HostDescription`] (`mvimg host --json`) stands for: its
    /// features with their implications, every detectable feature checked.
    pub fn from_description(d: &HostDescription) -> Result<Host, Error> {
        let db = d.arch.database();
        let mut features = FeatureSet::empty(d.arch);
        for name in &d.features {
            let feature = db.feature(name).ok_or_else(|| Error::UnknownHostName {
                kind: crate::error::NameKind::Feature,
                arch: d.arch,
                name: name.clone(),
                suggestion: crate::suggest::closest(name, db.features().map(|f| f.name()))
                    .map(str::to_owned),
                given_in: crate::error::GivenIn::HostJson(None),
            })?;
            features.insert(feature);
        }
        Ok(Host {
            name: d.name.clone(),
            features: db.closure(&features),
            checked: db.detectable(),
            source: d.source.clone(),
        })
    }

    /// A host from LLVM's own report: `sys::getHostCPUName` and the
    /// `+feat,-feat,...` string of `sys::getHostCPUFeatures`. Every feature named
    /// in the string counts as checked.
    pub fn from_llvm_report(arch: Arch, name: &str, features: &str) -> Result<Host, Error> {
        let db = arch.database();
        let mut present = FeatureSet::empty(arch);
        let mut checked = FeatureSet::empty(arch);
        for item in features.split(',').filter(|s| !s.is_empty()) {
            let (enabled, feature_name) = match item.split_at_checked(1) {
                Some(("+", rest)) => (true, rest),
                Some(("-", rest)) => (false, rest),
                _ => {
                    return Err(Error::Description(Box::new(
                        crate::error::DescriptionError {
                            input: None,
                            format: crate::error::DescriptionFormat::LlvmReport,
                            line: None,
                            expected: "items of the form +feature or -feature".into(),
                            found: Some(item.to_owned()),
                        },
                    )))
                }
            };
            let feature = db
                .feature(feature_name)
                .ok_or_else(|| Error::UnknownHostName {
                    kind: crate::error::NameKind::Feature,
                    arch,
                    name: feature_name.to_owned(),
                    suggestion: None,
                    given_in: crate::error::GivenIn::LlvmReport,
                })?;
            checked.insert(feature);
            if enabled {
                present.insert(feature);
            }
        }
        Ok(Host {
            name: name.to_owned(),
            features: db.closure(&present),
            checked,
            source: Some("LLVM's getHostCPUName and getHostCPUFeatures".into()),
        })
    }
}

/// An AArch64 host from capability words and, when known, the cores' MIDRs.
pub(crate) fn aarch64_host(
    hwcaps: &crate::cpuinfo::Hwcaps,
    cores: Option<&aarch64::naming::CoreSummary>,
    what: &str,
) -> Host {
    let db = Arch::Aarch64.database();
    let raw = crate::cpuinfo::aarch64_features(hwcaps);
    let llvm = cores.map(aarch64::naming::llvm_name);
    let (name, how) = aarch64::naming::host_cpu_name(llvm, &raw);
    let cores_text = match cores {
        Some(c) => format!(
            "implementer {:#04x} part {:#05x} ({} distinct part{})",
            c.implementer,
            c.part,
            c.parts.len(),
            if c.parts.len() == 1 { "" } else { "s" }
        ),
        None => "no MIDR".to_owned(),
    };
    Host {
        name: name.to_owned(),
        features: db.closure(&raw),
        checked: db.detectable(),
        source: Some(format!(
            "{what}: HWCAP, {cores_text}; name by {}",
            match how {
                aarch64::naming::NameSource::Midr => "LLVM's MIDR rules",
                aarch64::naming::NameSource::Features => "features",
            }
        )),
    }
}

/// The live AArch64 Linux host: auxiliary-vector capabilities; MIDRs from sysfs,
/// else from /proc/cpuinfo.
#[cfg(all(target_arch = "aarch64", target_os = "linux"))]
fn live_aarch64_linux() -> Host {
    use crate::aarch64::naming::{CoreSummary, Midr};
    let hwcaps = crate::cpuinfo::Hwcaps::live();
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| CpuInfo::parse(&t).ok());
    let hardware = cpuinfo
        .as_ref()
        .map_or(String::new(), |i| i.hardware.clone());
    let mut midrs = Vec::new();
    for cpu in 0.. {
        let path = format!("/sys/devices/system/cpu/cpu{cpu}/regs/identification/midr_el1");
        let Ok(text) = std::fs::read_to_string(&path) else {
            break;
        };
        let text = text.trim();
        if let Ok(v) = u64::from_str_radix(text.trim_start_matches("0x"), 16) {
            midrs.push(Midr::from_raw(v));
        }
    }
    let cores = if midrs.is_empty() {
        cpuinfo.as_ref().and_then(CpuInfo::core_summary)
    } else {
        CoreSummary::from_midrs(&midrs, &hardware)
    };
    aarch64_host(&hwcaps, cores.as_ref(), "live")
}

impl x86_64::naming::NameSource {
    fn describe(self) -> &'static str {
        match self {
            x86_64::naming::NameSource::FamilyModel => "LLVM's family/model rules",
            x86_64::naming::NameSource::Hygon => "the Hygon Dhyana rule (znver1)",
            x86_64::naming::NameSource::Features => "features",
        }
    }
}
