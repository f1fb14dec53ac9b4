//! Texts and parameters the text engine's unit tests share: the bundled news article and a
//! narrow layout (20 px on 300 px) that gives it many lines.

use super::LayoutParams;

/// The bundled sample article.
pub const SAMPLE: &str = include_str!("../../assets/samples/news-ar-001.txt");

/// 20 px type on a 300 px line.
pub fn narrow() -> LayoutParams {
    LayoutParams {
        font_size: 20.0,
        width: 300.0,
        ..LayoutParams::default()
    }
}

/// The sample `times` times, one paragraph break between copies.
pub fn sample_times(times: usize) -> String {
    vec![SAMPLE; times].join("\n")
}
