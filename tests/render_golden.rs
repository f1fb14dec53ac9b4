//! Golden images of the CPU renderer: each case is laid out with the embedded fonts, rendered, and
//! compared byte for byte with `tests/data/golden/<name>.png`. `HAMISH_UPDATE_GOLDEN=1` rewrites them.

use hamish::render::{render_page, PageStyle, RgbaImage};
use hamish::text::{BaseDirection, FontSet, LayoutCache, LayoutParams, TextLayout};
use std::path::PathBuf;

fn render(text: &str, width: f32) -> (RgbaImage, TextLayout) {
    let fonts = FontSet::embedded();
    let params = LayoutParams {
        font_size: 28.0,
        width,
        direction: BaseDirection::Auto,
        line_height: 1.8,
    };
    let layout = TextLayout::new(text, &fonts, &params, &mut LayoutCache::default());
    let page = render_page(&layout, &fonts, &PageStyle::default()).unwrap();
    (page, layout)
}

fn check_golden(name: &str, page: &RgbaImage) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/golden")
        .join(format!("{name}.png"));
    let actual = page.encode_png().unwrap();
    if std::env::var_os("HAMISH_UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|err| {
        panic!(
            "{}: {err}; run with HAMISH_UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let failed = std::env::temp_dir().join(format!("hamish-{name}-actual.png"));
        std::fs::write(&failed, &actual).unwrap();
        panic!(
            "{name} differs from {}; the new rendering is at {} (HAMISH_UPDATE_GOLDEN=1 accepts it)",
            path.display(),
            failed.display()
        );
    }
}

/// Columns (x) that hold any ink (a pixel darker than mid-grey), over the whole page.
fn ink_columns(page: &RgbaImage) -> Vec<u32> {
    (0..page.width)
        .filter(|&x| (0..page.height).any(|y| page.pixel(x, y).is_some_and(|p| p[0] < 128)))
        .collect()
}

const ARABIC_DATE: &str = "بث تنظيم القاعدة رسالة يوم 17 أكتوبر";
const MIXED_QUOTE: &str = "وقال الوزير: \"We will not negotiate\" ثم غادر.";
const WRAPPED: &str = "شبكة الإرهاب العالمي تنظيم القاعدة بدأ بالانحياز إلى داعش بعد طول خلاف";

#[test]
fn arabic_paragraph_with_date() {
    let (page, _) = render(ARABIC_DATE, 640.0);
    check_golden("arabic-date", &page);
}

#[test]
fn mixed_arabic_latin_quotation() {
    let (page, _) = render(MIXED_QUOTE, 640.0);
    check_golden("mixed-quote", &page);
}

#[test]
fn paragraph_wrapped_at_narrow_width() {
    let (page, layout) = render(WRAPPED, 260.0);
    assert!(
        layout.lines().count() >= 3,
        "a narrow width wraps the paragraph"
    );
    check_golden("wrapped-narrow", &page);
}

#[test]
fn rtl_line_is_right_aligned_within_margins() {
    let (page, _) = render(ARABIC_DATE, 640.0);
    let margin = PageStyle::default().margin;
    let ink = ink_columns(&page);
    let (first, last) = (ink[0], *ink.last().unwrap());
    assert!(
        last < page.width - margin + 4,
        "ink stays inside the right margin"
    );
    assert!(
        last > page.width - margin - 12,
        "RTL text starts at the right margin, got {last}"
    );
    assert!(
        first > margin + 100,
        "a short RTL line leaves the left side empty, got {first}"
    );
}

#[test]
fn narrow_page_is_taller_and_narrower() {
    let (wide, _) = render(WRAPPED, 640.0);
    let (narrow, _) = render(WRAPPED, 260.0);
    assert!(narrow.height > wide.height);
    assert!(narrow.width < wide.width);
}

/// Claim, source and cue of a short report, linked as a fact-checker links them, with a quote
/// exactly over the claim (an identical span) and the claim's verdict.
fn fact_check_set(text: &str) -> hamish::model::set::AnnotationSet {
    use hamish::model::annotation::{Annotation, AnnotationId, Timestamp};
    use hamish::model::relation::{Relation, RelationId};
    use hamish::offset::CharRange;
    let range = |needle: &str| {
        let start = text[..text.find(needle).unwrap()].chars().count();
        CharRange::from_indices(start, start + needle.chars().count())
    };
    let mut set = hamish::model::set::AnnotationSet::new();
    let spans = [
        (1, "cue", "وقال"),
        (2, "source", "الوزير"),
        (3, "claim", "الهدنة صامدة"),
        (4, "quote", "الهدنة صامدة"),
        (5, "source", "المتحدث الرسمي"),
    ];
    for (id, label, needle) in spans {
        let a = Annotation::new(
            AnnotationId(id),
            label,
            vec![range(needle)],
            text,
            Timestamp(0),
        );
        set.insert_annotation(a);
    }
    let links = [
        (1, "cue-of", 1, 3),
        (2, "attributed-to", 3, 2),
        (3, "attributed-to", 3, 5),
    ];
    for (id, kind, from, to) in links {
        set.insert_relation(Relation::new(
            RelationId(id),
            kind,
            AnnotationId(from),
            AnnotationId(to),
        ));
    }
    set
}

const REPORT: &str = "وقال الوزير إن الهدنة صامدة في كل المناطق.\nوأكد المتحدث الرسمي ذلك.";

#[test]
fn annotated_page_with_overlaps_arcs_and_legend() {
    use hamish::model::schema::Schema;
    use hamish::workspace::report::{report_page, PageContent, PageFormat};
    let set = fact_check_set(REPORT);
    let schema = Schema::fact_checking();
    let content = PageContent {
        text: REPORT,
        set: &set,
        schema: &schema,
        legend: true,
    };
    let bytes = report_page(&content, 640.0, 28.0, BaseDirection::Auto, PageFormat::Png).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes.clone()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    let page = RgbaImage {
        width: info.width,
        height: info.height,
        pixels: pixels[..info.buffer_size()].to_vec(),
    };
    // Every label colour is on the page (legend and highlights), and the claim's red is seen as a
    // solid underline as well as a light fill.
    for colour in [
        [0xd6, 0x27, 0x28],
        [0x1f, 0x77, 0xb4],
        [0x2c, 0xa0, 0x2c],
        [0x94, 0x67, 0xbd],
    ] {
        let found = (0..page.height)
            .any(|y| (0..page.width).any(|x| page.pixel(x, y).is_some_and(|p| p[..3] == colour)));
        assert!(found, "{colour:?} drawn");
    }
    check_golden("annotated-report", &page);
}
