#!/usr/bin/env python3
"""Char offsets in a text file, for the scripts that drive the window (scripts/lib/window.sh).

Offsets are Unicode scalar values into the text exactly as in the file (CR and LF each count),
as Hamish counts them. Words are what the window's Ctrl+arrow moves stop at: runs of letters,
marks and digits (UAX #29 words that hold a letter or digit, for the texts these scripts use).

  text_offsets.py range FILE PHRASE [CONTEXT]   start and end of PHRASE (inside the first CONTEXT)
  text_offsets.py words FILE START END          how many words start in [START, END)
  text_offsets.py moves FILE FROM TO            how many Ctrl+Left moves (forward in Arabic) take
                                                a caret at FROM to the end of the word at TO
  text_offsets.py word-end FILE OFFSET          where the word starting at OFFSET ends
  text_offsets.py slice FILE START END          the text of [START, END)
  text_offsets.py point LAYOUT_JSON OFFSET EDGE the layout x and y (line middle) of OFFSET's
                                                EDGE: "start" (the edge a caret before the char
                                                is drawn at) or "end" (after the char before it)
"""

import json
import sys
import unicodedata


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return f.read()


def is_word_char(c):
    return unicodedata.category(c)[0] in "LMN" or c in "\u200c\u200d"


def words(text):
    """(start, end) of every word."""
    out, start = [], None
    for i, c in enumerate(text):
        if is_word_char(c):
            if start is None:
                start = i
        elif start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(text)))
    return out


def phrase_range(text, phrase, context=None):
    context = context or phrase
    at = text.find(context)
    if at < 0 or phrase not in context:
        sys.exit(f"text_offsets: «{context}» not found")
    start = at + context.index(phrase)
    return start, start + len(phrase)


def glyph_edge(layout, offset, edge):
    """x (layout px) of the caret edge at `offset`, and the middle y of its line."""
    for line in layout["lines"]:
        for run in line["runs"]:
            lo, hi = run["chars"]
            rtl = run["level"] % 2 == 1
            # "start": the leading edge of the char at offset; "end": the trailing edge of the
            # char before it.
            char = offset if edge == "start" else offset - 1
            if not lo <= char < hi:
                continue
            glyphs = [g for g in run["glyphs"] if g["cluster"] <= char]
            if not glyphs:
                continue
            cluster = max(g["cluster"] for g in glyphs)
            mine = [g for g in run["glyphs"] if g["cluster"] == cluster]
            left = min(g["x"] for g in mine)
            right = max(g["x"] + g["advance"] for g in mine)
            leading = right if rtl else left
            trailing = left if rtl else right
            x = leading if edge == "start" else trailing
            return x, (line["top"] + line["bottom"]) / 2
    sys.exit(f"text_offsets: no glyph at char {offset}")


def main(argv):
    cmd = argv[1]
    if cmd == "point":
        with open(argv[2], encoding="utf-8") as f:
            layout = json.load(f)
        x, y = glyph_edge(layout, int(argv[3]), argv[4])
        print(f"{x:.1f} {y:.1f}")
        return
    text = read(argv[2])
    if cmd == "range":
        print(*phrase_range(text, argv[3], argv[4] if len(argv) > 4 else None))
    elif cmd == "words":
        lo, hi = int(argv[3]), int(argv[4])
        print(sum(1 for s, _ in words(text) if lo <= s < hi))
    elif cmd == "moves":
        here, to = int(argv[3]), int(argv[4])
        print(sum(1 for s, e in words(text) if e > here and s <= to))
    elif cmd == "word-end":
        at = int(argv[3])
        print(next(e for s, e in words(text) if s <= at < e))
    elif cmd == "slice":
        sys.stdout.write(text[int(argv[3]) : int(argv[4])])
    else:
        sys.exit(f"text_offsets: unknown command {cmd}")


if __name__ == "__main__":
    main(sys.argv)
