#!/usr/bin/env bash
# crossread's HTML extraction on the article-extraction benchmark
# (../shared/html-benchmark), scored by the benchmark's own evaluate.py.
# Usage: bash scripts/html_benchmark.sh [BENCHMARK_DIR]
set -euo pipefail
bench=${1:-../shared/html-benchmark}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$bench/ground-truth.json" "$bench/evaluate.py" "$work/"
mkdir -p "$work/pages" "$work/output"
for f in "$bench"/html/*.html.gz; do
    gunzip -c "$f" > "$work/pages/$(basename "$f" .gz)"
done
# What cleaning keeps as the article (body and headings), scored first,
# for the record; the loader's extraction last, as .ci/run gates it.
cargo run --release --quiet --example html_benchmark -- --passages "$work/pages" "$work/output/crossread.json"
echo "article passages after cleaning:"
(cd "$work" && python3 evaluate.py --n-bootstrap 200 | tail -n 1)
cargo run --release --quiet --example html_benchmark -- "$work/pages" "$work/output/crossread.json"
echo "extracted text:"
(cd "$work" && python3 evaluate.py --n-bootstrap 200 --output scores.json)
# Last line for .ci/run's gate: FIELD=value.
python3 -c "import json,sys; m=json.load(open(sys.argv[1]))['crossread']; print(' '.join(f'{k}={m[k]:.3f}' for k in ('f1', 'precision', 'recall')))" "$work/scores.json"
