#!/usr/bin/env python3
"""Writes tests/data/fonts/space-kern.ttf: a tiny test font (a few boxes, no outlines worth
reading) whose kerning reaches across a space, so that shaping words one by one would differ from
shaping the whole run. tests/text_shaping.rs checks that the engine notices and shapes such runs
whole.

Glyphs: .notdef, space, beh (U+0628), alef (U+0627), a (U+0061). GPOS `kern` pairs: beh + space
and space + alef (in logical order), and a + space for Latin.

Usage (from the repository root): python3 scripts/gen-space-kern-font.py
Needs: fontTools (pip install fonttools).
"""
import os

from fontTools.feaLib.builder import addOpenTypeFeaturesFromString
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "fonts", "space-kern.ttf")

GLYPHS = [".notdef", "space", "uni0628", "uni0627", "a"]
CMAP = {0x20: "space", 0x628: "uni0628", 0x627: "uni0627", 0x61: "a"}
ADVANCES = {".notdef": 500, "space": 250, "uni0628": 600, "uni0627": 300, "a": 500}
FEATURES = """
languagesystem DFLT dflt;
languagesystem arab dflt;
languagesystem latn dflt;
feature kern {
    pos uni0628 space -120;
    pos space uni0627 -80;
    pos a space -60;
} kern;
"""


def box(width):
    pen = TTGlyphPen(None)
    if width > 0:
        pen.moveTo((50, 0))
        pen.lineTo((50, 500))
        pen.lineTo((width - 50, 500))
        pen.lineTo((width - 50, 0))
        pen.closePath()
    return pen.glyph()


def main():
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(GLYPHS)
    fb.setupCharacterMap(CMAP)
    fb.setupGlyf({g: box(0 if g == "space" else ADVANCES[g]) for g in GLYPHS})
    fb.setupHorizontalMetrics({g: (ADVANCES[g], 50) for g in GLYPHS})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "Hamish Space Kern Test", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    fb.setupPost()
    addOpenTypeFeaturesFromString(fb.font, FEATURES)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    fb.save(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
