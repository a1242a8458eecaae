#!/usr/bin/env bash
# Side-by-side timing of parallax and the tools users would otherwise pick, on the
# same synthetic inputs (see BENCHMARKS.md). Skips a peer that is not installed.
#
#   bash benches/peers.sh            # builds parallax --release, writes corpora under target/peers
#
# Needs hyperfine (apt-get install hyperfine); peers: git, dwdiff (apt-get install dwdiff),
# CollateX (pip install collatex python-Levenshtein 'ClusterShell<1.9').
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --example gen-corpus
cargo build --release -q
bin=target/release/parallax
gen=target/release/examples/gen-corpus
out=target/peers
mkdir -p "$out"
command -v hyperfine >/dev/null || { echo "hyperfine is not installed: apt-get install hyperfine"; exit 1; }

corpus() { # NAME SOURCES BYTES
  [ -f "$out/$1/source-$2.txt" ] || "$gen" "$out/$1" "$2" "$3" >/dev/null
}
corpus 4x10k 4 10000
corpus 2x1m 2 1000000
corpus 8x1m 8 1000000
corpus 8x2m 8 2000000
corpus 2x20k 2 20000

echo "== parallax, 4 × 10 KB, end to end (JSON to a file)"
hyperfine -N --warmup 3 --export-markdown "$out/4x10k.md" "$bin --format json --output $out/r.json $out/4x10k/source-1.txt $out/4x10k/source-2.txt $out/4x10k/source-3.txt $out/4x10k/source-4.txt"

echo "== 2 × 1 MB: parallax vs git word diff vs dwdiff"
cmds=("$bin --format json --output $out/r.json $out/2x1m/source-1.txt $out/2x1m/source-2.txt"
      "git diff --no-index --word-diff $out/2x1m/source-1.txt $out/2x1m/source-2.txt")
command -v dwdiff >/dev/null && cmds+=("dwdiff $out/2x1m/source-1.txt $out/2x1m/source-2.txt") || echo "(dwdiff not installed: skipped)"
# git diff and dwdiff exit 1 when the files differ.
hyperfine -N -i --warmup 1 --runs 5 --export-markdown "$out/2x1m.md" "${cmds[@]}"

echo "== 8 × 1 MB and 8 × 2 MB: parallax scaling and peak memory"
hyperfine -N --warmup 1 --runs 5 --export-markdown "$out/8xNm.md" \
  "$bin --format json --output $out/r.json $(echo $out/8x1m/*.txt)" \
  "$bin --format json --output $out/r.json $(echo $out/8x2m/*.txt)"
/usr/bin/time -f "8x1MB peak RSS %M KB" "$bin" --format json --output "$out/r.json" $out/8x1m/*.txt

echo "== CollateX (the one peer that aligns N texts), 2 × 20 KB and 4 × 10 KB"
if python3 -c "import collatex" 2>/dev/null; then
  cat > "$out/collate.py" <<'PY'
import sys
from collatex import Collation, collate
c = Collation()
for i, path in enumerate(sys.argv[1:]):
    c.add_plain_witness(str(i), open(path, encoding="utf-8").read())
collate(c, output="json")
PY
  hyperfine -N -i --runs 3 --export-markdown "$out/collatex.md" \
    "python3 $out/collate.py $out/2x20k/source-1.txt $out/2x20k/source-2.txt" \
    "python3 $out/collate.py $(echo $out/4x10k/*.txt)" \
    "$bin --format json --output $out/r.json $(echo $out/4x10k/*.txt)"
else
  echo "(collatex not installed: skipped)"
fi
