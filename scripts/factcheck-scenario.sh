#!/usr/bin/env bash
# The fact-checker's scenario of issue 8, in the real window under Xvfb, driven with xdotool, on a
# copy of the sample article, with preferences of its own (nothing of the user's is read):
#
#   1. the window asks once for the annotator name; "Layla" is typed;
#   2. three claims, their sources and cues are marked with the keyboard (caret word moves, Shift
#      to select, label keys 1-3; each selection checked through the window's probe and Ctrl+C);
#      each claim is linked to its source and each cue to its claim (L, the caret into the other
#      annotation, Enter);
#   3. the first claim is clicked in the text, rated "false" in the inspector's drop-down, and an
#      Arabic note is typed into the inspector's note field on an Arabic keyboard layout;
#   4. Ctrl+S saves, Ctrl+Q quits; the saved sidecar is checked: nine annotations with their exact
#      ranges, labels and author, six relations of the right types between the right annotations,
#      the verdict and the note on the first claim and on no other;
#   5. the window is opened again: nine annotations, six relations, nothing unsaved; the first
#      claim clicked shows "false" and the same note in the inspector; the sidecar is unchanged;
#   6. `hamish export --format csv` lists the three claims with their sources, cues, the verdict
#      and the note; `hamish render --format pdf` writes a one-page PDF, and the same page as SVG
#      holds the highlights, the arcs with the relations' names and the legend.
#
# Exits non-zero with a message naming the step at the first mismatch. Prints what it did.
# Needs: xvfb-run, xdotool, xclip, setxkbmap, python3, pdfinfo (poppler-utils).
# Usage: scripts/factcheck-scenario.sh [--keep DIR]   (--keep: copy the files made into DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/hamish"

if [ "${1:-}" = "--inside-x" ]; then
    shift
    KEEP="${1:-}"
    source scripts/lib/window.sh
    source scripts/lib/factcheck.sh
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
    mkdir "$WORK/article" "$WORK/out"
    cp assets/samples/news-ar-001.txt "$WORK/article/"
    FILE="$WORK/article/news-ar-001.txt"
    SIDECAR="$FILE.ann.ron"
    export CONFIG="$WORK/config"

    echo "== 1. first run: the annotator name"
    start_window "$FILE"
    click_widget TextInput "Annotator name"
    xdotool type --delay 50 "Layla"
    key Return
    wait_until test -f "$CONFIG/preferences.ron" "the annotator name was not kept"
    grep -q 'annotator: "Layla"' "$CONFIG/preferences.ron" || fail "preferences.ron: $(cat "$CONFIG/preferences.ron")"
    echo "preferences: annotator Layla"

    echo "== 2. claims, sources, cues and links"
    mark_claims_sources_cues "$FILE"

    echo "== 3. the first claim rated false with an Arabic note"
    key Escape
    click_annotation "$FILE" "${CLAIMS[0]}" "${CLAIM_IDS[0]}"
    rate_selected false "$NOTE"
    echo "verdict false, note «$NOTE»"

    echo "== 4. save, quit, check the sidecar"
    key ctrl+s
    wait_probe modified no "Ctrl+S"
    quit_window
    python3 - "$FILE" "$SIDECAR" "$NOTE" "${CLAIMS[@]}" "${SOURCES[@]}" "${CUES[@]}" "${CUE_CONTEXTS[@]}" <<'PY' || fail "the saved sidecar"
import re, sys
text_path, sidecar_path, note = sys.argv[1:4]
claims, sources, cues, cue_contexts = (sys.argv[4 + 3 * k : 7 + 3 * k] for k in range(4))
text = open(text_path, encoding="utf-8", newline="").read()
sidecar = open(sidecar_path, encoding="utf-8").read()

def unescape(s):
    """A RON string's contents as text (Rust escapes)."""
    out, i = [], 0
    while i < len(s):
        if s[i] != "\\":
            out.append(s[i]); i += 1; continue
        nxt = s[i + 1]
        if nxt == "u":
            end = s.index("}", i)
            out.append(chr(int(s[i + 3 : end], 16))); i = end + 1
        else:
            out.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(nxt, nxt)); i += 2
    return "".join(out)

STRING = r'"((?:[^"\\]|\\.)*)"'
annotations = {}
for m in re.finditer(r'^\s*\(id: (\d+), label: "([^"]*)", ranges: \[\((\d+), (\d+)\)\](.*)$', sidecar, re.M):
    ident, label, start, end, rest = int(m[1]), m[2], int(m[3]), int(m[4]), m[5]
    verdict = re.search(r'"verdict": Choice\("([^"]*)"\)', rest)
    note_m = re.search(r'note: ' + STRING, rest)
    author = re.search(r'author: ' + STRING, rest)
    annotations[ident] = dict(label=label, start=start, end=end, text=text[start:end],
                              verdict=verdict and verdict[1], note=note_m and unescape(note_m[1]),
                              author=author and unescape(author[1]))
relations = {(m[2], int(m[3]), int(m[4])) for m in re.finditer(
    r'^\s*\(id: (\d+), type: "([^"]*)", from: (\d+), to: (\d+)\)', sidecar, re.M)}

problems = []
def find(label, phrase, context=None):
    context = context or phrase
    start = text.index(context) + context.index(phrase)
    found = [i for i, a in annotations.items()
             if (a["label"], a["start"], a["end"]) == (label, start, start + len(phrase))]
    if len(found) != 1:
        problems.append(f"{label} «{phrase}» at {start}: {len(found)} annotations")
        return None
    return found[0]

if len(annotations) != 9:
    problems.append(f"{len(annotations)} annotations, expected 9")
if len(relations) != 6:
    problems.append(f"{len(relations)} relations, expected 6: {sorted(relations)}")
for k in range(3):
    c = find("claim", claims[k])
    s = find("source", sources[k])
    q = find("cue", cues[k], cue_contexts[k])
    if ("attributed-to", c, s) not in relations:
        problems.append(f"no attributed-to from claim {c} to source {s}")
    if ("cue-of", q, c) not in relations:
        problems.append(f"no cue-of from cue {q} to claim {c}")
    if c is not None:
        a = annotations[c]
        want = ("false", note) if k == 0 else (None, None)
        if (a["verdict"], a["note"]) != want:
            problems.append(f"claim {c}: verdict {a['verdict']!r}, note {a['note']!r}; expected {want!r}")
for i, a in annotations.items():
    if a["author"] != "Layla":
        problems.append(f"annotation {i}: author {a['author']!r}")
    if a["label"] != "claim" and (a["verdict"] or a["note"]):
        problems.append(f"annotation {i} ({a['label']}) has a verdict or a note")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"sidecar: {len(annotations)} annotations by Layla, {len(relations)} relations; "
      f"claim «{claims[0]}»: verdict false, note «{note}»")
for label, src, dst in sorted(relations):
    print(f"  {label}: «{annotations[src]['text']}» -> «{annotations[dst]['text']}»")
PY
    SAVED_SUM=$(sha256sum <"$SIDECAR")

    echo "== 5. reopen: everything as it was"
    start_window "$FILE"
    wait_probe counts "9 6" "the reopened window"
    wait_probe modified no "the reopened window"
    click_annotation "$FILE" "${CLAIMS[0]}" "${CLAIM_IDS[0]}"
    wait_until verdict_is false "the reopened claim's verdict is «$(widget_value ComboBox Verdict)»"
    wait_until note_is "$NOTE" "the reopened claim's note is «$(widget_value MultilineTextInput 'Annotation note')»"
    echo "reopened: 9 annotations, 6 relations, saved; ${CLAIM_IDS[0]} shows verdict false and the note"
    quit_window
    [ "$(sha256sum <"$SIDECAR")" = "$SAVED_SUM" ] || fail "reopening changed the sidecar"

    echo "== 6. the claims CSV and the page as PDF"
    "$BIN" export --format csv "$FILE" --out "$WORK/out" >"$WORK/export.log" || fail "hamish export: $(cat "$WORK/export.log")"
    python3 - "$WORK/out" "$NOTE" "${CLAIMS[@]}" "${SOURCES[@]}" "${CUES[@]}" <<'PY' || fail "the claims CSV"
import csv, glob, sys
folder, note = sys.argv[1:3]
claims, sources, cues = sys.argv[3:6], sys.argv[6:9], sys.argv[9:12]
files = glob.glob(folder + "/*.csv")
assert len(files) == 1, files
rows = list(csv.DictReader(open(files[0], encoding="utf-8-sig", newline="")))
problems = []
if len(rows) != 3:
    problems.append(f"{len(rows)} rows, expected 3")
by_claim = {r["claim"]: r for r in rows}
for k in range(3):
    r = by_claim.get(claims[k])
    if r is None:
        problems.append(f"no row for «{claims[k]}»"); continue
    want = (sources[k], cues[k], "false" if k == 0 else "", note if k == 0 else "")
    got = (r["sources"], r["cues"], r["verdict"], r["note"])
    if got != want:
        problems.append(f"row «{claims[k]}»: {got!r}, expected {want!r}")
if problems:
    print("\n".join(problems), file=sys.stderr); sys.exit(1)
print(f"CSV {files[0].rsplit('/', 1)[1]}: 3 claims")
for r in rows:
    print(f"  {r['claim_id']} «{r['claim']}» | sources «{r['sources']}» | cues «{r['cues']}» | verdict {r['verdict'] or '-'} | note «{r['note']}»")
PY
    "$BIN" render "$FILE" --width 900 --format pdf --out "$WORK/out/page.pdf" || fail "hamish render --format pdf"
    head -c 5 "$WORK/out/page.pdf" | grep -q '%PDF-' || fail "page.pdf is not a PDF"
    pages=$(pdfinfo "$WORK/out/page.pdf" | awk '/^Pages:/ { print $2 }')
    [ "$pages" = 1 ] || fail "page.pdf has $pages pages"
    "$BIN" render "$FILE" --width 900 --format svg --out "$WORK/out/page.svg" || fail "hamish render --format svg"
    python3 - "$WORK/out/page.svg" <<'PY' || fail "the page's highlights, arcs or legend"
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
def layer(name):
    m = re.search(r'<g id="%s">(.*?)</g>' % name, svg, re.S)
    return m[1] if m else ""
problems = [f"no {name} drawn" for name in ("legend", "highlights", "arcs", "text")
            if "<path" not in layer(name) and "<use" not in layer(name) and "<rect" not in layer(name)]
desc = re.search(r"<desc>(.*?)</desc>", svg, re.S)
names = desc[1] if desc else ""
for name in ("ادعاء", "مصدر", "فعل الإسناد", "منسوب إلى", "فعل إسناد لـ"):
    if name not in names:
        problems.append(f"«{name}» not named on the page")
if problems:
    print("\n".join(problems), file=sys.stderr); sys.exit(1)
print("page: one PDF page; the same page as SVG has highlights, arcs, legend and the names "
      "ادعاء, مصدر, فعل الإسناد, منسوب إلى, فعل إسناد لـ")
PY
    if [ -n "$KEEP" ]; then
        mkdir -p "$KEEP"
        cp "$FILE" "$SIDECAR" "$WORK"/out/* "$KEEP/"
        echo "kept in $KEEP"
    fi
    echo "scenario passed"
    exit 0
fi

cargo build --quiet
# -noreset: the server must not reset (and refuse connections for a moment) between windows.
xvfb-run -a -s "-screen 0 1280x900x24 -noreset" "$0" --inside-x "${2:-}"
