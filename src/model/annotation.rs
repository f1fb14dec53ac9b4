//! One annotation: a labelled set of char ranges with attributes, note, author, times and anchor
//! quotes. Offsets are chars into the decoded text; ranges are half-open and may be discontinuous.

use crate::model::attribute::AttributeMap;
use crate::model::quote::{Quote, TextIndex};
use crate::offset::{CharOffset, CharRange};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The stable id of an annotation within its document; never reused while the document is open.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct AnnotationId(pub u64);

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The brat-style name ("T12") that people see in reports and exports.
        write!(f, "T{}", self.0)
    }
}

/// A point in time as whole seconds since the Unix epoch (UTC).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub u64);

impl Timestamp {
    /// The current time; the epoch if the system clock is before it.
    pub fn now() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Self(secs)
    }

    /// The calendar date and time of day in UTC (proleptic Gregorian calendar), for display and
    /// for formats that write dates.
    pub fn utc(self) -> UtcTime {
        let days = (self.0 / 86_400) as i64;
        let secs = self.0 % 86_400;
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u8;
        UtcTime {
            year: yoe + era * 400 + i64::from(month <= 2),
            month,
            day,
            hour: (secs / 3600) as u8,
            minute: (secs / 60 % 60) as u8,
            second: (secs % 60) as u8,
        }
    }
}

/// A [`Timestamp`] as a UTC calendar date and time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UtcTime {
    /// The year (proleptic Gregorian).
    pub year: i64,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
    /// 0 to 59.
    pub second: u8,
}

/// Whether an annotation still sits where it was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum AnnotationStatus {
    /// The ranges match the text.
    #[default]
    Ok,
    /// Re-anchored with some doubt, or flagged by a person: someone should look at it.
    NeedsReview,
    /// Its text could not be found any more; the ranges are the last known ones.
    Orphan,
}

/// A labelled span (or several discontinuous spans) of the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// Unknown fields are refused, not dropped: a typo or a newer field must not vanish on the next save.
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Stable id.
    pub id: AnnotationId,
    /// Id of a span label in the schema.
    pub label: String,
    /// The char ranges, in the order the annotator made them; at least one for a valid annotation.
    #[serde(with = "range_list")]
    pub ranges: Vec<CharRange>,
    /// Attribute values by attribute id.
    #[serde(default, skip_serializing_if = "AttributeMap::is_empty")]
    pub attributes: AttributeMap,
    /// Free-text note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Who made it (free text, e.g. a name or initials).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// When it was made.
    #[serde(default)]
    pub created: Timestamp,
    /// When it was last changed.
    #[serde(default)]
    pub modified: Timestamp,
    /// Who changed it last (empty: nobody since it was made, or an unnamed annotator).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub modified_by: String,
    /// One anchor quote per range, in the same order, for re-anchoring after the text changes.
    #[serde(default)]
    pub anchors: Vec<Quote>,
    /// Whether it still sits where it was made.
    #[serde(default, skip_serializing_if = "is_ok_status")]
    pub status: AnnotationStatus,
}

fn is_ok_status(s: &AnnotationStatus) -> bool {
    *s == AnnotationStatus::Ok
}

impl Annotation {
    /// A new annotation over `ranges` of `text`, with anchors captured from the text, no attributes
    /// and both times set to `now`.
    pub fn new(
        id: AnnotationId,
        label: impl Into<String>,
        ranges: Vec<CharRange>,
        text: &str,
        now: Timestamp,
    ) -> Self {
        let anchors = capture_anchors(text, &ranges);
        Self::with_anchors(id, label.into(), ranges, anchors, now)
    }

    /// [`Self::new`] with anchors cut from a [`TextIndex`] of the text: O(quote length) instead of
    /// a walk over the whole text, for making many annotations on one text (imports).
    pub fn new_in(
        id: AnnotationId,
        label: impl Into<String>,
        ranges: Vec<CharRange>,
        index: &TextIndex<'_>,
        now: Timestamp,
    ) -> Self {
        let anchors = capture_anchors_in(index, &ranges);
        Self::with_anchors(id, label.into(), ranges, anchors, now)
    }

    fn with_anchors(
        id: AnnotationId,
        label: String,
        ranges: Vec<CharRange>,
        anchors: Vec<Quote>,
        now: Timestamp,
    ) -> Self {
        Self {
            id,
            label,
            ranges,
            attributes: AttributeMap::new(),
            note: String::new(),
            author: String::new(),
            created: now,
            modified: now,
            modified_by: String::new(),
            anchors,
            status: AnnotationStatus::Ok,
        }
    }

    /// [`Self::covered_text`] through a [`TextIndex`] of the text.
    pub fn covered_text_in(&self, index: &TextIndex<'_>) -> String {
        self.ranges
            .iter()
            .map(|r| index.slice(r.start.0, r.end.0))
            .collect::<Vec<_>>()
            .join(" … ")
    }

    /// The smallest start of its ranges (the sort key in files and lists); 0 with no range.
    pub fn first_start(&self) -> CharOffset {
        self.ranges
            .iter()
            .map(|r| r.start)
            .min()
            .unwrap_or_default()
    }

    /// True when one of its ranges contains `offset`.
    pub fn contains(&self, offset: CharOffset) -> bool {
        self.ranges.iter().any(|r| r.contains(offset))
    }

    /// True when one of its ranges shares a char with `range`.
    pub fn overlaps(&self, range: CharRange) -> bool {
        self.ranges.iter().any(|r| r.overlaps(range))
    }

    /// True when every range still has its anchor quote (text, prefix and suffix) in `text` at the
    /// same offsets: the annotation needs no re-anchoring there.
    pub fn anchors_match(&self, text: &str) -> bool {
        self.anchors.len() == self.ranges.len()
            && self
                .ranges
                .iter()
                .zip(&self.anchors)
                .all(|(r, q)| Quote::capture(text, *r) == *q)
    }

    /// The covered text, ranges joined by " … " (for lists and exports).
    pub fn covered_text(&self, text: &str) -> String {
        self.ranges
            .iter()
            .map(|r| Quote::capture(text, *r).exact)
            .collect::<Vec<_>>()
            .join(" … ")
    }
}

/// Captures one anchor quote per range.
pub fn capture_anchors(text: &str, ranges: &[CharRange]) -> Vec<Quote> {
    ranges.iter().map(|r| Quote::capture(text, *r)).collect()
}

/// [`capture_anchors`] through a [`TextIndex`] of the text (O(quote length) per range).
pub fn capture_anchors_in(index: &TextIndex<'_>, ranges: &[CharRange]) -> Vec<Quote> {
    ranges
        .iter()
        .map(|r| Quote::capture_in(index, *r))
        .collect()
}

/// Writes ranges compactly as `[(start, end), ...]`; reading keeps them as written (a reversed
/// range is reported by validation, not silently swapped).
mod range_list {
    use crate::offset::{CharOffset, CharRange};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(ranges: &[CharRange], s: S) -> Result<S::Ok, S::Error> {
        let pairs: Vec<(usize, usize)> = ranges.iter().map(|r| (r.start.0, r.end.0)).collect();
        pairs.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<CharRange>, D::Error> {
        let pairs = Vec::<(usize, usize)>::deserialize(d)?;
        Ok(pairs
            .into_iter()
            .map(|(start, end)| CharRange {
                start: CharOffset(start),
                end: CharOffset(end),
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_captures_anchor_per_range_and_sorts_by_first_start() {
        let text = "قال الوزير إن الخطة نجحت";
        let a = Annotation::new(
            AnnotationId(3),
            "claim",
            vec![
                CharRange::from_indices(14, 19),
                CharRange::from_indices(4, 10),
            ],
            text,
            Timestamp(5),
        );
        assert_eq!(a.anchors.len(), 2);
        assert_eq!(a.anchors[1].exact, "الوزير");
        assert_eq!(a.first_start(), CharOffset(4));
        assert!(a.contains(CharOffset(15)));
        assert!(!a.contains(CharOffset(12)));
        assert_eq!(a.covered_text(text), "الخطة … الوزير");
        assert_eq!(AnnotationId(3).to_string(), "T3");
        assert!(a.anchors_match(text));
        // An edit before the ranges shifts them; one at the end changes the last suffix.
        assert!(!a.anchors_match(&format!("و{text}")));
        assert!(!a.anchors_match(&format!("{text}.")));
        // An edit more than 32 chars (the context) after the ranges leaves the anchors in place.
        let long = format!("{text}{}", " ".repeat(40));
        let b = Annotation::new(
            AnnotationId(4),
            "claim",
            a.ranges.clone(),
            &long,
            Timestamp(5),
        );
        assert!(b.anchors_match(&format!("{long}ثم")));
    }
}
