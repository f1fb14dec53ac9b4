#!/usr/bin/env python3
"""Runs brat's own annotation checker (server/src/verify_annotations.py) on .ann files.

Usage: scripts/brat-check.py BRAT_CHECKOUT FILE.ann...
Prints one line per issue (brat's wording) and exits 1 when there is any, 0 otherwise.

brat's server code was written for Python 2 and 3; two things stop it on Python 3.11+, and this
wrapper changes neither brat's files nor its checks: brat imports a `config` module (made from
config_template.py at install time), given here with the template's defaults, and it opens files
with mode 'rU', which Python 3.11 removed ('U' is dropped here; universal newlines are Python 3's
default anyway).
"""
import codecs
import io
import os
import sys
import types


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    brat, files = sys.argv[1], sys.argv[2:]
    config = types.ModuleType("config")
    config.__dict__.update(
        ADMIN_CONTACT_EMAIL="nobody@invalid", BASE_DIR="/tmp", DATA_DIR="/tmp", WORK_DIR="/tmp",
        USER_PASSWORD={}, MAX_SEARCH_RESULT_NUMBER=1000, DEBUG=False, TUTORIALS=False,
        LL_DEBUG=0, LL_INFO=1, LL_WARNING=2, LL_ERROR=3, LL_CRITICAL=4, LOG_LEVEL=2,
    )
    sys.modules["config"] = config
    real_open = codecs.open
    codecs.open = lambda name, mode="r", *a, **k: real_open(name, mode.replace("U", ""), *a, **k)
    sys.path.insert(0, os.path.join(brat, "server", "src"))
    import verify_annotations  # noqa: E402  (brat's module)

    out = io.StringIO()
    stdout, sys.stdout = sys.stdout, out
    try:
        verify_annotations.main(["verify_annotations.py"] + files)
    finally:
        sys.stdout = stdout
    issues = [l for l in out.getvalue().splitlines() if l.strip()]
    for line in issues:
        print(line)
    print(f"brat checker: {len(files)} file(s), {len(issues)} issue(s)", file=sys.stderr)
    sys.exit(1 if issues else 0)


if __name__ == "__main__":
    main()
