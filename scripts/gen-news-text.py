#!/usr/bin/env python3
"""Writes Arabic news of about N MB to a file for trying the window on a large text by hand
(issue 10 target 3): copies of the sample article with the words of every paragraph shuffled per
copy, as benches/support/mod.rs `news_text` makes them for the benches (a different shuffle).

Usage: scripts/gen-news-text.py MEGABYTES OUT.txt
"""
import random
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "assets/samples/news-ar-001.txt"


def main() -> None:
    megabytes, out = float(sys.argv[1]), Path(sys.argv[2])
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    rng = random.Random(7)
    target = int(megabytes * 1024 * 1024)
    size, parts = 0, []
    while size < target:
        for line in lines:
            words = line.split()
            rng.shuffle(words)
            part = " ".join(words) + "\n"
            parts.append(part)
            size += len(part.encode("utf-8"))
    out.write_text("".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
