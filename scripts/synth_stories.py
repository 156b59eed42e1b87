#!/usr/bin/env python3
"""Story grouping on a synthetic corpus with known events (file names eNNNNN_aK.txt:
the event is the prefix): B-cubed precision, recall and F1 of `crossread stories`.

usage: cargo run --release --example synth_corpus -- 1000 /tmp/s1k && python3 scripts/synth_stories.py /tmp/s1k
"""
import os, re, subprocess, sys


def b3(d):
    out = subprocess.run([os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'target', 'release', 'crossread'),'stories',d],capture_output=True,text=True).stdout
    names = sorted(os.listdir(d))
    pred = {}; sid = None
    for line in out.splitlines():
        m = re.match(r'story (\d+):', line)
        if m: sid = int(m.group(1)); continue
        m = re.match(r'\s*(\d+)\s', line)
        if m and sid is not None: pred[int(m.group(1))] = sid
    gold = {i: names[i].split('_')[0] for i in range(len(names))}
    ids = list(gold)
    by_pred = {}; by_gold = {}
    for i in ids:
        by_pred.setdefault(pred.get(i, -1-i), set()).add(i); by_gold.setdefault(gold[i], set()).add(i)
    P = sum(len(by_pred[pred.get(i,-1-i)] & by_gold[gold[i]])/len(by_pred[pred.get(i,-1-i)]) for i in ids)/len(ids)
    R = sum(len(by_pred[pred.get(i,-1-i)] & by_gold[gold[i]])/len(by_gold[gold[i]]) for i in ids)/len(ids)
    return P, R, 2*P*R/(P+R), len(by_pred), len(by_gold)
for d in sys.argv[1:]:
    print(d, "P=%.3f R=%.3f F1=%.3f stories=%d events=%d" % b3(d))
