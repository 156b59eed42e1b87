"""Dev-set pairs for fitting crossread's pair model: features from
`examples/dump_pairs.rs`, labels from the hand-made gold in ../shared/eval/dev
(read with the scorer's own functions, so a label means what the score means).

A pair of passages of different sources is positive when gold puts them in one
claim, negative when gold relates them in no way and neither is a headline or
page furniture; other pairs are left out (as the scorer ignores them).
"""
import importlib.util, json, os, subprocess, sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
sys.path.insert(0, os.path.join(SHARED, "eval"))
import xref_eval  # noqa: E402  (the scorer's norm/covers/load_gold)


def manifest(gold_dir):
    spec = importlib.util.spec_from_file_location("manifest", os.path.join(gold_dir, "manifest.py"))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m.MANIFEST


def cluster_exports(binary):
    """Per dev cluster, in manifest order: (folder name, path, gold, `crossread
    export` of it by `binary`, parsed)."""
    gold_dir = os.path.join(SHARED, "eval", "dev")
    for gold_file, folder in manifest(gold_dir).items():
        path = os.path.join(SHARED, "dev", "clusters", folder)
        gold = xref_eval.load_gold(os.path.join(gold_dir, gold_file))
        export = json.loads(subprocess.run([binary, "export", "--format", "json", path],
                                           capture_output=True, text=True, check=True).stdout)
        yield folder, path, gold, export


def passage_labels(gold, passages):
    """Per passage id: (file, claim ids, related claim ids, furniture or title)."""
    unit_claims = {}
    for cid, members in gold.CLAIMS.items():
        for f, quotes in members.items():
            for q in quotes:
                unit_claims.setdefault((f, xref_eval.norm(q)), set()).add(cid)
    related = {}
    for cid, sents in gold.RELATED_SENTENCES.items():
        for f, q in sents:
            related.setdefault((f, xref_eval.norm(q)), set()).add(cid)
    titles = {f: xref_eval.norm(t) for f, t in getattr(gold, "TITLES", {}).items()}
    ignored = getattr(gold, "IGNORED", {})
    out = {}
    for p in passages:
        f, t = p["file"], xref_eval.norm(p["text"])
        claims = set().union(*[c for u, c in unit_claims.items() if u[0] == f and xref_eval.covers(t, u[1])] or [set()])
        rel = set().union(*[c for u, c in related.items() if u[0] == f and xref_eval.covers(t, u[1])] or [set()])
        skip = f in titles and (xref_eval.covers(t, titles[f]) or xref_eval.covers(titles[f], t))
        furniture = any(xref_eval.covers(t, xref_eval.norm(g)) for g in ignored.get(f, []))
        out[p["id"]] = dict(file=f, claims=claims, related=rel, title=skip, furniture=furniture)
    return out


def pair_label(gold, la, lb):
    files = set(getattr(gold, "FILES", getattr(gold, "TITLES", {})))
    if la["file"] not in files or lb["file"] not in files or la["title"] or lb["title"] or la["furniture"] or lb["furniture"]:
        return -1
    if la["claims"] & lb["claims"]:
        return 1
    rc = {frozenset(p) for p in gold.RELATED_CLAIMS}
    if any(frozenset((x, y)) in rc for x in la["claims"] for y in lb["claims"]):
        return -1
    if la["claims"] & lb["related"] or lb["claims"] & la["related"]:
        return -1
    return 0


def load_cluster(name, folder, gold_path, workdir, dump_bin):
    prefix = os.path.join(workdir, name)
    subprocess.run([dump_bin, prefix, folder], check=True)
    passages = json.load(open(prefix + ".passages.json", encoding="utf-8"))
    gold = xref_eval.load_gold(gold_path)
    labels = passage_labels(gold, passages)
    with open(prefix + ".pairs.tsv") as f:
        header = f.readline().rstrip("\n").split("\t")
    data = np.loadtxt(prefix + ".pairs.tsv", skiprows=1, ndmin=2)
    a, b = data[:, 0].astype(int), data[:, 1].astype(int)
    y = np.array([pair_label(gold, labels[i], labels[j]) for i, j in zip(a, b)])
    return dict(name=name, folder=folder, gold=gold_path, passages=passages, labels=labels,
                header=header, data=data, y=y)
