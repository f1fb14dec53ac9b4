//! `hamish search QUERY PATH...`: Arabic-aware search (`crate::search`) over text files and
//! folders through the application layer (`workspace::batch::search`), one hit a line —
//! `file<TAB>start<TAB>end<TAB>text`, offsets in chars, the text as it is in the file with a
//! backslash written `\\` and control and bidi-control characters escaped as every command
//! escapes them (`\t`, `\n`, `\u{202E}`: `workspace::terminal`) — or JSON lines (`--json`) with
//! `file`, `start`, `end`, `text`. Exit code: 0 hits found, 1 no hit, 2 usage error, bad pattern,
//! missing path or a text that could not be read.

use crate::search::{Query, SearchOptions};
use crate::workspace::batch::search::{search_paths, FileHit};
use crate::workspace::terminal::{escape_json, escape_line};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `hamish search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// What to search for; harakat, tatweel and the hamza forms of alef are ignored, ى = ي,
    /// ؤ = و, ئ = ي, Latin case is ignored.
    pub query: String,
    /// Text files (any name) or folders (their `.txt` files, recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print JSON lines (`file`, `start`, `end`, `text`) instead of tab-separated lines.
    #[arg(long)]
    pub json: bool,
    /// Only whole words.
    #[arg(long, short = 'w')]
    pub whole_word: bool,
    /// With --whole-word: also inside words with the proclitics و ف ب ل ك and ال
    /// (جبهة finds وجبهة, بالجبهة).
    #[arg(long, requires = "whole_word")]
    pub clitics: bool,
    /// The query is a regular expression (Rust regex syntax), matched on the folded text.
    #[arg(long, short = 'e')]
    pub regex: bool,
    /// Also treat ة and ه as the same letter (القاعده finds القاعدة).
    #[arg(long)]
    pub ta_marbuta: bool,
    /// Latin upper and lower case differ.
    #[arg(long)]
    pub match_case: bool,
}

impl SearchArgs {
    fn options(&self) -> SearchOptions {
        SearchOptions {
            whole_word: self.whole_word,
            clitics: self.clitics,
            regex: self.regex,
            ta_marbuta: self.ta_marbuta,
            match_case: self.match_case,
        }
    }
}

/// Runs `hamish search`.
pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let query = match Query::new(&args.query, args.options()) {
        Ok(query) => query,
        Err(err) => {
            eprintln!("hamish search: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    let report = match search_paths(&args.paths, &query) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("hamish search: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    let mut out = std::io::stdout().lock();
    for hit in &report.hits {
        let line = if args.json {
            escape_json(&serde_json::to_string(hit)?).into_owned()
        } else {
            plain_line(hit)
        };
        // A closed pipe (`| head`) ends the output quietly.
        if writeln!(out, "{line}").is_err() {
            return Ok(ExitCode::SUCCESS);
        }
    }
    for file in &report.unsearched {
        eprintln!("hamish search: skipped {}", escape_line(&file.error));
    }
    Ok(ExitCode::from(if !report.unsearched.is_empty() {
        2
    } else if report.hits.is_empty() {
        1
    } else {
        0
    }))
}

/// `file<TAB>start<TAB>end<TAB>text`, with backslashes, controls and bidi controls escaped.
fn plain_line(hit: &FileHit) -> String {
    format!(
        "{}\t{}\t{}\t{}",
        escape(&hit.file),
        hit.start,
        hit.end,
        escape(&hit.text)
    )
}

/// A backslash doubled (so escapes cannot be forged), then the terminal escapes.
fn escape(text: &str) -> String {
    escape_line(&text.replace('\\', "\\\\")).into_owned()
}
