//! A fatal LLD error (a corrupt object) in its own process: LLD reports that it
//! cannot run again, the error comes back as a value, the destination is
//! untouched, and later links of the process run the LLD executable.

mod common;

use common::{compile, scratch};
use mvimg_cpu::Platform;
use mvimg_link::{in_process_poisoned, LinkError, LinkJob};

#[test]
fn corrupt_object_poisons_in_process_lld_and_links_go_on() {
    let dir = scratch("poison");
    let good = compile(
        "int mvimg_add(int a, int b) { return a + b; }\n",
        "x86_64-unknown-linux-gnu",
        &dir,
        "lib",
    );
    let target: Platform = "x86_64-unknown-linux-gnu".parse().unwrap();
    // A corrupt object: a valid ELF header, truncated.
    let bytes = std::fs::read(&good).unwrap();
    let corrupt = dir.join("corrupt.o");
    std::fs::write(&corrupt, &bytes[..100]).unwrap();
    let dest = dir.join("libcorrupt.so");
    std::fs::write(&dest, b"previous content").unwrap();
    let err = LinkJob::new(target.clone(), vec![corrupt], &dest)
        .link()
        .unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, LinkError::Lld { .. }), "{text}");
    assert!(
        text.contains("corrupt.o"),
        "LLD's diagnostic names the file: {text}"
    );
    assert_eq!(
        std::fs::read(&dest).unwrap(),
        b"previous content",
        "destination untouched"
    );
    println!("{text}");
    // This corruption is one of LLD's fatal errors: the in-process driver must
    // not be entered again.
    assert!(
        matches!(
            err,
            LinkError::Lld {
                can_run_again: false,
                ..
            }
        ),
        "a truncated section header table is fatal in LLD: {text}"
    );
    assert!(in_process_poisoned(), "the process remembers it");
    let out = LinkJob::new(target, vec![good], dir.join("libafter.so"))
        .link()
        .unwrap();
    assert!(
        !out.lld.in_process,
        "after a fatal error, links run the LLD executable"
    );
    let image = std::fs::read(&out.output).unwrap();
    assert_eq!(&image[..4], b"\x7fELF", "the subprocess wrote an ELF image");
    assert_eq!(image[16], 3, "ET_DYN");
}
