#!/usr/bin/env python3
"""How much page furniture (the gold's IGNORED entries) reaches claims and
the single-source list, per dev cluster.

usage: python3 scripts/furniture_report.py [BINARY]   (default target/release/crossread)
"""
import json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import devdata  # noqa: E402
from devdata import xref_eval  # noqa: E402

def main(argv):
    binary = argv[0] if argv else os.path.join(devdata.ROOT, "target", "release", "crossread")
    total = [0, 0, 0]
    for folder, path, gold, export in devdata.cluster_exports(binary):
        single = json.loads(subprocess.run([binary, "claims", "--single-source", "--json", path],
                                           capture_output=True, text=True, check=True).stdout)
        single_ids = {p["id"] if isinstance(p, dict) else p for p in single.get("single_source", single)} \
            if isinstance(single, dict) else {p["id"] for p in single}
        src = {s["id"]: os.path.basename(s["path"]) for s in export["sources"]}
        in_claims = {p for c in export["claims"] for p in c["passages"]}
        furniture = []
        for p in export["passages"]:
            t = xref_eval.norm(p["text"])
            if any(xref_eval.covers(t, xref_eval.norm(g)) for g in getattr(gold, "IGNORED", {}).get(src[p["source"]], [])):
                furniture.append(p)
        claimed = [p for p in furniture if p["id"] in in_claims]
        alone = [p for p in furniture if p["id"] in single_ids]
        total[0] += len(furniture); total[1] += len(claimed); total[2] += len(alone)
        print(f"{folder:40} furniture={len(furniture):3} in_claims={len(claimed):3} single_source={len(alone):3}")
        for p in claimed + alone:
            print(f"    {'claim ' if p in claimed else 'single'} {p['text'][:90]!r}")
    print(f"all: furniture={total[0]} in_claims={total[1]} single_source={total[2]}")

if __name__ == "__main__":
    main(sys.argv[1:])
