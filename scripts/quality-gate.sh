#!/usr/bin/env bash
# The quality gate: scores a parallax binary on the three human-annotated sets of
# ../shared/eval with that folder's score.py and fails when a set falls below its
# floor, so a change that makes links worse cannot land. The floors are the figures
# of the current default engine less a small margin (QUALITY.md); raise them when
# the engine improves.
#
# usage: scripts/quality-gate.sh BINARY
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/.." && pwd)
eval_dir=$root/../shared/eval
if [ ! -f "$eval_dir/score.py" ]; then
  echo "quality gate: $eval_dir/score.py not found (../shared beside the checkout is needed)" >&2
  exit 1
fi
# set  F1 floor  precision floor
floors=(
  "cstnews 0.650 0.685"
  "aesop   0.615 0.695"
  "ecbplus 0.465 0.790"
)
status=0
for row in "${floors[@]}"; do
  read -r set f1_floor p_floor <<<"$row"
  line=$(python3 "$eval_dir/score.py" "$set" "$bin" --format json | tail -1)
  echo "$line"
  p=$(sed -E 's/.*link precision ([0-9.]+).*/\1/' <<<"$line")
  f1=$(sed -E 's/.* F1 ([0-9.]+) \(.*/\1/' <<<"$line")
  failed=$(sed -E 's/.*failed runs ([0-9]+).*/\1/' <<<"$line")
  if [ "$failed" != 0 ]; then
    echo "quality gate: $set: $failed runs failed" >&2
    status=1
  fi
  if ! python3 -c "import sys; sys.exit(0 if $f1 >= $f1_floor and $p >= $p_floor else 1)"; then
    echo "quality gate: $set: F1 $f1 (floor $f1_floor), precision $p (floor $p_floor)" >&2
    status=1
  fi
done
exit $status
