//! Hostile files, races and special files against the built binary (issue 11): FIFOs and
//! endless devices never block or fill memory, symlink loops end and links never lead outputs
//! out of their folder, saves keep permissions and leave read-only files alone, two processes
//! importing or fixing one folder lose nothing, colliding names are all kept, every importer
//! reports duplicate ids, empty labels and bad ranges, exports never wrap a reversed range,
//! CSV cells cannot be formulas, terminal output escapes controls, and sizes are checked.
//!
//! Every run of the binary has a time limit (a FIFO that blocks fails the test instead of
//! hanging it) and a memory limit (an endless read fails instead of filling the machine).

use hamish::model::text_format::TextEncoding;
use hamish::model::{
    Annotation, AnnotationId, AnnotationSet, AnnotationStatus, Relation, RelationId, SourceText,
    Timestamp,
};
use hamish::offset::CharRange;
use hamish::store::atomic::{save_checked, RealFs, SaveOutcome, SidecarGuard};
use hamish::store::session::{AnnotationSession, OpenOptions};
use hamish::store::sidecar::{
    from_ron_str, load_sidecar, sidecar_path, to_ron_string, SchemaSource, SidecarData,
};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a run of the binary gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `hamish ARGS` in `dir` with at most 2 GiB of address space and 20 s; a run that takes
/// longer is killed and fails the test.
fn hamish_in(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 2097152; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_hamish"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("hamish {args:?} did not finish within 20 s (blocked on a special file?)");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const TEXT: &str = "قال علي إن السعر ارتفع.\n";

/// Writes `text` and a sidecar holding `spans` (label, start, end) to `dir/name`.
fn annotated(dir: &Path, name: &str, text: &str, spans: &[(&str, usize, usize)]) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    let doc = SourceText::new(&path, text.to_owned(), TextEncoding::Utf8);
    let mut set = AnnotationSet::new();
    for (k, (label, a, b)) in spans.iter().enumerate() {
        set.insert_annotation(Annotation::new(
            AnnotationId(k as u64 + 1),
            *label,
            vec![CharRange::from_indices(*a, *b)],
            text,
            Timestamp(1),
        ));
    }
    let data = SidecarData::new(&doc, SchemaSource::Bundled("fact-checking".into()), set);
    std::fs::write(sidecar_path(&path), to_ron_string(&data)).unwrap();
    path
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

#[cfg(unix)]
fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------------------------------------
// Special files and sizes

#[test]
fn a_fifo_as_a_text_a_sidecar_or_a_brat_txt_never_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let corpus = root.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    // A sidecar whose text is a FIFO.
    annotated(&corpus, "pipe.txt", TEXT, &[("source", 4, 7)]);
    std::fs::remove_file(corpus.join("pipe.txt")).unwrap();
    mkfifo(&corpus.join("pipe.txt"));
    let pipe = corpus.join("pipe.txt");
    for args in [
        vec!["layout", s(&pipe)],
        vec!["render", s(&pipe), "--out", "x.png"],
        vec!["check", s(&pipe)],
        vec!["check", "corpus"],
        vec!["export", "--format", "jsonl", "corpus", "--out", "out"],
    ] {
        let run = hamish_in(root, &args);
        assert_ne!(run.code, 0, "{args:?}: {}", run.all());
        assert!(
            run.all().contains("pipe.txt") && run.all().contains("FIFO"),
            "{args:?}: {}",
            run.all()
        );
    }
    // `stats` reads only sidecars: it finishes (the time limit would fail it otherwise).
    assert_eq!(hamish_in(root, &["stats", "corpus"]).code, 0);
    // A FIFO named as a sidecar, given directly.
    let side = root.join("side");
    std::fs::create_dir_all(&side).unwrap();
    std::fs::write(side.join("a.txt"), TEXT).unwrap();
    mkfifo(&side.join("a.txt.ann.ron"));
    let run = hamish_in(root, &["check", s(&side.join("a.txt.ann.ron"))]);
    assert_ne!(run.code, 0, "{}", run.all());
    assert!(run.all().contains("FIFO"), "{}", run.all());
    // A brat .ann whose .txt is a FIFO.
    let brat = root.join("brat");
    std::fs::create_dir_all(&brat).unwrap();
    std::fs::write(brat.join("a.ann"), "T1\tsource 0 3\tقال\n").unwrap();
    mkfifo(&brat.join("a.txt"));
    let run = hamish_in(
        root,
        &["import", "--format", "brat", "brat", "--into", "in"],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.all().contains("a.txt") && run.all().contains("FIFO"),
        "{}",
        run.all()
    );
}

#[cfg(unix)]
#[test]
fn endless_devices_and_huge_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    symlink("/dev/zero", root.join("zero.txt"));
    let run = hamish_in(root, &["layout", "zero.txt"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
    // A sidecar that is an endless device, and one just over the 64 MiB limit (sparse).
    std::fs::write(root.join("x.txt"), TEXT).unwrap();
    symlink("/dev/urandom", root.join("x.txt.ann.ron"));
    let run = hamish_in(root, &["check", "x.txt.ann.ron"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.all().contains("not a regular file"), "{}", run.all());
    std::fs::write(root.join("big.txt"), TEXT).unwrap();
    let big = std::fs::File::create(root.join("big.txt.ann.ron")).unwrap();
    big.set_len(64 * 1024 * 1024 + 1).unwrap();
    let run = hamish_in(root, &["check", "big.txt.ann.ron"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.all().contains("limit"), "{}", run.all());
    // A JSONL source over the limit.
    let jsonl = std::fs::File::create(root.join("big.jsonl")).unwrap();
    jsonl.set_len(64 * 1024 * 1024 + 1).unwrap();
    let run = hamish_in(
        root,
        &["import", "--format", "jsonl", "big.jsonl", "--into", "in"],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.all().contains("limit"), "{}", run.all());
}

#[test]
fn a_fifo_as_a_recovery_file_does_not_stop_the_window_from_opening() {
    let dir = tempfile::tempdir().unwrap();
    let text = annotated(dir.path(), "a.txt", TEXT, &[("source", 4, 7)]);
    mkfifo(&dir.path().join("a.txt.ann.ron.recovery"));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let opened = AnnotationSession::open(RealFs, &text, &OpenOptions::default());
        let _ = tx.send(
            opened
                .map(|(s, r)| (s.set().len(), r.recovery.is_some()))
                .ok(),
        );
    });
    let opened = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("opening a text blocked on a FIFO recovery file");
    assert_eq!(opened, Some((1, false)));
}

#[test]
fn layout_and_render_refuse_what_check_refuses() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("nul.txt"), b"abc\0def").unwrap();
    let utf16: Vec<u8> = "قال".encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(dir.path().join("utf16.txt"), utf16).unwrap();
    for file in ["nul.txt", "utf16.txt"] {
        for args in [vec!["layout", file], vec!["render", file, "--out", "x.png"]] {
            let run = hamish_in(dir.path(), &args);
            assert_eq!(run.code, 2, "{args:?}: {}", run.all());
            assert!(run.stderr.contains(file), "{}", run.stderr);
        }
    }
}

#[test]
fn nan_zero_negative_and_absurd_sizes_exit_2_naming_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    for cmd in ["layout", "render"] {
        for (flag, value) in [
            ("--width", "NaN"),
            ("--width", "0"),
            ("--width", "-5"),
            ("--width", "1e9"),
            ("--font-size", "NaN"),
            ("--font-size", "0"),
            ("--font-size", "-1"),
            ("--font-size", "inf"),
            ("--font-size", "1e7"),
        ] {
            let arg = format!("{flag}={value}");
            let mut args = vec![cmd, "a.txt", arg.as_str()];
            if cmd == "render" {
                args.extend(["--out", "x.png"]);
            }
            let run = hamish_in(dir.path(), &args);
            assert_eq!(run.code, 2, "{args:?}: {}", run.all());
            assert!(run.stderr.contains(flag), "{args:?}: {}", run.stderr);
            assert!(!dir.path().join("x.png").exists(), "{args:?} wrote a PNG");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Folder walks and output folders

#[cfg(unix)]
#[test]
fn symlink_loops_end_in_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    annotated(&root, "a.txt", TEXT, &[("source", 4, 7)]);
    for name in ["alice", "bob"] {
        let text = root.join("a.txt");
        let doc = SourceText::new(&text, TEXT.to_owned(), TextEncoding::Utf8);
        let mut set = AnnotationSet::new();
        set.insert_annotation(Annotation::new(
            AnnotationId(1),
            "source",
            vec![CharRange::from_indices(4, 7)],
            TEXT,
            Timestamp(1),
        ));
        let data = SidecarData::new(&doc, SchemaSource::Bundled("fact-checking".into()), set);
        std::fs::write(
            root.join(format!("a.txt.{name}.ann.ron")),
            to_ron_string(&data),
        )
        .unwrap();
    }
    std::fs::write(root.join("sub/src.jsonl"), "").unwrap();
    symlink(".", root.join("self"));
    symlink("..", root.join("sub/up"));
    symlink(root.join("loop-b"), root.join("loop-a"));
    symlink(root.join("loop-a"), root.join("loop-b"));
    let top = dir.path();
    let run = hamish_in(top, &["check", "corpus"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("checked 1 file(s)"), "{}", run.stdout);
    let run = hamish_in(top, &["stats", "corpus", "--json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.matches("a.txt").count() == 1, "{}", run.stdout);
    let run = hamish_in(
        top,
        &["export", "--format", "brat", "corpus", "--out", "out"],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stderr.contains("1 done"), "{}", run.stderr);
    assert_eq!(
        names(&top.join("out")),
        ["a.ann", "a.txt", "annotation.conf"]
    );
    let run = hamish_in(
        top,
        &["import", "--format", "jsonl", "corpus", "--into", "in"],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    let run = hamish_in(top, &["agree", "corpus", "--json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("\"alice\""), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn outputs_never_leave_their_folder_through_links() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let elsewhere = top.join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("victim.txt"), "not yours").unwrap();
    // Export: a document in `sub/`, and `out/sub` a link to elsewhere.
    annotated(&top.join("corpus/sub"), "a.txt", TEXT, &[("source", 4, 7)]);
    std::fs::create_dir_all(top.join("out")).unwrap();
    symlink(&elsewhere, top.join("out/sub"));
    let run = hamish_in(
        top,
        &["export", "--format", "brat", "corpus", "--out", "out"],
    );
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("symbolic link"), "{}", run.stderr);
    // Import: a document named into a linked folder, and one onto a linked file (forced).
    std::fs::create_dir_all(top.join("in")).unwrap();
    symlink(&elsewhere, top.join("in/sub"));
    symlink(elsewhere.join("victim.txt"), top.join("in/victim.txt"));
    let line =
        |name: &str| format!(r#"{{"name":"{name}","text":"قال علي","spans":[],"relations":[]}}"#);
    let jsonl = format!(
        "{}\n{}\n{}\n",
        line("sub/a.txt"),
        line("victim.txt"),
        line("ok.txt")
    );
    std::fs::write(top.join("src.jsonl"), jsonl).unwrap();
    let run = hamish_in(
        top,
        &[
            "import",
            "--format",
            "jsonl",
            "src.jsonl",
            "--into",
            "in",
            "--force",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("1 done, 2 failed"), "{}", run.stderr);
    assert_eq!(names(&elsewhere), ["victim.txt"]);
    assert_eq!(
        std::fs::read_to_string(elsewhere.join("victim.txt")).unwrap(),
        "not yours"
    );
    assert!(top.join("in/ok.txt.ann.ron").is_file());
}

// ---------------------------------------------------------------------------------------------
// Writes that cannot clobber

#[cfg(unix)]
#[test]
fn saves_keep_permissions_and_leave_read_only_sidecars_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    for (name, mode) in [("private.txt", 0o600), ("locked.txt", 0o444)] {
        let text = annotated(dir.path(), name, TEXT, &[("source", 4, 7)]);
        let sidecar = sidecar_path(&text);
        std::fs::set_permissions(&sidecar, std::fs::Permissions::from_mode(mode)).unwrap();
        // The text changes, so `check --fix` saves the re-anchored sidecar.
        std::fs::write(&text, format!("و{TEXT}")).unwrap();
    }
    let before = std::fs::read(dir.path().join("locked.txt.ann.ron")).unwrap();
    let run = hamish_in(dir.path(), &["check", "--fix", "."]);
    assert_eq!(run.code, 1, "{}", run.all());
    let mode = |name: &str| {
        std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert!(
        run.stdout.contains("FIXED   ./private.txt.ann.ron"),
        "{}",
        run.stdout
    );
    assert_eq!(
        mode("private.txt.ann.ron"),
        0o600,
        "a private sidecar became readable"
    );
    assert!(run.stdout.contains("read-only"), "{}", run.stdout);
    assert_eq!(
        std::fs::read(dir.path().join("locked.txt.ann.ron")).unwrap(),
        before
    );
    assert_eq!(mode("locked.txt.ann.ron"), 0o444);
}

/// A Hamish JSONL line of a document named `name` with one source span per `(id, start, end)`.
fn jsonl_doc(name: &str, text: &str, spans: &[(u64, usize, usize)]) -> String {
    let spans: Vec<serde_json::Value> = spans
        .iter()
        .map(|(id, a, b)| {
            serde_json::json!({"id": id, "label": "source", "start": a, "end": b,
                "start_utf16": a, "end_utf16": b, "text": ""})
        })
        .collect();
    serde_json::json!({"name": name, "text": text, "spans": spans, "relations": []}).to_string()
}

#[test]
fn two_imports_into_one_folder_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    for (who, word) in [("a", "أحمد"), ("b", "بكر")] {
        let lines: Vec<String> = (1..=3)
            .map(|k| {
                let text = format!("قال {word} {k}");
                jsonl_doc(
                    &format!("doc-{k}.txt"),
                    &text,
                    &[(1, 4, 4 + word.chars().count())],
                )
            })
            .collect();
        std::fs::create_dir_all(top.join(who)).unwrap();
        std::fs::write(top.join(who).join("data.jsonl"), lines.join("\n")).unwrap();
    }
    for round in 0..20 {
        let into = top.join(format!("into-{round}"));
        let spawn = |who: &str| {
            let into = into.clone();
            let src = top.join(who).join("data.jsonl");
            std::thread::spawn(move || {
                hamish_in(
                    Path::new("/"),
                    &["import", "--format", "jsonl", s(&src), "--into", s(&into)],
                )
            })
        };
        let (a, b) = (spawn("a"), spawn("b"));
        let runs = [a.join().unwrap(), b.join().unwrap()];
        let done: usize = runs
            .iter()
            .map(|r| {
                let n = r
                    .stderr
                    .split(" done")
                    .next()
                    .and_then(|l| l.rsplit(' ').next());
                n.and_then(|n| n.parse::<usize>().ok())
                    .unwrap_or_else(|| panic!("{}", r.stderr))
            })
            .sum();
        // Each of the three names went to exactly one of the two runs, as a whole pair.
        assert_eq!(
            done, 3,
            "round {round}: {} / {}",
            runs[0].stderr, runs[1].stderr
        );
        for k in 1..=3 {
            let text_path = into.join(format!("doc-{k}.txt"));
            let text = std::fs::read_to_string(&text_path).unwrap();
            let sidecar = load_sidecar(&sidecar_path(&text_path)).unwrap();
            assert!(
                sidecar.matches_text(&text),
                "round {round}: doc-{k} paired wrongly"
            );
            let a = sidecar.set.annotations().next().unwrap();
            assert!(text.contains(&a.anchors[0].exact), "round {round}");
        }
        assert!(
            names(&into).iter().all(|n| !n.starts_with('.')),
            "round {round}: {:?}",
            names(&into)
        );
    }
}

#[test]
fn colliding_names_in_one_import_are_all_kept_with_and_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let lines = [
        jsonl_doc("dup.txt", "الأول", &[]),
        jsonl_doc("dup", "الثاني", &[]),
        jsonl_doc("../dup.txt", "الثالث", &[]),
    ];
    std::fs::write(top.join("names.jsonl"), lines.join("\n")).unwrap();
    // Two sources with the same file name whose unnamed documents get the same names.
    for (who, text) in [("a", "نص أ"), ("b", "نص ب")] {
        std::fs::create_dir_all(top.join(who)).unwrap();
        // doccano lines have no name.
        let line = serde_json::json!({"text": text, "label": []}).to_string();
        std::fs::write(top.join(who).join("data.jsonl"), line).unwrap();
    }
    for force in [false, true] {
        let mut args = vec![
            "import",
            "--format",
            "jsonl",
            "names.jsonl",
            "a",
            "b",
            "--into",
            "in",
        ];
        if force {
            args.push("--force");
        }
        let run = hamish_in(top, &args);
        assert_eq!(run.code, 0, "force {force}: {}", run.all());
        assert!(run.stderr.contains("5 done"), "{}", run.stderr);
        let texts: Vec<String> = names(&top.join("in"))
            .into_iter()
            .filter(|n| n.ends_with(".txt"))
            .collect();
        assert_eq!(
            texts,
            [
                "data-1-2.txt",
                "data-1.txt",
                "dup-2.txt",
                "dup-3.txt",
                "dup.txt"
            ]
        );
        let mut read: Vec<String> = texts
            .iter()
            .map(|n| std::fs::read_to_string(top.join("in").join(n)).unwrap())
            .collect();
        read.sort();
        let mut wanted = ["الأول", "الثاني", "الثالث", "نص أ", "نص ب"];
        wanted.sort();
        assert_eq!(read, wanted);
    }
}

#[test]
fn import_force_keeps_a_bak_of_the_sidecar_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let text = annotated(
        &top.join("in"),
        "a.txt",
        "قال علي",
        &[("source", 4, 7), ("claim", 0, 3)],
    );
    let work = std::fs::read(sidecar_path(&text)).unwrap();
    std::fs::write(
        top.join("src.jsonl"),
        jsonl_doc("a.txt", "قال علي", &[(1, 0, 3)]),
    )
    .unwrap();
    let run = hamish_in(
        top,
        &["import", "--format", "jsonl", "src.jsonl", "--into", "in"],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert_eq!(std::fs::read(sidecar_path(&text)).unwrap(), work);
    let run = hamish_in(
        top,
        &[
            "import",
            "--format",
            "jsonl",
            "src.jsonl",
            "--into",
            "in",
            "--force",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(
        std::fs::read(top.join("in/a.txt.ann.ron.bak")).unwrap(),
        work
    );
    assert!(run.stderr.contains("a.txt.ann.ron.bak"), "{}", run.stderr);
}

#[test]
fn two_check_fix_at_once_never_lie_about_the_bak() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..10 {
        let folder = dir.path().join(format!("r{round}"));
        let text = annotated(
            &folder,
            "a.txt",
            TEXT,
            &[("source", 4, 7), ("claim", 8, 22)],
        );
        let original = std::fs::read(sidecar_path(&text)).unwrap();
        std::fs::write(&text, format!("و{TEXT}")).unwrap();
        let spawn = || {
            let folder = folder.clone();
            std::thread::spawn(move || hamish_in(&folder, &["check", "--fix", "."]))
        };
        let (a, b) = (spawn(), spawn());
        let runs = [a.join().unwrap(), b.join().unwrap()];
        let bak = std::fs::read(folder.join("a.txt.ann.ron.bak")).unwrap();
        assert_eq!(
            bak, original,
            "round {round}: .bak is not the version before the fix"
        );
        for run in &runs {
            assert!(
                run.stdout.contains("previous version in .bak")
                    || run.stdout.contains("conflict")
                    // Started after the other one had fixed it: nothing left to fix.
                    || run.stdout.contains("OK      ./a.txt"),
                "round {round}: {}",
                run.all()
            );
        }
        let saved = load_sidecar(&sidecar_path(&text)).unwrap();
        assert!(saved.matches_text(&format!("و{TEXT}")), "round {round}");
    }
}

#[test]
fn two_savers_of_one_sidecar_see_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt.ann.ron");
    let parses = |_: &[u8]| true;
    for round in 0..50 {
        std::fs::write(&path, format!("original {round}")).unwrap();
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
        let savers: Vec<_> = ["one", "two"]
            .into_iter()
            .map(|who| {
                let (path, barrier) = (path.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let (mut guard, _) = SidecarGuard::open(&RealFs, &path).unwrap();
                    barrier.wait();
                    let bytes = format!("{who} {round}");
                    save_checked(&RealFs, &mut guard, bytes.as_bytes(), &parses).unwrap()
                })
            })
            .collect();
        let outcomes: Vec<SaveOutcome> = savers.into_iter().map(|t| t.join().unwrap()).collect();
        let saved = outcomes
            .iter()
            .filter(|o| **o == SaveOutcome::Saved)
            .count();
        assert_eq!(saved, 1, "round {round}: {outcomes:?}");
        let bak = std::fs::read_to_string(dir.path().join("a.txt.ann.ron.bak")).unwrap();
        assert_eq!(bak, format!("original {round}"), "round {round}");
        for o in outcomes {
            if let SaveOutcome::ConflictCopy { copy, .. } = o {
                std::fs::remove_file(copy).unwrap();
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Validated models

#[test]
fn duplicate_ids_are_reported_by_every_importer() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let text = "قال علي إن السعر ارتفع";
    let hamish_spans = jsonl_doc("h.txt", text, &[(1, 0, 3), (1, 4, 7)]);
    let mut relations: serde_json::Value =
        serde_json::from_str(&jsonl_doc("r.txt", text, &[(1, 0, 3), (2, 4, 7)])).unwrap();
    relations["relations"] = serde_json::json!([
        {"id": 1, "type": "attributed-to", "from": 1, "to": 2},
        {"id": 1, "type": "cue-of", "from": 2, "to": 1},
    ]);
    let doccano = serde_json::json!({"text": text, "entities": [
        {"id": 7, "label": "source", "start_offset": 0, "end_offset": 3},
        {"id": 7, "label": "claim", "start_offset": 4, "end_offset": 7},
    ], "relations": []});
    let label_studio = serde_json::json!({"data": {"text": text}, "annotations": [{"result": [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 3, "labels": ["source"]}},
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 4, "end": 7, "labels": ["claim"]}},
    ]}]});
    for (name, line) in [
        ("spans.jsonl", hamish_spans),
        ("relations.jsonl", relations.to_string()),
        ("doccano.jsonl", doccano.to_string()),
        ("label-studio.jsonl", label_studio.to_string()),
    ] {
        std::fs::write(top.join(name), line).unwrap();
        let run = hamish_in(top, &["import", "--format", "jsonl", name, "--into", "in"]);
        assert_eq!(run.code, 1, "{name}: {}", run.all());
        assert!(
            run.stderr.contains("lost:") && run.stderr.contains("twice"),
            "{name}: {}",
            run.stderr
        );
    }
    std::fs::create_dir_all(top.join("brat")).unwrap();
    std::fs::write(top.join("brat/a.txt"), text).unwrap();
    std::fs::write(
        top.join("brat/a.ann"),
        "T1\tsource 0 3\tقال\nT2\tclaim 4 7\tعلي\nR1\tattributed-to Arg1:T2 Arg2:T1\nR1\tcue-of Arg1:T1 Arg2:T2\n",
    )
    .unwrap();
    let run = hamish_in(top, &["import", "--format", "brat", "brat", "--into", "in"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains("`R1`: the id is used twice"),
        "{}",
        run.stderr
    );
}

#[test]
fn empty_labels_empty_ranges_and_reversed_regions_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let text = "قال علي إن السعر ارتفع";
    std::fs::create_dir_all(top.join("brat")).unwrap();
    std::fs::write(top.join("brat/a.txt"), text).unwrap();
    std::fs::write(top.join("brat/a.ann"), "T1\t 0 3\tقال\nT2\tclaim 5 5\t\n").unwrap();
    let run = hamish_in(
        top,
        &["import", "--format", "brat", "brat", "--into", "in-brat"],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("label is empty"), "{}", run.stderr);
    assert!(run.stderr.contains("5..5 is empty"), "{}", run.stderr);
    std::fs::write(top.join("a.conll"), "قال O\nعلي B-\nإن O\n").unwrap();
    let run = hamish_in(
        top,
        &[
            "import", "--format", "conll", "a.conll", "--into", "in-conll",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains("`B-`") && run.stderr.contains("no entity type"),
        "{}",
        run.stderr
    );
    let ls = serde_json::json!({"data": {"text": text}, "annotations": [{"result": [
        {"id": "r1", "type": "labels", "value": {"start": 7, "end": 4, "labels": ["claim"]}},
        {"id": "r2", "type": "labels", "value": {"start": 0, "end": 3, "labels": [""]}},
    ]}]});
    std::fs::write(top.join("ls.json"), format!("[{ls}]")).unwrap();
    let run = hamish_in(
        top,
        &["import", "--format", "jsonl", "ls.json", "--into", "in-ls"],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains("7..4 ends before it starts"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("label is empty"), "{}", run.stderr);
}

#[test]
fn a_reversed_range_in_a_sidecar_is_refused_by_export_never_wrapped() {
    let dir = tempfile::tempdir().unwrap();
    let text = annotated(
        &dir.path().join("corpus"),
        "a.txt",
        TEXT,
        &[("claim", 8, 22)],
    );
    let sidecar = sidecar_path(&text);
    let ron = std::fs::read_to_string(&sidecar).unwrap();
    std::fs::write(
        &sidecar,
        ron.replace("ranges: [(8, 22)]", "ranges: [(10, 5)]"),
    )
    .unwrap();
    for format in ["csv", "jsonl", "brat", "conll", "webanno"] {
        let out = format!("out-{format}");
        let run = hamish_in(
            dir.path(),
            &["export", "--format", format, "corpus", "--out", &out],
        );
        assert_eq!(run.code, 1, "{format}: {}", run.all());
        assert!(
            run.stderr.contains("a.txt.ann.ron")
                && run.stderr.contains("10..5 ends before it starts"),
            "{format}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_text_emptied_and_restored_is_whole_again_after_check_fix() {
    let dir = tempfile::tempdir().unwrap();
    let text = annotated(dir.path(), "a.txt", TEXT, &[("claim", 8, 22)]);
    std::fs::write(&text, "").unwrap();
    let run = hamish_in(dir.path(), &["check", "--fix", "."]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.contains("orphan"), "{}", run.stdout);
    std::fs::write(&text, TEXT).unwrap();
    let run = hamish_in(dir.path(), &["check", "--fix", "."]);
    assert_eq!(run.code, 0, "{}", run.all());
    let run = hamish_in(dir.path(), &["check", "."]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("OK      ./a.txt (1 annotations"),
        "{}",
        run.stdout
    );
}

#[test]
fn one_bad_document_name_stops_nothing_and_reserved_names_are_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let long = "ب".repeat(200);
    let lines = [
        jsonl_doc("first.txt", "الأول", &[]),
        jsonl_doc(&long, "الطويل", &[]),
        jsonl_doc("schema.ron", "(id: \"x\")", &[]),
        jsonl_doc(".hidden.txt", "مخفي", &[]),
        jsonl_doc("a.txt.ann.ron", "ليس ملف تعليقات", &[]),
        jsonl_doc("last.txt", "الأخير", &[]),
    ];
    std::fs::write(top.join("src.jsonl"), lines.join("\n")).unwrap();
    let run = hamish_in(
        top,
        &["import", "--format", "jsonl", "src.jsonl", "--into", "in"],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stderr.contains("6 done"), "{}", run.stderr);
    let found = names(&top.join("in"));
    assert!(!found.contains(&"schema.ron".to_owned()), "{found:?}");
    assert!(found.contains(&"schema.ron.txt".to_owned()), "{found:?}");
    assert!(found.contains(&"last.txt".to_owned()) && found.contains(&"_.hidden.txt".to_owned()));
    let run = hamish_in(top, &["check", "in"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("checked 6 file(s): 6 OK"),
        "{}",
        run.stdout
    );
}

// ---------------------------------------------------------------------------------------------
// Safe output

#[test]
fn claims_csv_cells_cannot_be_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let text = "=HYPERLINK(\"http://x\") قال +1 علي -2 @SUM";
    let path = dir.path().join("corpus/a.txt");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    let doc = SourceText::new(&path, text.to_owned(), TextEncoding::Utf8);
    let mut set = AnnotationSet::new();
    let span = |id, a, b, label: &str| {
        Annotation::new(
            AnnotationId(id),
            label,
            vec![CharRange::from_indices(a, b)],
            text,
            Timestamp(1),
        )
    };
    let mut claim = span(1, 0, 22, "claim");
    claim.note = "+cmd|' /C calc'!A0".into();
    set.insert_annotation(claim);
    set.insert_annotation(span(2, 27, 29, "source"));
    set.insert_relation(Relation::new(
        RelationId(1),
        "attributed-to",
        AnnotationId(1),
        AnnotationId(2),
    ));
    let data = SidecarData::new(&doc, SchemaSource::Bundled("fact-checking".into()), set);
    std::fs::write(sidecar_path(&path), to_ron_string(&data)).unwrap();
    let run = hamish_in(
        dir.path(),
        &["export", "--format", "csv", "corpus", "--out", "out"],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    let csv = std::fs::read_to_string(dir.path().join("out/claims.csv")).unwrap();
    let mut reader =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    for cell in row.iter() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell:?} in {csv}"
        );
    }
    assert_eq!(&row[2], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&row[7], "'+cmd|' /C calc'!A0");
}

#[test]
fn check_stats_agree_and_import_escape_controls_and_bidi_controls() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    // A quote with a newline that would forge a report line, and an RLO in a label.
    let forged = "OK      forged.txt (9 annotations, 0 relations)";
    let text = format!("قال\n{forged}\n\u{202E}علي");
    let evil = "claim\u{202E}\nFORGED";
    let quote_end = 4 + forged.chars().count();
    let path = annotated(top, "a.txt", &text, &[(evil, 0, quote_end)]);
    let no_raw = |out: &str, what: &str| {
        assert!(!out.contains('\u{202E}'), "{what}: raw RLO in {out}");
        assert!(
            !out.lines()
                .any(|l| l.starts_with("OK      forged") || l.starts_with("FORGED")),
            "{what}: forged line in {out}"
        );
    };
    let run = hamish_in(top, &["stats", "."]);
    no_raw(&run.all(), "stats");
    assert!(
        run.stdout.contains("claim\\u{202E}\\nFORGED"),
        "{}",
        run.stdout
    );
    let run = hamish_in(top, &["stats", ".", "--json"]);
    no_raw(&run.all(), "stats --json");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(json["total"]["per_label"].get(evil).is_some(), "{json}");
    for name in ["alice", "bob"] {
        std::fs::copy(
            sidecar_path(&path),
            top.join(format!("a.txt.{name}.ann.ron")),
        )
        .unwrap();
    }
    for args in [
        vec!["agree", "."],
        vec!["agree", ".", "--csv"],
        vec!["agree", ".", "--json"],
    ] {
        let run = hamish_in(top, &args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.all());
        no_raw(&run.all(), "agree");
    }
    // The text changes: the annotation is an orphan and `check` quotes it.
    std::fs::write(&path, "نص آخر").unwrap();
    let run = hamish_in(top, &["check", "."]);
    assert_eq!(run.code, 1, "{}", run.all());
    no_raw(&run.all(), "check");
    assert!(
        run.stdout.contains("\\u{202E}") && run.stdout.contains("\\nOK      forged"),
        "{}",
        run.stdout
    );
    // An import whose lost lines quote a label with controls.
    let bad = serde_json::json!({"text": "قال", "label": [[0, 9, "src\u{202E}\nFORGED"]]});
    std::fs::write(top.join("bad.jsonl"), bad.to_string()).unwrap();
    let run = hamish_in(
        top,
        &["import", "--format", "jsonl", "bad.jsonl", "--into", "in"],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    no_raw(&run.all(), "import");
    assert!(
        run.stderr.contains("src\\u{202E}\\nFORGED"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_sidecar_with_ranges_past_the_text_opens_with_them_as_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let text = annotated(
        dir.path(),
        "a.txt",
        TEXT,
        &[("claim", 8, 22), ("source", 4, 7)],
    );
    let sidecar = sidecar_path(&text);
    let ron = std::fs::read_to_string(&sidecar).unwrap();
    std::fs::write(
        &sidecar,
        ron.replace("ranges: [(8, 22)]", "ranges: [(20, 5)]"),
    )
    .unwrap();
    let (session, report) =
        AnnotationSession::open(RealFs, &text, &OpenOptions::default()).unwrap();
    assert_eq!(report.misfits, [AnnotationId(1)]);
    let data = from_ron_str(&session.to_sidecar_text(), "x").unwrap();
    let kept = data.set.annotation(AnnotationId(1)).unwrap();
    assert_eq!(
        (kept.ranges[0].start.0, kept.status),
        (20, AnnotationStatus::Orphan)
    );
}
