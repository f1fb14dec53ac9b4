//! Reading a schema from RON text or a file, with errors that give the file, line and column.

use super::{Schema, SchemaProblem};
use std::path::{Path, PathBuf};

/// Why a schema could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// The file could not be read.
    #[error(
        "{path}: cannot read the schema: {source}; check that the file exists and is readable"
    )]
    Io {
        /// The schema file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The text is not a schema in RON.
    #[error("{path}:{line}:{column}: the schema is not valid RON: {message}; fix the text there")]
    Parse {
        /// The schema file (or a name for where the text came from).
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The schema parses but contradicts itself.
    #[error("{path}: the schema has {} problem(s): {}; fix them in the schema file", problems.len(), join(problems))]
    Inconsistent {
        /// The schema file.
        path: PathBuf,
        /// Every problem found.
        problems: Vec<SchemaProblem>,
    },
}

fn join(problems: &[SchemaProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Line, column (both 1-based) and message of a RON error.
pub(crate) fn ron_error_parts(err: &ron::error::SpannedError) -> (usize, usize, String) {
    (
        err.span.start.line,
        err.span.start.col,
        err.code.to_string(),
    )
}

/// RON options for reading files written by people or other programs: a recursion limit so that
/// deeply nested input fails cleanly instead of overflowing the stack.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(64)
}

impl Schema {
    /// Parses and checks a schema; `path` only names the source in errors.
    pub fn from_ron_str(text: &str, path: impl AsRef<Path>) -> Result<Self, SchemaError> {
        let path = path.as_ref();
        let schema: Schema = ron_options().from_str(text).map_err(|e| {
            let (line, column, message) = ron_error_parts(&e);
            SchemaError::Parse {
                path: path.to_owned(),
                line,
                column,
                message,
            }
        })?;
        let problems = schema.consistency_problems();
        if problems.is_empty() {
            Ok(schema)
        } else {
            Err(SchemaError::Inconsistent {
                path: path.to_owned(),
                problems,
            })
        }
    }

    /// The schema as pretty RON, as `from_ron_str` reads it.
    pub fn to_ron_string(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .escape_strings(false)
            .struct_names(false);
        // Serializing plain structs, strings and enums into a String cannot fail.
        ron::ser::to_string_pretty(self, config).expect("schema serializes to RON")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_error_names_file_line_and_column() {
        let text = "(\n  id: \"x\",\n  name_ar: 12,\n)";
        let err = Schema::from_ron_str(text, "folder/schema.ron").unwrap_err();
        match &err {
            SchemaError::Parse { line, column, .. } => {
                assert_eq!(*line, 3);
                assert!(*column > 1);
            }
            other => panic!("expected a parse error, got {other:?}"),
        }
        let msg = err.to_string();
        assert!(msg.starts_with("folder/schema.ron:3:"), "{msg}");
    }

    #[test]
    fn pretty_text_round_trips() {
        let s = Schema::fact_checking();
        let again = Schema::from_ron_str(&s.to_ron_string(), "x").unwrap();
        assert_eq!(again, s);
        assert!(s.to_ron_string().contains("ادعاء"));
    }
}
