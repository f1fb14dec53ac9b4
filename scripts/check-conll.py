#!/usr/bin/env python3
"""Validates a Hamish CoNLL export with seqeval's strict IOB2 scheme (not run by CI).

Usage: pip install seqeval; python3 scripts/check-conll.py export.conll [more.conll ...]

Each file must be: `-DOCSTART- -X- O O` lines (the CoNLL-2003 separator), blank lines between sentences, and exactly two
space-separated columns (token, tag) per token line, tokens without whitespace. seqeval's strict
IOB2 reading (seqeval.scheme.Entities with IOB2) must then find every B-/I- tag inside an entity:
an `I-X` that does not follow `B-X` or `I-X` is left out by strict mode, so any difference between
the tags and the strict entities is an error. Exits 0 when every file is valid, 1 otherwise.
"""
import sys

from seqeval.scheme import IOB2, Entities


def read(path):
    """Returns the sentences (lists of tags) of a file, or raises ValueError naming the line."""
    sentences, current = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                continue
            if line == "":
                if current:
                    sentences.append(current)
                current = []
                continue
            cols = line.split(" ")
            if len(cols) != 2 or not cols[0] or any(c.isspace() for c in cols[0]):
                raise ValueError(f"{path}:{n}: not `token tag` with a whitespace-free token: {line!r}")
            current.append(cols[1])
    if current:
        raise ValueError(f"{path}: the last sentence is not ended by a blank line")
    return sentences


def check(path):
    sentences = read(path)
    entities = Entities(sentences, scheme=IOB2).entities
    for k, (tags, found) in enumerate(zip(sentences, entities)):
        covered = sum(e.end - e.start for e in found)
        tagged = sum(1 for t in tags if t != "O")
        starts = sum(1 for t in tags if t.startswith("B-"))
        if covered != tagged or len(found) != starts:
            raise ValueError(f"{path}: sentence {k + 1}: tags {tags} are not strict IOB2")
    n_entities = sum(len(e) for e in entities)
    return len(sentences), n_entities


def main(paths):
    ok = True
    for path in paths:
        try:
            sentences, n = check(path)
            print(f"{path}: valid strict IOB2 ({sentences} sentences, {n} entities)")
        except (ValueError, KeyError) as e:
            print(f"{path}: INVALID: {e}", file=sys.stderr)
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
