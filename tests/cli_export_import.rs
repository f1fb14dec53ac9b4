//! Runs the `hamish` binary on temporary folders: export to each format, import brat, JSONL and
//! CoNLL, a bad file in a batch, refusing to overwrite, and the exit codes 0, 1 and 2.

use hamish::model::annotation::{Annotation, AnnotationId, Timestamp};
use hamish::model::attribute::AttributeValue;
use hamish::model::relation::{Relation, RelationId};
use hamish::model::set::AnnotationSet;
use hamish::model::source_text::SourceText;
use hamish::model::text_format::TextEncoding;
use hamish::offset::CharRange;
use hamish::store::sidecar::{
    load_sidecar, sidecar_path, to_ron_string, SchemaSource, SidecarData,
};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn hamish(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hamish"))
        .args(args)
        .output()
        .unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Writes `text` and a sidecar with a claim (token-aligned) attributed to a source.
fn annotated(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let doc = SourceText::new(&path, text.to_owned(), TextEncoding::Utf8);
    let mut set = AnnotationSet::new();
    let r = |a: usize, b: usize| vec![CharRange::from_indices(a, b)];
    set.insert_annotation(Annotation::new(
        AnnotationId(1),
        "source",
        r(4, 7),
        text,
        Timestamp(1),
    ));
    let mut claim = Annotation::new(AnnotationId(2), "claim", r(8, 22), text, Timestamp(1));
    claim
        .attributes
        .insert("verdict".into(), AttributeValue::Choice("false".into()));
    set.insert_annotation(claim);
    set.insert_relation(Relation::new(
        RelationId(1),
        "attributed-to",
        AnnotationId(2),
        AnnotationId(1),
    ));
    let data = SidecarData::new(&doc, SchemaSource::Bundled("fact-checking".into()), set);
    std::fs::write(sidecar_path(&path), to_ron_string(&data)).unwrap();
    path
}

const TEXT: &str = "قال علي إن السعر ارتفع.\r\n";

#[test]
fn export_each_format_then_import_brat_jsonl_and_w3c_back() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    annotated(&corpus, "a.txt", TEXT);
    annotated(&corpus.join("sub"), "b.txt", TEXT);
    let out = tmp.path().join("out");
    let out_s = out.to_str().unwrap();
    // The verdict and the relation have no CoNLL form: exit 1 there, 0 for the others.
    for (format, expected) in [("brat", 0), ("webanno", 0), ("csv", 0), ("conll", 1)] {
        let o = hamish(&[
            "export",
            "--format",
            format,
            corpus.to_str().unwrap(),
            "--out",
            out_s,
        ]);
        assert_eq!(code(&o), expected, "{format}: {}", stderr(&o));
    }
    assert_eq!(
        std::fs::read_to_string(out.join("sub/b.txt")).unwrap(),
        TEXT
    );
    let ann = std::fs::read_to_string(out.join("a.ann")).unwrap();
    assert!(
        ann.starts_with("T1\tsource 4 7\tعلي\nT2\tclaim 8 22\t"),
        "{ann}"
    );
    assert!(out.join("annotation.conf").is_file() && out.join("sub/b.txt.jsonld").is_file());
    assert!(std::fs::read(out.join("claims.csv"))
        .unwrap()
        .starts_with(b"\xEF\xBB\xBF"));
    // doccano spans carry no attributes: exit 1 and a `lost:` line.
    let o = hamish(&[
        "export",
        "--format",
        "jsonl",
        "--flavor",
        "doccano",
        corpus.to_str().unwrap(),
        "--out",
        out_s,
    ]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("lost: a.txt: attributes: 1 (T2): doccano spans carry only a label"),
        "{}",
        stderr(&o)
    );

    let o = hamish(&[
        "export",
        "--format",
        "jsonl",
        corpus.to_str().unwrap(),
        "--out",
        out_s,
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let into = tmp.path().join("imported");
    import_ok("jsonl", &out.join("hamish.jsonl"), &into);
    let original = load_sidecar(&sidecar_path(&corpus.join("sub/b.txt"))).unwrap();
    let back = load_sidecar(&sidecar_path(&into.join("sub/b.txt"))).unwrap();
    assert_eq!(back.set, original.set);
    assert!(back.matches_text(TEXT));

    let into = tmp.path().join("from-brat");
    import_ok("brat", &out, &into);
    let back = load_sidecar(&sidecar_path(&into.join("a.txt"))).unwrap();
    assert_eq!(back.set.len(), 2);
    assert_eq!(back.set.relations().count(), 1);
    assert!(matches!(back.schema, SchemaSource::Inline(_)));

    // The W3C files, each next to its text (the brat export wrote the texts there too).
    let into = tmp.path().join("from-w3c");
    import_ok("webanno", &out, &into);
    for name in ["a.txt", "sub/b.txt"] {
        let original = load_sidecar(&sidecar_path(&corpus.join(name))).unwrap();
        let back = load_sidecar(&sidecar_path(&into.join(name))).unwrap();
        assert_eq!(back.set.len(), original.set.len(), "{name}");
        assert_eq!(back.set.relations().count(), 1, "{name}");
        for (a, b) in back.set.annotations().zip(original.set.annotations()) {
            assert_eq!(
                (&a.label, &a.ranges, &a.attributes),
                (&b.label, &b.ranges, &b.attributes)
            );
        }
        assert!(back.matches_text(TEXT), "{name}");
    }
    // A W3C file without its text beside it: the path where the text was looked for, exit 1.
    let lone = tmp.path().join("lone");
    std::fs::create_dir_all(&lone).unwrap();
    std::fs::copy(out.join("a.txt.jsonld"), lone.join("a.txt.jsonld")).unwrap();
    let o = hamish(&[
        "import",
        "--format",
        "webanno",
        lone.to_str().unwrap(),
        "--into",
        tmp.path().join("from-lone").to_str().unwrap(),
    ]);
    assert_ne!(code(&o), 0);
    let expected = lone.join("a.txt");
    assert!(
        stderr(&o).contains(&expected.display().to_string()),
        "{}",
        stderr(&o)
    );
}

#[test]
fn one_bad_file_is_reported_and_the_batch_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    annotated(tmp.path(), "good.txt", TEXT);
    let bad = annotated(tmp.path(), "bad.txt", TEXT);
    std::fs::write(sidecar_path(&bad), "(format: 1, text: oops").unwrap();
    let changed = annotated(tmp.path(), "changed.txt", TEXT);
    std::fs::write(&changed, "نص آخر").unwrap();
    let out = tmp.path().join("out");
    let o = hamish(&[
        "export",
        "--format",
        "brat",
        tmp.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(err.contains("bad.txt.ann.ron"), "{err}");
    assert!(
        err.contains("changed.txt") && err.contains("text changed"),
        "{err}"
    );
    assert!(out.join("good.ann").is_file());
    assert!(!out.join("bad.ann").exists());
}

#[test]
fn import_never_overwrites_without_force_and_usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let conll = tmp.path().join("n.conll");
    std::fs::write(&conll, "-DOCSTART- O\n\nقال O\nعلي B-source\n").unwrap();
    let into = tmp.path().join("into");
    std::fs::create_dir_all(&into).unwrap();
    std::fs::write(into.join("n.txt"), "نص قديم").unwrap();
    let args = [
        "import",
        "--format",
        "conll",
        conll.to_str().unwrap(),
        "--into",
        into.to_str().unwrap(),
    ];
    let o = hamish(&args);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(into.join("n.txt")).unwrap(),
        "نص قديم"
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    let o = hamish(&forced);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(into.join("n.txt")).unwrap(),
        "قال علي"
    );
    assert_eq!(
        load_sidecar(&sidecar_path(&into.join("n.txt")))
            .unwrap()
            .set
            .len(),
        1
    );
    // Replaced atomically, keeping the old text as `.bak`, and without a temp file left.
    let mut names: Vec<String> = std::fs::read_dir(&into)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["n.txt", "n.txt.ann.ron", "n.txt.bak"]);
    assert_eq!(
        std::fs::read_to_string(into.join("n.txt.bak")).unwrap(),
        "نص قديم"
    );

    assert_eq!(
        code(&hamish(&["export", "--format", "nope", "x", "--out", "y"])),
        2
    );
    assert_eq!(
        code(&hamish(&[
            "export",
            "--format",
            "brat",
            "/no/such/path",
            "--out",
            "y"
        ])),
        2
    );
    let help = hamish(&["export", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("Exit codes: 0"));
}

#[test]
fn brat_corpus_through_the_binary_comes_back_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/brat-sample");
    let into = tmp.path().join("sidecars");
    let o = hamish(&[
        "import",
        "--format",
        "brat",
        sample.to_str().unwrap(),
        "--into",
        into.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = tmp.path().join("brat");
    let o = hamish(&[
        "export",
        "--format",
        "brat",
        into.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for file in ["prices.ann", "prices.txt"] {
        assert_eq!(
            std::fs::read(out.join(file)).unwrap(),
            std::fs::read(sample.join(file)).unwrap(),
            "{file}"
        );
    }
    // The same folder given twice is one corpus (the walk finds each file once).
    let o = hamish(&[
        "export",
        "--format",
        "brat",
        into.to_str().unwrap(),
        into.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // Two folders whose documents have the same names: the second is refused, not overwritten.
    let twin = tmp.path().join("twin");
    std::fs::create_dir(&twin).unwrap();
    for entry in std::fs::read_dir(&into).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), twin.join(entry.file_name())).unwrap();
    }
    let o = hamish(&[
        "export",
        "--format",
        "brat",
        into.to_str().unwrap(),
        twin.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("same name"), "{}", stderr(&o));
}

#[test]
fn windows_1256_crlf_document_exports_to_brat_as_utf8_with_char_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let text = "قال علي إن السعر ارتفع.\r\nوأكد الوزير الخبر.\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the file must not be UTF-8"
    );
    let path = corpus.join("cp.txt");
    std::fs::write(&path, &bytes).unwrap();
    let doc = SourceText::new(&path, text.to_owned(), TextEncoding::Windows1256);
    let mut set = AnnotationSet::new();
    // "الوزير" on the second line: after a CR LF, which counts as two chars.
    let start = text.chars().position(|c| c == 'ل').unwrap();
    let second = text.find("الوزير").unwrap();
    let s2 = text[..second].chars().count();
    let ranges = [(start - 1, start + 2), (s2, s2 + 6)];
    for (k, (a, b)) in ranges.iter().enumerate() {
        set.insert_annotation(Annotation::new(
            AnnotationId(k as u64 + 1),
            "source",
            vec![CharRange::from_indices(*a, *b)],
            text,
            Timestamp(1),
        ));
    }
    let data = SidecarData::new(&doc, SchemaSource::Bundled("fact-checking".into()), set);
    std::fs::write(sidecar_path(&path), to_ron_string(&data)).unwrap();

    let out = dir.path().join("out");
    let o = hamish(&[
        "export",
        "--format",
        "brat",
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(out.join("cp.txt")).unwrap(), text);
    let ann = std::fs::read_to_string(out.join("cp.ann")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let covered = |(a, b): (usize, usize)| chars[a..b].iter().collect::<String>();
    let expected: String = ranges
        .iter()
        .enumerate()
        .map(|(k, &(a, b))| format!("T{}\tsource {a} {b}\t{}\n", k + 1, covered((a, b))))
        .collect();
    assert_eq!(ann, expected);
    assert_eq!(covered(ranges[1]), "الوزير");
    // Outputs are saved atomically without a `.bak`, and no temp file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["annotation.conf", "cp.ann", "cp.txt"]);
}

/// `hamish import` of `src` (brat) into `into`, expecting exit 0.
/// `hamish import --format FORMAT SRC --into INTO`, which must succeed.
fn import_ok(format: &str, src: &Path, into: &Path) {
    let o = hamish(&[
        "import",
        "--format",
        format,
        src.to_str().unwrap(),
        "--into",
        into.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

/// The lines of a `.ann` with A and `#` ids dropped (they are renumbered), sorted.
fn ann_lines(path: &Path) -> Vec<String> {
    let mut lines: Vec<String> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let l = l.trim_end();
            match l.split_once('\t') {
                Some((id, rest)) if id.starts_with(['A', 'M', '#']) => {
                    format!("{}\t{rest}", if id.starts_with('#') { "#" } else { "A" })
                }
                _ => l.to_owned(),
            }
        })
        .collect();
    lines.sort();
    lines
}

#[test]
fn brat_tutorial_with_events_comes_back_through_sidecars() {
    let tmp = tempfile::tempdir().unwrap();
    let news =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/brat-examples/tutorials/news");
    let into = tmp.path().join("sidecars");
    import_ok("brat", &news, &into);
    // Events, comments, normalizations and equivalences are in the sidecar.
    let data = load_sidecar(&sidecar_path(&into.join("000-introduction.txt"))).unwrap();
    assert_eq!(data.set.standoff.normalizations.len(), 1);
    let out = tmp.path().join("brat");
    let o = hamish(&[
        "export",
        "--format",
        "brat",
        into.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut files = 0;
    for entry in std::fs::read_dir(&news).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ann") {
            let name = path.file_name().unwrap();
            assert_eq!(ann_lines(&out.join(name)), ann_lines(&path), "{name:?}");
            files += 1;
        }
    }
    assert!(files >= 7, "{files} files");
    let conf = std::fs::read_to_string(out.join("annotation.conf")).unwrap();
    assert!(conf.contains("Merge-org\tOrg-Arg+:Organization"), "{conf}");
    assert!(conf.contains("Alias\tArg1:Person, Arg2:Person, <REL-TYPE>:symmetric-transitive"));
}

#[test]
fn claims_csv_of_a_brat_corpus_labelled_claim_has_its_claims() {
    let tmp = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/brat-sample");
    let src = tmp.path().join("src");
    std::fs::create_dir(&src).unwrap();
    // The same corpus as a fact-checking team's brat setup spells it: capitalised types.
    for name in ["annotation.conf", "prices.ann", "prices.txt"] {
        let text = std::fs::read_to_string(sample.join(name)).unwrap();
        let text = text
            .replace("claim", "Claim")
            .replace("attributed-to", "Attributed-to")
            .replace("check-worthy", "CheckWorthy");
        std::fs::write(src.join(name), text).unwrap();
    }
    let into = tmp.path().join("sidecars");
    import_ok("brat", &src, &into);
    let out = tmp.path().join("csv");
    let o = hamish(&[
        "export",
        "--format",
        "csv",
        into.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let bytes = std::fs::read(out.join("claims.csv")).unwrap();
    let mut rows = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][2], "أنّ الأسعار ستنخفض");
    assert_eq!(&rows[0][3], "المتحدث باسم الوزارة");
    assert_eq!(&rows[0][6], "yes");

    // A corpus without any claim label: a `lost:` line of its own kind, exit 1.
    let plain = tmp.path().join("plain");
    std::fs::create_dir(&plain).unwrap();
    std::fs::write(plain.join("annotation.conf"), "[entities]\nPerson\n").unwrap();
    std::fs::write(plain.join("a.txt"), "علي").unwrap();
    std::fs::write(plain.join("a.ann"), "T1\tPerson 0 3\tعلي\n").unwrap();
    let into = tmp.path().join("plain-sidecars");
    import_ok("brat", &plain, &into);
    let o = hamish(&[
        "export",
        "--format",
        "csv",
        into.to_str().unwrap(),
        "--out",
        tmp.path().join("csv2").to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("lost: a.txt: claims: no label of schema `plain` is called claim"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn allowed_loss_kinds_exit_0_and_others_still_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    annotated(&corpus, "a.txt", TEXT);
    let out = tmp.path().join("out");
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "--format", "conll", corpus.to_str().unwrap()];
        args.extend_from_slice(&["--out", out.to_str().unwrap(), "--force"]);
        args.extend_from_slice(extra);
        hamish(&args)
    };
    // CoNLL never carries the verdict or the relation: exit 1 unless both kinds are allowed.
    assert_eq!(code(&export(&[])), 1);
    assert_eq!(code(&export(&["--allow-loss", "relations"])), 1);
    let o = export(&["--allow-loss", "relations,attributes"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("lost: a.txt: relations: 1 (R1)"));
    assert!(
        stderr(&o).contains("2 lost (2 of allowed kinds)"),
        "{}",
        stderr(&o)
    );
    // `other` (unexpected losses) cannot be allowed, and a misspelt kind is a usage error.
    assert_eq!(code(&export(&["--allow-loss", "other"])), 2);
    assert_eq!(code(&export(&["--allow-loss", "relation"])), 2);
    // A span off token boundaries is its own kind: not allowed by the two above.
    let text = "قال عليٌّ إن السعر ارتفع.\r\n";
    annotated(&corpus, "b.txt", text);
    let o = export(&["--allow-loss", "relations,attributes"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("does not fall on token boundaries"));
}

#[test]
fn doccano_file_has_a_bom_and_w3c_ids_follow_base() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    annotated(&corpus, "a b.txt", TEXT);
    let out = tmp.path().join("out");
    let run = |args: &[&str]| {
        let mut all = vec!["export"];
        all.extend_from_slice(args);
        all.extend_from_slice(&[corpus.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        all.extend_from_slice(&["--allow-loss", "attributes"]);
        hamish(&all)
    };
    let o = run(&["--format", "jsonl", "--flavor", "doccano"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let bytes = std::fs::read(out.join("doccano.jsonl")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF{"));
    let o = run(&[
        "--format",
        "webanno",
        "--base",
        "https://example.org/corpus/",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("a b.txt.jsonld")).unwrap()).unwrap();
    assert_eq!(v["id"], "https://example.org/corpus/a%20b.txt#annotations");
    assert_eq!(v["first"]["partOf"], v["id"]);
    assert_eq!(v["first"]["startIndex"], 0);
    assert_eq!(
        v["first"]["items"][0]["id"],
        "https://example.org/corpus/a%20b.txt#T1"
    );
    assert_eq!(
        v["first"]["items"][0]["target"]["source"],
        "https://example.org/corpus/a%20b.txt"
    );
}
