"""Matrix products: thinc's CPU ops (blis) against NumPy's BLAS, on the spaCy model's shapes.

crosswire runs the model's matrix products through ``numpy.matmul``
(``crosswire.nlp.NumpyBlasOps``) instead of thinc's ``NumpyOps.gemm``, which calls the ``blis``
package. This measures why, on the shapes that dominate the pipeline's time: the CNN layers of
``en_core_web_sm``'s two tok2vecs (one row per token of a batch) and the parser's precomputed
features. Both multiply the same float32 arrays in the same process, alternating, with one BLAS
thread (as in each of ``analyze --jobs 2``'s workers); the median of ``--runs`` is reported.

Run: ``.venv/bin/python bench/matmul.py``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import table, versions, write_results

# (rows, inner, columns), rows = tokens: a batch of 64 DUC articles has about 45,000. The
# model's products: its CNN layers (288 -> 3 pieces x 96), the shared tok2vec's first layer
# (576 -> 288), the parser's precomputed features (64 -> 8 x 64 x 2) and the projections to it
# (96 -> 64); a short batch of the CNN layer too.
SHAPES = [(45_000, 288, 288), (45_000, 576, 288), (45_000, 64, 1024), (45_000, 96, 64), (4_000, 288, 288)]


def gflops(multiply, x, w, repeats: int) -> float:
    multiply(x, w)
    start = time.perf_counter()
    for _ in range(repeats):
        multiply(x, w)
    seconds = time.perf_counter() - start
    rows, inner = x.shape
    return repeats * 2 * rows * inner * w.shape[0] / seconds / 1e9


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (median reported)")
    args = parser.parse_args()

    import numpy
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    from crosswire.nlp import NumpyBlasOps

    thinc_ops, ours = NumpyOps(), NumpyBlasOps()
    rng = numpy.random.default_rng(0)
    rows_out = []
    results = []
    with threadpool_limits(limits=1, user_api="blas"):
        for rows, inner, columns in SHAPES:
            x = rng.standard_normal((rows, inner), dtype="float32")
            w = rng.standard_normal((columns, inner), dtype="float32")
            repeats = max(3, 2_000_000 // rows)
            blis, numpy_blas = [], []
            for _ in range(args.runs):
                blis.append(gflops(lambda a, b: thinc_ops.gemm(a, b, trans2=True), x, w, repeats))
                numpy_blas.append(gflops(lambda a, b: ours.gemm(a, b, trans2=True), x, w, repeats))
            peer, mine = statistics.median(blis), statistics.median(numpy_blas)
            results.append({"shape": [rows, inner, columns], "blis_gflops": peer, "numpy_blas_gflops": mine})
            product = f"{rows} x {inner} by {inner} x {columns}"
            rows_out.append([product, f"{peer:.1f}", f"{mine:.1f}", f"{mine / peer:.2f}"])
    print(f"median of {args.runs} runs, one BLAS thread, float32")
    print(table(["product", "thinc NumpyOps (blis) GFLOPS", "crosswire (NumPy BLAS) GFLOPS", "ratio"], rows_out))
    path = write_results(
        "matmul",
        {"runs": args.runs, "results": results, "versions": versions("numpy", "thinc", "blis")},
    )
    print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
