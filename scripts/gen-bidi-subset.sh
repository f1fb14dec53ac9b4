#!/bin/sh
# Vendors a spread-out subset of the Unicode bidi conformance test (BidiCharacterTest.txt) into
# tests/data/bidi/, keeping the file's header (copyright and terms-of-use lines).
# Usage: scripts/gen-bidi-subset.sh [path/to/BidiCharacterTest.txt] [every-nth-case]
set -eu
src=${1:-/usr/share/unicode/BidiCharacterTest.txt}
step=${2:-60}
out="$(dirname "$0")/../tests/data/bidi/BidiCharacterTest-subset.txt"
mkdir -p "$(dirname "$out")"
awk -v step="$step" -v src="$src" '
  BEGIN { header = 1 }
  /^####/ && header { header = 0 }
  /^#/ && header { print; next }
  /^$/ && header { print; next }
  !header && !noted {
    noted = 1
    print "# Subset vendored by scripts/gen-bidi-subset.sh from " src ": every " step "th test case."
    print ""
  }
  /^#/ || /^$/ { next }
  { n++; if ((n - 1) % step == 0) print }
' "$src" > "$out"
echo "wrote $(grep -vc '^#\|^$' "$out") cases to $out"
