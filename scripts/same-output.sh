#!/usr/bin/env bash
# Checks that two parallax binaries write byte-identical JSON reports on the samples,
# on every comparison of the evaluation sets in ../shared/eval, and on any extra
# directories of sources given (e.g. corpora made by `gen-corpus`), in each --order
# mode. For optimisations that must not change what is linked.
#
# usage: scripts/same-output.sh BEFORE AFTER [DIR...]
set -u
before=$1 after=$2; shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
eval_dir=$root/../shared/eval
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sets=("$root/samples/wire.txt $root/samples/ledger.md $root/samples/harbor-daily.txt $root/samples/courier.txt")
for ds in cstnews aesop ecbplus; do
  if [ ! -d "$eval_dir/$ds" ]; then
    echo "warning: $eval_dir/$ds not found; its comparisons are skipped" >&2
    continue
  fi
  # One comparison per connected group of documents, as score.py makes them.
  while read -r line; do sets+=("$line"); done < <(python3 - "$eval_dir/$ds" <<'PY'
import sys, os
from collections import defaultdict
root = sys.argv[1]
parent = {}
def find(x):
    parent.setdefault(x, x)
    while parent[x] != x:
        parent[x] = parent[parent[x]]; x = parent[x]
    return x
for l in open(os.path.join(root, "pairs.tsv"), encoding="utf-8"):
    if l.strip():
        a, b = l.split("\t")[:2]
        parent[find(a)] = find(b.strip())
comps = defaultdict(list)
for d in sorted(parent):
    comps[find(d)].append(os.path.join(root, "docs", d.split("/", 1)[1] + ".txt"))
for docs in comps.values():
    print(" ".join(docs))
PY
)
done
for dir in "$@"; do sets+=("$(echo "$dir"/*)"); done
runs=0 differ=0
for order in auto keep free; do
  for files in "${sets[@]}"; do
    # shellcheck disable=SC2086
    "$before" --format json --order $order $files > "$tmp/b.json" 2>/dev/null
    # shellcheck disable=SC2086
    "$after" --format json --order $order $files > "$tmp/a.json" 2>/dev/null
    runs=$((runs + 1))
    if ! cmp -s "$tmp/b.json" "$tmp/a.json"; then
      differ=$((differ + 1))
      echo "differs (--order $order): $files"
    fi
  done
done
echo "$runs comparisons, $differ differ"
[ "$differ" = 0 ]
