//! CoNLL IOB2 exports are well-formed for any input (every `I-X` follows `B-X` or `I-X`, tokens
//! hold no whitespace, exactly two columns, one blank line between sentences), with and without
//! the proclitic split; the sample article with token-aligned spans exports without any loss
//! entry; a span after a proclitic is tagged (و O, جبهة B-ORG, النصرة I-ORG).

use hamish::model::annotation::{Annotation, AnnotationId, Timestamp};
use hamish::model::set::AnnotationSet;
use hamish::offset::CharRange;
use hamish::store::formats::conll::{self, DOCSTART};
use hamish::store::formats::{AnnotatedText, LossReport};
use proptest::prelude::*;

const NOW: Timestamp = Timestamp(1_800_000_000);
/// Arabic letters and marks, Latin, digits, punctuation, emoji, joiners and every kind of space
/// and line break the tokenizer must handle.
const ALPHABET: &[char] = &[
    'ق', 'ا', 'ل', 'َ', 'ّ', 'و', 'ب', ' ', '\r', '\n', '\t', '\u{a0}', '\u{2029}', '🙂', '\u{200d}',
    '1', '،', '؟', '.', '«', 'e', '-',
];

/// Checks one export against IOB2 as CoNLL files write it; the error says which line is wrong.
fn check_iob2(out: &str) -> Result<(), String> {
    let body = out
        .strip_prefix(&format!("{DOCSTART}\n\n"))
        .ok_or("no -DOCSTART- line and blank line first")?;
    if body.is_empty() {
        return Ok(());
    }
    let body = body
        .strip_suffix("\n\n")
        .ok_or("the last sentence is not ended by a blank line")?;
    for (s, sentence) in body.split("\n\n").enumerate() {
        if sentence.is_empty() {
            return Err(format!("sentence {s} is empty (two blank lines in a row)"));
        }
        let mut previous: Option<&str> = None;
        for line in sentence.split('\n') {
            let cols: Vec<&str> = line.split(' ').collect();
            let [token, tag] = cols.as_slice() else {
                return Err(format!("{line:?}: not exactly two columns"));
            };
            if token.is_empty() || token.chars().any(char::is_whitespace) {
                return Err(format!("{line:?}: empty token or whitespace in it"));
            }
            previous = match (*tag, tag.split_once('-')) {
                ("O", _) => None,
                (_, Some(("B", label))) if !label.is_empty() => Some(label),
                (_, Some(("I", label))) if previous == Some(label) => Some(label),
                _ => return Err(format!("{line:?}: not O, B-X, or I-X after B-X/I-X")),
            };
        }
    }
    Ok(())
}

#[test]
fn the_checker_rejects_broken_iob2() {
    let ok = format!("{DOCSTART}\n\nقال B-cue\nعلي B-source\nإن I-source\n\n. O\n\n");
    assert_eq!(check_iob2(&ok), Ok(()));
    for bad in [
        "قال O\n\n",
        "قال I-cue\n\n",
        "قال B-cue\nعلي I-source\n\n",
        "قال B-cue\n\nعلي I-cue\n\n",
        "قال  B-cue\n\n",
        "قال B-cue x\n\n",
        "قال B-cue\n\n\nعلي O\n\n",
        "قال B-cue\n",
    ] {
        let text = if bad.starts_with(DOCSTART) {
            bad.to_owned()
        } else {
            format!("{DOCSTART}\n\n{bad}")
        };
        let first = text == format!("{DOCSTART}\n\nقال O\n\n");
        assert_eq!(check_iob2(&text).is_ok(), first, "{bad:?}");
    }
}

fn doc_strategy() -> impl Strategy<Value = AnnotatedText> {
    prop::collection::vec(0..ALPHABET.len(), 0..50)
        .prop_flat_map(|idx| {
            let text: String = idx.iter().map(|&i| ALPHABET[i]).collect();
            let len = idx.len();
            let range = (0..=len, 0..=len).prop_map(|(a, b)| CharRange::from_indices(a, b));
            let span = (prop::collection::vec(range, 1..3), 0..3usize);
            (Just(text), prop::collection::vec(span, 0..8))
        })
        .prop_map(|(text, spans)| {
            let mut set = AnnotationSet::new();
            for (k, (ranges, label)) in spans.into_iter().enumerate() {
                let label = ["claim", "source", "cue"][label];
                let a = Annotation::new(AnnotationId(k as u64 + 1), label, ranges, &text, NOW);
                set.insert_annotation(a);
            }
            AnnotatedText {
                name: "p.txt".into(),
                text,
                set,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_export_is_well_formed_iob2(doc in doc_strategy(), split_clitics in any::<bool>()) {
        let mut report = LossReport::new();
        let options = conll::ConllOptions { split_clitics };
        let out = conll::export_with(&doc, options, &mut report);
        prop_assert_eq!(check_iob2(&out), Ok(()), "{}", out);
    }
}

/// The char range of the first `needle` in `text`.
fn find(text: &str, needle: &str) -> CharRange {
    let byte = text.find(needle).expect("needle in the sample");
    let start = text[..byte].chars().count();
    CharRange::from_indices(start, start + needle.chars().count())
}

#[test]
fn sample_article_with_token_aligned_spans_exports_without_loss() {
    let text = include_str!("../assets/samples/news-ar-001.txt");
    let mut set = AnnotationSet::new();
    let spans = [
        ("source", "محللوا الاستخبارات الأمريكية"),
        ("claim", "شبكة الإرهاب العالمي"),
        ("source", "تنظيم القاعدة"),
        ("cue", "يراقب"),
    ];
    for (k, (label, needle)) in spans.iter().enumerate() {
        let a = Annotation::new(
            AnnotationId(k as u64 + 1),
            *label,
            vec![find(text, needle)],
            text,
            NOW,
        );
        set.insert_annotation(a);
    }
    let doc = AnnotatedText {
        name: "news-ar-001.txt".into(),
        text: text.into(),
        set,
    };
    let mut report = LossReport::new();
    let out = conll::export(&doc, &mut report);
    assert!(report.is_empty(), "{report}");
    assert_eq!(check_iob2(&out), Ok(()));
    // For scripts/check-conll.py: `HAMISH_WRITE_CONLL=/tmp/sample.conll cargo test --test formats_conll`.
    if let Some(path) = std::env::var_os("HAMISH_WRITE_CONLL") {
        std::fs::write(path, &out).unwrap();
    }
    for line in [
        "يراقب B-cue\nمحللوا B-source\nالاستخبارات I-source\nالأمريكية I-source\n",
        "شبكة B-claim\nالإرهاب I-claim\nالعالمي I-claim\n",
    ] {
        assert!(out.contains(line), "{line:?} missing from:\n{out}");
    }
    // Read back, the spans are the same labels over the same words.
    let back = conll::import(&out, std::path::Path::new("x.conll"), NOW, &mut report);
    assert!(report.is_empty(), "{report}");
    let labels: Vec<(String, String)> = back[0]
        .set
        .annotations_in_text_order()
        .into_iter()
        .map(|a| (a.label.clone(), a.covered_text(&back[0].text)))
        .collect();
    assert_eq!(labels.len(), spans.len());
    for (label, needle) in spans {
        assert!(
            labels.contains(&(label.to_owned(), needle.to_owned())),
            "{labels:?}"
        );
    }
}

/// One document holding `text` with `spans` (label, needle) annotated.
fn doc_with(text: &str, spans: &[(&str, &str)]) -> AnnotatedText {
    let mut set = AnnotationSet::new();
    for (k, (label, needle)) in spans.iter().enumerate() {
        let a = Annotation::new(
            AnnotationId(k as u64 + 1),
            *label,
            vec![find(text, needle)],
            text,
            NOW,
        );
        set.insert_annotation(a);
    }
    AnnotatedText {
        name: "clitics.txt".into(),
        text: text.into(),
        set,
    }
}

#[test]
fn a_span_after_a_proclitic_is_tagged_with_the_proclitic_as_o() {
    let doc = doc_with(
        "قاتلت القوات وجبهة النصرة بالقرب من حلب.",
        &[("ORG", "جبهة النصرة"), ("LOC", "حلب")],
    );
    let mut report = LossReport::new();
    let out = conll::export(&doc, &mut report);
    assert!(report.is_empty(), "{report}");
    assert_eq!(check_iob2(&out), Ok(()));
    assert!(
        out.contains("القوات O\nو O\nجبهة B-ORG\nالنصرة I-ORG\nبالقرب O\n"),
        "{out}"
    );
    // Read back, the span covers the same words (tokens joined by spaces).
    let back = conll::import(&out, std::path::Path::new("x.conll"), NOW, &mut report);
    let covered: Vec<String> = back[0]
        .set
        .annotations_in_text_order()
        .iter()
        .map(|a| a.covered_text(&back[0].text))
        .collect();
    assert_eq!(covered, ["جبهة النصرة", "حلب"]);
    // For scripts/check-conll.py: `HAMISH_WRITE_CONLL_CLITICS=/tmp/c.conll cargo test ...`.
    if let Some(path) = std::env::var_os("HAMISH_WRITE_CONLL_CLITICS") {
        let options = conll::ConllOptions {
            split_clitics: true,
        };
        std::fs::write(path, conll::export_with(&doc, options, &mut report)).unwrap();
    }
}

#[test]
fn split_clitics_cuts_the_letters_before_the_article_everywhere() {
    let doc = doc_with("وبالقرب من الحدود وللقوات وجبهة", &[("LOC", "الحدود")]);
    let options = conll::ConllOptions {
        split_clitics: true,
    };
    let mut report = LossReport::new();
    let out = conll::export_with(&doc, options, &mut report);
    assert!(report.is_empty(), "{report}");
    assert_eq!(check_iob2(&out), Ok(()));
    let tokens: Vec<&str> = out
        .lines()
        .skip(2)
        .filter_map(|l| l.split(' ').next())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(
        tokens,
        [
            "و",
            "ب",
            "القرب",
            "من",
            "الحدود",
            "و",
            "ل",
            "لقوات",
            "وجبهة"
        ]
    );
    // Without the option only annotation edges cut words.
    let plain = conll::export(&doc, &mut report);
    assert!(
        plain.contains("وبالقرب O\n") && plain.contains("وللقوات O\n"),
        "{plain}"
    );
}

#[test]
fn an_edge_between_a_letter_and_its_harakat_is_still_reported() {
    // The span ends before the damma of its last letter.
    let text = "قالت الجبهةُ ذلك";
    let mut doc = doc_with(text, &[]);
    let end = "قالت الجبهة".chars().count();
    doc.set.insert_annotation(Annotation::new(
        AnnotationId(1),
        "ORG",
        vec![CharRange::from_indices(5, end)],
        text,
        NOW,
    ));
    let mut report = LossReport::new();
    let out = conll::export(&doc, &mut report);
    assert_eq!(report.len(), 1, "{report}");
    assert!(report.to_string().contains("token boundaries"), "{report}");
    assert!(out.contains("الجبهةُ O\n"), "{out}");
}
