#!/usr/bin/env python3
"""Writes tests/data/shaping/reference.json: HarfBuzz (hb-shape) glyphs for every run that the
engine's itemizer makes of the sample article and of the test strings below.

Runs come from `hamish layout --json` at a huge width (one line per paragraph, so every run is a
whole item). Each run is shaped by hb-shape with the same font, direction, script, language and
paragraph context (up to 5 chars each side) that the engine gives rustybuzz; tests/text_shaping.rs
checks that rustybuzz gives the same glyph ids, clusters, advances and offsets.

Usage (from the repository root): python3 scripts/gen-shaping-reference.py
Needs: hb-shape (Debian package libharfbuzz-bin) and cargo.
"""
import json
import os
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "tests", "data", "shaping")
CONTEXT_CHARS = 5  # must match text::shape::CONTEXT_CHARS

# One paragraph per entry; escapes keep invisible chars readable.
STRINGS = [
    "مُحَمَّدٌ",  # harakat
    "شَدَّة مُدَّة",  # shadda with fatha
    "لا لأ لإ لآ",  # lam-alef ligatures
    "الإسلام والسلام",
    "كتـــاب ـبـ",  # tatweel
    "\u0647\u200d \u0628\u200c\u0628 \u200d\u0639\u200d",  # ZWJ / ZWNJ
    "٠١٢٣٤٥٦٧٨٩ عام ٢٠٢٤",  # Arabic-Indic digits
    "في 17 أكتوبر 2024",  # European digits in Arabic
    "(غرفة الأخبار) قال [المصدر]",  # brackets (not in Noto Naskh: fall back)
    "وكالة Reuters و BBC قالتا",  # Latin names
    "«مرحبا» \"نص\" “نص” ‹ا›",  # quotation marks
    "Reuters reported (BBC) on 17 October 2024.",
    "سعر 3.5% من $100 أي ١٠٪",
    "پ چ ژ گ ک ی",  # Persian letters
    "؟ ، ؛ ٫ ٬",  # Arabic punctuation
    "ﷲ ﷺ",  # presentation-form ligatures
    # Quranic text with full harakat: alef wasla, superscript alef, maddah, shadda with kasra,
    # small high marks (one right after a space, where it sticks to the space's cluster).
    "بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ مَٰلِكِ يَوْمِ ٱلدِّينِ",
    "إِيَّاكَ نَعْبُدُ وَإِيَّاكَ نَسْتَعِينُ ٱهْدِنَا ٱلصِّرَٰطَ ٱلْمُسْتَقِيمَ صِرَٰطَ ٱلَّذِينَ أَنْعَمْتَ عَلَيْهِمْ غَيْرِ ٱلْمَغْضُوبِ عَلَيْهِمْ وَلَا ٱلضَّآلِّينَ",
    "ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ",
]


def paragraphs(text):
    """(start, end) char ranges of paragraphs, split at LF, CR LF, CR, U+2029."""
    out, start, i = [], 0, 0
    while i < len(text):
        c = text[i]
        if c in "\n\r\u2029":
            out.append((start, i))
            i += 2 if c == "\r" and i + 1 < len(text) and text[i + 1] == "\n" else 1
            start = i
        else:
            i += 1
    out.append((start, len(text)))
    return out


def char_script(c):
    if unicodedata.category(c).startswith("M") or c in "\u200c\u200d":
        return None
    name = unicodedata.name(c, "")
    if name.startswith("ARABIC") and "DIGIT" not in name and unicodedata.category(c).startswith("L"):
        return "arab"
    if name.startswith("LATIN"):
        return "latn"
    return None


def resolved_scripts(para):
    """Script per char as text::itemize::resolve_scripts does for Arabic and Latin text."""
    scripts = [char_script(c) for c in para]
    current = next((s for s in scripts if s), "latn")
    out = []
    for s in scripts:
        if s:
            current = s
        out.append(current)
    return out


def hamish_runs(path):
    env = dict(os.environ)
    cmd = ["cargo", "run", "--quiet", "--", "layout", path, "--json",
           "--width", "10000000", "--font-size", "100"]
    out = subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def hb_shape(font, text, pre, post, rtl, script):
    cmd = ["hb-shape", os.path.join(ROOT, "fonts", font + ".ttf"), "--text=" + text,
           "--text-before=" + pre, "--text-after=" + post,
           "--direction=" + ("rtl" if rtl else "ltr"), "--script=" + script,
           "--output-format=json", "--no-glyph-names"]
    if script == "arab":
        cmd.append("--language=ar")
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    # hb-shape 6 may print trailing text after the JSON array; read the array only.
    glyphs, _ = json.JSONDecoder().raw_decode(out)
    return [[g["g"], g["cl"], g["ax"], g["dx"], g["dy"]] for g in glyphs]


def cases_for(source, path):
    with open(path, encoding="utf-8") as f:
        text = f.read().lstrip("\ufeff")
    paras = paragraphs(text)
    scripts = {}
    cases = []
    for line in hamish_runs(path)["lines"]:
        p_start, p_end = paras[line["paragraph"]]
        if line["paragraph"] not in scripts:
            scripts[line["paragraph"]] = resolved_scripts(text[p_start:p_end])
        for run in line["runs"]:
            s, e = run["chars"]
            rtl = run["level"] % 2 == 1
            script = scripts[line["paragraph"]][s - p_start]
            pre = text[max(p_start, s - CONTEXT_CHARS):s]
            post = text[e:min(p_end, e + CONTEXT_CHARS)]
            cases.append({
                "source": f"{source}:{s}-{e}",
                "font": run["font"],
                "text": text[s:e],
                "pre": pre,
                "post": post,
                "rtl": rtl,
                "script": script,
                "glyphs": hb_shape(run["font"], text[s:e], pre, post, rtl, script),
            })
    return cases


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    strings_path = os.path.join(OUT_DIR, "strings.txt")
    with open(strings_path, "w", encoding="utf-8") as f:
        f.write("\n".join(STRINGS) + "\n")
    cases = cases_for("assets/samples/news-ar-001.txt",
                      os.path.join(ROOT, "assets", "samples", "news-ar-001.txt"))
    cases += cases_for("tests/data/shaping/strings.txt", strings_path)
    version = subprocess.run(["hb-shape", "--version"], check=True, capture_output=True,
                             text=True).stdout.splitlines()[0]
    head = {"generator": "scripts/gen-shaping-reference.py", "harfbuzz": version,
            "glyph_fields": ["id", "cluster (chars)", "x_advance", "x_offset", "y_offset"]}
    # One case per line keeps diffs readable.
    with open(os.path.join(OUT_DIR, "reference.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(head, ensure_ascii=False)[:-1] + ',\n"cases": [\n')
        f.write(",\n".join(json.dumps(c, ensure_ascii=False) for c in cases))
        f.write("\n]}\n")
    print(f"wrote {len(cases)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
