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
