//! The document view in a headless egui context (no window, no GPU): time to the first screen of a
//! 10 MB text and of Ctrl+End right after it (issue 10 target 3) and the CPU cost of one frame at 1920×1080 with 1,000 visible
//! annotations, relation arcs and a selection, egui's run plus tessellation (target 4). Sizes are
//! egui points at one pixel per point.

mod support;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use egui::{Context, Pos2, RawInput, Rect, Vec2};
use hamish::model::schema::Schema;
use hamish::offset::CharRange;
use hamish::text::{Cursor, Motion};
use hamish::ui::arcs::ArcInput;
use hamish::ui::highlights::highlights_for;
use hamish::ui::{Command, DocumentView};
use std::hint::black_box;

/// One frame's input for a screen of `size` points.
fn input(size: Vec2) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
        ..RawInput::default()
    }
}

/// Runs one frame of `view` filling the screen; returns egui's output (texture changes dropped:
/// there is no GPU to upload them to).
fn frame(ctx: &Context, view: &mut DocumentView, size: Vec2) -> egui::FullOutput {
    let mut output = ctx.run_ui(input(size), |ui| {
        for command in view.ui(ui) {
            view.apply(ui.ctx(), &command);
        }
    });
    output.textures_delta.clear();
    output
}

/// A context that has already drawn an empty frame (the window before a file is opened).
fn warm_context(size: Vec2) -> Context {
    let ctx = Context::default();
    ctx.run_ui(input(size), |_| {}).textures_delta.clear();
    ctx
}

fn first_screen(c: &mut Criterion) {
    let size = Vec2::new(1280.0, 900.0);
    let text = support::news_text(5_700_000);
    println!(
        "first screen of {} bytes, {} chars, at {}x{}",
        text.len(),
        text.chars().count(),
        size.x,
        size.y
    );
    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    group.bench_function("first_screen_10mb", |b| {
        b.iter_batched(
            || (text.clone(), warm_context(size)),
            |(text, ctx)| {
                let mut view = DocumentView::new(text);
                let output = frame(&ctx, &mut view, size);
                (view, output, ctx)
            },
            BatchSize::PerIteration,
        )
    });
    // Ctrl+End right after the first screen, before the rest is laid out: the frames until the
    // caret is painted at the end inside the view (the key's, the one that scrolls, the one that
    // paints), each with its 12 ms slice of background layout.
    group.bench_function("ctrl_end_after_first_screen_10mb", |b| {
        b.iter_batched(
            || {
                let ctx = warm_context(size);
                let mut view = DocumentView::new(text.clone());
                let _ = frame(&ctx, &mut view, size);
                (view, ctx)
            },
            |(mut view, ctx)| {
                let to_end = Command::MoveCaret {
                    motion: Motion::TextEnd,
                    extend: false,
                };
                view.apply(&ctx, &to_end);
                let mut frames = 0;
                while !painted_inside(&view) && frames < 10 {
                    let _ = frame(&ctx, &mut view, size);
                    frames += 1;
                }
                assert!(painted_inside(&view), "the caret is painted at the end");
                (view, ctx)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
    let ctx = warm_context(size);
    let mut view = DocumentView::new(text.clone());
    let _ = frame(&ctx, &mut view, size);
    let layout = view.layout().expect("laid out");
    println!(
        "  the first frame laid out {} of {} chars, {} glyphs painted",
        layout.laid_out_chars(),
        text.chars().count(),
        view.glyph_painter().last_frame_glyphs()
    );
}

/// The caret was painted in the last frame at the end of the text, inside the view.
fn painted_inside(view: &DocumentView) -> bool {
    let end = view.text().chars().count();
    let at_end = view.caret().is_some_and(|c| c.offset.0 == end);
    at_end
        && view
            .painted_caret_rect()
            .is_some_and(|r| view.visible_rect().contains_rect(r))
}

/// Chars at the top of the text that the annotations of the frame bench are put on.
const ANNOTATED_CHARS: usize = 1_000;
/// Relations drawn as arcs in the frame bench.
const RELATIONS: usize = 12;

/// A view of a text crowded with annotations in its first screen, with their arcs and a
/// selection over several lines, after the frames that lay it out and plan the arcs.
fn crowded_view(size: Vec2, ctx: &Context) -> DocumentView {
    let (text, set) = support::annotated_within(40_000, 1_000, ANNOTATED_CHARS);
    let mut view = DocumentView::new(text);
    view.set_highlights(highlights_for(&set, &Schema::fact_checking(), None));
    // Arcs for the first relations only: a hundred would push most lines off the screen.
    let mut arcs = set.clone();
    let extra: Vec<_> = arcs.relations().skip(RELATIONS).map(|r| r.id).collect();
    for id in extra {
        arcs.remove_relation(id);
    }
    view.set_arc_input(ArcInput {
        set: arcs,
        captions: Default::default(),
    });
    let _ = frame(ctx, &mut view, size);
    let selection = CharRange::from_indices(300, 900);
    view.apply(
        ctx,
        &Command::Select {
            anchor: Cursor::after(selection.start),
            focus: Cursor::before(selection.end),
        },
    );
    for _ in 0..3 {
        let _ = frame(ctx, &mut view, size);
    }
    view
}

fn one_frame(c: &mut Criterion) {
    let size = Vec2::new(1920.0, 1080.0);
    let ctx = warm_context(size);
    let mut view = crowded_view(size, &ctx);
    let visible = view.visible_rect();
    let layout = view.layout().expect("laid out");
    let shown = view
        .highlights()
        .iter()
        .filter(|h| {
            layout
                .range_rects(h.range)
                .iter()
                .any(|r| visible.contains(view.to_screen(r.center())))
        })
        .count();
    println!(
        "one frame at {}x{}: {shown} of {} highlights visible, {} arcs, {} glyphs",
        size.x,
        size.y,
        view.highlights().len(),
        view.arcs().len(),
        view.glyph_painter().last_frame_glyphs()
    );
    let mut group = c.benchmark_group("frame");
    group.bench_function("1920x1080_1000_annotations", |b| {
        b.iter(|| {
            let output = frame(&ctx, &mut view, size);
            let ppp = output.pixels_per_point;
            black_box(ctx.tessellate(output.shapes, ppp))
        })
    });
    group.finish();
}

criterion_group!(benches, first_screen, one_frame);
criterion_main!(benches);
