//! `hamish import`: import brat, JSONL (Hamish, doccano, Label Studio) or CoNLL annotations into
//! sidecar files, with the text written next to them. Sources are read in parallel; an existing
//! file is never replaced by different content without `--force`.

use super::export::{finish, progress_bar, EXIT_CODES};
use crate::model::annotation::Timestamp;
use crate::model::schema::Schema;
use crate::model::set::AnnotationSet;
use crate::model::source_text::SourceText;
use crate::model::text_format::TextEncoding;
use crate::store::formats::files::{read_text, write_file};
use crate::store::formats::walk::{collect, safe_relative, Found};
use crate::store::formats::{brat, conll, jsonl, FormatError, ImportFormat, LossReport};
use crate::store::sidecar::{
    sidecar_path_for, to_ron_string, AnnotatorName, SchemaSource, SidecarData, FOLDER_SCHEMA_FILE,
};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `hamish import`.
#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_CODES)]
pub struct ImportArgs {
    /// Source files or folders (brat: `.ann` files; jsonl: `.jsonl`/`.json`; conll: `.conll`).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The format to read.
    #[arg(long, value_enum)]
    pub format: ImportFormat,
    /// The folder to write texts and sidecars into (created if needed).
    #[arg(long)]
    pub into: PathBuf,
    /// Overwrite texts or sidecars that exist with different content.
    #[arg(long)]
    pub force: bool,
    /// Write this annotator's files (`<text>.<NAME>.ann.ron`) instead of the gold
    /// `<text>.ann.ron`.
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<AnnotatorName>,
}

/// One document ready to be written.
struct Imported {
    rel: PathBuf,
    text: String,
    schema: SchemaSource,
    set: AnnotationSet,
}

/// Runs `hamish import`.
pub fn run(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let wanted: &dyn Fn(&str) -> bool = match args.format {
        ImportFormat::Brat => &|n: &str| n.ends_with(".ann") && !n.ends_with(".ann.ron"),
        ImportFormat::Jsonl => &|n: &str| n.ends_with(".jsonl") || n.ends_with(".json"),
        ImportFormat::Conll => {
            &|n: &str| n.ends_with(".conll") || n.ends_with(".iob") || n.ends_with(".bio")
        }
    };
    let found = collect(&args.paths, wanted)?;
    std::fs::create_dir_all(&args.into).map_err(|source| FormatError::Io {
        path: args.into.clone(),
        source,
    })?;
    // Attribute values are typed by the schema new sidecars get: the target folder's, or the bundled one.
    let default_source = SchemaSource::default_for(&args.into);
    let default_schema = match &default_source {
        SchemaSource::Folder => Schema::load(args.into.join(FOLDER_SCHEMA_FILE))?,
        _ => Schema::fact_checking(),
    };
    let now = Timestamp::now();
    let bar = progress_bar(found.len());
    let results: Vec<(Result<usize, String>, LossReport)> = found
        .par_iter()
        .map(|f| {
            let mut report = LossReport::new();
            let result = read_source(&args, f, &default_source, &default_schema, now, &mut report)
                .and_then(|docs| {
                    let n = docs.len();
                    docs.into_iter()
                        .try_for_each(|d| write_imported(&args, d))
                        .map(|()| n)
                })
                .map_err(|e| format!("{}: {e}", f.path.display()));
            bar.inc(1);
            (result, report)
        })
        .collect();
    bar.finish_and_clear();
    let mut report = LossReport::new();
    let mut failed = Vec::new();
    let mut done = 0;
    for (result, r) in results {
        report.extend(r);
        match result {
            Ok(n) => done += n,
            Err(e) => failed.push(e),
        }
    }
    Ok(finish(&failed, &report, done))
}

fn read_source(
    args: &ImportArgs,
    f: &Found,
    default_source: &SchemaSource,
    default_schema: &Schema,
    now: Timestamp,
    report: &mut LossReport,
) -> Result<Vec<Imported>, FormatError> {
    let stem = f.name.rsplit_once('.').map_or(f.name.as_str(), |(s, _)| s);
    match args.format {
        ImportFormat::Brat => {
            let (text, ann) = brat::read_pair(&f.path)?;
            let (source, schema) = match find_conf(&f.path) {
                Some(conf_path) => {
                    let conf = read_text(&conf_path)?;
                    let id = conf_path
                        .parent()
                        .and_then(|p| p.file_name())
                        .map_or("brat".into(), |n| n.to_string_lossy().into_owned());
                    let schema = brat::import_conf(&conf, &id, &conf_path, report);
                    (SchemaSource::Inline(schema.clone()), schema)
                }
                None => (default_source.clone(), default_schema.clone()),
            };
            let set = brat::import_ann(&text, &ann, &schema, &f.path, now, report);
            let (text, set) = brat::drop_bom(text, set);
            Ok(vec![Imported {
                rel: safe_relative(&format!("{stem}.txt")),
                text,
                schema: source,
                set,
            }])
        }
        ImportFormat::Jsonl => {
            let input = read_text(&f.path)?;
            let docs = jsonl::import(&input, default_schema, &f.path, now, report);
            Ok(docs
                .into_iter()
                .enumerate()
                .map(|(k, d)| {
                    let name = d.name.unwrap_or_else(|| format!("{stem}-{}", k + 1));
                    let name = if Path::new(&name).extension().is_some() {
                        name
                    } else {
                        format!("{name}.txt")
                    };
                    Imported {
                        rel: safe_relative(&name),
                        text: d.text,
                        schema: default_source.clone(),
                        set: d.set,
                    }
                })
                .collect())
        }
        ImportFormat::Conll => {
            let input = read_text(&f.path)?;
            let docs = conll::import(&input, &f.path, now, report);
            let single = docs.len() == 1;
            Ok(docs
                .into_iter()
                .enumerate()
                .map(|(k, d)| {
                    let name = if single {
                        format!("{stem}.txt")
                    } else {
                        format!("{stem}-{}.txt", k + 1)
                    };
                    Imported {
                        rel: safe_relative(&name),
                        text: d.text,
                        schema: default_source.clone(),
                        set: d.set,
                    }
                })
                .collect())
        }
    }
}

/// The `annotation.conf` brat would use for `ann`: in its folder or the nearest parent.
fn find_conf(ann: &Path) -> Option<PathBuf> {
    ann.ancestors()
        .skip(1)
        .map(|d| d.join(brat::CONF_FILE))
        .find(|p| p.is_file())
}

fn write_imported(args: &ImportArgs, d: Imported) -> Result<(), FormatError> {
    let force = args.force;
    let text_path = args.into.join(&d.rel);
    let doc = SourceText::new(&text_path, d.text, TextEncoding::Utf8);
    write_file(&text_path, doc.text.as_bytes(), force)?;
    let data = SidecarData::new(&doc, d.schema, d.set);
    write_file(
        &sidecar_path_for(&text_path, args.annotator.as_ref()),
        to_ron_string(&data).as_bytes(),
        force,
    )
}
