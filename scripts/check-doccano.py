#!/usr/bin/env python3
"""Imports Hamish's doccano export with doccano's own import pipeline, as its "Import Dataset" page
does with the default options, and checks what doccano stored.

Not run by CI. Needs doccano (checked with 1.8.4: `pip install doccano==1.8.4`, which brings the
chardet 4 it pins):

    /tmp/dc/bin/python scripts/check-doccano.py [--hamish target/release/hamish]

A throwaway SQLite database is made in a temporary folder (doccano's migrations), with one user
and one sequence-labelling project with doccano's defaults ("Allow overlapping spans" off). The
golden corpus is exported by Hamish (`--flavor doccano`), then given to doccano's
`data_import.datasets.load_dataset` with encoding "Auto" (the form's default), as the import task
does (`data_import.celery_tasks.import_dataset`, minus the upload). Checked: the file imports;
every stored span's text is the text at its offsets; the spans doccano dropped are the ones
Hamish's `lost: … overlapping spans` lines named. The same file without its BOM is imported too,
to show what the BOM is for. Exits 1 if a check fails.
"""
import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def setup(tmp):
    import backend  # doccano's Django project, installed as the `backend` package
    base = os.path.dirname(backend.__file__)
    sys.path.insert(0, base)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/db.sqlite3"
    os.environ["MEDIA_ROOT"] = str(tmp / "media")
    os.environ["STANDALONE"] = "True"
    import django
    django.setup()
    from django.core.management import call_command
    call_command("migrate", verbosity=0)


def import_file(path, name, relations):
    from django.contrib.auth import get_user_model
    from data_import.datasets import load_dataset
    from data_import.pipeline.catalog import create_file_format
    from data_import.pipeline.readers import FileName
    from projects.models import ProjectType, SequenceLabelingProject
    user, _ = get_user_model().objects.get_or_create(username="hamish")
    from data_import.pipeline.catalog import RELATION_EXTRACTION
    project = SequenceLabelingProject.objects.create(
        name=name, description="Hamish export", project_type=ProjectType.SEQUENCE_LABELING,
        created_by=user, use_relation=relations)
    files = [FileName(full_path=str(path), generated_name=path.name, upload_name=path.name)]
    task = RELATION_EXTRACTION if relations else ProjectType.SEQUENCE_LABELING
    dataset = load_dataset(task, create_file_format("JSONL"), files, project, encoding="Auto")
    dataset.save(user, batch_size=1000)
    return project, [e.dict() for e in dataset.errors]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hamish", default=str(ROOT / "target/release/hamish"))
    a = ap.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        subprocess.run([a.hamish, "import", "--format", "jsonl",
                        str(ROOT / "tests/data/formats/golden/export.jsonl"), "--into",
                        str(tmp / "corpus")], check=True, capture_output=True)
        # The documents have relations, so Hamish writes doccano's relation-extraction shape.
        p = subprocess.run([a.hamish, "export", "--format", "jsonl", "--flavor", "doccano",
                            str(tmp / "corpus"), "--out", str(tmp / "out")],
                           capture_output=True, text=True)
        path = tmp / "out/doccano.jsonl"
        setup(tmp)
        from examples.models import Example
        from labels.models import Span
        lines = path.read_bytes()
        docs = [json.loads(l) for l in lines[3:].decode().splitlines()]
        relations = "entities" in docs[0]
        print(f"Hamish wrote the {'relation-extraction' if relations else 'sequence'} shape")
        project, errors = import_file(path, "with BOM", relations)
        examples = Example.objects.filter(project=project)
        spans = Span.objects.filter(example__project=project)
        bad = [(s.start_offset, s.end_offset) for s in spans
               if not 0 <= s.start_offset < s.end_offset <= len(s.example.text)]
        ok = not errors and examples.count() == len(docs)
        print(f"{'ok  ' if ok else 'FAIL'} doccano imports the file (encoding Auto): "
              f"{examples.count()} examples, {spans.count()} spans, errors {errors}")
        failed += not ok
        def triples(d):
            if relations:
                return [(e["start_offset"], e["end_offset"], e["label"]) for e in d["entities"]]
            return [tuple(x) for x in d["label"]]
        sent = sum(len(triples(d)) for d in docs)
        named = sum(int(m) for m in re.findall(r"overlapping spans: (\d+)", p.stderr))
        ok = sent - spans.count() == named
        print(f"{'ok  ' if ok else 'FAIL'} doccano dropped {sent - spans.count()} of {sent} spans; "
              f"Hamish's `lost:` lines named {named}")
        failed += not ok
        texts = {e.id: e.text for e in examples}
        wrong = []
        for d in docs:
            for s, e, label in triples(d):
                hit = spans.filter(start_offset=s, end_offset=e, label__text=label)
                if hit.exists() and texts[hit.first().example_id][s:e] != d["text"][s:e]:
                    wrong.append((s, e))
        print(f"{'ok  ' if not wrong else 'FAIL'} stored spans are on the same text: {wrong[:3]}")
        failed += bool(wrong)
        plain = tmp / "no-bom.jsonl"
        plain.write_bytes(lines[3:])
        try:
            project, errors = import_file(plain, "without BOM", relations)
            n = Example.objects.filter(project=project).count()
            print(f"info without the BOM: {n} examples, errors {errors}")
        except Exception as e:  # doccano's task would report this as a failed import
            print(f"info without the BOM: doccano fails: {type(e).__name__}: {e}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
