#!/usr/bin/env bash
# Vendors bratiaa's `agree-2` example (two annotators, two documents, F1 0.787878 in bratiaa's
# own test) into tests/data/agree/bratiaa-agree-2/, for the agreement tests.
#
# Usage: scripts/vendor-agree-examples.sh [BRATIAA_GIT_DIR]
#   BRATIAA_GIT_DIR: a clone (or bare mirror) of github.com/kldtz/bratiaa; without it the script
#   clones it into a temporary folder.
#
# The .ann files and annotation.conf are copied as they are (bratiaa is MIT-licensed). The texts
# are CoNLL-2002 news articles; instead of copying them, the script writes a stand-in of the same
# length: every annotated string stays at its offsets, white space stays, every other char
# becomes '.'. The spans, offsets and covered strings are therefore exactly bratiaa's.
set -euo pipefail
cd "$(dirname "$0")/.."

COMMIT=587838afad21da280a0da5642d64709a20a34abd   # bratiaa master holding data/agreement/agree-2
SRC=data/agreement/agree-2
OUT=tests/data/agree/bratiaa-agree-2

git_dir=${1:-}
if [[ -z "$git_dir" ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  git clone --quiet https://github.com/kldtz/bratiaa "$tmp/bratiaa"
  git_dir=$tmp/bratiaa
fi
show() { git -C "$git_dir" show "$COMMIT:$1"; }

rm -rf "$OUT"
mkdir -p "$OUT/ann1" "$OUT/ann2"
show "$SRC/annotation.conf" > "$OUT/annotation.conf"
for ann in ann1 ann2; do
  for doc in esp.train-doc-29 esp.train-doc-46; do
    show "$SRC/$ann/$doc.ann" > "$OUT/$ann/$doc.ann"
  done
done
for doc in esp.train-doc-29 esp.train-doc-46; do
  show "$SRC/ann1/$doc.txt" > "$OUT/$doc.orig.txt"
  python3 - "$OUT" "$doc" <<'PY'
import sys, pathlib
out, doc = pathlib.Path(sys.argv[1]), sys.argv[2]
text = (out / f"{doc}.orig.txt").read_text(encoding="utf-8")
keep = [False] * len(text)
for ann in ("ann1", "ann2"):
    for line in (out / ann / f"{doc}.ann").read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        _, span, covered = line.split("\t")
        for part in span.split(" ", 1)[1].split(";"):
            start, end = map(int, part.split())
            assert text[start:end] == covered, (doc, line)
            keep[start:end] = [True] * (end - start)
stand_in = "".join(c if k or c.isspace() else "." for c, k in zip(text, keep))
for ann in ("ann1", "ann2"):
    (out / ann / f"{doc}.txt").write_text(stand_in, encoding="utf-8")
(out / f"{doc}.orig.txt").unlink()
PY
done
echo "vendored bratiaa $COMMIT:$SRC into $OUT"
