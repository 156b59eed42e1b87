#!/usr/bin/env python3
"""Whether a passage's context would score pairs better than its words.

usage: python3 scripts/context_ceiling.py

The measure of scripts/ceiling.py (each dev cluster's whole passages grouped
by average linkage over pair probabilities, scored with the dev gold,
regression and grouping threshold chosen leave-one-cluster-out), with a
second regression stacked on the first: besides the seventeen features, what
the first regression says of the pair's surroundings.

- rank: whether the two are each other's best match between their articles,
  how far down each other's list they come (1/rank, summed), and the margin
  of the pair's logit over the best other candidate of either passage;
- neighbours: the first regression's logit for the passages before both, or
  after both (the higher): articles that tell a story in the same order;
- position: where each passage stands in its article (0 at the top, 1 at
  the bottom), their difference, the earlier and the later.

The first regression's probabilities that the second is fitted on are
themselves out of fold: for the cluster left out, k, each other cluster j
gets probabilities from a first regression fitted on the clusters that are
neither j nor k, so no label of j or k reaches the features j is fitted with.
Needs numpy and ../shared, like ceiling.py.
"""
import os, sys, tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ceiling import load_clusters, report, sigmoid, whole_pairs  # noqa: E402
from fit_dev import fit_logistic  # noqa: E402

KINDS = (["rank"], ["neighbours"], ["position"], ["rank", "neighbours", "position"])


def fit_predict(train, x_test):
    """A regression fitted on `train` ((features, labels) per cluster), its
    probabilities for `x_test` (unlabelled pairs, label -1, left out)."""
    x = np.vstack([x[y >= 0] for x, y in train])
    y = np.concatenate([y[y >= 0] for _, y in train]).astype(float)
    mu, sd = x.mean(0), x.std(0) + 1e-9
    w, b = fit_logistic((x - mu) / sd, y)
    return sigmoid(((x_test - mu) / sd) @ np.array(w) + b)


def logit(p):
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def context(c, p, kinds):
    """Per whole pair of cluster `c`, the context features of `kinds` from
    the first regression's probabilities `p`."""
    a, b, _, _ = whole_pairs(c)
    info = {q["id"]: q for q in c["passages"]}
    length = {}
    for q in c["passages"]:
        length[q["source"]] = max(length.get(q["source"], 0), q["index"] + 1)
    at_index = {(q["source"], q["index"]): q["id"] for q in c["passages"]}
    prob, ranked = {}, {}
    for i, j, v in zip(a, b, p):
        prob[(i, j)] = prob[(j, i)] = v
        ranked.setdefault((i, info[j]["source"]), []).append(v)
        ranked.setdefault((j, info[i]["source"]), []).append(v)
    for scores in ranked.values():
        scores.sort(reverse=True)
    rows = []
    for i, j, v in zip(a, b, p):
        qi, qj = info[i], info[j]
        row = []
        if "rank" in kinds:
            mine, theirs = ranked[(i, qj["source"])], ranked[(j, qi["source"])]
            rank_i, rank_j = mine.index(v) + 1, theirs.index(v) + 1
            other = lambda scores, rank: scores[1] if rank == 1 and len(scores) > 1 else scores[0]
            best_other = max(other(mine, rank_i), other(theirs, rank_j))
            row += [1 / rank_i + 1 / rank_j, float(rank_i == rank_j == 1), logit(v) - logit(best_other)]
        if "neighbours" in kinds:
            around = []
            for step in (-1, 1):
                ni = at_index.get((qi["source"], qi["index"] + step))
                nj = at_index.get((qj["source"], qj["index"] + step))
                if ni is not None and nj is not None:
                    around.append(prob.get((ni, nj), 0.0))
            row.append(logit(max(around, default=0.0)))
        if "position" in kinds:
            ri, rj = qi["index"] / length[qi["source"]], qj["index"] / length[qj["source"]]
            row += [abs(ri - rj), min(ri, rj), max(ri, rj)]
        rows.append(row)
    return np.array(rows)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        clusters = load_clusters(tmp)
        pairs = [whole_pairs(c) for c in clusters]
        n = len(clusters)
        # first[k][j]: the first regression's probabilities for cluster j,
        # fitted on the clusters that are neither j nor k.
        first = [[fit_predict([pairs[m][2:] for m in range(n) if m not in (j, k)], pairs[j][2])
                  for j in range(n)] for k in range(n)]
        print(f"{'scores':16} " + " ".join(f"{c['name'][:6]:>6}" for c in clusters))
        report("features", clusters, [first[k][k] for k in range(n)], tmp)
        for kinds in KINDS:
            stacked = []
            for k in range(n):
                train = [(np.hstack([pairs[j][2], context(clusters[j], first[k][j], kinds)]), pairs[j][3])
                         for j in range(n) if j != k]
                test = np.hstack([pairs[k][2], context(clusters[k], first[k][k], kinds)])
                stacked.append(fit_predict(train, test))
            report("+" + "+".join(kinds), clusters, stacked, tmp)


if __name__ == "__main__":
    main()
