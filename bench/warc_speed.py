"""WARC throughput: records per second of ``crosswire.warc.read_warc`` as a ratio to warcio's own iteration.

Builds a gzip-per-record WARC (the usual ``.warc.gz``) of N HTML ``response`` records, DUC 2004
article bodies wrapped in a simple page with a nav bar and a footer (written to a temporary
folder, never kept), then times, median of 3 runs each, over the same file:

* ``warcio bare``: ``ArchiveIterator`` over the file, each record's payload read (the floor);
* ``warcio headers only``: ``ArchiveIterator`` without reading payloads;
* ``read_warc no-op``: crosswire's reader with an extractor that returns the HTML as it is
  (record parsing, status and type checks, charset decoding, Source building);
* ``read_warc trafilatura``: crosswire's reader with its default trafilatura extraction.

Run: ``.venv/bin/python bench/warc_speed.py [--records N] [--runs 3]``
"""

from __future__ import annotations

import argparse
import html
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import duc_body, duc_paths, table, versions, write_results


def build_warc(path: Path, n: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bodies = []
    for doc in duc_paths():
        text = duc_body(doc.read_text(encoding="ascii", errors="replace"))
        paras = [" ".join(p.split()) for p in text.replace("<P>", "\n\n").replace("</P>", "\n\n").split("\n\n")]
        bodies.append((doc.name, [p for p in paras if p]))
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i in range(n):
            name, paras = bodies[i % len(bodies)]
            page = (
                f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(name)}</title></head><body>"
                "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/sport'>Sport</a></nav>"
                f"<article><h1>{html.escape(name)}</h1>"
                + "".join(f"<p>{html.escape(p)}</p>" for p in paras)
                + "</article><footer>Copyright The Daily Bench. All rights reserved.</footer></body></html>"
            ).encode("utf-8")
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://bench.test/{i}/{name}", "response", payload=io.BytesIO(page), http_headers=http
            )
            writer.write_record(record)
    return len(bodies)


def bare(path: Path, read_payload: bool) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with open(path, "rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type == "response":
                if read_payload:
                    record.content_stream().read()
                n += 1
    return n


def crosswire(path: Path, extract) -> int:
    from crosswire.model import Source
    from crosswire.warc import read_warc

    return sum(isinstance(item, Source) for item in read_warc(path, extract=extract))


def timed(fn, runs: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        count = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from crosswire.model import Source
    from crosswire.webtext import default_extractor

    def noop(text: str, url: str) -> Source:
        return Source(url, text, "utf-8", kind="html")

    trafilatura = default_extractor()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        docs = build_warc(path, args.records)
        size = path.stat().st_size
        systems = {
            "warcio bare": lambda: bare(path, True),
            "warcio headers only": lambda: bare(path, False),
            "read_warc no-op": lambda: crosswire(path, noop),
        }
        if trafilatura is not None:
            systems["read_warc trafilatura"] = lambda: crosswire(path, trafilatura)
        results = {}
        for name, fn in systems.items():
            seconds, count = timed(fn, args.runs)
            rate = round(count / seconds)
            results[name] = {"seconds": round(seconds, 3), "records": count, "records_per_second": rate}
            print(f"{name}: {count} records in {seconds:.2f} s", flush=True)
    floor = results["warcio bare"]["records_per_second"]
    for r in results.values():
        r["ratio_to_warcio_bare"] = round(r["records_per_second"] / floor, 3)
    keys = ("records", "seconds", "records_per_second", "ratio_to_warcio_bare")
    rows = [[name, *(r[k] for k in keys)] for name, r in results.items()]
    print(table(["system", "records", "median s", "records/s", "ratio to warcio bare"], rows))
    out = write_results(
        "warc",
        {
            "setup": {
                "records": args.records,
                "distinct_documents": docs,
                "file_bytes": size,
                "format": "WARC/1.0, gzip per record, HTML responses (DUC 2004 bodies in a simple page)",
                "runs": args.runs,
                "statistic": "median",
            },
            "versions": versions("warcio", "trafilatura"),
            "results": results,
        },
    )
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
