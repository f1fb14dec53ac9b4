#!/usr/bin/env bash
# Regenerates the screenshots in screenshots/ from the real program: the window (1240×820) under
# Xvfb, driven with xdotool, and `hamish render`. One function per screenshot (shot_NAME writes
# screenshots/NAME.png); each starts its own window on its own copy of the text, with preferences
# of its own (annotator "Layla"), and checks every step through the window's probe file
# (HAMISH_PROBE_FILE, see src/ui/probe.rs), the clipboard or the saved sidecar, so a step that
# goes wrong stops the script instead of leaving a wrong picture:
#
#   render                the `render` output of the bundled sample (no annotations);
#   window-selection      a mouse drag across a line break, aimed with `hamish layout` at the
#                         window's width and font size; the status bar shows its offsets and
#                         Ctrl+C copies the Arabic in logical order;
#   window-annotations    sources, cues and claims marked with the keyboard and the label keys
#                         (a source nested in a claim), saved with Ctrl+S, listed in the side panel;
#   shortcut-sheet        the first two words selected with the keyboard alone, then F1;
#   window-mixed-row      "17 أوكتوبر/تشرين الأول (غرفة الأخبار)" annotated with Ctrl+A and 1: the
#                         side panel row reads as the text;
#   factcheck-inspector   three claims linked to their sources and cues (scripts/lib/factcheck.sh),
#                         a quote over the first claim, a source nested in the third, the first
#                         claim clicked, rated false, an Arabic note typed: the inspector;
#   factcheck-arcs        the same text, nothing selected: the arcs over the first claims;
#   factcheck-overlaps    the same text at the third claim, with the source nested in it;
#   factcheck-page        `hamish render` of that saved text: highlights, arcs, legend (the top of
#                         the page);
#   window-bidi-controls  a Trojan-Source-style line (an RLO making "15" read "51", an isolate, an
#                         RLM) at 140 %: every bidi control marked by name where it is.
#
# Only the window is captured. Needs: xvfb-run, xdotool, xclip, setxkbmap, python3, ImageMagick.
# Usage: scripts/screenshots.sh [NAME...]   (default: all; --inside-x is used by the script itself)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/hamish"
SAMPLE=assets/samples/news-ar-001.txt
SHOTS="$ROOT/screenshots"
ALL=(render window-selection window-annotations shortcut-sheet window-mixed-row
    factcheck-inspector factcheck-arcs factcheck-overlaps factcheck-page window-bidi-controls)

# A folder of its own for screenshot $1 with a copy of file $2; prints the copy's path.
fresh_copy() {
    mkdir -p "$WORK/$1/config"
    printf '(annotator: "Layla")\n' >"$WORK/$1/config/preferences.ron"
    cp "$2" "$WORK/$1/"
    echo "$WORK/$1/$(basename "$2")"
}

# Starts a window on file $1 with the preferences of its folder.
open_copy() {
    CONFIG="$(dirname "$1")/config"
    start_window "$1"
}

shot_render() {
    "$BIN" render "$SAMPLE" --width 900 --out "$SHOTS/render.png" >/dev/null
    echo "screenshot: $SHOTS/render.png"
}

# The drag's end points: from the start of «محللوا» to the end of «داعش» on the next line.
shot_window-selection() {
    local file layout from to p q
    file=$(fresh_copy selection "$SAMPLE")
    open_copy "$file"
    layout=$(probe layout)
    "$BIN" layout "$file" --width "$(echo "$layout" | cut -f1)" --font-size "$(echo "$layout" | cut -f2)" --json >"$WORK/selection/layout.json"
    from=$(phrase_range "$file" "محللوا" | cut -d' ' -f1)
    to=$(phrase_range "$file" "داعش" "صفوفه مع داعش" | cut -d' ' -f2)
    p=$(python3 "$OFFSETS" point "$WORK/selection/layout.json" "$from" start)
    q=$(python3 "$OFFSETS" point "$WORK/selection/layout.json" "$to" end)
    set -- $p $q $(probe origin)
    [ "$2" != "$4" ] || fail "«محللوا» and «داعش» are on one line at this width: no line break to drag across"
    # A point or two inside the first and last letters, so each falls on its letter's near half.
    local x1 y1 x2 y2
    x1=$(calc "$5 + $1 - 2")
    y1=$(calc "$6 + $2")
    x2=$(calc "$5 + $3 + 2")
    y2=$(calc "$6 + $4")
    xdotool mousemove --window "$WIN" "$x1" "$y1" mousedown 1
    sleep 0.2
    xdotool mousemove --window "$WIN" "$(calc "($x1 + $x2) / 2")" "$(calc "($y1 + $y2) / 2")"
    sleep 0.2
    xdotool mousemove --window "$WIN" "$x2" "$y2"
    sleep 0.2
    xdotool mouseup 1
    wait_probe selection "$from $to" "the drag from ($x1, $y1) to ($x2, $y2)"
    key ctrl+c
    local want
    want=$(python3 "$OFFSETS" slice "$file" "$from" "$to")
    wait_until clipboard_is "$want" "Ctrl+C after the drag copied «$(xclip -o -selection clipboard 2>/dev/null)»"
    echo "dragged and copied: «$want»"
    shoot "$SHOTS/window-selection.png"
    kill_window
}

shot_window-annotations() {
    local file
    file=$(fresh_copy annotations "$SAMPLE")
    open_copy "$file"
    mark "$file" "توم جوسلين" 2 >/dev/null
    mark "$file" "وقال" 3 "وقال توم" >/dev/null
    mark "$file" "دعونا نتوصل إلى هدنة في سوريا" 1 >/dev/null
    mark "$file" "القادة المحليين للتنظيمين توصلوا إلى هدنة محلية" 1 >/dev/null
    mark "$file" "القادة المحليين" 2 >/dev/null
    mark "$file" "وقالت" 3 >/dev/null
    mark "$file" "وزارة الخزانة الأمريكية" 2 >/dev/null
    mark "$file" "داعش يكسب حوالي مليون دولار يوميا" 1 >/dev/null
    key Escape
    key ctrl+s
    wait_probe modified no "Ctrl+S"
    local saved
    saved=$(grep -c 'label:' "$file.ann.ron")
    [ "$saved" = 8 ] || fail "the sidecar holds $saved annotations, expected 8"
    echo "sidecar: $saved annotations saved"
    # The first annotated paragraph in the upper part of the view.
    caret_to_word "$file" "$(phrase_range "$file" "وقال" "وقال توم" | cut -d' ' -f1)"
    caret_to_upper_middle
    shoot "$SHOTS/window-annotations.png"
    kill_window
}

shot_shortcut-sheet() {
    local file
    file=$(fresh_copy keyboard "$SAMPLE")
    open_copy "$file"
    # The caret starts at the right end of the first line; Ctrl+Shift+Left selects word by word.
    key ctrl+shift+Left ctrl+shift+Left
    wait_probe selection "0 10" "two words selected with Ctrl+Shift+Left"
    key ctrl+c
    wait_until clipboard_is "أخبار الآن" "Ctrl+C did not copy «أخبار الآن»"
    echo "selected with the keyboard: «أخبار الآن»"
    key F1
    wait_until widget_shown Window "Keyboard shortcuts" "F1 did not open the shortcut sheet"
    shoot "$SHOTS/shortcut-sheet.png"
    kill_window
}

shot_window-mixed-row() {
    local phrase="17 أوكتوبر/تشرين الأول (غرفة الأخبار)" file
    mkdir -p "$WORK/mixed-source"
    printf '%s\n' "$phrase" >"$WORK/mixed-source/خبر عاجل.txt"
    file=$(fresh_copy mixed "$WORK/mixed-source/خبر عاجل.txt")
    open_copy "$file"
    key ctrl+a
    key 1
    wait_probe counts "1 0" "Ctrl+A and 1"
    # The side panel row quotes the annotation (the probe lists it as a label left of the text).
    wait_until row_shown "$phrase" "no side panel row reads «$phrase»"
    shoot "$SHOTS/window-mixed-row.png"
    kill_window
}

zoomed_in() { [ "$(probe layout | cut -f2 | cut -d. -f1)" -ge 30 ]; }

row_shown() {
    awk -F'\t' -v want="$1" '$1 == "widget" && $2 == "Label" && $8 == want && $3 < 300 { found = 1 } END { exit !found }' "$PROBE"
}

# The fact-checker's text, marked once for the four factcheck-* screenshots: claims, sources,
# cues and links; a quote exactly over the first claim; a source nested in the third; the first
# claim rated false with an Arabic note; saved. The window stays open for the next screenshot.
FACTCHECK_FILE=""
factcheck_window() {
    [ -z "$FACTCHECK_FILE" ] || return 0
    FACTCHECK_FILE=$(fresh_copy factcheck "$SAMPLE")
    open_copy "$FACTCHECK_FILE"
    mark_claims_sources_cues "$FACTCHECK_FILE"
    mark "$FACTCHECK_FILE" "${CLAIMS[0]}" 4 >/dev/null
    mark "$FACTCHECK_FILE" "داعش وجبهة" 2 "${CLAIMS[2]}" >/dev/null
    key Escape
    click_annotation "$FACTCHECK_FILE" "${CLAIMS[0]}" "${CLAIM_IDS[0]}"
    rate_selected false "$NOTE"
    key ctrl+s
    wait_probe modified no "Ctrl+S"
    wait_probe counts "11 6" "the fact-checker's annotations"
}

# Nothing selected, the keyboard back in the text: Esc leaves the note field, Esc again clears.
factcheck_deselect() {
    key Escape
    sleep 0.3
    key Escape
    wait_probe selected "-" "Esc, Esc"
}

shot_factcheck-inspector() {
    factcheck_window
    wait_probe selected "${CLAIM_IDS[0]}" "the rated claim selected"
    shoot "$SHOTS/factcheck-inspector.png"
}

shot_factcheck-arcs() {
    factcheck_window
    factcheck_deselect
    # The first claim's line near the top, so the second claim's arcs are in view too.
    caret_to_word "$FACTCHECK_FILE" "$(phrase_range "$FACTCHECK_FILE" "وقال" "وقال توم" | cut -d' ' -f1)"
    caret_into_band 5 20
    shoot "$SHOTS/factcheck-arcs.png"
}

shot_factcheck-overlaps() {
    factcheck_window
    factcheck_deselect
    caret_to_word "$FACTCHECK_FILE" "$(phrase_range "$FACTCHECK_FILE" "وقال" "وقال المرصد" | cut -d' ' -f1)"
    caret_to_upper_middle
    shoot "$SHOTS/factcheck-overlaps.png"
}

shot_factcheck-page() {
    factcheck_window
    "$BIN" render "$FACTCHECK_FILE" --width 900 --out "$WORK/factcheck/page.png" 2>/dev/null
    # The legend and the first two claims; the whole page is as long as the article.
    convert "$WORK/factcheck/page.png" -crop 900x1240+0+0 +repage "$SHOTS/factcheck-page.png"
    echo "screenshot: $SHOTS/factcheck-page.png"
}

shot_window-bidi-controls() {
    local file
    mkdir -p "$WORK/bidi-source"
    printf '%s\n' \
        $'قال المتحدث إن عدد القتلى بلغ \u202e15\u202c شخصا، وأكد الوزير: \u2066We will not negotiate\u2069 ثم غادر.' \
        $'وفي سطر آخر علامة \u200fخفية لا ترى.' >"$WORK/bidi-source/trojan.txt"
    file=$(fresh_copy bidi "$WORK/bidi-source/trojan.txt")
    open_copy "$file"
    key ctrl+equal ctrl+equal ctrl+equal ctrl+equal
    wait_until zoomed_in "Ctrl+= did not zoom in"
    settle
    wait_probe bidi "RLO 30 PDF 33 LRI 54 PDI 76 RLM 105" "the bidi controls marked on screen"
    shoot "$WORK/bidi/window.png"
    convert "$WORK/bidi/window.png" -crop 660x200+290+70 +repage "$SHOTS/window-bidi-controls.png"
    echo "screenshot: $SHOTS/window-bidi-controls.png"
    kill_window
}

if [ "${1:-}" = "--inside-x" ]; then
    shift
    source scripts/lib/window.sh
    source scripts/lib/factcheck.sh
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
    for name in "$@"; do
        declare -F "shot_$name" >/dev/null || fail "no screenshot called $name (known: ${ALL[*]})"
        "shot_$name"
    done
    if [ -n "${APP:-}" ]; then kill_window; fi
    exit 0
fi

[ $# -gt 0 ] || set -- "${ALL[@]}"
cargo build --quiet
# -noreset: the server must not reset (and refuse connections for a moment) between windows.
xvfb-run -a -s "-screen 0 1280x900x24 -noreset" "$0" --inside-x "$@"
