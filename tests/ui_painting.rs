//! GUI tests of painting (egui_kittest, no window): only visible lines are drawn, and glyph quads
//! sit on whole physical pixels at any scale factor so text stays crisp on HiDPI screens; bidi
//! controls, invisible in the text, are shown by name where they are.

use egui::epaint::Shape;
use egui::Vec2;
use egui_kittest::Harness;
use hamish::offset::CharOffset;
use hamish::text::{Cursor, Point};
use hamish::ui::DocumentView;
use hamish::workspace::SAMPLE_TEXT;

fn harness(pixels_per_point: f32) -> Harness<'static, DocumentView> {
    harness_of(SAMPLE_TEXT, pixels_per_point)
}

fn harness_of(text: &str, pixels_per_point: f32) -> Harness<'static, DocumentView> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(700.0, 300.0))
        .with_pixels_per_point(pixels_per_point)
        .build_ui_state(
            |ui, view: &mut DocumentView| {
                for command in view.ui(ui) {
                    view.apply(ui.ctx(), &command);
                }
            },
            DocumentView::new(text.to_owned()),
        );
    harness.run();
    harness
}

/// Vertex positions of the glyph mesh (the mesh textured with the atlas) of the last frame.
fn glyph_vertices(harness: &Harness<'_, DocumentView>) -> Vec<egui::Pos2> {
    let texture = harness.state().glyph_painter().texture_id().unwrap();
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            Shape::Mesh(mesh) if mesh.texture_id == texture => {
                Some(mesh.vertices.iter().map(|v| v.pos))
            }
            _ => None,
        })
        .flatten()
        .collect()
}

#[test]
fn only_visible_lines_are_painted() {
    use hamish::text::{LayoutCache, LayoutParams, TextLayout};
    let harness = harness(1.0);
    let view = harness.state();
    // The whole text's glyphs, from a full layout (the view keeps them only near its view).
    let (width, font_size) = view.layout_size().unwrap();
    let params = LayoutParams {
        font_size,
        width,
        ..LayoutParams::default()
    };
    let full = TextLayout::new(
        view.text(),
        view.fonts(),
        &params,
        &mut LayoutCache::default(),
    );
    assert_eq!(full.height(), view.layout().unwrap().height());
    let total: usize = full
        .lines()
        .flat_map(|l| l.runs.iter())
        .map(|r| r.glyphs.len())
        .sum();
    let drawn = view.glyph_painter().last_frame_glyphs();
    assert!(drawn > 50, "the first screenful is drawn ({drawn})");
    assert!(
        drawn * 3 < total,
        "{drawn} of {total} glyphs drawn: the rest is off screen"
    );
}

#[test]
fn glyph_quads_snap_to_physical_pixels_at_2x() {
    for ppp in [1.0, 1.5, 2.0] {
        let harness = harness(ppp);
        let vertices = glyph_vertices(&harness);
        assert!(vertices.len() > 200, "glyphs were drawn at {ppp}x");
        for p in vertices {
            let (x, y) = (p.x * ppp, p.y * ppp);
            assert!(
                (x - x.round()).abs() < 1e-3 && (y - y.round()).abs() < 1e-3,
                "{p:?} at {ppp}x"
            );
        }
    }
}

#[test]
fn glyphs_are_rasterized_at_the_physical_size() {
    let small = harness(1.0);
    let big = harness(2.0);
    let side = |h: &Harness<'_, DocumentView>| {
        let verts = glyph_vertices(h);
        // Height of the tallest quad, in physical pixels.
        verts
            .chunks(4)
            .map(|q| (q[2].y - q[0].y) * h.ctx.pixels_per_point())
            .fold(0.0f32, f32::max)
    };
    let (s1, s2) = (side(&small), side(&big));
    assert!(s2 > s1 * 1.8 && s2 < s1 * 2.2, "1x: {s1}px, 2x: {s2}px");
}

#[test]
fn selection_is_painted_behind_the_glyphs() {
    let mut harness = harness(1.0);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, &hamish::ui::Command::SelectAll);
    harness.run();
    let texture = harness.state().glyph_painter().texture_id().unwrap();
    let fill = harness.ctx.global_style().visuals.selection.bg_fill;
    let shapes = &harness.output().shapes;
    let selection_at: Vec<usize> = shapes
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(&c.shape, Shape::Rect(r) if r.fill == fill))
        .map(|(i, _)| i)
        .collect();
    let glyphs_at = shapes
        .iter()
        .position(|c| matches!(&c.shape, Shape::Mesh(m) if m.texture_id == texture))
        .unwrap();
    assert!(
        selection_at.len() > 3,
        "one rectangle per visible line at least"
    );
    assert!(selection_at.iter().all(|&i| i < glyphs_at));
}

/// Text shapes painted in the last frame: their text and rectangle.
fn painted_texts(harness: &Harness<'_, DocumentView>) -> Vec<(String, egui::Rect)> {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            Shape::Text(t) => Some((t.galley.text().to_owned(), t.visual_bounding_rect())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_right_to_left_override_is_shown_by_name_where_it_is() {
    // A Trojan-Source-style line: the override makes "abc" read "cba", and both controls are
    // invisible; each must show up as a marker at its own place.
    let text = "قال الوزير \u{202E}abc\u{202C} ثم غادر\nسطر \u{200F}ثان";
    let harness = harness_of(text, 1.0);
    let view = harness.state();
    let layout = view.layout().unwrap();
    let marks: Vec<(&str, usize)> = view
        .bidi_marks()
        .iter()
        .map(|(c, _)| (c.name, c.offset.0))
        .collect();
    assert_eq!(marks, [("RLO", 11), ("PDF", 15), ("RLM", 29)]);
    let texts = painted_texts(&harness);
    for (control, rect) in view.bidi_marks() {
        let caret = layout.caret_rect(Cursor::after(control.offset));
        let at = view.to_screen(Point::new(caret.min.x, caret.min.y));
        // The name box is centred on the control's place, or pushed just past a neighbour's.
        assert!(
            (rect.center().x - at.x).abs() < rect.width(),
            "{}: box {rect:?}, control at {at:?}",
            control.name
        );
        assert!(
            rect.bottom() > at.y && rect.top() < at.y + 10.0,
            "at the top of its line: {rect:?}, line top {}",
            at.y
        );
        let painted = texts
            .iter()
            .find(|(t, r)| t == control.name && rect.contains(r.center()));
        assert!(
            painted.is_some(),
            "{} painted in its box: {texts:?}",
            control.name
        );
    }
    // The override's marker is exactly at the override: the leading edge of the char after it.
    let (rlo, rlo_rect) = *view
        .bidi_marks()
        .iter()
        .find(|(c, _)| c.name == "RLO")
        .unwrap();
    let caret = layout.caret_rect(Cursor::after(rlo.offset));
    let x = view.to_screen(Point::new(caret.min.x, 0.0)).x;
    assert!((rlo_rect.center().x - x).abs() < 0.5, "{rlo_rect:?} vs {x}");
    // Without controls nothing is marked.
    let plain = harness_of("قال الوزير abc ثم غادر", 1.0);
    assert!(plain.state().bidi_marks().is_empty());
    assert!(painted_texts(&plain).is_empty());
}

/// About `chars` chars of the sample article, copies numbered so no two paragraphs are equal, and
/// a last line to find: longer than the window lays out in its first frame.
fn long_text(chars: usize) -> String {
    let mut out = String::new();
    let mut copy = 0;
    while out.chars().count() < chars {
        for line in SAMPLE_TEXT.lines() {
            out.push_str(line);
            if !line.trim().is_empty() {
                out.push_str(&format!(" {copy}"));
            }
            out.push('\n');
        }
        copy += 1;
    }
    out.push_str("خاتمة النص الطويل");
    out
}

/// A harness that has painted one frame only (a long text is still being laid out).
fn first_frame_of(text: &str) -> Harness<'static, DocumentView> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(700.0, 300.0))
        .build_ui_state(
            |ui, view: &mut DocumentView| {
                for command in view.ui(ui) {
                    view.apply(ui.ctx(), &command);
                }
            },
            DocumentView::new(text.to_owned()),
        );
    harness.step();
    harness
}

#[test]
fn a_long_text_shows_its_first_screen_before_the_whole_layout_exists() {
    let text = long_text(400_000);
    let chars = text.chars().count();
    let mut harness = first_frame_of(&text);
    let view = harness.state();
    let layout = view.layout().expect("laid out in the first frame");
    assert!(!layout.is_complete(), "the first frame lays out only part");
    assert!(
        layout.laid_out_chars() < chars / 2,
        "{} of {chars} chars laid out in the first frame",
        layout.laid_out_chars()
    );
    assert!(
        view.glyph_painter().last_frame_glyphs() > 50,
        "the first screen is painted"
    );
    assert_eq!(
        repaint_delay(&harness),
        std::time::Duration::ZERO,
        "asks for the next frame"
    );
    // The rest is estimated: the scroll content is about as tall as the whole text will be.
    let estimate = layout.height();
    let laid_out = Cursor::after(CharOffset(layout.laid_out_chars()));
    let laid_out_height = layout.caret_rect(laid_out).min.y;
    assert!(
        estimate > 2.0 * laid_out_height,
        "{estimate} vs {laid_out_height}"
    );
    // Later frames finish it without laying it out again from the start.
    harness.run_steps(2000);
    let view = harness.state();
    let layout = view.layout().unwrap();
    assert!(layout.is_complete());
    assert_eq!(view.layout_count(), 1);
    let ratio = estimate / layout.height();
    assert!((0.8..1.25).contains(&ratio), "estimate off by {ratio}");
    // Once it is all laid out, an idle view asks for no frame at all.
    harness.step();
    assert_eq!(repaint_delay(&harness), std::time::Duration::MAX);
}

/// Moves the caret as the key for `motion` does (the frames that follow are the caller's).
fn move_caret(harness: &mut Harness<'static, DocumentView>, motion: hamish::text::Motion) {
    let ctx = harness.ctx.clone();
    let command = hamish::ui::Command::MoveCaret {
        motion,
        extend: false,
    };
    harness.state_mut().apply(&ctx, &command);
}

/// How soon the last frame asked for another one (`Duration::MAX`: never).
fn repaint_delay(harness: &Harness<'_, DocumentView>) -> std::time::Duration {
    harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
}

#[test]
fn a_search_hit_or_the_end_of_a_long_text_is_shown_at_once() {
    use hamish::offset::CharRange;
    use hamish::text::Motion;
    let text = long_text(400_000);
    let chars = text.chars().count();
    let mut harness = first_frame_of(&text);
    // A search hit (or an annotation chosen in the list) near the end: the next frame shows it.
    let hit = CharRange::from_indices(chars - 17, chars - 12);
    harness.state_mut().select_range(hit);
    // One frame lays out up to it and asks to scroll there, the next scrolls (egui's way).
    harness.run_steps(3);
    let view = harness.state();
    let rects = view.layout().unwrap().range_rects(hit);
    assert!(!rects.is_empty(), "the hit is laid out");
    let on_screen = view.to_screen(rects[0].center());
    assert!(
        view.visible_rect().contains(on_screen),
        "{on_screen:?} in {:?}",
        view.visible_rect()
    );
    assert!(view.glyph_painter().last_frame_glyphs() > 50);
    // Ctrl+End from the start of a fresh window: the caret lands on the last line, in view.
    let mut harness = first_frame_of(&text);
    move_caret(&mut harness, Motion::TextEnd);
    harness.run_steps(3);
    let view = harness.state();
    assert_eq!(view.caret().map(|c| c.offset.0), Some(chars));
    let caret = view.caret_screen_rect().expect("caret shown");
    assert!(view.visible_rect().contains(caret.center()), "{caret:?}");
}

#[test]
fn a_jump_ahead_of_the_layout_lands_at_once_and_stays_put_while_the_rest_is_laid_out() {
    use hamish::offset::CharRange;
    use hamish::text::Motion;
    let news = long_text(400_000);
    // A text whose estimate is too low: Arabic news first, then paragraphs of wide Latin
    // capitals, which take more lines than the news's height per char says.
    let mut wide = long_text(30_000);
    while wide.len() < 400_000 {
        wide.push_str(&"WWWWW MMMMM ".repeat(20));
        wide.push('\n');
    }
    // Page Up from the end and Ctrl+Home, while most of the text is still estimated: each move
    // paints the caret inside the view where it moved to.
    {
        let mut harness = first_frame_of(&news);
        move_caret(&mut harness, Motion::TextEnd);
        harness.run_steps(3);
        let mut last = news.chars().count();
        for motion in [
            Motion::PageUp,
            Motion::PageUp,
            Motion::PageUp,
            Motion::TextStart,
        ] {
            move_caret(&mut harness, motion);
            harness.run_steps(3);
            let view = harness.state();
            assert!(
                !view.layout().unwrap().is_complete(),
                "{motion:?}: still partial"
            );
            let caret = view.caret().expect("a caret").offset.0;
            assert!(caret < last, "{motion:?}: {caret} after {last}");
            last = caret;
            let painted = view.painted_caret_rect().expect("caret painted");
            assert!(
                view.visible_rect().contains_rect(painted),
                "{motion:?}: {painted:?}"
            );
        }
        assert_eq!(last, 0);
    }
    // Ctrl+End and a char chosen in the middle (an annotation in the list or a search hit
    // brings the view there the same way), each in a window that has shown one frame.
    for (text, jump) in [
        (&news, "Ctrl+End"),
        (&news, "a char chosen"),
        (&wide, "Ctrl+End"),
    ] {
        let chars = text.chars().count();
        let hit = CharRange::from_indices(chars / 2, chars / 2);
        let mut harness = first_frame_of(text);
        let height = harness.state().layout().unwrap().height();
        match jump {
            "Ctrl+End" => move_caret(&mut harness, Motion::TextEnd),
            _ => harness.state_mut().select_range(hit),
        }
        harness.run_steps(3);
        let target = match jump {
            "Ctrl+End" => CharOffset(chars),
            _ => hit.start,
        };
        // Where the caret was painted in the last frame.
        let on_screen =
            |view: &DocumentView| view.painted_caret_rect().expect("caret painted").center();
        let view = harness.state();
        let layout = view.layout().unwrap();
        // Landed without laying out what lies above: most of it is still estimated.
        assert!(
            layout.laid_out_chars() < chars / 2,
            "{jump}: {} of {chars} chars laid out from the top",
            layout.laid_out_chars()
        );
        assert!(layout.is_laid_out(target), "{jump}");
        let landed = on_screen(view);
        assert!(view.visible_rect().contains(landed), "{jump}: {landed:?}");
        assert!(view.glyph_painter().last_frame_glyphs() > 50, "{jump}");
        // The rest is laid out above it, frame after frame, and the target does not move (but
        // for egui placing the scrolled content on whole pixels: half a pixel either way).
        let mut frames = 0;
        let moved =
            |now: egui::Pos2| (now.y - landed.y).abs() > 1.5 || (now.x - landed.x).abs() > 0.5;
        while !harness.state().layout().unwrap().is_complete() && frames < 2000 {
            harness.step();
            frames += 1;
            let now = on_screen(harness.state());
            assert!(
                !moved(now),
                "{jump}: moved from {landed:?} to {now:?} after {frames} frames"
            );
        }
        // And it stays there once everything is laid out.
        for _ in 0..10 {
            harness.step();
            let now = on_screen(harness.state());
            assert!(
                !moved(now),
                "{jump}: moved from {landed:?} to {now:?} at the end"
            );
        }
        let layout = harness.state().layout().unwrap();
        assert!(layout.is_complete(), "{jump}");
        if text == &wide {
            assert!(layout.height() > height * 1.2, "the estimate was too low");
        }
        assert!(frames > 3, "{jump}: laid out over several frames");
        if jump == "Ctrl+End" {
            assert_eq!(harness.state().caret().map(|c| c.offset), Some(target));
        }
    }
}

#[test]
fn a_text_of_one_huge_paragraph_opens_at_once_lands_ctrl_end_and_keeps_glyphs_near_the_view() {
    use hamish::text::Motion;
    // A file without line breaks: the news joined by spaces, one paragraph of 400 k chars.
    let text = long_text(400_000).replace('\n', " ");
    let chars = text.chars().count();
    let mut harness = first_frame_of(&text);
    let view = harness.state();
    let layout = view.layout().expect("laid out in the first frame");
    assert!(
        layout.laid_out_chars() < chars / 2,
        "{} of {chars} chars laid out in the first frame",
        layout.laid_out_chars()
    );
    assert!(view.glyph_painter().last_frame_glyphs() > 50);
    // Ctrl+End lands while most of it is still estimated.
    move_caret(&mut harness, Motion::TextEnd);
    harness.run_steps(3);
    let view = harness.state();
    assert!(!view.layout().unwrap().is_complete());
    assert_eq!(view.caret().map(|c| c.offset.0), Some(chars));
    let painted = view.painted_caret_rect().expect("caret painted");
    assert!(view.visible_rect().contains_rect(painted), "{painted:?}");
    // Laid out whole, then scrolled through: glyphs only near the view, not the whole paragraph.
    for _ in 0..2000 {
        if harness.state().layout().unwrap().is_complete() {
            break;
        }
        harness.step();
    }
    let total = harness.state().layout().unwrap().lines().count();
    let mut most = 0;
    for _ in 0..30 {
        move_caret(&mut harness, Motion::PageUp);
        harness.step();
        most = most.max(harness.state().layout().unwrap().filled_line_count());
    }
    assert!(
        most < total / 4,
        "at most {most} of {total} lines kept their glyphs"
    );
}

#[test]
fn zooming_deep_in_a_long_text_keeps_the_top_char_without_laying_out_what_is_above() {
    use hamish::offset::CharRange;
    use hamish::ui::{Command, ZoomStep};
    let text = long_text(400_000);
    let chars = text.chars().count();
    let mut harness = first_frame_of(&text);
    let middle = CharRange::from_indices(chars / 2, chars / 2);
    harness.state_mut().select_range(middle);
    harness.run_steps(3);
    let top_char = |view: &DocumentView| {
        let layout = view.layout().expect("laid out");
        let top = view.visible_rect().top() - view.document_origin().y;
        layout.hit(Point::new(0.0, top + 1.0)).offset.0
    };
    let before = top_char(harness.state());
    assert!(before > chars / 3, "scrolled to the middle: {before}");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, &Command::Zoom(ZoomStep::In));
    harness.run_steps(3);
    let view = harness.state();
    let layout = view.layout().unwrap();
    assert_eq!(view.layout_count(), 2, "laid out again for the new size");
    assert!(
        layout.laid_out_chars() < chars / 4,
        "{} chars laid out from the top",
        layout.laid_out_chars()
    );
    // The char that was at the top is still on the first line shown (lines are longer or
    // shorter now: within a line's worth of chars).
    let after = top_char(view);
    assert!(
        after.abs_diff(before) < 120,
        "top char {before} before, {after} after"
    );
    assert!(view.glyph_painter().last_frame_glyphs() > 50);
}

#[test]
fn scrolling_far_down_a_long_text_lays_out_what_is_there_at_once_and_paints_it() {
    let text = long_text(400_000);
    let chars = text.chars().count();
    let mut harness = first_frame_of(&text);
    let first = harness.state().layout().unwrap().laid_out_chars();
    // A wheel flung a thousand pages down, over the text: the view goes to its (estimated) end.
    harness.hover_at(egui::pos2(350.0, 150.0));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Page,
        delta: Vec2::new(0.0, -1000.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(3);
    let view = harness.state();
    let layout = view.layout().unwrap();
    // What is shown is laid out out of order: most of what lies above is still estimated.
    let top = view.visible_rect().top() - view.document_origin().y;
    let bottom = view.visible_rect().bottom() - view.document_origin().y;
    let shown: Vec<_> = layout.lines_in(top, bottom).collect();
    assert!(shown.len() > 3);
    assert!(shown.iter().all(|l| layout.is_laid_out(l.chars.start)));
    assert!(
        layout.laid_out_chars() < chars / 2,
        "laid out from the top: {} of {chars} chars (first frame: {first})",
        layout.laid_out_chars()
    );
    assert!(
        view.glyph_painter().last_frame_glyphs() > 50,
        "the text there is painted"
    );
    let top = view.visible_rect().top() - view.document_origin().y;
    assert!(
        top > layout.height() * 0.8,
        "the view is near the end ({top} of {})",
        layout.height()
    );
}

#[test]
fn scrolling_a_long_text_to_its_end_keeps_glyphs_only_near_the_view_and_ctrl_end_lands_there() {
    use hamish::text::Motion;
    let text = long_text(100_000);
    let chars = text.chars().count();
    let mut harness = first_frame_of(&text);
    for _ in 0..2000 {
        if harness.state().layout().unwrap().is_complete() {
            break;
        }
        harness.step();
    }
    let layout = harness.state().layout().unwrap();
    assert!(layout.is_complete());
    let total = layout.lines().count();
    let line_height = layout.lines().next().unwrap().height;
    let longest_paragraph = (0..layout.paragraph_count())
        .map(|p| layout.lines().filter(|l| l.paragraph == p).count())
        .max()
        .unwrap();
    // A screen above and below the view, whole paragraphs at either end, the caret's paragraph.
    let screen = (300.0 / line_height).ceil() as usize + 1;
    let bound = 3 * screen + 3 * longest_paragraph;
    assert!(
        total > 4 * bound,
        "{total} lines against a bound of {bound}"
    );
    let mut most = 0;
    let mut frames = 0;
    loop {
        harness.hover_at(egui::pos2(350.0, 150.0));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: Vec2::new(0.0, -2.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
        frames += 1;
        let view = harness.state();
        let layout = view.layout().unwrap();
        most = most.max(layout.filled_line_count());
        // Every line painted has its glyphs.
        let top = view.visible_rect().top() - view.document_origin().y;
        let bottom = view.visible_rect().bottom() - view.document_origin().y;
        let lines: Vec<_> = layout.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.bottom() > top && line.top < bottom {
                assert!(layout.is_line_filled(i), "visible line {i} is hollow");
            }
        }
        if bottom >= layout.height() || frames > 2000 {
            break;
        }
    }
    assert!(most <= bound, "at most {most} lines filled (bound {bound})");
    assert!(
        !harness.state().layout().unwrap().is_line_filled(total / 2),
        "the middle, scrolled past, is hollow again"
    );
    // Back to the start, then Ctrl+End: the caret is on the last line, which is filled and shown.
    for motion in [Motion::TextStart, Motion::TextEnd] {
        move_caret(&mut harness, motion);
        harness.run_steps(3);
    }
    let view = harness.state();
    let layout = view.layout().unwrap();
    assert_eq!(view.caret().map(|c| c.offset.0), Some(chars));
    assert_eq!(layout.line_index(view.caret().unwrap()), total - 1);
    assert!(layout.is_line_filled(total - 1));
    assert!(!layout.is_line_filled(total / 2));
    let caret = view.caret_screen_rect().expect("caret shown");
    assert!(view.visible_rect().contains(caret.center()), "{caret:?}");
    assert!(view.glyph_painter().last_frame_glyphs() > 50);
}

#[test]
fn an_arc_far_below_the_view_is_planned_on_the_glyphs_of_its_ends() {
    use hamish::model::quote::TextIndex;
    use hamish::model::{Annotation, AnnotationId, AnnotationSet, Relation, RelationId, Timestamp};
    use hamish::offset::CharRange;
    use hamish::text::{LayoutCache, LayoutParams, TextLayout};
    use hamish::ui::arcs::ArcInput;
    let text = long_text(60_000);
    let index = TextIndex::new(&text);
    let range_of = |needle: &str| {
        let start = text[..text.rfind(needle).unwrap()].chars().count();
        CharRange::from_indices(start, start + needle.chars().count())
    };
    // Two spans on the text's last line, linked, while the view stays at the top.
    let (source, target) = (range_of("خاتمة"), range_of("الطويل"));
    let mut set = AnnotationSet::new();
    for (id, range) in [(1, source), (2, target)] {
        let a = Annotation::new_in(AnnotationId(id), "claim", vec![range], &index, Timestamp(0));
        set.insert_annotation(a);
    }
    let relation = Relation::new(RelationId(1), "cue-of", AnnotationId(1), AnnotationId(2));
    set.insert_relation(relation);
    let mut harness = first_frame_of(&text);
    harness.state_mut().set_arc_input(ArcInput {
        set,
        captions: Default::default(),
    });
    for _ in 0..2000 {
        if harness.state().layout().unwrap().is_complete() {
            break;
        }
        harness.step();
    }
    harness.step();
    let view = harness.state();
    let layout = view.layout().unwrap();
    let total = layout.lines().count();
    assert!(layout.is_line_filled(total - 1), "the arc's line is pinned");
    assert!(
        !layout.is_line_filled(total / 2),
        "lines far from the view are hollow"
    );
    // The arc's ends sit over the middles of its spans, as on a full layout.
    let (width, font_size) = view.layout_size().unwrap();
    let params = LayoutParams {
        font_size,
        width,
        ..LayoutParams::default()
    };
    let full = TextLayout::new(&text, view.fonts(), &params, &mut LayoutCache::default());
    let middle = |r: CharRange| full.range_rects(r)[0].center().x;
    let arc = view.arcs().first().expect("the arc is planned");
    let (first, last) = (arc.path.first().unwrap(), arc.path.last().unwrap());
    assert!((first.x - middle(source)).abs() < 0.5, "{first:?}");
    assert!((last.x - middle(target)).abs() < 0.5, "{last:?}");
    assert!(first.y < layout.lines().last().unwrap().top + 1.0);
}
