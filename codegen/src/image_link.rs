//! What an image links besides its own code ([`ImageLink`]: a link's
//! [`LinkSpec`], objects given as bytes, the base image) and the link job
//! it makes for a platform: checked before a build ([`check_link`]) and
//! linked after it (`Built::link`, output.rs).

use std::path::{Path, PathBuf};

use mvimg_cpu::Os;
use mvimg_link::{LinkInput, LinkJob, LinkSpec};

use crate::Error;

/// What an image links besides its own code, by meaning: the link's
/// [`LinkSpec`] (its undefined-symbol policy `None`: fail when the
/// toolchain runtime is linked on ELF, as PE always does, else the
/// flavor's default), objects given as bytes, and the base image.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImageLink {
    /// Inputs, search paths, rpaths, data exports besides the image's own,
    /// raw arguments, the undefined-symbol policy, the import library to
    /// write: as every link takes them.
    pub spec: LinkSpec,
    /// Object files given as bytes (a serialized heap, a table built in
    /// memory), written beside the image's objects at link time and linked
    /// right after them.
    pub object_bytes: Vec<ObjectBytes>,
    /// The base image this one is layered on (a package image on a system
    /// image): the image links against it (ELF `DT_NEEDED`, Mach-O
    /// `LC_LOAD_DYLIB`; Windows through `base_import_library`) and records
    /// its name and content hash.
    pub base: Option<PathBuf>,
    /// Windows: the base image's import library (written by building the
    /// base with an import library).
    pub base_import_library: Option<PathBuf>,
}

/// An object file given as bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectBytes {
    /// The object's file name (`heap.o`).
    pub name: String,
    /// The object file.
    pub bytes: Vec<u8>,
}

/// The link job of an image with the settings `link` for `platform`:
/// `objects`, the objects given as bytes (written at `extra`, in order; left
/// out when `extra` is `None`: a check before anything is built), the base
/// image, then the link's own inputs.
pub(crate) fn image_job(
    platform: &mvimg_cpu::Platform,
    link: &ImageLink,
    runtime: bool,
    mut objects: Vec<PathBuf>,
    extra: Option<&[PathBuf]>,
    output: &Path,
) -> Result<LinkJob, Error> {
    if let Some(files) = extra {
        if let Some(missing) = link.object_bytes.get(files.len()) {
            return Err(Error::Input {
                path: PathBuf::from(&missing.name),
                message: "no file was written for this object".into(),
            });
        }
        objects.extend(files.iter().cloned());
    }
    if let (Some(implib), false) = (&link.base_import_library, platform.os == Os::Windows) {
        return Err(Error::Setting {
            setting: "base_import_library",
            value: implib.display().to_string(),
            expected: "given only for a Windows image (an ELF or Mach-O image links its \
                       base itself)",
        });
    }
    // The objects, then the base before the link's inputs: the package's
    // calls to it bind to its exports.
    let mut front: Vec<LinkInput> = objects.into_iter().map(LinkInput::Object).collect();
    if let Some(base) = &link.base {
        let file = match platform.os {
            Os::Windows => link
                .base_import_library
                .clone()
                .ok_or_else(|| Error::BaseImportLibrary { base: base.clone() })?,
            _ => base.clone(),
        };
        front.push(LinkInput::LibraryFile(file));
    }
    let mut job = LinkJob::new(platform.clone(), Vec::new(), output);
    job.spec = link.spec.clone();
    job.spec.inputs.splice(0..0, front);
    // The image's init defines its own DLL entry point, which applies
    // runtime pseudo-relocations.
    job.options.dll_entry_stub = false;
    job.link_as_image(runtime).map_err(Error::Link)?;
    Ok(job)
}

/// Checks the link settings of an image for `platform` before it is built
/// (a build can take minutes): every option applies to the platform
/// (no rpath for a DLL, no import library for an ELF image...), every
/// library is found and every file given exists.
pub(crate) fn check_link(
    platform: &mvimg_cpu::Platform,
    link: &ImageLink,
    runtime: bool,
) -> Result<(), Error> {
    let job = image_job(
        platform,
        link,
        runtime,
        Vec::new(),
        None,
        Path::new("image"),
    )?;
    job.check_settings().map_err(Error::Link)
}
