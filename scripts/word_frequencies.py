#!/usr/bin/env python3
"""word_frequencies.py - background word frequencies for parallax, from wordfreq.

Makes, in OUTDIR:
  freq-en.bin, freq-pt.bin, freq-es.bin, freq-fr.bin, freq-de.bin
  freq_probe.tsv   (20 rows: lang <TAB> word <TAB> value, for a Rust reader test)

Usage:
  python3 word_frequencies.py OUTDIR

Source: wordfreq.top_n_list(lang, n) (the "best" = "large" list for all five
languages), n = 100000 for en and pt, 50000 for es, fr, de.  Each entry is
lower-cased and Unicode-NFC-normalised; entries with no letter at all (pure
digits / punctuation / symbols / emoji) or longer than 40 UTF-8 bytes are
dropped.  Value = wordfreq.zipf_frequency(word, lang) stored as u8
round-half-up(zipf * 10) (zipf has 2 decimals; range 0..80).  When two entries
collapse to the same string after normalisation the higher value is kept.

File format (little-endian), one file per language:
  0       8 bytes magic "PXWF0001"
  8       u32 N
  12      u32 offsets[N+1]   byte offsets into the string blob (offsets[0]=0,
                             offsets[N]=blob length)
  12+4(N+1)   string blob: the N words, UTF-8, sorted ascending by their UTF-8
              bytes, no separators
  ...     N bytes: zipf*10 of word i (u8), same order.  No padding anywhere.

Deterministic: no randomness; output is sorted; the same package versions give
byte-identical files.

Pinned packages (pip):  wordfreq==3.1.1  (pulls regex==2026.11.19,
  ftfy==6.3.1, langcodes==3.5.1, msgpack==1.2.4, locate==1.1.1, wcwidth==0.9.4)
Python 3.11.7.
Time here: about 20 s wall (2 shared cores).
"""
import os
import struct
import sys
import unicodedata

import wordfreq

LANGS = [("en", 100000), ("pt", 100000), ("es", 50000), ("fr", 50000), ("de", 50000)]
MAX_BYTES = 40

PROBES = [
    ("en", "the"), ("en", "police"), ("en", "earthquake"), ("en", "injured"),
    ("en", "president"), ("en", "talks"), ("pt", "de"), ("pt", "polícia"),
    ("pt", "ferido"), ("pt", "terremoto"), ("pt", "presidente"), ("pt", "não"),
    ("es", "el"), ("es", "policía"), ("es", "año"), ("fr", "le"),
    ("fr", "été"), ("fr", "gouvernement"), ("de", "und"), ("de", "für"),
]


def normalise(w):
    return unicodedata.normalize("NFC", w.lower())


def keep(w):
    if not w or len(w.encode("utf-8")) > MAX_BYTES:
        return False
    return any(unicodedata.category(c).startswith("L") for c in w)


def zipf10(word, lang):
    z = wordfreq.zipf_frequency(word, lang)      # rounded to 2 decimals by wordfreq
    hundredths = int(round(z * 100))             # exact integer in hundredths
    v = (hundredths + 5) // 10                   # round half up to tenths
    return max(0, min(80, v))


def build(lang, n):
    table = {}
    raw = wordfreq.top_n_list(lang, n)
    for w in raw:
        w = normalise(w)
        if not keep(w):
            continue
        v = zipf10(w, lang)
        if v > table.get(w, -1):
            table[w] = v
    words = sorted(table, key=lambda s: s.encode("utf-8"))
    return raw, words, [table[w] for w in words]


def write_freq(path, words, values):
    enc = [w.encode("utf-8") for w in words]
    offsets = [0]
    for b in enc:
        offsets.append(offsets[-1] + len(b))
    with open(path, "wb") as f:
        f.write(b"PXWF0001")
        f.write(struct.pack("<I", len(words)))
        f.write(struct.pack("<%dI" % len(offsets), *offsets))
        f.write(b"".join(enc))
        f.write(bytes(values))


def read_freq(path):
    data = open(path, "rb").read()
    assert data[:8] == b"PXWF0001"
    n = struct.unpack_from("<I", data, 8)[0]
    offs = struct.unpack_from("<%dI" % (n + 1), data, 12)
    blob0 = 12 + 4 * (n + 1)
    vals0 = blob0 + offs[-1]
    assert len(data) == vals0 + n
    words = [data[blob0 + offs[i]: blob0 + offs[i + 1]].decode("utf-8") for i in range(n)]
    return dict(zip(words, data[vals0:]))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python3 word_frequencies.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    probe_rows = []
    for lang, n in LANGS:
        raw, words, values = build(lang, n)
        path = os.path.join(out, "freq-%s.bin" % lang)
        write_freq(path, words, values)
        back = read_freq(path)
        assert len(back) == len(words)
        print("%s: top_n_list=%d kept=%d bytes=%d min=%d max=%d"
              % (lang, len(raw), len(words), os.path.getsize(path), min(values), max(values)))
        for plang, pw in PROBES:
            if plang == lang:
                probe_rows.append((lang, pw, back.get(pw)))
    with open(os.path.join(out, "freq_probe.tsv"), "w", encoding="utf-8") as f:
        f.write("lang\tword\tvalue\n")
        for lang, w, v in probe_rows:
            if v is None:
                sys.exit("probe word %r missing from %s list" % (w, lang))
            f.write("%s\t%s\t%d\n" % (lang, w, v))
    print("wrote freq_probe.tsv with %d rows" % len(probe_rows))


if __name__ == "__main__":
    main()
