#!/bin/sh
# Regenerates the screenshots:
#   screenshots/render.png              the `render` output of the bundled sample;
#   screenshots/window-selection.png    the window under Xvfb with a mouse selection across a line
#                                       break, status bar showing its offsets (also checks that
#                                       Ctrl+C puts the selected Arabic on the clipboard in logical
#                                       order);
#   screenshots/window-annotations.png  a copy of the sample in a temp folder annotated with the
#                                       mouse and the label keys (source 2, claim 1, cue 3), saved
#                                       with Ctrl+S, the side panel listing the annotations;
#   screenshots/shortcut-sheet.png      the first two words selected with the keyboard alone
#                                       (Ctrl+Shift+Left twice from the caret at the start), then
#                                       the shortcut sheet opened with F1;
#   screenshots/window-mixed-row.png    "17 أوكتوبر/تشرين الأول (غرفة الأخبار)" annotated with
#                                       Ctrl+A and 1: the side panel row in the text's visual order.
# Only the window is captured. Needs: xvfb-run, xdotool, xclip, ImageMagick `import`.
# Usage: scripts/screenshots.sh [--inside-x]   (the flag is used by the script itself)
set -eu
cd "$(dirname "$0")/.."
BIN="${CARGO_TARGET_DIR:-target}/debug/hamish"
SAMPLE=assets/samples/news-ar-001.txt

# Starts the window on file $1, moves it to the top-left corner; sets APP and WIN.
start_window() {
    "$BIN" "$1" &
    APP=$!
    WIN=""
    for _ in $(seq 1 50); do
        WIN=$(xdotool search --name 'Hamish$' 2>/dev/null | head -1) && [ -n "$WIN" ] && break
        sleep 0.2
    done
    [ -n "$WIN" ] || { echo "window did not appear" >&2; kill "$APP"; exit 1; }
    sleep 1.5
    xdotool windowmove "$WIN" 0 0 windowfocus --sync "$WIN"
    sleep 0.5
}

# Drags with the left button from ($1,$2) to ($3,$4) through the midpoint.
drag() {
    xdotool mousemove "$1" "$2" mousedown 1
    sleep 0.2
    xdotool mousemove $(( ($1 + $3) / 2 )) $(( ($2 + $4) / 2 ))
    sleep 0.2
    xdotool mousemove "$3" "$4"
    sleep 0.2
    xdotool mouseup 1
    sleep 0.3
}

# Presses key $1 in the window.
key() {
    xdotool key --window "$WIN" "$1"
    sleep 0.4
}

if [ "${1:-}" = "--inside-x" ]; then
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
    mkdir "$WORK/selection" "$WORK/annotations" "$WORK/keyboard"
    cp "$SAMPLE" "$WORK/selection/"
    cp "$SAMPLE" "$WORK/annotations/"
    cp "$SAMPLE" "$WORK/keyboard/"

    # Mouse coordinates on the 1280×900 screen, window (1000×760) in the top-left corner, side
    # panel 300 points wide on the left, text from x≈330 to x≈970.
    start_window "$WORK/selection/news-ar-001.txt"
    # From the start of the paragraph's second word (right side) down into the next line.
    drag 910 155 700 195
    key ctrl+c
    echo "clipboard: $(xclip -o -selection clipboard)"
    xdotool mousemove 1200 880
    sleep 0.5
    import -window "$WIN" screenshots/window-selection.png
    kill "$APP"
    wait "$APP" 2>/dev/null || true
    sleep 0.5

    start_window "$WORK/annotations/news-ar-001.txt"
    # Five wheel steps down bring the paragraph of «وقال توم جوسلين» to y≈231.
    xdotool mousemove 650 400
    for _ in 1 2 3 4 5; do xdotool click 5; sleep 0.1; done
    sleep 0.5
    # Source «توم جوسلين», cue «قال», claim «دعونا نتوصل إلى هدنة في سوريا»; then the claim
    # «القادة المحليين للتنظيمين توصلوا إلى هدنة محلية» with its source nested inside it. Drags may
    # end inside a word: the annotation grows to whole words.
    drag 925 231 835 231
    key 2
    xdotool mousemove 897 270 click --repeat 2 --delay 80 1
    sleep 0.3
    key 3
    drag 868 270 620 270
    key 1
    drag 925 309 560 309
    key 1
    drag 925 309 720 309
    key 2
    # Further down: cue «وقالت», source «وزارة الخزانة الأمريكية», and a claim over a line break.
    xdotool mousemove 778 625 click --repeat 2 --delay 80 1
    sleep 0.3
    key 3
    drag 722 625 600 625
    key 2
    drag 848 664 860 704
    key 1
    key Escape
    key ctrl+s
    xdotool mousemove 1200 880
    sleep 0.5
    import -window "$WIN" screenshots/window-annotations.png
    echo "sidecar: $(grep -c 'label:' "$WORK/annotations/news-ar-001.txt.ann.ron") annotations saved"
    kill "$APP"
    wait "$APP" 2>/dev/null || true
    sleep 0.5

    start_window "$WORK/keyboard/news-ar-001.txt"
    # The caret starts at the right end of the first line; Ctrl+Shift+Left selects word by word.
    key ctrl+shift+Left
    key ctrl+shift+Left
    key ctrl+c
    echo "selected with the keyboard: $(xclip -o -selection clipboard)"
    key F1
    xdotool mousemove 1200 880
    sleep 0.5
    import -window "$WIN" screenshots/shortcut-sheet.png
    kill "$APP"
    wait "$APP" 2>/dev/null || true
    sleep 0.5

    # A mixed-direction phrase annotated with the keyboard alone (Ctrl+A, 1): the side panel row
    # must read exactly as the text (17 on the right, the bracket on the left).
    mkdir "$WORK/mixed"
    printf '17 أوكتوبر/تشرين الأول (غرفة الأخبار)\n' > "$WORK/mixed/خبر عاجل.txt"
    start_window "$WORK/mixed/خبر عاجل.txt"
    key ctrl+a
    key 1
    xdotool mousemove 1200 880
    sleep 0.5
    import -window "$WIN" screenshots/window-mixed-row.png
    kill "$APP"
    exit 0
fi

cargo build --quiet
"$BIN" render "$SAMPLE" --width 900 --out screenshots/render.png
# -noreset: the server must not reset (and refuse connections for a moment) between windows.
xvfb-run -a -s "-screen 0 1280x900x24 -noreset" "$0" --inside-x
