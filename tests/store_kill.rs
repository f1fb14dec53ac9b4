//! Kill test: a child process (this test binary re-executed with an env var) saves versions A and B
//! in turn; the parent SIGKILLs it at random moments, many times. After every kill the file exists
//! and equals A or B exactly, and `.bak`, when present, equals A or B.

use hamish::store::atomic::{backup_path, remove_stale_temps, save_atomic, RealFs};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const CHILD_ENV: &str = "HAMISH_KILL_TEST_FILE";
const KILLS: usize = 50;

/// Two versions of a sidecar-sized file that differ everywhere and in length, so a torn write or
/// a mix of both would be detected.
fn versions() -> (Vec<u8>, Vec<u8>) {
    let a = "(note: \"أ\", n: 1)\n".repeat(3000).into_bytes();
    let b = "(note: \"ب ب\", n: 22)\n".repeat(2600).into_bytes();
    (a, b)
}

/// In the child (env var set): save A and B in turn until killed (at most 30 s, in case the parent
/// died). Without the env var this test does nothing.
#[test]
fn child_save_loop() {
    let Some(path) = std::env::var_os(CHILD_ENV).map(PathBuf::from) else {
        return;
    };
    let (a, b) = versions();
    let start = Instant::now();
    for i in 0.. {
        let bytes = if i % 2 == 0 { &b } else { &a };
        save_atomic(&RealFs, &path, bytes).unwrap();
        if start.elapsed() > Duration::from_secs(30) {
            break;
        }
    }
}

/// A small xorshift generator; the seed is printed so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn check(path: &Path, a: &[u8], b: &[u8], round: usize) -> bool {
    let now = std::fs::read(path).unwrap_or_else(|e| panic!("round {round}: file missing: {e}"));
    assert!(
        now == a || now == b,
        "round {round}: file is neither A nor B ({} bytes)",
        now.len()
    );
    if let Ok(bak) = std::fs::read(backup_path(path)) {
        assert!(
            bak == a || bak == b,
            "round {round}: .bak is neither A nor B"
        );
    }
    now == b
}

#[test]
fn sigkill_during_saves_never_leaves_a_broken_file() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let (a, b) = versions();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.txt.ann.ron");
    save_atomic(&RealFs, &path, &a).unwrap();
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("kill test seed {seed}");
    let mut rng = Rng(seed);
    let exe = std::env::current_exe().unwrap();
    let (mut saw_a, mut saw_b) = (false, false);
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["child_save_loop", "--exact", "--test-threads=1", "--quiet"])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Start-up takes a few ms; then the child saves continuously.
        std::thread::sleep(Duration::from_millis(5 + rng.next() % 60));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        if check(&path, &a, &b, round) {
            saw_b = true;
        } else {
            saw_a = true;
        }
    }
    // Both versions were seen after kills: the child really was saving when killed.
    assert!(
        saw_a && saw_b,
        "the child never changed the file (A seen: {saw_a}, B seen: {saw_b})"
    );
    let stale = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().ends_with(".tmp")
        })
        .count();
    eprintln!("{KILLS} kills, {stale} stale temp files left by killed saves");
    assert_eq!(remove_stale_temps(&path, Duration::ZERO).unwrap(), stale);
    check(&path, &a, &b, KILLS);
}

/// A corpus of `n` annotated texts (each with a source span) for the batch-export kill test.
fn corpus(dir: &Path, n: usize) {
    use hamish::model::text_format::TextEncoding;
    use hamish::model::{Annotation, AnnotationId, AnnotationSet, SourceText, Timestamp};
    use hamish::offset::CharRange;
    use hamish::store::sidecar::{sidecar_path, to_ron_string, SchemaSource, SidecarData};
    std::fs::create_dir_all(dir).unwrap();
    for k in 0..n {
        let text = format!("قال علي {k} إن السعر ارتفع.\n").repeat(1 + k % 7);
        let path = dir.join(format!("doc-{k:04}.txt"));
        std::fs::write(&path, &text).unwrap();
        let doc = SourceText::new(&path, text.clone(), TextEncoding::Utf8);
        let mut set = AnnotationSet::new();
        set.insert_annotation(Annotation::new(
            AnnotationId(1),
            "source",
            vec![CharRange::from_indices(4, 7)],
            &text,
            Timestamp(1),
        ));
        let data = SidecarData::new(&doc, SchemaSource::Bundled("fact-checking".into()), set);
        std::fs::write(sidecar_path(&path), to_ron_string(&data)).unwrap();
    }
}

/// Every entry of `dir`, recursively, with its bytes (folders as `None`).
fn tree(dir: &Path) -> std::collections::BTreeMap<String, Option<Vec<u8>>> {
    let mut out = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().unwrap().is_dir() {
            out.insert(name.clone(), None);
            for (k, v) in tree(&entry.path()) {
                out.insert(format!("{name}/{k}"), v);
            }
        } else {
            out.insert(name, Some(std::fs::read(entry.path()).unwrap()));
        }
    }
    out
}

fn export(corpus: &Path, out: &Path) -> std::process::Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hamish"));
    cmd.args(["export", "--format", "brat"])
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .stdin(Stdio::null());
    cmd
}

/// `hamish export` of a corpus is SIGKILLed at random moments. After every kill each `.txt` in
/// the output folder has its `.ann`, and every file there is whole (equal to a finished export's);
/// the next export says what the killed one left, finishes or clears it, and leaves the folder
/// exactly as a finished export, with no hidden temp file or staging folder.
#[test]
fn sigkill_during_a_batch_export_leaves_whole_documents() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("corpus");
    corpus(&source, 80);
    let reference = dir.path().join("reference");
    let started = Instant::now();
    let done = export(&source, &reference).output().unwrap();
    // Kills are aimed inside the time a whole export takes on this machine, so they land during
    // one whatever the machine's speed (a fixed window missed every export on a fast CI runner).
    let export_ms = (started.elapsed().as_millis() as u64).max(2);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let wanted = tree(&reference);
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("batch kill test seed {seed}");
    let mut rng = Rng(seed);
    let (mut cut_short, mut partly_placed) = (0, 0);
    let mut rounds = 0;
    // At least 12 kills; more (up to 60) until one has landed during an export.
    while rounds < 12 || (cut_short == 0 && rounds < 60) {
        let round = rounds;
        rounds += 1;
        let out = dir.path().join(format!("out-{round}"));
        let mut child = export(&source, &out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.next() % export_ms));
        child.kill().unwrap();
        child.wait().unwrap();
        let left = if out.exists() {
            tree(&out)
        } else {
            Default::default()
        };
        let staging = left.keys().any(|k| k.starts_with(".hamish-export-"));
        let placed: Vec<&String> = left.keys().filter(|k| !k.starts_with('.')).collect();
        for name in &placed {
            assert_eq!(
                left[*name], wanted[*name],
                "round {round}: {name} is not whole"
            );
            if let Some(stem) = name.strip_suffix(".txt") {
                assert!(
                    left.contains_key(&format!("{stem}.ann")),
                    "round {round}: {name} without its .ann"
                );
            }
        }
        if staging {
            cut_short += 1;
            partly_placed += usize::from(!placed.is_empty() && placed.len() < wanted.len());
        }
        let next = export(&source, &out).output().unwrap();
        let said = String::from_utf8_lossy(&next.stderr);
        assert!(next.status.success(), "round {round}: {said}");
        assert_eq!(
            staging,
            said.contains("an earlier export was cut short"),
            "round {round}: {said}"
        );
        assert!(
            tree(&out) == wanted,
            "round {round}: the folder differs from a finished export"
        );
    }
    eprintln!(
        "{rounds} kills (export takes {export_ms} ms): {cut_short} cut an export short, \
         {partly_placed} while placing files"
    );
    assert!(cut_short > 0, "no kill landed during an export");
}
