#!/usr/bin/env bash
# Side-by-side timing of parallax and the tools users would otherwise pick, on the
# same synthetic inputs (see BENCHMARKS.md). Skips a peer that is not installed.
#
#   bash benches/peers.sh            # builds parallax --release, writes corpora under target/peers
#   bash benches/peers.sh no-collatex  # the same without CollateX (its 2 × 20 KB run takes minutes)
#
# Needs hyperfine (apt-get install hyperfine); peers: git, dwdiff (apt-get install dwdiff),
# CollateX (pip install collatex python-Levenshtein 'ClusterShell<1.9').
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p parallax-testkit --example gen-corpus
cargo build --release -q -p parallax
bin=target/release/parallax
gen=target/release/examples/gen-corpus
out=target/peers
mkdir -p "$out"
command -v hyperfine >/dev/null || { echo "hyperfine is not installed: apt-get install hyperfine"; exit 1; }
# hyperfine prints means; BENCHMARKS.md quotes medians, read from its JSON export.
medians() { # FILE.json
  python3 -c 'import json,sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("median %9.3f s  %s" % (r["median"], r["command"][:90]))' "$1"
}

corpus() { # NAME SOURCES BYTES
  [ -f "$out/$1/source-$2.txt" ] || "$gen" "$out/$1" "$2" "$3" >/dev/null
}
corpus 4x10k 4 10000
corpus 4x100k 4 100000
corpus 4x1m 4 1000000
corpus 2x1m 2 1000000
corpus 8x1m 8 1000000
corpus 8x2m 8 2000000
corpus 2x20k 2 20000
corpus 2x5k 2 5000

echo "== parallax, 4 sources of 10 KB, 100 KB and 1 MB, end to end (JSON to a file)"
hyperfine -N --warmup 3 --export-json "$out/4x10k.json" --export-markdown "$out/4x10k.md" "$bin --format json --output $out/r.json $out/4x10k/source-1.txt $out/4x10k/source-2.txt $out/4x10k/source-3.txt $out/4x10k/source-4.txt"
hyperfine -N --warmup 1 --runs 10 --export-json "$out/4xN.json" --export-markdown "$out/4xN.md" \
  "$bin --format json --output $out/r.json $(echo $out/4x100k/*.txt)" \
  "$bin --format json --output $out/r.json $(echo $out/4x1m/*.txt)"

echo "== 2 × 1 MB: parallax vs git word diff vs dwdiff"
cmds=("$bin --format json --output $out/r.json $out/2x1m/source-1.txt $out/2x1m/source-2.txt"
      "git diff --no-index --word-diff $out/2x1m/source-1.txt $out/2x1m/source-2.txt")
command -v dwdiff >/dev/null && cmds+=("dwdiff $out/2x1m/source-1.txt $out/2x1m/source-2.txt") || echo "(dwdiff not installed: skipped)"
# git diff and dwdiff exit 1 when the files differ.
hyperfine -N -i --warmup 1 --runs 5 --export-json "$out/2x1m.json" --export-markdown "$out/2x1m.md" "${cmds[@]}"

echo "== 8 × 1 MB and 8 × 2 MB: parallax scaling and peak memory"
hyperfine -N --warmup 1 --runs 5 --export-json "$out/8xNm.json" --export-markdown "$out/8xNm.md" \
  "$bin --format json --output $out/r.json $(echo $out/8x1m/*.txt)" \
  "$bin --format json --output $out/r.json $(echo $out/8x2m/*.txt)"
for c in 4x10k 4x100k 4x1m 8x1m 8x2m; do
  /usr/bin/time -f "$c peak RSS %M KB" "$bin" --format json --output "$out/r.json" $out/$c/*.txt
done

echo "== CollateX (the one peer that aligns N texts): 2 × 5 KB (3 runs), 2 × 20 KB (one run: minutes)"
if [ "${1:-}" = no-collatex ]; then
  echo "(skipped on request)"
elif python3 -c "import collatex" 2>/dev/null; then
  cat > "$out/collate.py" <<'PY'
import sys
from collatex import Collation, collate
c = Collation()
for i, path in enumerate(sys.argv[1:]):
    c.add_plain_witness(str(i), open(path, encoding="utf-8").read())
collate(c, output="json")
PY
  hyperfine -N -i --runs 3 --export-json "$out/collatex.json" --export-markdown "$out/collatex.md" \
    "python3 $out/collate.py $out/2x5k/source-1.txt $out/2x5k/source-2.txt" \
    "$bin --format json --output $out/r.json $out/2x5k/source-1.txt $out/2x5k/source-2.txt"
  /usr/bin/time -f "CollateX 2x20KB: %e s wall, peak RSS %M KB" python3 "$out/collate.py" $out/2x20k/*.txt
  /usr/bin/time -f "parallax 2x20KB: %e s wall, peak RSS %M KB" "$bin" --format json --output "$out/r.json" $out/2x20k/*.txt
else
  echo "(collatex not installed: skipped)"
fi

echo "== medians"
for f in 4x10k 4xN 2x1m 8xNm collatex; do
  [ -f "$out/$f.json" ] && medians "$out/$f.json"
done
