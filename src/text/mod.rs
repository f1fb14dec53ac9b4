//! The text engine: fonts, bidi, shaping, line breaking, layout and hit-testing. No eframe here.
