#!/usr/bin/env bash
# Round trip of brat's shipped example corpora through Hamish, checked line by line and with brat's
# own annotation checker. Not run by CI (needs a brat checkout and Python 3).
# Usage: scripts/check-brat.sh BRAT_CHECKOUT [HAMISH_BINARY]
#   For every collection under BRAT_CHECKOUT/example-data: `hamish import --format brat`, then
#   `hamish export --format brat`; every T, R, E, A/M, N, * and # line of the original must be in the
#   export (A and # ids renumbered, M written as A, trailing whitespace ignored), and brat's checker
#   (scripts/brat-check.py) must find no issue in the export that it does not find in the original.
set -uo pipefail
brat="${1:?usage: $0 BRAT_CHECKOUT [HAMISH_BINARY]}"
hamish="${2:-$(cd "$(dirname "$0")/.." && pwd)/target/release/hamish}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
while read -r dir; do
  rel="${dir#"$brat"/example-data/}"
  "$hamish" import --format brat "$dir" --into "$work/imp/$rel" >/dev/null 2>"$work/import.log" \
    || { echo "$rel: import reported:"; cat "$work/import.log"; status=1; }
  "$hamish" export --format brat "$work/imp/$rel" --out "$work/exp/$rel" >/dev/null 2>"$work/export.log" \
    || { echo "$rel: export reported:"; cat "$work/export.log"; status=1; }
  python3 - "$dir" "$work/exp/$rel" <<'PY' || status=1
import pathlib, sys
def canon(path):
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.rstrip(" \t\r")
        if not line.strip():
            continue
        ident, _, rest = line.partition("\t")
        out.append({"A": "A", "M": "A", "#": "#"}.get(ident[0], ident) + "\t" + rest)
    return sorted(out)
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
docs = lines = bad = 0
for ann in sorted(src.glob("*.ann")):
    a, b = canon(ann), canon(dst / ann.name)
    docs += 1; lines += len(a)
    if a != b:
        bad += 1
        missing = [l for l in a if l not in b][:3]
        print(f"{ann}: {len(set(a) - set(b))} line(s) not in the export, e.g. {missing}")
print(f"{src.name}: {docs} documents, {lines} lines, {docs - bad} whole")
sys.exit(1 if bad else 0)
PY
  before=$(python3 "$here/brat-check.py" "$brat" "$dir"/*.ann 2>/dev/null | wc -l)
  after=$(python3 "$here/brat-check.py" "$brat" "$work/exp/$rel"/*.ann 2>/dev/null | wc -l)
  echo "$rel: brat checker issues: original $before, export $after"
  [ "$after" -le "$before" ] || status=1
done < <(find "$brat/example-data" -name '*.ann' -printf '%h\n' | sort -u)
exit $status
