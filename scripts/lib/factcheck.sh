# The fact-checker's marks on the sample article (assets/samples/news-ar-001.txt), made in the real
# window with the keyboard (sourced after window.sh, bash): three claims, the source each is
# attributed to and the reporting verb (cue) that introduces it; each claim linked to its source
# (attributed-to), each cue to its claim (cue-of); and a claim rated with a verdict and an Arabic
# note in the inspector. Used by scripts/factcheck-scenario.sh and scripts/screenshots.sh.

# Claim i, its source and its cue; a phrase that occurs more than once is found inside its context.
CLAIMS=(
    "دعونا نتوصل إلى هدنة في سوريا"
    "داعش يكسب حوالي مليون دولار يوميا"
    "داعش وجبهة النصرة، التابعة لتنظيم القاعدة في سوريا، قد توقفتا عن القتال"
)
SOURCES=("توم جوسلين" "وزارة الخزانة الأمريكية" "المرصد السوري")
CUES=("وقال" "وقالت" "وقال")
CUE_CONTEXTS=("وقال توم" "وقالت وزارة" "وقال المرصد")

# The note typed (on an Arabic keyboard layout) for the first claim, rated "false".
NOTE="لا توجد هدنة معلنة؛ التقارير الميدانية تنفي ذلك (راجع بيان 17 أكتوبر)."

# Marks the three claims, sources and cues in file $1 and links them; sets CLAIM_IDS,
# SOURCE_IDS and CUE_IDS (as the window names them, e.g. T2).
mark_claims_sources_cues() {
    local file="$1" i
    CLAIM_IDS=()
    SOURCE_IDS=()
    CUE_IDS=()
    for i in 0 1 2; do
        SOURCE_IDS[i]=$(mark "$file" "${SOURCES[i]}" 2) || exit 1
        CLAIM_IDS[i]=$(mark "$file" "${CLAIMS[i]}" 1) || exit 1
        # The new claim is selected: L, the caret into its source, Enter.
        link_to "$file" "${SOURCES[i]}"
        CUE_IDS[i]=$(mark "$file" "${CUES[i]}" 3 "${CUE_CONTEXTS[i]}") || exit 1
        link_to "$file" "${CLAIMS[i]}"
        echo "claim ${CLAIM_IDS[i]} «${CLAIMS[i]}» ← source ${SOURCE_IDS[i]}, cue ${CUE_IDS[i]}"
    done
    wait_probe counts "9 6" "nine annotations and six links"
}

# Selects the annotation over phrase $2 of file $1 by clicking in the text (the shortest one
# there); waits until annotation $3 is selected.
click_annotation() {
    local range
    range=$(phrase_range "$1" "$2") || fail "«$2» is not in $1"
    set -- "$1" $range "$3"
    click_text_at "$1" "$2"
    wait_probe selected "$4" "a click on «$(python3 "$OFFSETS" slice "$1" "$2" "$3")»"
}

# Rates the selected annotation with verdict $1 and types note $2 in the inspector: the
# drop-down and its entry clicked, the note typed with an Arabic keyboard layout (as an Arabic
# user types; xdotool cannot type Arabic reliably through a Latin layout). Checked in the probe.
rate_selected() {
    local verdict="$1" note="$2"
    click_widget ComboBox Verdict
    click_widget Button "$verdict"
    wait_until verdict_is "$verdict" "the verdict did not become $verdict"
    click_widget MultilineTextInput "Annotation note"
    setxkbmap -layout ara || fail "setxkbmap could not choose the Arabic layout"
    sleep 0.3
    xdotool type --delay 50 "$note"
    setxkbmap -layout us
    sleep 0.3
    wait_until note_is "$note" "the note field does not read «$note» (it reads «$(widget_value MultilineTextInput 'Annotation note')»)"
}

verdict_is() { [ "$(widget_value ComboBox Verdict)" = "$1" ]; }
note_is() { [ "$(widget_value MultilineTextInput 'Annotation note')" = "$1" ]; }
