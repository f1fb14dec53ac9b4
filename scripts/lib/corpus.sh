# The linguist's and student's steps in the real window (sourced after window.sh, bash): a folder
# of three Arabic news texts, a preset chosen in the folder browser, search and "label all hits",
# the document status, the next text, the interface language and the label charts. Every step is
# checked through the probe (its `document`, `folder`, `hits` and `language` lines, see
# src/ui/app/probing.rs) or the files the window writes. Used by scripts/corpus-scenario.sh and
# scripts/screenshots.sh.

# The three texts: the bundled sample article, then two short reports.
TEXT_1="01-القاعدة.txt"
TEXT_2="02-حلب.txt"
TEXT_3="03-القاهرة.txt"
REPORT_2="قاتلت القوات الحكومية وجبهة النصرة قرب حلب يوم 17 أكتوبر، وقال المتحدث باسم وزارة الدفاع إن تنظيم القاعدة خسر 5 ملايين دولار."
REPORT_3="زار وزير الخارجية المصري القاهرة أمس، وأكد أن 40٪ من المساعدات وصلت إلى غزة رغم تهديدات تنظيم القاعدة."

# Makes folder $1 with the three texts.
news_folder() {
    mkdir -p "$1"
    cp "$ROOT/assets/samples/news-ar-001.txt" "$1/$TEXT_1"
    printf '%s\n' "$REPORT_2" >"$1/$TEXT_2"
    printf '%s\n' "$REPORT_3" >"$1/$TEXT_3"
}

# Pastes $1 into the field that has the keyboard (xdotool's typing loses Arabic letters).
paste() {
    printf '%s' "$1" | xclip -selection clipboard
    key ctrl+v
}

# The open text's name, schema id and status ("new", "in progress", "done"), tab-separated.
document_is() { [ "$(probe document | tr '\t' '|')" = "$1" ]; }
schema_is() { [ "$(probe document | cut -f2)" = "$1" ]; }
hits_are() { [ "$(probe hits)" = "$1" ]; }
hits_found() { [ "$(probe hits)" != "-" ] && [ "$(probe hits)" != "0" ]; }
# A label (text drawn by the text engine: the probe gives it as the widget's value) reads $1.
label_shown() {
    awk -F'\t' -v want="$1" '$1 == "widget" && $2 == "Label" && $8 == want { found = 1 } END { exit !found }' "$PROBE"
}
folder_read() { [ "$(probe folder | cut -f3)" = "done" ]; }

# Waits for the folder's scan, then clicks the preset button named $1 (the schema's name in the
# interface language) and waits for the folder's schema.ron and the open text to use schema $2.
choose_preset() {
    local folder="$1" button="$2" schema="$3"
    wait_until folder_read "the folder's scan did not finish"
    click_widget Button "$button"
    wait_until test -f "$folder/schema.ron" "«$button» wrote no $folder/schema.ron"
    wait_until schema_is "$schema" "the open text does not use $schema after «$button»"
    grep -q "id: \"$schema\"" "$folder/schema.ron" || fail "$folder/schema.ron is not $schema"
    echo "preset: $schema written to $(basename "$folder")/schema.ron"
}

# Ctrl+F, query $1 pasted: waits for $2 hits.
search_for() {
    key ctrl+f
    wait_until widget_shown TextInput Search "Ctrl+F showed no search field"
    key ctrl+a
    paste "$1"
    wait_until hits_are "$2" "«$1»: the search bar counts $(probe hits) hits, expected $2"
}

# Label all hits with the label whose name (in the drop-down) is $1; waits for $2 more
# annotations (hits already carrying the label are skipped).
label_all_hits() {
    local before after
    before=$(probe counts | cut -f1)
    settle
    click_widget ComboBox "$LABEL_CAPTION"
    click_widget Button "$1"
    wait_until combo_shows "$1" "the label drop-down does not show «$1»"
    click_widget Button "$LABEL_ALL"
    after=$((before + $2))
    wait_until annotations_are "$after" "«$LABEL_ALL» with $1: $(probe counts | cut -f1) annotations, expected $after"
    # One undo step: Ctrl+Z takes all of them back, Ctrl+Y brings them again.
    key ctrl+z
    wait_until annotations_are "$before" "Ctrl+Z after «$LABEL_ALL» left $(probe counts | cut -f1) annotations, expected $before"
    key ctrl+y
    wait_until annotations_are "$after" "Ctrl+Y did not bring the $2 back"
    echo "label all hits: $2 × $1, one undo step (Ctrl+Z: $before, Ctrl+Y: $after)"
}

combo_shows() { [ "$(widget_value ComboBox "$LABEL_CAPTION")" = "$1" ]; }

# Labels phrase $2 of file $1 through the search (a phrase whose digits make word moves visual,
# not logical): Ctrl+F, the phrase (one hit), Enter selects it and gives the text the keyboard,
# label key $3 labels it.
mark_by_search() {
    local file="$1" phrase="$2" label_key="$3" before
    search_for "$phrase" 1
    key Return
    wait_probe selection "$(phrase_range "$file" "$phrase")" "Enter did not select the hit «$phrase»"
    before=$(probe counts | cut -f1)
    key "$label_key"
    wait_until annotations_are $((before + 1)) "key $label_key on the hit «$phrase» made no annotation"
    close_search
}

# Closes the search bar (the keyboard back in the text).
close_search() {
    settle
    click_widget Button "$CLOSE"
    wait_until hits_are "-" "the search bar did not close"
    settle
}

# Sets the open text's status with the browser's button $1 and waits for status $2.
set_status() {
    # The panel moves when the search bar closes: aim once the window has settled.
    settle
    click_widget Button "$1"
    wait_until status_is "$2" "the status button «$1» did not make the text $2"
}

status_is() { [ "$(probe document | cut -f3)" = "$1" ]; }

# Ctrl+PageDown: the open text is saved, the next one of the list opens ($1 its name).
next_text() {
    key ctrl+Next
    wait_until text_is "$1" "Ctrl+PageDown did not open $1 (open: $(probe document | cut -f1))"
    wait_until has_layout "$1 was not laid out"
    settle
}

text_is() { [ "$(probe document | cut -f1)" = "$1" ]; }

# Selects, with the keyboard, phrase $2 of file $1 that starts after the first $3 letters of a
# word (a proclitic: و of وجبهة): the caret to the word's start, Left (forward in Arabic) $3
# times, Ctrl+Shift+Left to the phrase's end; checked through the probe. Presses label key $4.
mark_after_proclitic() {
    local file="$1" phrase="$2" skip="$3" label_key="$4" start end word before
    set -- $(phrase_range "$file" "$phrase")
    start=$1
    end=$2
    word=$((start - skip))
    caret_to_word "$file" "$word"
    key_times "$skip" Left
    wait_until caret_at "$start" "Left × $skip did not bring the caret past the proclitic"
    key_times "$(python3 "$OFFSETS" words "$file" "$word" "$end")" ctrl+shift+Left
    wait_probe selection "$start $end" "selecting «$phrase» after its proclitic"
    before=$(probe counts | cut -f1)
    key "$label_key"
    wait_until annotations_are $((before + 1)) "key $label_key on «$phrase» made no annotation"
}

# The interface's words the helpers click, in English (set_arabic_words switches them).
LABEL_CAPTION="Label:"
LABEL_ALL="Label all hits"
CLOSE="Close"
set_arabic_words() {
    LABEL_CAPTION="الوسم"
    LABEL_ALL="وسم كل النتائج"
    CLOSE="إغلاق"
}

# Edit > Preferences (Ctrl+,), the language named $1 ("العربية" or "English"); waits until the
# window speaks it ($2: Arabic or English) and the choice is in the preferences file.
switch_language() {
    key ctrl+comma
    click_widget RadioButton "$1"
    wait_probe language "$2" "the language radio button «$1»"
    wait_until grep -q "language: Some($2)" "$CONFIG/preferences.ron" "the language was not kept in preferences.ron"
    echo "interface language: $2 (kept in preferences.ron)"
}
