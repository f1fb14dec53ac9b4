#!/usr/bin/env python3
"""Feeds Hamish's exports to the tools people load them into, and checks what those tools read.

Not run by CI. Run by hand (docs/consumers.md records the results and versions):

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install spacy seqeval datasets pyld pybrat "chardet==4.0.0"
    cargo build --release
    /tmp/venv/bin/python scripts/check-consumers.py [--hamish target/release/hamish] [--brat BRAT_CHECKOUT]

The corpus is the golden Hamish JSONL (tests/data/formats/golden/export.jsonl) imported into
sidecars: Arabic with harakat, CRLF line ends, emoji outside the BMP (a ZWJ family), nested,
overlapping and discontinuous spans, relations and a brat event. Each export is then read by:
  brat      pybrat (a standoff reader): every entity's text equals the .txt at its offsets;
            brat's own checker (scripts/brat-check.py, with --brat) finds no issue
  CoNLL     spaCy `convert -c ner`: exactly one Doc per document, no `-DOCSTART-` token;
            seqeval strict IOB2 (scripts/check-conll.py)
  JSONL     Hugging Face `datasets` (json builder): one row per document, every span's text at its
            code-point offsets
  Label St. the task file read as Label Studio stores regions (code points): every region's text
            at its offsets, also after the emoji
  doccano   chardet 4 (doccano 1.8.4 pins ^4.0.0; its "Encoding: Auto" calls chardet.detect): the
            file is UTF-8-SIG thanks to its BOM (without it: Windows-1254, which fails); every
            span's text at its offsets
  W3C       pyld expansion with the vendored context (tests/data/w3c/anno.jsonld): absolute ids,
            a page with id, partOf and startIndex, TextPositionSelectors on the quoted text
Prints one line per check and exits 1 if any fails.
"""
import argparse
import glob
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
FAILED = []


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    if not ok:
        FAILED.append(name)


def run(*args, ok_codes=(0,)):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode not in ok_codes:
        sys.exit(f"{' '.join(map(str, args))}: exit {p.returncode}\n{p.stderr}")
    return p


def export(hamish, corpus, out, fmt, *extra):
    allow = "author-and-times,review-status,notes,attributes,relations,relation-attributes," \
            "document-attributes,discontinuous-spans,overlapping-spans,unaligned-spans,standoff"
    return run(hamish, "export", "--format", fmt, *extra, str(corpus), "--out", str(out),
               "--allow-loss", allow)


def brat_checks(out, brat):
    from pybrat.parser import BratParser
    examples = list(BratParser(error="raise").parse(str(out)))
    lines = sum(1 for ann in out.glob("*.ann") for l in ann.open(encoding="utf-8") if l[0] == "T")
    entities = sum(len(e.entities) for e in examples)
    check("brat: pybrat reads every T line", entities == lines, f"{entities} of {lines}")
    # pybrat opens the .txt in Python's text mode, which turns CR LF into LF: offsets after the
    # first CR LF then point one char further per line break than brat (which counts CR) meant.
    # So each entity is checked against the .txt as brat reads it (bytes decoded, CR kept), and
    # pybrat's own reading is reported for what it is.
    bad, shifted = [], 0
    for e in examples:
        raw = (out / f"{e.id}.txt").read_bytes().decode("utf-8")
        for ent in e.entities:
            got = " ".join(raw[s.start:s.end] for s in ent.spans)
            got = got.replace("\r", " ").replace("\n", " ").replace("\t", " ")
            if got != ent.mention:
                bad.append((e.id, ent.mention))
            if " ".join(e.text[s.start:s.end] for s in ent.spans) != got:
                shifted += 1
    check("brat: every entity's text is at its offsets (CR counted, as brat does)", not bad,
          f"{str(bad[:3])}; pybrat's own text mode shifts {shifted} entities after CR LF")
    if brat:
        p = subprocess.run([sys.executable, ROOT / "scripts/brat-check.py", brat,
                            *sorted(map(str, out.glob("*.ann")))], capture_output=True, text=True)
        check("brat: brat's checker accepts the export", p.returncode == 0,
              p.stdout.strip() or p.stderr.strip().splitlines()[-1])


def conll_checks(out, docs):
    import spacy
    from spacy.tokens import DocBin
    conv = out / "spacy"
    conv.mkdir()
    run(sys.executable, "-m", "spacy", "convert", str(out / "export.conll"), str(conv),
        "-c", "ner", "-l", "xx")
    db = DocBin().from_disk(conv / "export.spacy")
    got = list(db.get_docs(spacy.blank("xx").vocab))
    check("CoNLL: spaCy makes one Doc per document", len(got) == docs, f"{len(got)} for {docs}")
    check("CoNLL: no -DOCSTART- token", all("-DOCSTART-" not in d.text for d in got))
    ents = sum(len(d.ents) for d in got)
    check("CoNLL: spaCy reads the entities", ents > 0, f"{ents} entities")
    p = subprocess.run([sys.executable, ROOT / "scripts/check-conll.py", out / "export.conll"],
                       capture_output=True, text=True)
    check("CoNLL: seqeval strict IOB2", p.returncode == 0, (p.stdout + p.stderr).strip())


def spans_at_offsets(text, spans):
    return [s for s in spans if text[s[0]:s[1]] != s[2]]


def jsonl_checks(out, docs):
    from datasets import load_dataset
    ds = load_dataset("json", data_files=str(out / "hamish.jsonl"), split="train")
    check("JSONL: datasets reads one row per document", len(ds) == docs, f"{len(ds)} rows")
    bad = []
    for row in ds:
        for s in row["spans"]:
            frags = s.get("fragments") or []
            if not frags:
                bad += spans_at_offsets(row["text"], [(s["start"], s["end"], s["text"])])
            else:
                got = " … ".join(row["text"][f["start"]:f["end"]] for f in frags)
                if got != s["text"]:
                    bad.append(s["id"])
    check("JSONL: span texts at code-point offsets", not bad, str(bad[:3]))


def label_studio_checks(out):
    tasks = json.loads((out / "label-studio.json").read_text(encoding="utf-8"))
    bad, after_astral = [], 0
    for t in tasks:
        text = t["data"]["text"]
        first_astral = next((i for i, c in enumerate(text) if ord(c) > 0xFFFF), len(text))
        for r in t["annotations"][0]["result"]:
            v = r.get("value")
            if not v:
                continue
            after_astral += v["start"] > first_astral
            if text[v["start"]:v["end"]] != v["text"]:
                bad.append((r["id"], v["text"]))
    check("Label Studio: every region on its text (code points)", not bad,
          f"{after_astral} regions after an emoji; wrong: {bad[:3]}")


def doccano_checks(out, stderr):
    import chardet
    raw = (out / "doccano.jsonl").read_bytes()
    enc = chardet.detect(raw)["encoding"]
    without = chardet.detect(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)["encoding"]
    check("doccano: chardet (doccano's Auto encoding) says UTF-8", enc == "UTF-8-SIG",
          f"{enc}; the same bytes without the BOM: {without}")
    bad = []
    for line in raw.decode(enc).splitlines():
        d = json.loads(line)
        spans = [(e["start_offset"], e["end_offset"]) for e in d.get("entities", [])] or \
                [(s, e) for s, e, _ in d.get("label", [])]
        bad += [(s, e) for s, e in spans if not (0 <= s < e <= len(d["text"]))]
    check("doccano: offsets inside the texts", not bad, str(bad[:3]))
    check("doccano: overlapping spans are reported", "overlapping spans:" in stderr)


def w3c_checks(out, texts):
    from pyld import jsonld
    context = json.loads((ROOT / "tests/data/w3c/anno.jsonld").read_text())

    def loader(url, options=None):
        if url.rstrip("/") != "http://www.w3.org/ns/anno.jsonld":
            raise RuntimeError(f"offline: {url}")
        return {"contextUrl": None, "documentUrl": url, "document": context}

    jsonld.set_document_loader(loader)
    for path in sorted(out.glob("*.jsonld")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        expanded = jsonld.expand(doc)
        ids = []

        def walk(node):
            if isinstance(node, dict):
                if "@id" in node:
                    ids.append(node["@id"])
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)
        walk(expanded)
        relative = [i for i in ids if ":" not in i.split("#")[0]]
        check(f"W3C {path.name}: pyld expands, every id absolute", not relative and bool(ids),
              f"{len(ids)} ids, relative: {relative[:2]}")
        page = doc["first"]
        check(f"W3C {path.name}: page has id, partOf, startIndex",
              all(k in page for k in ("id", "partOf", "startIndex")) and page["partOf"] == doc["id"])
        text = texts[doc["label"]]
        bad = []
        for item in page["items"]:
            targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
            for t in targets:
                if not isinstance(t, dict):
                    continue
                sel = {s["type"]: s for s in t["selector"]}
                p, q = sel["TextPositionSelector"], sel["TextQuoteSelector"]
                if text[p["start"]:p["end"]] != q["exact"]:
                    bad.append(item["id"])
        check(f"W3C {path.name}: positions (code points) select the quotes", not bad, str(bad[:3]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hamish", default=str(ROOT / "target/release/hamish"))
    ap.add_argument("--brat", help="a brat checkout, to run brat's own checker")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        corpus = tmp / "corpus"
        run(a.hamish, "import", "--format", "jsonl",
            str(ROOT / "tests/data/formats/golden/export.jsonl"), "--into", str(corpus))
        texts = {p.name: p.read_bytes().decode("utf-8") for p in corpus.glob("*.txt")}
        docs = len(texts)
        for fmt in ("brat", "conll", "webanno"):
            export(a.hamish, corpus, tmp / fmt, fmt)
        for flavor in ("hamish", "label-studio"):
            export(a.hamish, corpus, tmp / "jsonl", "jsonl", "--flavor", flavor)
        p = export(a.hamish, corpus, tmp / "jsonl", "jsonl", "--flavor", "doccano")
        brat_checks(tmp / "brat", a.brat)
        conll_checks(tmp / "conll", docs)
        jsonl_checks(tmp / "jsonl", docs)
        label_studio_checks(tmp / "jsonl")
        doccano_checks(tmp / "jsonl", p.stderr)
        w3c_checks(tmp / "webanno", texts)
    print(f"{len(FAILED)} failed")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
