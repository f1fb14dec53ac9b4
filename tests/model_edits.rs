//! Edits as values: apply returns the inverse, failed edits change nothing, undo/redo through
//! `History` give back exactly the earlier states (property-tested over random edit sequences).

use hamish::model::attribute::AttributeValue;
use hamish::model::quote::Quote;
use hamish::model::{
    Annotation, AnnotationId, AnnotationSet, AnnotationStatus, Edit, EditError, History, Relation,
    RelationId, Timestamp,
};
use hamish::offset::CharRange;
use proptest::prelude::*;

const TEXT: &str = "قالَ الوزيرُ إنّ الخطة نجحت 👍\r\nوأكد المتحدث ذلك.";

fn ann(id: u64, label: &str, start: usize, end: usize) -> Annotation {
    Annotation::new(
        AnnotationId(id),
        label,
        vec![CharRange::from_indices(start, end)],
        TEXT,
        Timestamp(id),
    )
}

fn starting_set() -> AnnotationSet {
    let mut set = AnnotationSet::new();
    set.insert_annotation(ann(1, "claim", 17, 27));
    set.insert_annotation(ann(2, "source", 5, 12));
    set.insert_annotation(ann(3, "cue", 0, 4));
    set.insert_relation(Relation::new(
        RelationId(1),
        "attributed-to",
        AnnotationId(1),
        AnnotationId(2),
    ));
    set.insert_relation(Relation::new(
        RelationId(2),
        "cue-of",
        AnnotationId(3),
        AnnotationId(1),
    ));
    set
}

#[test]
fn remove_annotation_takes_its_relations_and_undo_brings_them_back() {
    let mut set = starting_set();
    let original = set.clone();
    let inverse = Edit::RemoveAnnotation(AnnotationId(1))
        .apply(&mut set)
        .unwrap();
    assert!(set.annotation(AnnotationId(1)).is_none());
    assert_eq!(set.relations().count(), 0, "both relations touched T1");
    inverse.apply(&mut set).unwrap();
    assert_eq!(set, original);
}

#[test]
fn group_is_all_or_nothing() {
    let mut set = starting_set();
    let original = set.clone();
    let group = Edit::Group(vec![
        Edit::SetLabel {
            id: AnnotationId(2),
            label: "quote".into(),
        },
        Edit::SetNote {
            id: AnnotationId(2),
            note: "ملاحظة".into(),
        },
        Edit::SetLabel {
            id: AnnotationId(99),
            label: "claim".into(),
        },
    ]);
    assert_eq!(
        group.apply(&mut set),
        Err(EditError::NoSuchAnnotation(AnnotationId(99)))
    );
    assert_eq!(set, original);
}

#[test]
fn refused_edits_name_the_problem() {
    let mut set = starting_set();
    assert_eq!(
        Edit::AddAnnotation(ann(2, "claim", 0, 1)).apply(&mut set),
        Err(EditError::AnnotationIdTaken(AnnotationId(2)))
    );
    assert_eq!(
        Edit::AddRelation(Relation::new(
            RelationId(7),
            "cue-of",
            AnnotationId(3),
            AnnotationId(8)
        ))
        .apply(&mut set),
        Err(EditError::DanglingRelation {
            relation: RelationId(7),
            missing: AnnotationId(8)
        })
    );
    let err = Edit::SetRanges {
        id: AnnotationId(1),
        ranges: vec![CharRange::from_indices(0, 2)],
        anchors: vec![],
    }
    .apply(&mut set)
    .unwrap_err();
    assert!(
        err.to_string().contains("1 range(s) but 0 anchor(s)"),
        "{err}"
    );
    assert_eq!(set, starting_set());
}

#[test]
fn invert_does_not_change_the_set_and_matches_apply() {
    let set = starting_set();
    let edit = Edit::SetAttribute {
        id: AnnotationId(1),
        attribute: "verdict".into(),
        value: Some(AttributeValue::Choice("false".into())),
    };
    let inverse = edit.invert(&set).unwrap();
    assert_eq!(set, starting_set());
    let mut applied = set.clone();
    assert_eq!(edit.apply(&mut applied).unwrap(), inverse);
    assert_eq!(
        inverse,
        Edit::SetAttribute {
            id: AnnotationId(1),
            attribute: "verdict".into(),
            value: None
        }
    );
}

#[test]
fn stamped_edit_sets_modified_time_and_editor_and_undoes_as_one_step() {
    let mut set = starting_set();
    let mut history = History::new();
    let edit = Edit::SetLabel {
        id: AnnotationId(2),
        label: "quote".into(),
    }
    .stamped(Timestamp(500), "سلمى");
    history.apply(&mut set, edit).unwrap();
    let a = set.annotation(AnnotationId(2)).unwrap();
    assert_eq!(
        (a.label.as_str(), a.modified, a.modified_by.as_str()),
        ("quote", Timestamp(500), "سلمى")
    );
    assert!(history.undo(&mut set).unwrap());
    assert_eq!(set, starting_set());
    let remove = Edit::RemoveRelation(RelationId(1));
    assert_eq!(remove.clone().stamped(Timestamp(1), "x"), remove);
}

#[test]
fn history_tracks_saved_state() {
    let mut set = starting_set();
    let mut history = History::new();
    assert!(!history.is_modified());
    history
        .apply(
            &mut set,
            Edit::SetNote {
                id: AnnotationId(1),
                note: "a".into(),
            },
        )
        .unwrap();
    assert!(history.is_modified());
    history.mark_saved();
    assert!(!history.is_modified());
    assert!(history.undo(&mut set).unwrap());
    assert!(history.is_modified());
    assert!(history.redo(&mut set).unwrap());
    assert!(!history.is_modified());
    assert!(history.undo(&mut set).unwrap());
    // A new edit drops the redo stack, and with it the saved state.
    history
        .apply(
            &mut set,
            Edit::SetNote {
                id: AnnotationId(1),
                note: "b".into(),
            },
        )
        .unwrap();
    assert!(history.is_modified());
    assert!(!history.can_redo());
    assert!(!history.redo(&mut set).unwrap());
}

/// A random edit, chosen against the current set so that most edits apply and some fail.
#[derive(Debug, Clone)]
struct Seed {
    op: u8,
    pick: usize,
    pick2: usize,
    a: usize,
    b: usize,
    word: usize,
}

fn seed() -> impl Strategy<Value = Seed> {
    (
        0u8..14,
        0usize..8,
        0usize..8,
        0usize..60,
        0usize..60,
        0usize..6,
    )
        .prop_map(|(op, pick, pick2, a, b, word)| Seed {
            op,
            pick,
            pick2,
            a,
            b,
            word,
        })
}

const WORDS: [&str; 6] = ["claim", "source", "cue", "quote", "ملاحظة", "👍🏽"];

fn make_edit(s: &Seed, set: &AnnotationSet) -> Edit {
    let ids: Vec<AnnotationId> = set.annotations().map(|a| a.id).collect();
    let rels: Vec<RelationId> = set.relations().map(|r| r.id).collect();
    // Index 7 (past most lists) names an id that does not exist, to exercise failures.
    let pick = |n: usize| {
        ids.get(n % (ids.len() + 1))
            .copied()
            .unwrap_or(AnnotationId(999))
    };
    let pick_rel = |n: usize| {
        rels.get(n % (rels.len() + 1))
            .copied()
            .unwrap_or(RelationId(999))
    };
    let len = TEXT.chars().count();
    let range = CharRange::from_indices(s.a % len, s.b % (len + 1));
    let word = WORDS[s.word].to_owned();
    match s.op {
        0 => Edit::AddAnnotation(Annotation::new(
            set.next_annotation_id(),
            word,
            vec![range],
            TEXT,
            Timestamp(s.a as u64),
        )),
        1 => Edit::RemoveAnnotation(pick(s.pick)),
        2 => Edit::SetRanges {
            id: pick(s.pick),
            ranges: vec![range, CharRange::from_indices(s.b % len, len)],
            anchors: vec![Quote::capture(TEXT, range), Quote::default()],
        },
        3 => Edit::SetLabel {
            id: pick(s.pick),
            label: word,
        },
        4 => Edit::SetAttribute {
            id: pick(s.pick),
            attribute: "verdict".into(),
            value: (!s.a.is_multiple_of(3)).then_some(AttributeValue::Choice(word)),
        },
        5 => Edit::SetNote {
            id: pick(s.pick),
            note: word,
        },
        6 => Edit::SetStatus {
            id: pick(s.pick),
            status: [
                AnnotationStatus::Ok,
                AnnotationStatus::NeedsReview,
                AnnotationStatus::Orphan,
            ][s.a % 3],
        },
        7 => Edit::AddRelation(Relation::new(
            // Sometimes reuse a taken id, to exercise refusal.
            if s.b.is_multiple_of(5) {
                pick_rel(0)
            } else {
                set.next_relation_id()
            },
            "attributed-to",
            pick(s.pick),
            pick(s.pick2),
        )),
        8 => Edit::RemoveRelation(pick_rel(s.pick)),
        9 => Edit::SetRelationAttribute {
            id: pick_rel(s.pick),
            attribute: "confidence".into(),
            value: Some(AttributeValue::Number(s.a as f64 / 4.0)),
        },
        10 => Edit::SetDocumentAttribute {
            attribute: "topic".into(),
            value: s.b.is_multiple_of(2).then_some(AttributeValue::Text(word)),
        },
        11 => {
            let mut replaced = set
                .annotation(pick(s.pick))
                .cloned()
                .unwrap_or_else(|| ann(999, "claim", 0, 1));
            replaced.modified = Timestamp(s.b as u64);
            replaced.author = word;
            Edit::ReplaceAnnotation(replaced)
        }
        12 => Edit::SetNote {
            id: pick(s.pick),
            note: word.clone(),
        }
        .stamped(Timestamp(s.b as u64), &word),
        _ => Edit::Group(vec![
            Edit::SetNote {
                id: pick(s.pick),
                note: word.clone(),
            },
            Edit::RemoveAnnotation(pick(s.pick2)),
            Edit::SetLabel {
                id: pick(s.pick),
                label: "evidence".into(),
            },
        ]),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undo_all_restores_and_redo_all_replays(seeds in prop::collection::vec(seed(), 0..40)) {
        let mut set = starting_set();
        let original = set.clone();
        let mut history = History::new();
        let mut states = vec![set.clone()];
        let mut applied = 0;
        for s in &seeds {
            let edit = make_edit(s, &set);
            // Edits survive a trip through RON (for a recovery journal).
            let journal = ron::to_string(&edit).unwrap();
            prop_assert_eq!(&ron::from_str::<Edit>(&journal).unwrap(), &edit);
            let before = set.clone();
            match history.apply(&mut set, edit) {
                Ok(()) => {
                    applied += 1;
                    states.push(set.clone());
                }
                Err(_) => prop_assert_eq!(&set, &before, "a refused edit changed the set"),
            }
        }
        let last = set.clone();
        while history.undo(&mut set).unwrap() {
            states.pop();
            prop_assert_eq!(Some(&set), states.last());
        }
        prop_assert_eq!(&set, &original);
        let mut redone = 0;
        while history.redo(&mut set).unwrap() {
            redone += 1;
        }
        prop_assert_eq!(redone, applied);
        prop_assert_eq!(&set, &last);
    }
}
