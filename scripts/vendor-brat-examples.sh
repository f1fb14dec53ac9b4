#!/usr/bin/env bash
# Copies a small subset of brat's shipped example corpora (nlplab/brat, example-data/) into
# tests/data/brat-examples/, with each collection's annotation.conf and licence/README files.
# Usage: scripts/vendor-brat-examples.sh BRAT_CHECKOUT
#   BRAT_CHECKOUT: a checkout of https://github.com/nlplab/brat (or an extracted archive of it).
# brat is MIT-licensed (LICENSE.md in brat); the BioNLP-ST 2011 texts are PubMed abstracts under the
# NLM terms in their LICENSE files (copied along); TDT, CoNLL and NCBI samples keep their READMEs.
set -euo pipefail
src="${1:?usage: $0 BRAT_CHECKOUT}/example-data"
dst="$(cd "$(dirname "$0")/.." && pwd)/tests/data/brat-examples"
rm -rf "$dst"
copy() { # copy DIR FILE... : each FILE is a document stem (its .ann and .txt) or a plain file
  local dir="$1"; shift
  mkdir -p "$dst/$dir"
  for f in "$@"; do
    if [ -e "$src/$dir/$f.ann" ]; then
      cp "$src/$dir/$f.ann" "$src/$dir/$f.txt" "$dst/$dir/"
    else
      cp "$src/$dir/$f" "$dst/$dir/"
    fi
  done
}
copy tutorials/news annotation.conf 000-introduction 040-text_span_annotation 060-relation_annotation \
  080-event-annotation 090-event_structures 100-attribute_annotation 110-note_annotation
copy tutorials/bio annotation.conf 040-text_span_annotation 080-event-annotation \
  090-event_structures 100-attribute_annotation 110-note_annotation
copy corpora/TDT annotation.conf README wn071
copy corpora/BioNLP-ST_2011/BioNLP-ST_2011_GE annotation.conf LICENSE README PMID-10438843 PMID-9874515
copy corpora/BioNLP-ST_2011/BioNLP-ST_2011_EPI annotation.conf LICENSE README PMID-9222494 PMID-16379001
copy corpora/BioNLP-ST_2011/BioNLP-ST_2011_ID annotation.conf LICENSE README PMC2242835-02-Results-06
copy corpora/BioNLP-ST_2011/BioNLP-ST_2011_REL annotation.conf LICENSE README PMID-9334193
copy corpora/CoNLL-ST_2002 annotation.conf README
copy corpora/CoNLL-ST_2002/esp esp.train-doc-29
copy corpora/CoNLL-ST_2006 annotation.conf README portuguese_bosque_train.conll-doc-12
copy corpora/NCBI-disease annotation.conf README PMID-8808606
cp "$src/../LICENSE.md" "$dst/LICENSE-brat.md"
echo "${BRAT_COMMIT:-$(git -C "$src/.." rev-parse HEAD 2>/dev/null || echo unknown)}" > "$dst/BRAT_COMMIT"
find "$dst" -type f | wc -l
