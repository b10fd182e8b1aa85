//! Input collection and loading: folders, filters, and the bad inputs
//! people actually have.

use crosscheck_pipeline::{
    analyze_text, collect_inputs, load_document_with, run, Cache, Document, Input, InputFilter,
    RunOptions,
};
use std::fs;
use std::path::Path;

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

fn names(inputs: &[Input]) -> Vec<String> {
    inputs.iter().map(|i| i.name().to_string()).collect()
}

#[test]
fn folders_are_walked_in_order_with_filters_hidden_and_gitignore() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write(root, "b.txt", b"b");
    write(root, "a.md", b"a");
    write(root, "sub/c.html", b"c");
    write(root, "sub/d.htm", b"d");
    write(root, "sub/e.pdf", b"e");
    write(root, ".hidden.txt", b"h");
    write(root, "ignored/x.txt", b"x");
    write(root, ".gitignore", b"ignored/\n");
    let r = root.to_string_lossy().into_owned();
    let (inputs, errors) =
        collect_inputs(std::slice::from_ref(&r), &InputFilter::default()).unwrap();
    assert!(errors.is_empty());
    let rel: Vec<String> = names(&inputs)
        .iter()
        .map(|n| {
            n.strip_prefix(&r)
                .unwrap()
                .trim_start_matches('/')
                .to_string()
        })
        .collect();
    assert_eq!(rel, ["a.md", "b.txt", "sub/c.html", "sub/d.htm"]);

    let filter = InputFilter {
        include: vec!["*.pdf".into(), "*.txt".into()],
        exclude: vec!["b.*".into()],
        no_ignore: true,
    };
    let (inputs, _) = collect_inputs(std::slice::from_ref(&r), &filter).unwrap();
    let rel: Vec<String> = names(&inputs)
        .iter()
        .map(|n| {
            n.strip_prefix(&r)
                .unwrap()
                .trim_start_matches('/')
                .to_string()
        })
        .collect();
    assert_eq!(rel, [".hidden.txt", "ignored/x.txt", "sub/e.pdf"]);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write(root, "docs/a.txt", b"Sales rose 5% in 2024.");
    std::os::unix::fs::symlink(root.join("docs"), root.join("docs/loop")).unwrap();
    std::os::unix::fs::symlink(root.join("docs/self"), root.join("docs/self")).unwrap();
    let r = root.join("docs").to_string_lossy().into_owned();
    let (inputs, errors) = collect_inputs(&[r], &InputFilter::default()).unwrap();
    assert_eq!(inputs.len(), 1);
    assert!(
        errors
            .iter()
            .any(|e| e.reason.contains("loop") && e.path.contains("loop")),
        "{errors:?}"
    );
}

#[cfg(unix)]
#[test]
fn fifos_and_missing_paths_are_reported() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let missing = d.path().join("missing.txt").to_string_lossy().into_owned();
    let mut paths = vec![missing.clone()];
    if made.is_ok_and(|s| s.success()) {
        paths.push(fifo.to_string_lossy().into_owned());
    }
    let (inputs, errors) = collect_inputs(&paths, &InputFilter::default()).unwrap();
    assert!(inputs.is_empty());
    assert_eq!(errors.len(), paths.len());
    assert!(errors[0].path == missing && errors[0].reason.contains("no such file"));
    if paths.len() == 2 {
        assert!(errors[1].reason.contains("not a regular file"));
    }
}

#[test]
fn files_that_vanish_or_change_during_the_run_are_reported_and_the_run_goes_on() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "a.txt",
        b"Exports rose 5% to 43 billion yuan in 2024.",
    );
    write(d.path(), "b.txt", b"Imports fell 3% in 2024.");
    let r = d.path().to_string_lossy().into_owned();
    let (inputs, _) = collect_inputs(&[r], &InputFilter::default()).unwrap();
    fs::remove_file(d.path().join("a.txt")).unwrap();
    write(d.path(), "b.txt", b"Imports fell 4% in 2024.");
    let (results, out) = run(&inputs, &RunOptions::default(), |_, doc, _| {
        doc.text.clone()
    });
    assert_eq!(out.analyzed, 1);
    let err = results[0].as_ref().unwrap_err();
    assert!(err.path.ends_with("a.txt") && err.reason.contains("no such file"));
    assert_eq!(results[1].as_ref().unwrap(), "Imports fell 4% in 2024.");
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("secret.txt");
    fs::write(&p, "Sales rose 5%.").unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&p).is_ok() {
        // Running as root: permissions do not apply; nothing to test.
        return;
    }
    let err = load_document_with(&p, "secret.txt", 1 << 20).unwrap_err();
    assert_eq!(err.path, "secret.txt");
    assert!(err.reason.contains("permission denied"));
}

#[test]
fn huge_files_are_refused_unread() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("huge.txt");
    // A sparse 1 GiB file: no disk used, and reading it would take 1 GiB of memory.
    let f = fs::File::create(&p).unwrap();
    f.set_len(1 << 30).unwrap();
    let err =
        load_document_with(&p, "huge.txt", crosscheck_pipeline::DEFAULT_MAX_FILE_SIZE).unwrap_err();
    assert!(err.reason.contains("too large"), "{}", err.reason);
    assert!(err.reason.contains("--max-file-size"));
    let small = d.path().join("small.txt");
    fs::write(&small, vec![b'a'; 2000]).unwrap();
    let err = load_document_with(&small, "small.txt", 1000).unwrap_err();
    assert!(err.reason.contains("too large"));
}

#[test]
fn empty_and_binary_files_say_why() {
    let e = Document::from_bytes("e.txt", b"").unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.reason.as_str()),
        ("e.txt", "empty file, skipped")
    );
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let e = Document::from_bytes("img.txt", png).unwrap_err();
    assert!(e.reason.contains("binary") && e.reason.contains("PNG"));
    let mut elfish = vec![0u8; 3000];
    elfish.extend((0..3000).map(|i| (i % 256) as u8));
    let e = Document::from_bytes("x.md", &elfish).unwrap_err();
    assert!(e.reason.contains("binary"), "{}", e.reason);
}

#[test]
fn mixed_line_endings_keep_lines_and_offsets() {
    let text = "First line.\r\nSecond line has 43 units.\rStill second.\nThird: 7%.\r\n";
    let doc = Document::from_bytes("m.txt", text.as_bytes()).unwrap();
    assert_eq!(doc.text, text);
    assert_eq!(doc.line_of(text.find("43").unwrap()), 2);
    assert_eq!(doc.line_of(text.find("7%").unwrap()), 3);
    let a = analyze_text(&doc, &Default::default());
    for q in &a.quantities {
        assert_eq!(&text[q.span.range()], &doc.text[q.span.range()]);
    }
}

#[test]
fn utf16_html_maps_through_both_layers() {
    let html = "<html><body><nav>Menu 99</nav><h1>Exports</h1><p>Sales hit \
                &euro;43&nbsp;billion in 2024.</p></body></html>";
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(html.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let doc = Document::from_bytes("p.html", &bytes).unwrap();
    assert_eq!(doc.text, "Exports\n\nSales hit €43 billion in 2024.");
    let t = doc.text.find("€43 billion").unwrap();
    let (s, e) = (
        doc.offsets.to_file(t),
        doc.offsets.to_file_end(t + "€43 billion".len()),
    );
    let units: Vec<u16> = bytes[s..e]
        .chunks(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    assert_eq!(String::from_utf16(&units).unwrap(), "&euro;43&nbsp;billion");
}

/// Loading, decoding and text extraction of one very long line are linear:
/// a quadratic step would not finish at this size.
#[test]
fn a_long_single_line_loads_in_linear_time() {
    let sentence = "Zhejiang exported 43 billion yuan of vehicles in 2024, up 7% from 2023. \
                    Geely sold 1.2&nbsp;million units. ";
    let line = sentence.repeat(4 * 1024 * 1024 / sentence.len());
    let doc = Document::from_bytes("long.txt", line.as_bytes()).unwrap();
    assert_eq!(doc.text.len(), line.len());
    let html = format!("<html><body><p>{line}</p></body></html>");
    let doc = Document::from_bytes("long.html", html.as_bytes()).unwrap();
    assert!(doc.text.len() < line.len());
    let md = format!("# Title\n\n**{line}**");
    let doc = Document::from_bytes("long.md", md.as_bytes()).unwrap();
    assert!(doc.text.len() < md.len());
    let mut latin1 = line.clone().into_bytes();
    latin1.extend_from_slice(b" caf\xe9");
    let doc = Document::from_bytes("long-latin1.txt", &latin1).unwrap();
    assert!(doc.text.ends_with("café"));
}

/// A 50 MB single line through every stage. Run by hand in release
/// (`cargo test --release -p crosscheck-pipeline -- --ignored`); ignored by
/// default because claim extraction is still quadratic in the number of
/// figures of one document (measured in release: 2, 4, 8 MB of this text
/// took 1.3, 4.0, 15.3 s in `extract_claims`, every other stage linear).
#[test]
#[ignore]
fn a_50_mb_single_line_through_every_stage() {
    let sentence = "Zhejiang exported 43 billion yuan of vehicles in 2024, up 7% from 2023. \
                    Geely sold 1.2 million units. ";
    let line = sentence.repeat(50 * 1024 * 1024 / sentence.len());
    let doc = Document::from_bytes("long.txt", line.as_bytes()).unwrap();
    let a = analyze_text(&doc, &Default::default());
    assert!(a.quantities.len() > 100_000);
}

#[test]
fn results_are_identical_whatever_the_thread_count_and_cache() {
    let d = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(
            d.path(),
            &format!("doc{i:02}.txt"),
            format!(
                "In 2024 Zhejiang exported {i}.5 billion yuan, up {i}%. Geely sold {i}00 cars."
            )
            .as_bytes(),
        );
    }
    let r = d.path().to_string_lossy().into_owned();
    let (inputs, _) = collect_inputs(&[r], &InputFilter::default()).unwrap();
    let cache_dir = tempfile::tempdir().unwrap();
    let go = |threads: usize, cache: bool| {
        let options = RunOptions {
            cache: cache.then(|| Cache::new(cache_dir.path())),
            ..Default::default()
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            run(&inputs, &options, |i, doc, a| {
                format!("{i} {} {:?}", doc.name, a.claims)
            })
        })
    };
    let (one, _) = go(1, false);
    let (eight, _) = go(8, false);
    let (cold, out_cold) = go(8, true);
    let (warm, out_warm) = go(2, true);
    let unwrap = |v: Vec<Result<String, _>>| v.into_iter().map(Result::unwrap).collect::<Vec<_>>();
    let one = unwrap(one);
    assert_eq!(one, unwrap(eight));
    assert_eq!(one, unwrap(cold));
    assert_eq!(one, unwrap(warm));
    assert_eq!((out_cold.analyzed, out_cold.cached), (40, 0));
    assert_eq!((out_warm.analyzed, out_warm.cached), (0, 40));
}

#[test]
fn a_cancelled_run_stops_and_says_so() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.txt", b"Sales rose 5% in 2024.");
    let r = d.path().to_string_lossy().into_owned();
    let (inputs, _) = collect_inputs(&[r], &InputFilter::default()).unwrap();
    let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let options = RunOptions {
        cancel: Some(flag),
        ..Default::default()
    };
    let (results, out) = run(&inputs, &options, |_, _, _| ());
    assert!(out.interrupted);
    assert!(results[0].is_err());
}
