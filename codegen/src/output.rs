//! Writing what a build produced: one object, or the image linked by
//! mvimg-link from the build's objects and what [`ImageLink`] adds.

use std::path::{Path, PathBuf};

use mvimg_link::LinkJob;

use crate::image_link::image_job;
use crate::pipeline::Built;
use crate::Error;

/// Checks, before anything is built, that a file can be written at `path`
/// without creating directories or losing data: its directory exists, it is
/// not a directory itself (nor written as one, with a trailing separator),
/// and it is none of `inputs` (the same file under another name included).
pub fn check_destination(path: &Path, inputs: &[PathBuf]) -> Result<(), Error> {
    let refuse = |problem: String| Error::Destination {
        path: path.to_path_buf(),
        problem,
    };
    let text = path.as_os_str().to_string_lossy();
    if text.ends_with(std::path::MAIN_SEPARATOR) || text.ends_with('/') || path.is_dir() {
        return Err(refuse(
            "it is a directory; name the file to write (for example `-o dir/libname.so`)".into(),
        ));
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !parent.is_dir() {
        return Err(refuse(format!(
            "the directory {} does not exist; create it first (mvimg creates no directories)",
            parent.display()
        )));
    }
    // The file a path names, whether or not it exists yet.
    let resolved = |p: &Path| -> Option<PathBuf> {
        std::fs::canonicalize(p).ok().or_else(|| {
            let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
            let dir = std::fs::canonicalize(parent.unwrap_or(Path::new("."))).ok()?;
            Some(dir.join(p.file_name()?))
        })
    };
    if let Some(target) = resolved(path) {
        for input in inputs {
            if resolved(input).is_some_and(|i| i == target) {
                return Err(refuse(format!(
                    "it is {}, which the build reads or writes too; write elsewhere",
                    input.display()
                )));
            }
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` through a file beside it, renamed into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let scratch = path.with_file_name(format!(".{name}.mvimg-{}", std::process::id()));
    let io = |action: String| move |source| Error::Io { action, source };
    std::fs::write(&scratch, bytes).map_err(io(format!("writing {}", scratch.display())))?;
    std::fs::rename(&scratch, path).map_err(|e| {
        let _ = std::fs::remove_file(&scratch);
        Error::Io {
            action: format!("moving {} to {}", scratch.display(), path.display()),
            source: e,
        }
    })
}

/// Links the built objects into a shared library at `output`
/// ([`Built::link`]).
pub fn link_image(built: &Built, output: &Path) -> Result<mvimg_link::LinkOutput, Error> {
    built.link(output)
}

impl Built {
    /// The link job of the image, with the build's objects at `objects` and
    /// the objects given as bytes ([`crate::ImageLink::object_bytes`]) at `extra`
    /// (in order).
    pub fn link_job(
        &self,
        objects: Vec<PathBuf>,
        extra: &[PathBuf],
        output: &Path,
    ) -> Result<LinkJob, Error> {
        let mut job = image_job(
            &self.platform,
            &self.link,
            self.runtime,
            objects,
            Some(extra),
            output,
        )?;
        job.exports = self
            .exports
            .iter()
            .filter(|e| !self.data_exports.contains(e))
            .cloned()
            .collect();
        // The image's data exports, then the link's own not among them.
        let mut data = self.data_exports.clone();
        data.extend(
            job.spec
                .export_data
                .drain(..)
                .filter(|s| !self.data_exports.contains(s)),
        );
        job.spec.export_data = data;
        Ok(job)
    }

    /// Links the image at `output` with mvimg-link: the objects (and the
    /// objects given as bytes) are written to a scratch directory beside
    /// `output`, removed afterwards; nothing appears at `output` unless the
    /// link succeeds.
    pub fn link(&self, output: &Path) -> Result<mvimg_link::LinkOutput, Error> {
        check_destination(output, &[])?;
        let io = |action: String| move |source| Error::Io { action, source };
        let scratch_dir = mvimg_link::Scratch::beside(output, "objects").map_err(io(format!(
            "creating a scratch directory beside {}",
            output.display()
        )))?;
        let scratch = scratch_dir.path();
        let result = (|| {
            let mut objects = Vec::new();
            for (i, bytes) in self.objects.iter().enumerate() {
                let path = scratch.join(format!("part{i}.o"));
                std::fs::write(&path, bytes).map_err(io(format!("writing {}", path.display())))?;
                objects.push(path);
            }
            let mut extra = Vec::new();
            for (i, object) in self.link.object_bytes.iter().enumerate() {
                let (name, bytes) = (&object.name, &object.bytes);
                let plain = Path::new(name).file_name() == Some(std::ffi::OsStr::new(name));
                if !plain {
                    return Err(Error::Input {
                        path: PathBuf::from(name),
                        message: "an object given as bytes needs a plain file name (`heap.o`)"
                            .into(),
                    });
                }
                let sub = scratch.join(format!("in{i}"));
                std::fs::create_dir_all(&sub).map_err(io(format!("creating {}", sub.display())))?;
                let path = sub.join(name);
                std::fs::write(&path, bytes).map_err(io(format!("writing {}", path.display())))?;
                extra.push(path);
            }
            let job = self.link_job(objects, &extra, output)?;
            job.link().map_err(|e| match e.undefined_symbols() {
                symbols if symbols.is_empty() => Error::Link(e),
                symbols => Error::Undefined {
                    symbols,
                    runtime: !job.runtime.is_empty(),
                    os: self.platform.os,
                    link: e,
                },
            })
        })();
        drop(scratch_dir);
        result
    }
}
