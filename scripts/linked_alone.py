#!/usr/bin/env python3
"""Passages linked to another outlet's passage but in no claim (grouping left
them out), per dev cluster: how many the gold gives a partner in another
outlet, and how many have a link the gold calls right. crossread does not
list them as single-source.

usage: python3 scripts/linked_alone.py [BINARY]   (default target/release/crossread)
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import devdata  # noqa: E402
from devdata import xref_eval  # noqa: E402


def counts(gold, export):
    src = {s["id"]: os.path.basename(s["path"]) for s in export["sources"]}
    passages = {p["id"]: p for p in export["passages"]}
    unit_claims = {}
    for cid, members in gold.CLAIMS.items():
        for f, quotes in members.items():
            for q in quotes:
                unit_claims.setdefault((f, xref_eval.norm(q)), set()).add(cid)

    def claims_of(pid):
        f = src[passages[pid]["source"]]
        t = xref_eval.norm(passages[pid]["text"])
        units = [u for u in unit_claims if u[0] == f and xref_eval.covers(t, u[1])]
        return f, set().union(*(unit_claims[u] for u in units)) if units else set()

    in_claims = {p for c in export["claims"] for p in c["passages"]}
    partners = {}
    for link in export["links"]:
        partners.setdefault(link["a"], []).append(link["b"])
        partners.setdefault(link["b"], []).append(link["a"])
    alone = partnered = right = 0
    for pid, linked in partners.items():
        if pid in in_claims:
            continue
        f, cids = claims_of(pid)
        alone += 1
        partnered += any(u[0] != f and unit_claims[u] & cids for u in unit_claims)
        right += any(claims_of(q)[1] & cids for q in linked)
    return alone, partnered, right


def main(argv):
    binary = argv[0] if argv else os.path.join(devdata.ROOT, "target", "release", "crossread")
    total = [0, 0, 0]
    for folder, _, gold, export in devdata.cluster_exports(binary):
        row = counts(gold, export)
        total = [t + r for t, r in zip(total, row)]
        print(f"{folder:40} linked_alone={row[0]:3} gold_partner={row[1]:3} link_right={row[2]:3}")
    print(f"all: linked_alone={total[0]} gold_partner={total[1]} link_right={total[2]}")


if __name__ == "__main__":
    main(sys.argv[1:])
