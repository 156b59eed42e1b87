"""A NumPy forward pass of all-MiniLM-L6-v2 (a 6-layer BERT sentence encoder,
Apache-2.0, sentence-transformers), enough to embed short texts: used once by
gen_word_vectors.py, never at run time."""
import json
import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer


class MiniLM:
    def __init__(self, folder):
        self.w = {k: v.astype(np.float32) for k, v in load_file(f"{folder}/model.safetensors").items()}
        cfg = json.load(open(f"{folder}/config.json"))
        self.layers = cfg["num_hidden_layers"]
        self.heads = cfg["num_attention_heads"]
        self.eps = cfg["layer_norm_eps"]
        self.tok = Tokenizer.from_file(f"{folder}/tokenizer.json")

    def _ln(self, x, name):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _dense(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def embed(self, texts):
        """Mean-pooled, L2-normalised embeddings of a batch of texts."""
        self.tok.no_padding()
        self.tok.no_truncation()
        enc = self.tok.encode_batch(texts)
        n = max(len(e.ids) for e in enc)
        ids = np.zeros((len(texts), n), dtype=np.int64)
        mask = np.zeros((len(texts), n), dtype=np.float32)
        for i, e in enumerate(enc):
            ids[i, : len(e.ids)] = e.ids
            mask[i, : len(e.ids)] = 1
        w = self.w
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n] + w["embeddings.token_type_embeddings.weight"][0]
        x = self._ln(x, "embeddings.LayerNorm")
        b, t, d = x.shape
        h = self.heads
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        for l in range(self.layers):
            p = f"encoder.layer.{l}."
            q = self._dense(x, p + "attention.self.query").reshape(b, t, h, d // h).transpose(0, 2, 1, 3)
            k = self._dense(x, p + "attention.self.key").reshape(b, t, h, d // h).transpose(0, 2, 1, 3)
            v = self._dense(x, p + "attention.self.value").reshape(b, t, h, d // h).transpose(0, 2, 1, 3)
            att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d // h) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(b, t, d)
            x = self._ln(x + self._dense(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            inter = self._dense(x, p + "intermediate.dense")
            inter = 0.5 * inter * (1.0 + np.tanh(np.sqrt(2 / np.pi) * (inter + 0.044715 * inter ** 3)))
            x = self._ln(x + self._dense(inter, p + "output.dense"), p + "output.LayerNorm")
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
