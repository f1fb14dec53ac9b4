#!/bin/sh
# Regenerates screenshots/render.png (the `render` output of the bundled sample) and
# screenshots/window-selection.png (the window under Xvfb with a mouse selection across a line
# break, status bar showing its offsets). Also checks that Ctrl+C puts the selected Arabic on the
# clipboard in logical order. Needs: xvfb-run, xdotool, xclip, ImageMagick `import`.
# Usage: scripts/screenshots.sh [--inside-x]   (the flag is used by the script itself)
set -eu
cd "$(dirname "$0")/.."
BIN="${CARGO_TARGET_DIR:-target}/debug/hamish"
SAMPLE=assets/samples/news-ar-001.txt
# Drag from the start of a line's second word (right side) down to the next line (mouse coordinates
# on the 1280×900 screen, window at its default size in the top-left corner).
FROM_X=${FROM_X:-300}; FROM_Y=${FROM_Y:-155}; TO_X=${TO_X:-700}; TO_Y=${TO_Y:-195}

if [ "${1:-}" = "--inside-x" ]; then
    "$BIN" &
    APP=$!
    WIN=""
    for _ in $(seq 1 50); do
        WIN=$(xdotool search --name '^Hamish' 2>/dev/null | head -1) && [ -n "$WIN" ] && break
        sleep 0.2
    done
    [ -n "$WIN" ] || { echo "window did not appear" >&2; kill "$APP"; exit 1; }
    sleep 1.5
    xdotool windowmove "$WIN" 0 0 windowfocus --sync "$WIN"
    sleep 0.5
    xdotool mousemove "$FROM_X" "$FROM_Y" mousedown 1
    sleep 0.2
    xdotool mousemove $(( (FROM_X + TO_X) / 2 )) $(( (FROM_Y + TO_Y) / 2 ))
    sleep 0.2
    xdotool mousemove "$TO_X" "$TO_Y"
    sleep 0.2
    xdotool mouseup 1
    sleep 0.5
    xdotool key --window "$WIN" ctrl+c
    sleep 0.5
    echo "clipboard: $(xclip -o -selection clipboard)"
    xdotool mousemove 1200 880
    sleep 0.5
    import -window root screenshots/window-selection.png
    kill "$APP"
    exit 0
fi

cargo build --quiet
"$BIN" render "$SAMPLE" --width 900 --out screenshots/render.png
xvfb-run -a -s "-screen 0 1280x900x24" "$0" --inside-x
