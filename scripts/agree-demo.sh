#!/usr/bin/env bash
# Two annotators label copies of the sample article differently, each in their own file, on two
# git branches; the branches merge without a conflict and `hamish agree` compares them.
#
# Usage: scripts/agree-demo.sh [HAMISH_BINARY] [WORK_DIR]
# (defaults: target/debug/hamish, built with `cargo build`; a temporary folder).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
hamish=${1:-$root/target/debug/hamish}
work=${2:-$(mktemp -d)}
export GIT_AUTHOR_NAME=demo GIT_AUTHOR_EMAIL=demo@example.org
export GIT_COMMITTER_NAME=demo GIT_COMMITTER_EMAIL=demo@example.org

mkdir -p "$work/team" "$work/in"
cd "$work/team"
git init -q -b main
cp "$root/assets/samples/news-ar-001.txt" news.txt
echo '(shared: true)' > hamish-project.ron          # the folder is shared by a team
printf '*.bak\n*.recovery\n*.conflict-*\n' > .gitignore
git add -A && git commit -qm "the article"

# Each annotator's spans as doccano JSONL (char offsets), found by phrase in the article.
spans() {  # NAME PHRASE:LABEL...
  python3 - "$root/assets/samples/news-ar-001.txt" "$@" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
labels = []
for item in sys.argv[3:]:
    phrase, label = item.rsplit(":", 1)
    start = text.index(phrase)
    labels.append([start, start + len(phrase), label])
print(json.dumps({"id": "news", "text": text, "label": labels}, ensure_ascii=False))
PY
}

git checkout -q -b maryam
mkdir -p "$work/in/maryam"
spans maryam "محللوا الاستخبارات الأمريكية:source" "فهناك أدلة على أن المجموعتين بدأتا بالتعاون:claim" \
  "تنظيم القاعدة بدأ بالانحياز إلى تنظين داعش:claim" "وقال:cue" "توم جوسلين:source" > "$work/in/maryam/news.jsonl"
"$hamish" import --format jsonl "$work/in/maryam" --into . --annotator maryam
git add -A && git commit -qm "maryam: first pass"

git checkout -q main
git checkout -q -b karim
mkdir -p "$work/in/karim"
spans karim "محللوا الاستخبارات:source" "فهناك أدلة على أن المجموعتين بدأتا بالتعاون:claim" \
  "بدأ بالانحياز إلى تنظين داعش:claim" "وقال:cue" "توم جوسلين:source" "رسالة أدان فيها:claim" > "$work/in/karim/news.jsonl"
"$hamish" import --format jsonl "$work/in/karim" --into . --annotator karim
git add -A && git commit -qm "karim: first pass"

git checkout -q main
git merge -q --no-edit maryam
git merge -q --no-edit karim
echo "merged: $(git log --oneline | wc -l) commits, files: $(ls news.txt.*.ann.ron | tr '\n' ' ')"
"$hamish" check . --annotator maryam
"$hamish" check . --annotator karim
"$hamish" agree .
