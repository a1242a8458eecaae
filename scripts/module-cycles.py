#!/usr/bin/env python3
"""Lists import cycles between sibling modules of each crate (a module that uses a
module which uses it back, directly or through others). A child using its parent's
items, or a parent its children's, is not counted: only siblings at one level.

usage: scripts/module-cycles.py [CRATE_SRC_DIR...]   (default: every crate's src)
Exits 1 when there is a cycle."""
import os, re, sys, glob, itertools

def modules(src):
    mods = {}
    for f in glob.glob(os.path.join(src, "**", "*.rs"), recursive=True):
        rel = os.path.relpath(f, src)[:-3].split(os.sep)
        if rel[-1] == "mod" or rel == ["lib"] or rel == ["main"]:
            rel = rel[:-1]
        mods[tuple(rel)] = f
    return mods

def strip(text):
    text = re.sub(r"//[^\n]*", "", text)
    # Tests may use anything; they are not part of the dependency order.
    cut = re.search(r"#\[cfg\(test\)\]\s*mod tests", text)
    return text[:cut.start()] if cut else text

def paths(text):
    """Every path starting at `crate::` or `super::`, with `use` groups expanded."""
    out = []
    for m in re.finditer(r"\b(crate|super)((?:::\w+)+)(::\{)?", text):
        head = [m.group(1)] + [p for p in m.group(2).split("::") if p]
        if m.group(3):
            depth, i = 1, m.end()
            while depth and i < len(text):
                depth += {"{": 1, "}": -1}.get(text[i], 0)
                i += 1
            for item in re.split(r"[,{}\s]+", text[m.end():i - 1]):
                if item and item != "self":
                    out.append(head + item.split("::"))
            out.append(head)
        else:
            out.append(head)
    return out

def resolve(p, here, mods):
    if p[0] == "crate":
        base, rest = (), p[1:]
    else:
        base, rest = here, p
        while rest and rest[0] == "super":
            base, rest = base[:-1], rest[1:]
    full = base + tuple(rest)
    for n in range(len(full), -1, -1):
        if full[:n] in mods:
            return full[:n]
    return ()

def cycles(src):
    mods = modules(src)
    edges = set()
    for here, f in mods.items():
        for p in paths(strip(open(f, encoding="utf-8").read())):
            there = resolve(p, here, mods)
            # Lift both ends to the children of their deepest common ancestor.
            k = 0
            while k < min(len(here), len(there)) and here[k] == there[k]:
                k += 1
            if k < len(here) and k < len(there):
                edges.add((here[: k + 1], there[: k + 1]))
    graph = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
    found = []
    # Strongly connected components (Tarjan).
    index, low, stack, on, n = {}, {}, [], set(), [0]
    def visit(v):
        index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1:
                found.append(sorted("::".join(c) for c in comp))
    for v in list(graph):
        if v not in index:
            visit(v)
    return found

sys.setrecursionlimit(10000)
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
srcs = sys.argv[1:] or sorted(glob.glob(os.path.join(root, "crates", "*", "src"))) + [os.path.join(root, "src")]
bad = 0
for src in srcs:
    for comp in cycles(src):
        bad += 1
        print(f"{os.path.relpath(src, root)}: cycle among {', '.join(comp)}")
print(f"{bad} cycles")
sys.exit(1 if bad else 0)
