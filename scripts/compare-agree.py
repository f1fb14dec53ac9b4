#!/usr/bin/env python3
"""Compares `hamish agree --json` with the reference implementations on generated data.

Three annotators label three texts (the sample article and two parts of it) differently: each
starts from the same hidden "true" spans and drops some, moves boundaries by a word, changes
labels and adds spans of their own, from a fixed seed. The spans go into each annotator's files
through `hamish import --format jsonl --annotator NAME`; then

  * Cohen's κ (pairs), Fleiss' κ (all three: nltk's multi-π) and Krippendorff's nominal α over
    the non-space chars, per label and overall (each char's set of labels as its value), are
    computed with nltk's AnnotationTask and, for α, also with the `krippendorff` package;
  * exact span F1 per pair and the mean over pairs (overall and per label) with bratiaa;

and every figure is compared with Hamish's. αU has no reference on PyPI (the
`krippendorff-unitized-alpha` package computes a different coefficient); it is checked against
Krippendorff's published example in the unit tests instead.

Setup (PyPI):  python3 -m venv /tmp/agree-venv && /tmp/agree-venv/bin/pip install nltk krippendorff bratiaa
Run:           /tmp/agree-venv/bin/python scripts/compare-agree.py --hamish target/debug/hamish
Exit code 0 when every figure matches within 1e-9.
"""

import argparse
import json
import math
import pathlib
import random
import subprocess
import sys
import tempfile
from itertools import combinations

import krippendorff
import numpy as np
from bratiaa.agree import compute_f1_agreement
from nltk.metrics.agreement import AnnotationTask

ROOT = pathlib.Path(__file__).resolve().parent.parent
LABELS = ["claim", "source", "cue"]
ANNOTATORS = ["alice", "bob", "carol"]
TOLERANCE = 1e-9


def texts():
    article = (ROOT / "assets/samples/news-ar-001.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in article.split("\n") if len(p.split()) > 20]
    return {
        "news-1": article,
        "news-2": "\n".join(paragraphs[1:3]),
        "news-3": paragraphs[-1],
    }


def words(text):
    """(start, end) char offsets of each white-space separated word."""
    out, start = [], None
    for i, c in enumerate(text + " "):
        if c.isspace():
            if start is not None:
                out.append((start, i))
                start = None
        elif start is None:
            start = i
    return out


def true_spans(text, rng):
    w = words(text)
    spans, i = [], rng.randrange(3)
    while i < len(w) - 6:
        n = rng.randint(1, 5)
        label = rng.choices(LABELS, weights=[5, 3, 2])[0]
        spans.append((w[i][0], w[i + n - 1][1], label))
        if label == "claim" and rng.random() < 0.3:
            # A source inside the claim: chars with two labels.
            spans.append((w[i][0], w[i][1], "source"))
        i += n + rng.randint(1, 12)
    return spans


def annotator_version(text, gold, rng):
    w = words(text)
    starts = {s: k for k, (s, _) in enumerate(w)}
    ends = {e: k for k, (_, e) in enumerate(w)}
    out = []
    for start, end, label in gold:
        r = rng.random()
        if r < 0.12:
            continue  # missed
        if r < 0.30:
            k = ends[end] + rng.choice([-1, 1])
            if 0 <= k < len(w) and w[k][1] > start:
                end = w[k][1]  # one word more or less
        if rng.random() < 0.08:
            label = rng.choice(LABELS)
        out.append((start, end, label))
    for _ in range(rng.randint(0, 4)):
        k = rng.randrange(len(w) - 3)
        out.append((w[k][0], w[k + rng.randint(0, 2)][1], rng.choice(LABELS)))
    assert all(s in starts and e in ends for s, e, _ in out)
    return sorted(set(out))


def generate(seed):
    rng = random.Random(seed)
    docs = texts()
    data = {a: {} for a in ANNOTATORS}
    for name, text in docs.items():
        gold = true_spans(text, rng)
        for a in ANNOTATORS:
            data[a][name] = annotator_version(text, gold, rng)
    return docs, data


def run_hamish(hamish, docs, data, folder):
    corpus = folder / "corpus"
    for a in ANNOTATORS:
        src = folder / "import" / a
        src.mkdir(parents=True)
        lines = [
            json.dumps({"id": name, "text": text,
                        "label": [[s, e, l] for s, e, l in data[a][name]]}, ensure_ascii=False)
            for name, text in docs.items()
        ]
        (src / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        subprocess.run([hamish, "import", "--format", "jsonl", str(src), "--into", str(corpus),
                        "--annotator", a], check=True, capture_output=True)
    out = subprocess.run([hamish, "agree", str(corpus), "--json"], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def char_values(docs, data, annotators, label=None):
    """Per annotator, the value of every non-space char of every document."""
    values = {a: [] for a in annotators}
    for name, text in docs.items():
        for a in annotators:
            cover = [set() for _ in text]
            for s, e, l in data[a][name]:
                for i in range(s, e):
                    cover[i].add(l)
            for i, c in enumerate(text):
                if not c.isspace():
                    v = (label in cover[i]) if label else "+".join(sorted(cover[i]))
                    values[a].append(str(v))
    return values


def coding_references(values, annotators):
    task = AnnotationTask(data=[(a, i, v) for a in annotators for i, v in enumerate(values[a])])
    codes = {v: k for k, v in enumerate(sorted({v for a in annotators for v in values[a]}))}
    matrix = np.array([[codes[v] for v in values[a]] for a in annotators], dtype=float)
    kappa = task.kappa() if len(annotators) == 2 else task.pi()
    alpha_k = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal") \
        if len(codes) > 1 else None
    return {"kappa": kappa, "alpha (nltk)": task.alpha(), "alpha (krippendorff)": alpha_k}


def f1_references(docs, data, folder):
    root = folder / "brat"
    conf = "[entities]\n" + "\n".join(LABELS) + "\n[relations]\n[events]\n[attributes]\n"
    (root).mkdir()
    (root / "annotation.conf").write_text(conf)
    for a in ANNOTATORS:
        (root / a).mkdir()
        for name, text in docs.items():
            (root / a / f"{name}.txt").write_text(text, encoding="utf-8")
            lines = [f"T{k + 1}\t{l} {s} {e}\t{text[s:e]}"
                     for k, (s, e, l) in enumerate(data[a][name])]
            (root / a / f"{name}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    f1 = compute_f1_agreement(str(root))
    matrix = f1.compute_total_f1_matrix()
    index = {a: k for k, a in enumerate(f1.annotators)}
    pairs = {(a, b): matrix[index[a]][index[b]] for a, b in combinations(ANNOTATORS, 2)}
    mean, _ = f1.mean_sd_total()
    per_label, _ = f1.mean_sd_per_label()
    return pairs, mean, dict(zip(f1.labels, per_label))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hamish", default=str(ROOT / "target/debug/hamish"))
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    docs, data = generate(args.seed)
    rows = []

    def compare(what, ours, theirs):
        ok = (ours is None and theirs is None) or (
            ours is not None and theirs is not None and abs(ours - theirs) <= TOLERANCE)
        rows.append((what, ours, theirs, ok))

    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        report = run_hamish(args.hamish, docs, data, folder)
        pairs = {(p["a"], p["b"]): p for p in report["pairs"]}
        for label in [None] + LABELS:
            scope = label or "overall"
            for a, b in combinations(ANNOTATORS, 2):
                ours = pairs[(a, b)]["overall" if label is None else "labels"]
                ours = ours if label is None else ours[label]
                ref = coding_references(char_values(docs, data, [a, b], label), [a, b])
                compare(f"Cohen κ {a}-{b} {scope} (nltk)", ours["kappa"], ref["kappa"])
                compare(f"α {a}-{b} {scope} (nltk)", ours["alpha"], ref["alpha (nltk)"])
                compare(f"α {a}-{b} {scope} (krippendorff)", ours["alpha"], ref["alpha (krippendorff)"])
            ours = report["all"]["overall"] if label is None else report["all"]["labels"][label]
            ref = coding_references(char_values(docs, data, ANNOTATORS, label), ANNOTATORS)
            compare(f"Fleiss κ all {scope} (nltk multi-π)", ours["kappa"], ref["kappa"])
            compare(f"α all {scope} (nltk)", ours["alpha"], ref["alpha (nltk)"])
            compare(f"α all {scope} (krippendorff)", ours["alpha"], ref["alpha (krippendorff)"])
        f1_pairs, f1_mean, f1_labels = f1_references(docs, data, folder)
        for (a, b), ref in f1_pairs.items():
            compare(f"F1 exact {a}-{b} overall (bratiaa)", pairs[(a, b)]["overall"]["f1_exact"], ref)
        compare("F1 exact mean of pairs overall (bratiaa)", report["all"]["overall"]["f1_exact"], f1_mean)
        for label, ref in f1_labels.items():
            if not math.isnan(ref):
                compare(f"F1 exact mean of pairs {label} (bratiaa)",
                        report["all"]["labels"][label]["f1_exact"], ref)

    spans = sum(len(v) for a in data.values() for v in a.values())
    chars = sum(sum(not c.isspace() for c in t) for t in docs.values())
    print(f"seed {args.seed}: {len(docs)} texts, {chars} non-space chars, "
          f"{len(ANNOTATORS)} annotators, {spans} spans")
    width = max(len(r[0]) for r in rows)
    for what, ours, theirs, ok in rows:
        fmt = lambda x: "None" if x is None else f"{x:.12f}"
        print(f"{'ok  ' if ok else 'DIFF'} {what:<{width}}  hamish {fmt(ours)}  reference {fmt(theirs)}")
    bad = sum(not r[3] for r in rows)
    print(f"{len(rows) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
