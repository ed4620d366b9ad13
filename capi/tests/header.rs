//! include/mvimg.h is cbindgen's rendering of src/lib.rs with cbindgen.toml:
//! this renders it again and requires the same text (`MVIMG_BLESS=1`
//! writes it instead).

use std::path::Path;

#[test]
fn header_is_cbindgens_rendering_of_the_source() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml");
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_src(dir.join("src").join("lib.rs"))
        .generate()
        .expect("cbindgen renders src/lib.rs");
    let mut rendered = Vec::new();
    bindings.write(&mut rendered);
    let rendered = String::from_utf8(rendered).expect("UTF-8");
    let header = dir.join("include").join("mvimg.h");
    if std::env::var_os("MVIMG_BLESS").is_some() {
        std::fs::write(&header, &rendered).expect("writing include/mvimg.h");
        return;
    }
    let committed = std::fs::read_to_string(&header).unwrap_or_default();
    assert!(
        committed == rendered,
        "include/mvimg.h is not cbindgen's rendering of src/lib.rs: run \
         `MVIMG_BLESS=1 cargo test -p mvimg-capi --test header` and commit it"
    );
    // Every function the library exports is declared.
    let source = std::fs::read_to_string(dir.join("src").join("lib.rs")).expect("lib.rs");
    for line in source.lines() {
        if let Some(rest) = line.split(" extern \"C\" fn ").nth(1) {
            let name = rest.split('(').next().unwrap_or_default();
            assert!(
                committed.contains(&format!("{name}(")),
                "{name} missing from the header"
            );
        }
    }
}
