#!/bin/sh
# Times a jump to the end of a huge text in the real window before its layout has finished
# (issue 10, target 3: "a jump lands at once"): opens the text, presses Ctrl+End as soon as the
# first screen is shown, and reports how long until the caret is painted at the text's end,
# whether the layout was still partial then, and whether the caret stayed where it was painted
# once everything was laid out. Run it under Xvfb:
#
#   xvfb-run -a -s "-screen 0 1240x820x24" sh scripts/jump-timing.sh [TEXT] [SHOT.png]
#
# Without TEXT it makes 10 MB of Arabic news with scripts/gen-news-text.py. Needs xdotool, bc and
# ImageMagick (for the screenshot); the window is target/release/hamish (build it first).
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
TEXT=${1:-}
SHOT=${2:-$WORK/end.png}
BIN=${HAMISH_BIN:-$HERE/target/release/hamish}
if [ -z "$TEXT" ]; then
    TEXT=$WORK/big.txt
    python3 "$HERE/scripts/gen-news-text.py" 10 "$TEXT" >/dev/null
fi
END=$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' "$TEXT")
mkdir -p "$WORK/cfg"
export HAMISH_CONFIG_DIR="$WORK/cfg" HAMISH_PROBE_FILE="$WORK/probe.txt"
"$BIN" "$TEXT" &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK/cfg"' EXIT
fact() { grep -P "^$1\t" "$WORK/probe.txt" 2>/dev/null | head -1 | cut -f2-; }
# The first screen is shown: the probe has a caret and the layout is still partial.
for _ in $(seq 1 400); do
    [ -n "$(fact painted_caret)" ] && break
    sleep 0.02
done
# The window takes its title (the text's name) in the frame after the first.
WID=
for _ in $(seq 1 400); do
    WID=$(xdotool search --name "$(basename "$TEXT")" 2>/dev/null | head -1) || true
    [ -n "$WID" ] && break
    sleep 0.01
done
[ -n "$WID" ] || { echo "no window named $(basename "$TEXT")" >&2; exit 1; }
xdotool windowfocus --sync "$WID" 2>/dev/null || true
echo "first screen shown, window focused: laid $(fact laid)"
T0=$(date +%s.%N)
xdotool key --window "$WID" ctrl+End
# Landed: the caret is at the end and was painted inside the view.
shown() {
    awk -F'\t' -v end="$END" '
        $1 == "caret" { c = $2; c0 = $4; c1 = $6 }
        $1 == "painted_caret" { p0 = $3; p1 = $5 }
        $1 == "view" { v0 = $3; v1 = $5 }
        END {
            # Painted where the caret is now (not the last frame'"'"'s caret), inside the view.
            exit !(c == end && p0 == c0 && p1 == c1 && p0 + 0 >= v0 + 0 && p1 + 0 <= v1 + 0)
        }
    ' "$WORK/probe.txt" 2>/dev/null
}
for _ in $(seq 1 2000); do
    shown && break
    sleep 0.005
done
T1=$(date +%s.%N)
LANDED=$(fact painted_caret)
echo "Ctrl+End: caret painted at char $END after $(echo "$T1 - $T0" | bc) s; laid $(fact laid)"
echo "painted caret then: $LANDED"
for _ in $(seq 1 1000); do
    [ "$(fact laid | cut -f2)" = complete ] && break
    sleep 0.02
done
T2=$(date +%s.%N)
sleep 0.5
echo "laid out whole $(echo "$T2 - $T0" | bc) s after Ctrl+End; painted caret now: $(fact painted_caret)"
import -window root "$SHOT"
echo "screenshot: $SHOT"
