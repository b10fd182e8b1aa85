//! A cache directory whose files hold any bytes (the file index, a stored
//! report, a pack) is survived: reading it never panics, and damage reads
//! as "nothing stored", never as a wrong answer.
#![no_main]

use crosscheck_pipeline::{identify_unchanged, Cache, Input, RunOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let root = dir.path();
    let write = |rel: &str| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, data).unwrap();
    };
    write("files.idx");
    write("reports/0000000000000001.json");
    write("packs/0.pack");
    let cache = Cache::new(root);
    if let Some(mut stored) = cache.stored_report(1, "json") {
        // Only a sound rendering is handed out, and it copies whole.
        let mut out = Vec::new();
        stored.copy_to(&mut out).unwrap();
        assert!(out.len() < data.len());
    }
    let _ = cache.get_claims(0, &Default::default());
    let options = RunOptions {
        cache: Some(cache),
        ..Default::default()
    };
    let inputs = [Input::File {
        path: root.join("files.idx"),
        name: "files.idx".into(),
    }];
    let _ = identify_unchanged(&inputs, &options);
});
