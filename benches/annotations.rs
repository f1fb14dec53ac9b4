//! Annotations at scale (issue 10, target 5): 100,000 annotations (and 10,000 relations) on a
//! 2 M-char Arabic text, made by `support::annotated`. Benches the sidecar's save and load, the
//! one-pass line index `hamish check` needs, finding the annotations at a point, adding and
//! removing one, capturing every anchor from one char index, and export and import in every
//! format. Before criterion runs, each operation is timed once and the table printed, with the
//! memory the loaded sidecar holds.

mod support;

use criterion::{criterion_group, BatchSize, Criterion};
use hamish::model::annotation::{capture_anchors_in, Annotation, AnnotationId, Timestamp};
use hamish::model::quote::TextIndex;
use hamish::model::source_text::SourceText;
use hamish::model::text_format::TextEncoding;
use hamish::model::validate::Owner;
use hamish::model::{AnnotationSet, Schema};
use hamish::offset::{CharOffset, CharRange};
use hamish::store::formats::jsonl::{self, DoccanoShape, JsonlFlavor};
use hamish::store::formats::{brat, conll, csv_claims, webanno, AnnotatedText, LossReport};
use hamish::store::sidecar::{
    from_ron_str, to_ron_string, SchemaSource, SidecarData, SidecarLines,
};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const CHARS: usize = 2_000_000;
const COUNT: usize = 100_000;

struct Fixture {
    doc: AnnotatedText,
    schema: Schema,
    /// The document with its schema, as the CSV of claims takes it.
    claims: Vec<(AnnotatedText, Schema)>,
    sidecar: SidecarData,
    ron: String,
    brat: String,
    jsonl: String,
    conll: String,
    webanno: String,
}

fn fixture() -> Fixture {
    let (text, set) = support::annotated(CHARS, COUNT);
    let source = SourceText::new("bench.txt", text.clone(), TextEncoding::Utf8);
    let sidecar = SidecarData::new(
        &source,
        SchemaSource::Bundled("fact-checking".into()),
        set.clone(),
    );
    let doc = AnnotatedText {
        name: "bench.txt".into(),
        text,
        set,
    };
    let mut report = LossReport::new();
    Fixture {
        ron: to_ron_string(&sidecar),
        brat: brat::export_ann(&doc, &mut report),
        jsonl: jsonl::export_line(&doc, JsonlFlavor::Hamish, &mut report),
        conll: conll::export(&doc, &mut report),
        webanno: webanno::export(&doc, &mut report),
        schema: Schema::bundled("fact-checking").expect("bundled schema"),
        claims: vec![(
            doc.clone(),
            Schema::bundled("fact-checking").expect("bundled schema"),
        )],
        sidecar,
        doc,
    }
}

/// One timed operation; returns a count so the work cannot be optimised away.
type Operation<'a> = Box<dyn Fn() -> usize + 'a>;

/// Every operation of the bench, by name.
fn operations(f: &Fixture) -> Vec<(&'static str, Operation<'_>)> {
    let now = Timestamp(1_700_000_000);
    let path = Path::new("bench");
    let doc = &f.doc;
    let report = LossReport::new;
    vec![
        ("sidecar_save", Box::new(|| to_ron_string(&f.sidecar).len())),
        (
            "sidecar_load",
            Box::new(|| from_ron_str(&f.ron, "bench.ann.ron").map_or(0, |d| d.set.len())),
        ),
        (
            "check_line_index",
            Box::new(|| {
                let lines = SidecarLines::new(&f.ron);
                doc.set
                    .annotations()
                    .filter_map(|a| lines.line_of(Owner::Annotation(a.id)))
                    .count()
            }),
        ),
        (
            "capture_all_anchors",
            Box::new(|| {
                let index = TextIndex::new(&doc.text);
                doc.set
                    .annotations()
                    .map(|a| capture_anchors_in(&index, &a.ranges).len())
                    .sum()
            }),
        ),
        (
            "at_1000_points",
            Box::new(|| {
                (0..1000)
                    .map(|i| doc.set.at(CharOffset(i * (CHARS / 1000))).len())
                    .sum()
            }),
        ),
        (
            "export_brat",
            Box::new(move || brat::export_ann(doc, &mut report()).len()),
        ),
        (
            "export_jsonl_hamish",
            Box::new(move || jsonl::export_line(doc, JsonlFlavor::Hamish, &mut report()).len()),
        ),
        (
            "export_jsonl_doccano",
            Box::new(move || {
                jsonl::export_line_shaped(
                    doc,
                    JsonlFlavor::Doccano,
                    DoccanoShape::for_docs([doc]),
                    &mut report(),
                )
                .len()
            }),
        ),
        (
            "export_jsonl_label_studio",
            Box::new(move || {
                jsonl::export_line(doc, JsonlFlavor::LabelStudio, &mut report()).len()
            }),
        ),
        (
            "export_conll",
            Box::new(move || conll::export(doc, &mut report()).len()),
        ),
        (
            "export_csv",
            Box::new(move || csv_claims::export(&f.claims, &mut report()).map_or(0, |v| v.len())),
        ),
        (
            "export_webanno",
            Box::new(move || webanno::export(doc, &mut report()).len()),
        ),
        (
            "import_brat",
            Box::new(move || {
                brat::import_ann(&doc.text, &f.brat, &f.schema, path, now, &mut report()).len()
            }),
        ),
        (
            "import_jsonl",
            Box::new(move || jsonl::import(&f.jsonl, &f.schema, path, now, &mut report()).len()),
        ),
        (
            "import_conll",
            Box::new(move || conll::import(&f.conll, path, now, &mut report()).len()),
        ),
        (
            "import_webanno",
            Box::new(move || {
                webanno::import(&f.webanno, &doc.text, &f.schema, path, now, &mut report()).len()
            }),
        ),
    ]
}

/// Resident memory of this process, in MB (Linux).
fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn print_one_runs(f: &Fixture) {
    println!(
        "\n{COUNT} annotations, {} relations on {} chars; sidecar {:.1} MB; one run each:",
        f.doc.set.relations().count(),
        f.doc.text.chars().count(),
        f.ron.len() as f64 / 1e6
    );
    for (name, op) in operations(f) {
        let start = Instant::now();
        let n = black_box(op());
        println!(
            "  {name:<28} {:>9.1} ms  ({n})",
            start.elapsed().as_secs_f64() * 1e3
        );
    }
    let before = rss_mb();
    let loaded = from_ron_str(&f.ron, "bench.ann.ron");
    println!(
        "  memory held by the loaded sidecar: {:.0} MB (RSS)",
        rss_mb() - before
    );
    drop(loaded);
}

fn annotations(c: &mut Criterion) {
    let f = fixture();
    print_one_runs(&f);
    let mut group = c.benchmark_group("annotations_100k");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for (name, op) in operations(&f) {
        group.bench_function(name, |b| b.iter(|| black_box(op())));
    }
    // Adding and removing one annotation in the full set (the interval index is updated).
    let mut set: AnnotationSet = f.doc.set.clone();
    let extra = Annotation::new(
        AnnotationId(u64::MAX),
        "claim",
        vec![CharRange::from_indices(500, 540)],
        "",
        Timestamp(0),
    );
    group.bench_function("add_and_remove_one", |b| {
        b.iter_batched_ref(
            || extra.clone(),
            |a| {
                set.insert_annotation(a.clone());
                black_box(set.remove_annotation(a.id))
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, annotations);

/// Writes the fixture's files under `dir` for timing whole `hamish` processes from outside:
/// `sidecar/bench.txt` with its sidecar (check, stats, export), `brat/bench.{txt,ann}`,
/// `jsonl/bench.jsonl` and `conll/bench.conll` (import).
fn write_files(f: &Fixture, dir: &Path) -> std::io::Result<()> {
    let files = [
        ("sidecar/bench.txt", f.doc.text.as_str()),
        ("sidecar/bench.txt.ann.ron", f.ron.as_str()),
        ("brat/bench.txt", f.doc.text.as_str()),
        ("brat/bench.ann", f.brat.as_str()),
        ("jsonl/bench.jsonl", f.jsonl.as_str()),
        ("conll/bench.conll", f.conll.as_str()),
    ];
    for (rel, content) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap_or(dir))?;
        std::fs::write(&path, content)?;
    }
    Ok(())
}

fn main() {
    // `HAMISH_BENCH_FILES=DIR cargo bench --bench annotations` writes the inputs and stops.
    if let Some(dir) = std::env::var_os("HAMISH_BENCH_FILES") {
        let dir = std::path::PathBuf::from(dir);
        match write_files(&fixture(), &dir) {
            Ok(()) => println!("inputs written under {}", dir.display()),
            Err(e) => eprintln!("cannot write the inputs under {}: {e}", dir.display()),
        }
        return;
    }
    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
