#!/bin/sh
# The dashboard's figures (``manage.py indicators``) at three dates, whole Département and the
# Nord territory, written to DIR; with a second argument, compared byte for byte with REF.
# Used around a refactoring of the figures (issue 16): the JSON must not change.
#     scripts/indicators_snapshot.sh /tmp/before
#     scripts/indicators_snapshot.sh /tmp/after /tmp/before
set -eu
out=$1
ref=${2:-}
python=${PYTHON:-.venv/bin/python}
mkdir -p "$out"
for day in 2022-12-31 2023-06-30 "$(date +%F)"; do
    "$python" manage.py indicators --date "$day" >"$out/indicators_$day.json"
    "$python" manage.py indicators --date "$day" --territory nord >"$out/indicators_${day}_nord.json"
done
if [ -n "$ref" ]; then
    diff -r "$ref" "$out" && echo "identical: $(ls "$out" | wc -l) files"
fi
