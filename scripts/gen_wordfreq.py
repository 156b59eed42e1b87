#!/usr/bin/env python3
"""Regenerate assets/wordfreq_en.tsv, the corpus-independent English word
frequency table crossread's term weights fall back on.

Data: the PyPI package `wordfreq` (Robyn Speer et al.), data CC BY-SA 4.0.
usage: pip install wordfreq==3.1.1 && python3 scripts/gen_wordfreq.py > assets/wordfreq_en.tsv
Each line: a lower-case word, a tab, its Zipf frequency times 100 (an integer;
Zipf = log10 of occurrences per billion words). The 40,000 most frequent
purely alphabetic words are kept: rarer words get the default weight.
"""
import wordfreq

print("# English word frequencies from wordfreq 3.1.1 (CC BY-SA 4.0); see scripts/gen_wordfreq.py")
kept = 0
for word in wordfreq.top_n_list("en", 60000):
    if not word.isalpha():
        continue
    print(f"{word}\t{round(wordfreq.zipf_frequency(word, 'en') * 100)}")
    kept += 1
    if kept == 40000:
        break
