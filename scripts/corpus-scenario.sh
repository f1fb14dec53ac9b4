#!/usr/bin/env bash
# The linguist's and the student's scenario of issue 9, in the real window under Xvfb, driven with
# xdotool, on a folder of three Arabic news texts (the sample article and two short reports), with
# preferences of their own (nothing of the user's is read):
#
#   1. the linguist opens the folder (`hamish FOLDER`), which has no schema.ron, and picks the
#      named-entity preset in the folder browser: the folder's schema.ron is written;
#   2. in each text, entities are selected with the keyboard (caret word moves, Ctrl+Shift to
#      select, each selection checked through the window's probe and Ctrl+C) and labelled with the
#      label keys (PER 1, ORG 2, GPE 4, DATE 5, MONEY 7, PERCENT 8); «جبهة النصرة» is selected after
#      the proclitic و of «وجبهة»; phrases with digits («17 أكتوبر», «5 ملايين دولار», «40٪»), where
#      word moves follow the screen, are found with Ctrl+F, selected with Enter and labelled with
#      the key; the recurring name «القاعدة» is found with Ctrl+F and labelled ORG everywhere with
#      "Label all hits"; the text is marked done in the browser, and
#      Ctrl+PageDown saves it and opens the next;
#   3. Ctrl+S, Ctrl+Q; each sidecar is checked: its annotations (label, exact text) and its status;
#   4. `hamish export --format conll` of the folder (only author and times allowed to be lost):
#      seqeval reads it in strict IOB2 mode
#      (scripts/check-conll.py) with as many entities as the sidecars hold spans, and و O,
#      جبهة B-ORG, النصرة I-ORG come out in that order; spaCy's `convert -c ner` (when installed)
#      reads three documents with the same 26 entities;
#   5. the student opens a copy of the three texts, switches the interface to Arabic in
#      Preferences, picks the news-rhetoric preset (its button named in Arabic), marks techniques
#      with the keys in two texts, opens the label charts (Ctrl+Shift+L) for the folder: the chart
#      names each technique used with its count and share; a screenshot of it is kept with --keep.
#
# Exits non-zero with a message naming the step at the first mismatch. Prints what it did.
# Needs: xvfb-run, xdotool, xclip, python3 with seqeval (PYTHON, default the interop venv at
# /work/venv-interop, else python3), ImageMagick `import`.
# Usage: scripts/corpus-scenario.sh [--keep DIR]   (--keep: copy the files made into DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/hamish"
if [ -z "${PYTHON:-}" ]; then
    PYTHON=python3
    [ -x /work/venv-interop/bin/python ] && PYTHON=/work/venv-interop/bin/python
fi
export PYTHON

# Sidecar $1 holds exactly the annotations "LABEL<TAB>text" listed in $2 (one a line, any order)
# and status $3 (Done, InProgress, or "" for none written).
check_sidecar() {
    local sidecar="$1" want="$2" status="$3" got
    got=$(python3 - "$sidecar" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
source = open(sys.argv[1][: -len(".ann.ron")], encoding="utf-8").read()
rows = []
for m in re.finditer(r'label: "([^"]+)", ranges: \[\((\d+), (\d+)\)\]', text):
    rows.append(f"{m.group(1)}\t{source[int(m.group(2)):int(m.group(3))]}")
print("\n".join(sorted(rows)))
PY
)
    if [ "$got" != "$(printf '%s\n' "$want" | sort)" ]; then
        fail "$(basename "$sidecar"): annotations are
$got
expected
$(printf '%s\n' "$want" | sort)"
    fi
    if [ -n "$status" ]; then
        grep -q "status: $status," "$sidecar" || fail "$(basename "$sidecar"): no status $status"
    fi
    echo "$(basename "$sidecar"): $(printf '%s\n' "$want" | wc -l) annotations as marked, status ${status:-new}"
}

linguist() {
    local folder="$WORK/linguist" file
    news_folder "$folder"
    export CONFIG="$WORK/config-linguist"
    mkdir -p "$CONFIG"
    printf '(annotator: "Layla", language: Some(English))\n' >"$CONFIG/preferences.ron"

    echo "== 1. the folder and the named-entity preset"
    start_window "$folder"
    wait_until text_is "$TEXT_1" "the folder did not open its first text"
    choose_preset "$folder" "Named entities" named-entities

    echo "== 2a. $TEXT_1: entities with the keys, «القاعدة» with label all"
    file="$folder/$TEXT_1"
    mark "$file" "الاستخبارات الأمريكية" 2 >/dev/null
    mark "$file" "توم جوسلين" 1 >/dev/null
    mark "$file" "وزارة الخزانة الأمريكية" 2 >/dev/null
    mark "$file" "اليمن" 4 >/dev/null
    key Escape
    search_for "القاعدة" 11
    label_all_hits Organization 11
    close_search
    set_status done done
    echo "$TEXT_1: done"

    echo "== 2b. $TEXT_2: «جبهة النصرة» after its proclitic"
    next_text "$TEXT_2"
    file="$folder/$TEXT_2"
    mark_after_proclitic "$file" "جبهة النصرة" 1 2
    mark "$file" "حلب" 4 >/dev/null
    mark_by_search "$file" "17 أكتوبر" 5
    mark "$file" "وزارة الدفاع" 2 >/dev/null
    mark_by_search "$file" "5 ملايين دولار" 7
    key Escape
    search_for "القاعدة" 1
    label_all_hits Organization 1
    close_search
    set_status done done
    echo "$TEXT_2: done"

    echo "== 2c. $TEXT_3"
    next_text "$TEXT_3"
    file="$folder/$TEXT_3"
    mark "$file" "القاهرة" 4 >/dev/null
    mark "$file" "أمس" 5 >/dev/null
    mark_by_search "$file" "40٪" 8
    mark "$file" "غزة" 4 >/dev/null
    key Escape
    search_for "القاعدة" 1
    label_all_hits Organization 1
    close_search
    set_status done done
    echo "$TEXT_3: done"

    echo "== 3. save, quit, the sidecars"
    key ctrl+s
    wait_probe modified no "Ctrl+S"
    [ -n "${KEEP:-}" ] && shoot "$KEEP/linguist-window.png"
    quit_window
    local org_1 i
    org_1=$(for i in $(seq 11); do printf 'ORG\tالقاعدة\n'; done)
    check_sidecar "$folder/$TEXT_1.ann.ron" "ORG	الاستخبارات الأمريكية
PER	توم جوسلين
ORG	وزارة الخزانة الأمريكية
GPE	اليمن
$org_1" Done
    check_sidecar "$folder/$TEXT_2.ann.ron" "ORG	جبهة النصرة
GPE	حلب
DATE	17 أكتوبر
ORG	وزارة الدفاع
MONEY	5 ملايين دولار
ORG	القاعدة" Done
    check_sidecar "$folder/$TEXT_3.ann.ron" "GPE	القاهرة
DATE	أمس
PERCENT	40٪
GPE	غزة
ORG	القاعدة" Done

    echo "== 4. CoNLL export, read by seqeval in strict IOB2 mode"
    # Only who and when may be lost (CoNLL has no place for them): a span that cannot be tagged
    # (unaligned-spans) or an overlap would fail the export.
    "$BIN" export --format conll --allow-loss author-and-times --out "$WORK/conll" "$folder" >"$WORK/export.log" 2>&1 ||
        fail "hamish export: $(cat "$WORK/export.log")"
    local files spans entities
    files=$(find "$WORK/conll" -name '*.conll' | sort)
    [ -n "$files" ] || fail "the export wrote no .conll file: $(ls "$WORK/conll")"
    # shellcheck disable=SC2086
    [ "$(cat $files | grep -c '^-DOCSTART-')" = 3 ] || fail "the export does not hold the three texts"
    # shellcheck disable=SC2086
    "$PYTHON" scripts/check-conll.py $files >"$WORK/seqeval.log" 2>&1 || fail "seqeval: $(cat "$WORK/seqeval.log")"
    cat "$WORK/seqeval.log"
    spans=$(cat "$folder"/*.ann.ron | grep -c 'label: ')
    entities=$(awk '{ for (i = 1; i <= NF; i++) if ($i == "entities)") n += $(i - 1) } END { print n }' "$WORK/seqeval.log")
    [ "$spans" = "$entities" ] || fail "seqeval found $entities entities, the sidecars hold $spans spans"
    echo "every span present: $spans spans, $entities strict IOB2 entities"
    # shellcheck disable=SC2086
    cat $files | tr '\n' '|' | grep -q '|و O|جبهة B-ORG|النصرة I-ORG|' ||
        fail "و O, جبهة B-ORG, النصرة I-ORG are not in the export, one after the other"
    echo "the proclitic split: و O, جبهة B-ORG, النصرة I-ORG"
    if "$PYTHON" -c 'import spacy' 2>/dev/null; then
        # shellcheck disable=SC2086
        "$PYTHON" - "$WORK/spacy" $files <<'PY' || fail "spaCy did not read the export as expected"
import pathlib, subprocess, sys
import spacy
from spacy.tokens import DocBin
out = pathlib.Path(sys.argv[1])
out.mkdir()
docs = []
for conll in sys.argv[2:]:
    subprocess.run([sys.executable, "-m", "spacy", "convert", conll, str(out), "-c", "ner", "-l", "xx"],
                   check=True, capture_output=True)
    path = out / (pathlib.Path(conll).stem + ".spacy")
    docs += list(DocBin().from_disk(path).get_docs(spacy.blank("xx").vocab))
ents = [(e.text, e.label_) for d in docs for e in d.ents]
assert len(docs) == 3, f"{len(docs)} docs"
assert len(ents) == 26, f"{len(ents)} entities"
assert ("جبهة النصرة", "ORG") in ents, ents
print(f"spaCy {spacy.__version__} (convert -c ner): {len(docs)} docs, {len(ents)} entities, جبهة النصرة ORG")
PY
    fi
    [ -z "${KEEP:-}" ] || cp -r "$WORK/conll" "$KEEP/"
}

student() {
    local folder="$WORK/student" file
    mkdir -p "$folder"
    cp "$WORK/linguist/"*.txt "$folder/"
    export CONFIG="$WORK/config-student"
    mkdir -p "$CONFIG"
    printf '(annotator: "Salma", language: Some(English))\n' >"$CONFIG/preferences.ron"

    echo "== 5. the student: Arabic interface, the rhetoric preset, techniques, the chart"
    start_window "$folder"
    switch_language "العربية" Arabic
    set_arabic_words
    key Escape
    choose_preset "$folder" "أساليب الإقناع في الأخبار" news-rhetoric
    file="$folder/$TEXT_1"
    # Loaded language (1), name calling (2), exaggeration (3) in the sample article.
    mark "$file" "الفصائل المتطرفة" 2 >/dev/null
    mark "$file" "تنظيم القاعدة بدأ بالانحياز" 1 >/dev/null
    mark "$file" "حوالي مليون دولار يوميا" 3 >/dev/null
    key Escape
    next_text "$TEXT_2"
    file="$folder/$TEXT_2"
    mark "$file" "قاتلت القوات الحكومية" 1 >/dev/null
    key Escape
    key ctrl+s
    wait_probe modified no "Ctrl+S"
    key ctrl+shift+l
    wait_until widget_shown Button "المجلد" "Ctrl+Shift+L showed no label charts"
    click_widget Button "المجلد"
    # Four marks in the folder: loaded language 2 (50 %), name calling 1, exaggeration 1.
    wait_until chart_bar "اللغة المشحونة" "2 (50 %)" "the folder chart does not show loaded language 2 (50 %)"
    wait_until chart_bar "الوصم والتنابز بالألقاب" "1 (25 %)" "the folder chart does not show name calling 1 (25 %)"
    echo "chart (folder): loaded language 2 (50 %), name calling 1 (25 %), exaggeration 1 (25 %)"
    [ -z "${KEEP:-}" ] || shoot "$KEEP/student-chart.png"
    kill_window
}

# The chart shows a row named $1 and the count $2.
chart_bar() {
    label_shown "$1" && label_shown "$2"
}

if [ "${1:-}" = "--inside-x" ]; then
    shift
    KEEP="${1:-}"
    source scripts/lib/window.sh
    source scripts/lib/corpus.sh
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
    [ -z "$KEEP" ] || mkdir -p "$KEEP"
    linguist
    student
    echo "== the scenario passed"
    exit 0
fi

KEEP=""
if [ "${1:-}" = "--keep" ]; then
    KEEP=$(realpath -m "${2:?--keep needs a folder}")
fi
cargo build --quiet
"$PYTHON" -c 'import seqeval' 2>/dev/null || { echo "seqeval is missing for $PYTHON (pip install seqeval)" >&2; exit 1; }
# -noreset: the server must not reset (and refuse connections for a moment) between windows.
xvfb-run -a -s "-screen 0 1280x900x24 -noreset" "$0" --inside-x "$KEEP"
