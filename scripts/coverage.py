#!/usr/bin/env python3
"""coverage.py - measure how much of the evaluation text the distilled tables cover.

Usage:  python3 coverage.py OUTDIR [EVALDIR=/work/shared/eval]

Reads meaning.bin and freq-<lang>.bin from OUTDIR with its own minimal readers
(an independent check of the formats) and, for each evaluation set
(cstnews: pt; aesop, ecbplus: en; docs/*.txt, one sentence per line), prints
the share of word tokens (letters-only tokens [^\\W\\d_]+, lower-cased, NFC)
found in the meaning table and in that language's frequency list, plus the
share of distinct word types.  The evaluation text is only read to measure;
nothing from it goes into any vocabulary.  Needs only the Python stdlib.
"""
import collections
import glob
import os
import re
import struct
import sys
import unicodedata

WORD_RE = re.compile(r"[^\W\d_]+")
SETS = [("cstnews", "pt"), ("aesop", "en"), ("ecbplus", "en")]


def read_words(data, n, off_at):
    offs = struct.unpack_from("<%dI" % (n + 1), data, off_at)
    blob0 = off_at + 4 * (n + 1)
    words = [data[blob0 + offs[i]:blob0 + offs[i + 1]].decode("utf-8") for i in range(n)]
    assert all(words[i].encode() < words[i + 1].encode() for i in range(n - 1)), "blob not sorted"
    return words, blob0 + offs[-1]


def read_meaning(path):
    data = open(path, "rb").read()
    assert data[:8] == b"PXMT0001"
    dims, n = struct.unpack_from("<II", data, 8)
    words, end = read_words(data, n, 16)
    end += (-end) % 4
    assert len(data) == end + n * dims
    return set(words)


def read_freq(path):
    data = open(path, "rb").read()
    assert data[:8] == b"PXWF0001"
    n = struct.unpack_from("<I", data, 8)[0]
    words, end = read_words(data, n, 12)
    assert len(data) == end + n
    return set(words)


def main():
    out = sys.argv[1]
    evald = sys.argv[2] if len(sys.argv) > 2 else "/work/shared/eval"
    meaning = read_meaning(os.path.join(out, "meaning.bin"))
    print("| set | lang | tokens | types | meaning: tokens | meaning: types | freq list: tokens | freq list: types |")
    print("|---|---|---|---|---|---|---|---|")
    for name, lang in SETS:
        freq = read_freq(os.path.join(out, "freq-%s.bin" % lang))
        counts = collections.Counter()
        for p in sorted(glob.glob(os.path.join(evald, name, "docs", "*.txt"))):
            with open(p, encoding="utf-8") as f:
                for line in f:
                    for t in WORD_RE.findall(unicodedata.normalize("NFC", line.lower())):
                        counts[t] += 1
        ntok = sum(counts.values())
        mt = sum(c for w, c in counts.items() if w in meaning)
        ft = sum(c for w, c in counts.items() if w in freq)
        my = sum(1 for w in counts if w in meaning)
        fy = sum(1 for w in counts if w in freq)
        print("| %s | %s | %d | %d | %.2f%% | %.2f%% | %.2f%% | %.2f%% |"
              % (name, lang, ntok, len(counts), 100.0 * mt / ntok, 100.0 * my / len(counts),
                 100.0 * ft / ntok, 100.0 * fy / len(counts)))


if __name__ == "__main__":
    main()
