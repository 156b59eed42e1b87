#!/usr/bin/env python3
"""How far claims that give each sentence one claim could go on the dev gold.

The dev gold puts one sentence in several claims (a lede stating five facts
is in five). This script builds, for each dev cluster, an export made from
the gold itself: every gold sentence a passage, the gold's claims as claims,
either as the gold has them (`all`: the scorer's own check, ~1.0) or with
each sentence kept only in the largest of its claims (`one`: a perfect
partition). Both are scored by the dev scorer, `xref_eval.py`, so the
difference is what a grouping that never puts a sentence in two claims
must lose, however right its pairs.

Usage: python3 scripts/partition_ceiling.py (../shared beside the project)
"""

import collections
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devdata import SHARED, manifest, xref_eval  # noqa: E402


def gold_export(gold, norm, keep_one):
    """An export whose passages are the gold's sentences and whose claims
    are the gold's (each sentence in its largest claim only if keep_one)."""
    claims_of = collections.defaultdict(set)
    text = {}
    for cid, members in gold.CLAIMS.items():
        for f, quotes in members.items():
            for q in quotes:
                claims_of[(f, norm(q))].add(cid)
                text[(f, norm(q))] = q
    size = {cid: sum(len(q) for q in members.values()) for cid, members in gold.CLAIMS.items()}
    units = sorted(claims_of)
    sources = sorted({f for f, _ in units})
    members = collections.defaultdict(list)
    for k, unit in enumerate(units):
        cids = claims_of[unit]
        if keep_one:
            cids = {max(cids, key=lambda c: (size[c], c))}
        for cid in sorted(cids):
            members[cid].append(k)
    return {
        "sources": [{"id": i, "path": "/gold/" + s} for i, s in enumerate(sources)],
        "passages": [
            {"id": k, "source": sources.index(u[0]), "text": text[u]} for k, u in enumerate(units)
        ],
        "claims": [{"id": i, "passages": v} for i, v in enumerate(members.values())],
        "links": [],
    }


def main():
    gold_dir = os.path.join(SHARED, "eval", "dev")
    with tempfile.TemporaryDirectory() as tmp:
        for mode in ("all", "one"):
            scores = []
            for gold_file, folder in manifest(gold_dir).items():
                gold_path = os.path.join(gold_dir, gold_file)
                gold = xref_eval.load_gold(gold_path)
                export = gold_export(gold, xref_eval.norm, keep_one=(mode == "one"))
                path = os.path.join(tmp, folder + ".json")
                with open(path, "w", encoding="utf-8") as out:
                    json.dump(export, out)
                report = subprocess.run(
                    [sys.executable, os.path.join(SHARED, "eval", "xref_eval.py"), gold_path, path],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                line = next(l for l in report.splitlines() if l.startswith("b-cubed"))
                scores.append((folder, float(line.split("b3_f1=")[1])))
            macro = sum(s for _, s in scores) / len(scores)
            detail = ", ".join(f"{folder.split('-')[0]} {s:.3f}" for folder, s in scores)
            print(f"{mode}: macro B3 F1 {macro:.3f} ({detail})")


if __name__ == "__main__":
    main()
