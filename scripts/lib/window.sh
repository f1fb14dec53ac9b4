# Helpers for scripts that drive the real Hamish window under Xvfb with xdotool (sourced, bash).
#
# Every step is checked: the window writes a probe file (HAMISH_PROBE_FILE, see src/ui/probe.rs)
# with the caret, the selection, the selected annotation, counts, whether it is saved and every
# widget's rectangle; the helpers wait for the state a step must lead to and stop the script with
# a message naming the step when it does not come. Selections are made with the keyboard (caret
# word moves from the start of the text) and checked through the probe and the clipboard; the
# mouse is aimed at rectangles the probe gives (widgets, the caret) or that `hamish layout`
# computes for the same width and font size as the window's.
#
# The caller sets BIN (the hamish binary) and WORK (a temporary folder) before start_window.
# Each window gets its own preferences folder ($WORK/config unless CONFIG is set), so the user's
# preferences are neither read nor changed.
#
# Needs: xdotool, xclip, python3, ImageMagick `import`.

LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OFFSETS="$LIB_DIR/text_offsets.py"
WAIT_SECONDS="${WAIT_SECONDS:-10}"

# Stops the script: the message goes to stderr, the window is closed.
fail() {
    echo "FAILED: $*" >&2
    if [ -n "${PROBE:-}" ] && [ -f "$PROBE" ]; then
        grep -v '^widget' "$PROBE" | sed 's/^/  probe: /' >&2
    fi
    if [ -n "${APP:-}" ]; then kill "$APP" 2>/dev/null || true; fi
    exit 1
}

# Prints the integer value of arithmetic expression $1 (decimals allowed in it).
calc() {
    awk "BEGIN { printf \"%d\", $1 }"
}

# Prints the tab-separated fields of probe line $1 (empty when there is none).
probe() {
    [ -f "$PROBE" ] || return 0
    awk -F'\t' -v name="$1" '$1 == name { sub(/^[^\t]*\t?/, ""); print; exit }' "$PROBE"
}

# Prints "x0 y0 x1 y1" of the first widget with role $1 whose name is $2 (or whose value is $2
# when $3 is "value"), or nothing.
widget_rect() {
    [ -f "$PROBE" ] || return 0
    awk -F'\t' -v role="$1" -v want="$2" -v field="${3:-name}" '
        $1 == "widget" && $2 == role && ((field == "name" && $7 == want) || (field == "value" && $8 == want)) {
            print $3, $4, $5, $6; exit
        }' "$PROBE"
}

# Prints the value of the first widget with role $1 and name $2.
widget_value() {
    awk -F'\t' -v role="$1" -v want="$2" '$1 == "widget" && $2 == role && $7 == want { print $8; exit }' "$PROBE"
}

# Waits until probe line $1 reads $2 (fields separated by single spaces); $3 names the step.
wait_probe() {
    local want="$2" got="" i
    for i in $(seq 1 $((WAIT_SECONDS * 10))); do
        got=$(probe "$1" | tr '\t' ' ')
        [ "$got" = "$want" ] && return 0
        sleep 0.1
    done
    fail "${3:-waiting}: probe '$1' is «$got», expected «$want»"
}

# Waits until command "$@" succeeds (checked every 0.1 s); the last argument names the step.
wait_until() {
    local step="${!#}" i
    set -- "${@:1:$#-1}"
    for i in $(seq 1 $((WAIT_SECONDS * 10))); do
        "$@" && return 0
        sleep 0.1
    done
    fail "$step"
}

# Waits until the probe file stops changing for 0.3 s (scrolling and animations done).
settle() {
    local last="" now i
    for i in $(seq 1 $((WAIT_SECONDS * 10))); do
        now=$(cksum <"$PROBE" 2>/dev/null)
        if [ -n "$now" ] && [ "$now" = "$last" ]; then return 0; fi
        last="$now"
        sleep 0.3
    done
}

# Starts the window on file $1 and waits until it has laid the text out; sets APP, WIN, PROBE.
start_window() {
    CONFIG="${CONFIG:-$WORK/config}"
    PROBE="$WORK/probe"
    rm -f "$PROBE"
    HAMISH_CONFIG_DIR="$CONFIG" HAMISH_PROBE_FILE="$PROBE" "$BIN" "$1" 2>>"$WORK/window.log" &
    APP=$!
    WIN=""
    local i
    for i in $(seq 1 100); do
        WIN=$(xdotool search --all --pid "$APP" --name 'Hamish$' 2>/dev/null | head -1 || true)
        [ -n "$WIN" ] && break
        sleep 0.1
    done
    [ -n "$WIN" ] || fail "the window of $1 did not appear"
    wait_until has_layout "the window did not lay out $1"
    xdotool windowmove "$WIN" 0 0
    xdotool windowfocus --sync "$WIN" || fail "could not focus the window"
    settle
}

has_layout() { [ -n "$(probe layout)" ]; }

# Closes the window with Ctrl+Q and waits for the process to end (it must, once saved).
quit_window() {
    key ctrl+q
    local i
    for i in $(seq 1 $((WAIT_SECONDS * 10))); do
        if ! kill -0 "$APP" 2>/dev/null; then
            wait "$APP" 2>/dev/null || true
            APP=""
            return 0
        fi
        sleep 0.1
    done
    fail "the window did not close with Ctrl+Q"
}

# Ends the window without asking (for screenshots whose work need not be kept).
kill_window() {
    kill "$APP" 2>/dev/null || true
    wait "$APP" 2>/dev/null || true
    APP=""
}

# Presses keys in the window.
key() {
    xdotool key --window "$WIN" "$@"
}

# Presses key $2 $1 times (one xdotool call: the window takes them all in a frame or two).
key_times() {
    [ "$1" -gt 0 ] || return 0
    local keys=() i
    for ((i = 0; i < $1; i++)); do keys+=("$2"); done
    xdotool key --window "$WIN" --delay 2 "${keys[@]}"
}

# Clicks at window point ($1, $2) with the left button.
click() {
    xdotool mousemove --window "$WIN" "${1%.*}" "${2%.*}" click 1
}

# Clicks the middle of the widget with role $1 and name $2.
click_widget() {
    local rect
    wait_until widget_shown "$1" "$2" "no $1 «$2» in the window"
    rect=$(widget_rect "$1" "$2")
    set -- $rect
    click "$(calc "($1 + $3) / 2")" "$(calc "($2 + $4) / 2")"
}

widget_shown() { [ -n "$(widget_rect "$1" "$2")" ]; }

# Moves the pointer out of the window (nothing hovered).
pointer_away() {
    xdotool mousemove 1270 890
}

# Takes a screenshot of the window into $1 after the probe settles.
shoot() {
    pointer_away
    sleep 0.3
    settle
    import -window "$WIN" "$1" || fail "screenshot $1"
    echo "screenshot: $1"
}

# The char range "start end" of phrase $2 in file $1 (inside the first context $3).
phrase_range() {
    python3 "$OFFSETS" range "$1" "$2" ${3:+"$3"}
}

# Moves the caret to the start of the word starting at offset $2 of file $1, with the keyboard:
# Ctrl+Left to the end of that word (word moves go forward in Arabic) — from where the caret is
# when that is before the word, else from the start of the text (Ctrl+Home) — and Ctrl+Right back
# to its start. Checked through the probe. Sets WORD_END_X, the x of the word's end on screen.
caret_to_word() {
    local file="$1" start="$2" here moves end
    here=$(probe caret | cut -f1)
    if ! [ "$here" -le "$start" ] 2>/dev/null; then
        key ctrl+Home
        wait_until caret_at 0 "Ctrl+Home did not bring the caret to the start"
        here=0
    fi
    moves=$(python3 "$OFFSETS" moves "$file" "$here" "$start")
    end=$(python3 "$OFFSETS" word-end "$file" "$start")
    key_times "$moves" ctrl+Left
    wait_until caret_at "$end" "$moves × Ctrl+Left from $here: the caret is not at $end (end of the word at $start)"
    WORD_END_X=$(probe caret | cut -f2)
    key ctrl+Right
    wait_until caret_at "$start" "Ctrl+Right: the caret is not at $start"
}

caret_at() { [ "$(probe caret | cut -f1)" = "$1" ]; }

# Selects chars [$2, $3) of file $1 with the keyboard (from the start of the first word,
# Ctrl+Shift+Left word by word) and checks the selection and what Ctrl+C copies.
select_chars() {
    local file="$1" start="$2" end="$3" n want got
    n=$(python3 "$OFFSETS" words "$file" "$start" "$end")
    caret_to_word "$file" "$start"
    key_times "$n" ctrl+shift+Left
    wait_probe selection "$start $end" "selecting $start–$end with $n × Ctrl+Shift+Left"
    want=$(python3 "$OFFSETS" slice "$file" "$start" "$end")
    printf '' | xclip -selection clipboard
    key ctrl+c
    wait_until clipboard_is "$want" "Ctrl+C did not copy «$want» (clipboard: «$(xclip -o -selection clipboard 2>/dev/null)»)"
}

clipboard_is() { [ "$(xclip -o -selection clipboard 2>/dev/null)" = "$1" ]; }

# Selects phrase $2 of file $1 (inside the first context $3) with the keyboard, checked.
select_phrase() {
    local range
    range=$(phrase_range "$1" "$2" "${3:-}") || fail "«$2» is not in $1"
    select_chars "$1" $range
}

# Selects phrase $2 (context $4) and presses label key $3; waits for one more annotation and
# prints its id (as the probe names the selected annotation, e.g. T3).
mark() {
    local file="$1" phrase="$2" label_key="$3" context="${4:-}" before
    before=$(probe counts | cut -f1)
    select_phrase "$file" "$phrase" "$context"
    key "$label_key"
    wait_until annotations_are $((before + 1)) "key $label_key on «$phrase» made no annotation"
    probe selected
}

annotations_are() { [ "$(probe counts | cut -f1)" = "$1" ]; }
relations_are() { [ "$(probe counts | cut -f2)" = "$1" ]; }

# Links the selected annotation to the one over phrase $2 (context $3) of file $1: L, the caret
# into the other one with the keyboard, Enter. Waits for one more relation.
link_to() {
    local file="$1" before range
    before=$(probe counts | cut -f2)
    key l
    wait_until linking_started "L did not start linking"
    range=$(phrase_range "$file" "$2" "${3:-}") || fail "«$2» is not in $file"
    set -- $range
    caret_to_word "$file" "$1"
    key Return
    wait_until relations_are $((before + 1)) "Enter did not link to «$2»"
}

linking_started() { [ "$(probe linking)" != "-" ] && [ -n "$(probe linking)" ]; }

# Clicks in the middle of the word at offset $2 of file $1: the caret is taken to both ends of
# the word with the keyboard (which gives their x), the line scrolled into the upper middle of
# the view, and the click lands halfway between the ends.
click_text_at() {
    local caret x y
    caret_to_word "$1" "$2"
    caret_to_upper_middle
    caret=$(probe caret)
    set -- $caret
    x=$(calc "($2 + $WORD_END_X) / 2")
    y=$(calc "($3 + $5) / 2")
    click "$x" "$y"
}

# Scrolls with the mouse wheel until the caret's line is between $1 % and $2 % of the view's
# height from its top (default: 25-45 %, the upper middle).
caret_into_band() {
    local lo="${1:-25}" hi="${2:-45}" view caret top bottom y i
    view=$(probe view)
    set -- $view
    top=${2%.*}
    bottom=${4%.*}
    for i in $(seq 1 60); do
        settle
        caret=$(probe caret)
        y=$(echo "$caret" | cut -f3)
        y=${y%.*}
        if [ "$y" -gt $((top + (bottom - top) * hi / 100)) ]; then
            xdotool mousemove --window "$WIN" 620 400 click 5
        elif [ "$y" -lt $((top + (bottom - top) * lo / 100)) ]; then
            xdotool mousemove --window "$WIN" 620 400 click 4
        else
            return 0
        fi
    done
    fail "could not scroll the caret's line to $lo-$hi % of the view"
}

caret_to_upper_middle() {
    caret_into_band 25 45
}
