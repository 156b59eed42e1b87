#!/usr/bin/env python3
"""Link precision and recall on a synthetic corpus with known facts.

usage: cargo run --release --example synth_corpus -- 1000 /tmp/s1k &&
       target/release/crossread export --format json /tmp/s1k > /tmp/s1k.json &&
       python3 scripts/synth_links.py /tmp/s1k.truth.tsv /tmp/s1k.json

A passage renders a fact when its text is the sentence the generator wrote
for it (white space folded). A link is right when both its passages render
one fact; recall is over the pairs of passages of different articles that
render one fact. Passages of no fact (headlines, single-source sentences,
boilerplate) linked to anything count as wrong links.
"""
import csv, json, os, sys
from collections import defaultdict


def fold(s):
    return " ".join(s.split())


def main(truth_path, export_path):
    fact_of = {}
    with open(truth_path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            fact_of[(row["file"], fold(row["sentence"]))] = row["fact"]
    export = json.load(open(export_path, encoding="utf-8"))
    file_of = {s["id"]: os.path.basename(s["path"]) for s in export["sources"]}
    passage_fact = {}
    by_fact = defaultdict(list)
    for p in export["passages"]:
        fact = fact_of.get((file_of[p["source"]], fold(p["text"])))
        if fact is not None:
            passage_fact[p["id"]] = fact
            by_fact[fact].append((p["source"], p["id"]))
    source_of = {p["id"]: p["source"] for p in export["passages"]}
    links = {(min(l["a"], l["b"]), max(l["a"], l["b"])) for l in export["links"]}
    right = sum(1 for a, b in links if a in passage_fact and passage_fact.get(a) == passage_fact.get(b))
    gold = set()
    for members in by_fact.values():
        for i, (sa, a) in enumerate(members):
            for sb, b in members[i + 1:]:
                if sa != sb:
                    gold.add((min(a, b), max(a, b)))
    found = len(gold & links)
    precision = right / len(links) if links else 0.0
    recall = found / len(gold) if gold else 0.0
    print(f"links={len(links)} right={right} gold={len(gold)} found={found} "
          f"matched_passages={len(passage_fact)}")
    print(f"precision={precision:.3f} recall={recall:.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
