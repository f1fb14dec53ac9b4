#!/usr/bin/env python3
"""Writes tests/data/encodings/: one Arabic sentence in several encodings and line endings.

Python's codecs are independent of encoding_rs, so the tests check Hamish's decoder against a
second implementation. Run from the repository root: python3 scripts/make_encoding_samples.py
"""
from pathlib import Path

OUT = Path("tests/data/encodings")
# Arabic letters, an Arabic comma and question mark, ASCII digits: all in both Arabic code pages.
LINES = ["قال الوزير، إن الاجتماع سيعقد يوم 17 أكتوبر.", "هل توافق؟"]


def text(eol: str) -> str:
    return eol.join(LINES) + eol


SAMPLES = {
    "sentence.windows-1256.crlf.txt": (text("\r\n"), "cp1256", b""),
    "sentence.utf8-bom.lf.txt": (text("\n"), "utf-8", b"\xef\xbb\xbf"),
    "sentence.utf16le.cr.txt": (text("\r"), "utf-16-le", b"\xff\xfe"),
    "sentence.utf16be.lf.txt": (text("\n"), "utf-16-be", b"\xfe\xff"),
    "sentence.iso-8859-6.lf.txt": (text("\n"), "iso8859_6", b""),
    "sentence.utf8.mixed.txt": (LINES[0] + "\r\n" + LINES[1] + "\n", "utf-8", b""),
}

OUT.mkdir(parents=True, exist_ok=True)
for name, (content, codec, bom) in SAMPLES.items():
    (OUT / name).write_bytes(bom + content.encode(codec))
    print(name)
