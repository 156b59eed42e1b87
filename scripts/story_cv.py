#!/usr/bin/env python3
"""Chooses the story-grouping threshold by cross-validation on the dev stories.

usage: python3 scripts/story_cv.py [BINARY]

The events of ../shared/dev/stories are split into 5 folds. For each fold,
the threshold (CROSSREAD_STORY_SIMILARITY) that gives the best B-cubed F1 on
the other folds' articles is chosen, then scored on the fold's own articles
(story_eval.py on `crossread export` of a folder of links to them). Prints
each fold and the cross-validated mean, then each threshold's score on the
whole folder, and how many stories each dev cluster, the seeds and the demo
(single events) are split into.
"""
import json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import devdata  # noqa: E402

GRID = [0.06, 0.08, 0.09, 0.1, 0.11, 0.12, 0.13, 0.14, 0.16, 0.2]
FOLDS = 5


def score(binary, folder, labels, threshold):
    env = dict(os.environ, CROSSREAD_STORY_SIMILARITY=str(threshold))
    out = subprocess.run([binary, "export", "--format", "json", folder], capture_output=True, text=True,
                         env=env, check=True).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        f.write(out)
    try:
        lines = subprocess.run([sys.executable, os.path.join(devdata.SHARED, "eval", "story_eval.py"), f.name,
                                labels, "--links"], capture_output=True, text=True, check=True).stdout.split()
    finally:
        os.unlink(f.name)
    fields = dict(x.split("=") for x in lines if "=" in x)
    return float(fields["f1"]), float(fields["share"])


def stories_of(binary, folder, threshold):
    env = dict(os.environ, CROSSREAD_STORY_SIMILARITY=str(threshold))
    out = subprocess.run([binary, "export", "--format", "json"] + ([folder] if folder else []),
                         capture_output=True, text=True, env=env, check=True).stdout
    return len(json.loads(out)["stories"])


def main(argv):
    binary = argv[0] if argv else os.path.join(devdata.ROOT, "target", "release", "crossread")
    base = os.path.join(devdata.SHARED, "dev", "stories")
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(base, "stories.tsv"), encoding="utf-8")][1:]
    events = sorted({e for _, e in rows})
    fold_of = {e: i % FOLDS for i, e in enumerate(events)}
    labels = os.path.join(base, "stories.tsv")
    results, chosen = [], []
    with tempfile.TemporaryDirectory() as tmp:
        def folder(name, files):
            d = os.path.join(tmp, name)
            os.mkdir(d)
            for f in files:
                os.symlink(os.path.abspath(os.path.join(base, "articles", f)), os.path.join(d, f))
            return d
        for k in range(FOLDS):
            train = folder(f"train{k}", [f for f, e in rows if fold_of[e] != k])
            test = folder(f"test{k}", [f for f, e in rows if fold_of[e] == k])
            best = max(GRID, key=lambda t: (score(binary, train, labels, t)[0], -t))
            f1, share = score(binary, test, labels, best)
            results.append((f1, share))
            chosen.append(best)
            print(f"fold {k}: threshold {best} chosen on the other folds; held-out B3 F1 {f1:.3f}, "
                  f"links across stories {share:.3f}", flush=True)
    print(f"cross-validated: b3_f1={sum(r[0] for r in results) / FOLDS:.3f} "
          f"links_across={sum(r[1] for r in results) / FOLDS:.3f}")
    # The shipped threshold: the mean of the folds' choices, so that no single
    # fold's tie decides it.
    print(f"mean of the folds' thresholds: {sum(chosen) / FOLDS:.3f}")
    singles = [os.path.join(devdata.SHARED, "dev", "clusters", c)
               for c in sorted(os.listdir(os.path.join(devdata.SHARED, "dev", "clusters")))]
    singles.append(os.path.join(devdata.SHARED, "seeds"))
    singles.append(None)  # the demo (no PATH)
    for t in GRID:
        f1, share = score(binary, os.path.join(base, "articles"), labels, t)
        split = [stories_of(binary, d, t) for d in singles]
        print(f"threshold {t}: whole folder b3_f1={f1:.3f} links_across={share:.3f}; "
              f"stories in the single-event folders (dev clusters, seeds, demo): {split}")


if __name__ == "__main__":
    main(sys.argv[1:])
