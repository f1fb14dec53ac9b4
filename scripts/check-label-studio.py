#!/usr/bin/env python3
"""Reads Hamish's Label Studio export with Label Studio's own code and checks every region.

Not run by CI. Needs Label Studio (`pip install label-studio`; checked with 1.23.2, which brings
label-studio-sdk and its converter):

    /tmp/ls/bin/python scripts/check-label-studio.py [--hamish target/release/hamish]

The corpus is the golden Hamish JSONL (emoji outside the BMP, harakat, CRLF) imported into
sidecars and exported with `--flavor label-studio`. Label Studio's CONLL2003 export
(label_studio_sdk.converter.Converter, the code behind Export > CONLL2003) then tags tokens by each
region's `value.start`/`value.end`; a region is right when Label Studio tags as many tokens as the
region's text has words, the first holding its first word and the last its last word. The same tasks with offsets in UTF-16 code units (what Hamish wrote
before issue 12) are converted too, to show the difference. Exits 1 if any region is wrong.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

from label_studio_sdk.converter import Converter
from label_studio_sdk.converter.utils import create_tokens_and_tags

ROOT = pathlib.Path(__file__).resolve().parent.parent


def config(labels):
    items = "".join(f'<Label value="{l}"/>' for l in sorted(labels))
    return (f'<View><Text name="text" value="$text"/><Labels name="label" toName="text">{items}'
            f'</Labels><Relations><Relation value="related"/></Relations></View>')


def wrong_regions(tasks):
    """Regions whose tokens, as Label Studio's CONLL2003 export tags them, are not their text."""
    wrong, total = [], 0
    for t in tasks:
        text = t["data"]["text"]
        regions = [r["value"] for r in t["annotations"][0]["result"] if r.get("type") == "labels"]
        for region in regions:
            total += 1
            tokens, tags = create_tokens_and_tags(text, [dict(region)])  # Label Studio's code
            tagged = [tok for tok, tag in zip(tokens, tags) if tag != "O"]
            words = region["text"].split()
            # Label Studio tags whole tokens of its own tokenizer (which leaves `.`, `،` and `؟`
            # on Arabic words), so a region is right when its first and last words are inside the
            # first and last tokens it tagged, and nothing before or after was tagged.
            right = bool(tagged) and words[0] in tagged[0] and words[-1] in tagged[-1] \
                and len(tagged) == len(words)
            if not right:
                wrong.append((region["text"], " ".join(tagged)))
    return wrong, total


def utf16(tasks):
    """The same tasks with offsets counted in UTF-16 code units."""
    out = json.loads(json.dumps(tasks))
    for t in out:
        text = t["data"]["text"]
        units = lambda i: len(text[:i].encode("utf-16-le")) // 2
        for r in t["annotations"][0]["result"]:
            if r.get("type") == "labels":
                r["value"]["start"] = units(r["value"]["start"])
                r["value"]["end"] = units(r["value"]["end"])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hamish", default=str(ROOT / "target/release/hamish"))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        subprocess.run([a.hamish, "import", "--format", "jsonl",
                        str(ROOT / "tests/data/formats/golden/export.jsonl"), "--into",
                        str(tmp / "corpus")], check=True, capture_output=True)
        # Issue 12's kind of document: five regions, each after a family emoji or a smiley.
        text = "قال 👨‍👩‍👧 الوزير 😀 إن الخطة 👨‍👩‍👧 نجحت 😀 وأكد 😀 المتحدث ذلك"
        words = ["الوزير", "إن الخطة", "نجحت", "وأكد", "المتحدث"]
        spans = [[text.find(w), text.find(w) + len(w), "claim"] for w in words]
        line = json.dumps({"id": "emoji.txt", "text": text, "label": spans}, ensure_ascii=False)
        (tmp / "emoji.jsonl").write_text(line + "\n", encoding="utf-8")
        subprocess.run([a.hamish, "import", "--format", "jsonl", str(tmp / "emoji.jsonl"),
                        "--into", str(tmp / "corpus")], check=True, capture_output=True)
        subprocess.run([a.hamish, "export", "--format", "jsonl", "--flavor", "label-studio",
                        str(tmp / "corpus"), "--out", str(tmp / "out")], capture_output=True)
        tasks = json.loads((tmp / "out/label-studio.json").read_text(encoding="utf-8"))
        labels = {l for t in tasks for r in t["annotations"][0]["result"]
                  for l in r.get("value", {}).get("labels", [])}
        # Label Studio's own CONLL2003 export, as Export > CONLL2003 makes it from the stored
        # tasks (which have the ids Label Studio gives them on import).
        stored = [dict(t, id=k + 1) for k, t in enumerate(tasks)]
        (tmp / "stored.json").write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
        conv = Converter(config=config(labels), project_dir=str(tmp))
        conv.convert(str(tmp / "stored.json"), str(tmp / "conll"), "CONLL2003", is_dir=False)
        conll = (tmp / "conll/result.conll").read_text(encoding="utf-8")
        b_tags = sum(1 for l in conll.splitlines() if l.split(" ")[-1].startswith("B-"))
        print(f"Label Studio's CONLL2003 export: {b_tags} B- tags, first lines:")
        print("\n".join(conll.splitlines()[:6]))
        wrong, total = wrong_regions(tasks)
        print(f"code points (Hamish now): {total - len(wrong)} of {total} regions on their text")
        for w in wrong:
            print(f"  wrong: {w}")
        old, _ = wrong_regions(utf16(tasks))
        print(f"UTF-16 units (Hamish before): {total - len(old)} of {total} regions on their text")
        for w in old[:5]:
            print(f"  wrong: {w}")
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
