"""Time to render a release on the extract page of ``kaznlp serve``, server warm.

Starts ``kaznlp serve`` (named entities on, as by default) on a free loopback port, waits until it answers (it
loads the pipeline and runs it once at start-up), sends a few requests to warm it, then times ``--repeat``
requests of each kind, one at a time over one keep-alive connection, and prints median, 90th percentile and
maximum:

- ``POST /extract``: the extract page: the text sent as the browser's form sends it, extracted with entities,
  rendered to HTML (the text highlighted, the tables) and received whole;
- ``POST /api/extract``: the same text's document record as JSON;
- in this process, for reference: ``Pipeline(ner=True)`` alone, and ``render_page`` of its record alone.

The text: ``--file``, or by default the longest bundled release (``corpora/releases/oscar_r381.txt``, 4,954
characters, 71 facts) continued with the first sentence of the next longest to ``--chars`` (5,000) characters.

    python bench/bench_web.py --repeat 30
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _multipart(fields: dict[str, str]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for k, v in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    parts.append(b'--' + boundary.encode() + b'\r\nContent-Disposition: form-data; name="file"; filename=""\r\n'
                 b"Content-Type: application/octet-stream\r\n\r\n\r\n")  # fmt: skip
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _stats(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, int(round(0.9 * (len(ms) - 1))))]
    return f"median {statistics.median(ms):7.1f} ms   p90 {p90:7.1f} ms   max {ms[-1]:7.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--file", type=Path, default=None, help="the text (default: the longest bundled release)")
    ap.add_argument("--chars", type=int, default=5000, help="without --file: at least this many characters")
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--no-ner", action="store_true", help="facts only")
    args = ap.parse_args()
    if args.file:
        path, text = args.file, args.file.read_text(encoding="utf-8")
        what = str(path)
    else:
        releases = sorted((ROOT / "corpora" / "releases").glob("*.txt"), key=lambda p: -len(p.read_text("utf-8")))
        path, text = releases[0], releases[0].read_text(encoding="utf-8").rstrip()
        what = f"corpora/releases/{path.name}"
        if len(text) < args.chars:
            more = releases[1].read_text(encoding="utf-8")
            end = more.find(". ", args.chars - len(text) - 2)
            text += "\n\n" + more[: end + 1 if end >= 0 else len(more)]
            what += f" + the start of {releases[1].name}"

    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as kaznlp serve sets it, for the in-process rows
    import kaznlp
    from kaznlp.web import render_page

    port = _free_port()
    cmd = [sys.executable, "-m", "kaznlp.cli", "serve", "--port", str(port), "--threads", "1"]
    if args.no_ner:
        cmd.append("--no-ner")
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ})
    try:
        deadline = time.time() + 120
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                conn.request("GET", "/healthz")
                conn.getresponse().read()
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    raise SystemExit(f"the server did not start: {server.stderr.read().decode()}") from None
                time.sleep(0.2)
        page_body, page_type = _multipart({"text": text.replace("\n", "\r\n"), "doc_date": "", "lang": "kk"})
        api_body = json.dumps({"text": text}, ensure_ascii=False).encode()
        requests = {
            "POST /extract (page)": ("/extract", page_body, page_type),
            "POST /api/extract (JSON)": ("/api/extract", api_body, "application/json"),
        }
        rows = {}
        sizes = {}
        for name, (url, body, ctype) in requests.items():
            times = []
            for k in range(args.repeat + 3):
                t0 = time.perf_counter()
                conn.request("POST", url, body=body, headers={"Content-Type": ctype})
                resp = conn.getresponse()
                data = resp.read()
                dt = time.perf_counter() - t0
                assert resp.status == 200, (resp.status, data[:300])
                if k >= 3:  # the first three warm the server
                    times.append(dt)
            rows[name], sizes[name] = times, len(data)
        conn.close()
    finally:
        server.terminate()
        server.wait(20)

    nlp = kaznlp.load(ner=not args.no_ner)
    nlp(text)
    t_pipe, t_render = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        rec = nlp(text, doc_id=path.stem).to_record()
        t1 = time.perf_counter()
        render_page([rec], title=path.stem, standalone=False, root="", note="")
        t_pipe.append(t1 - t0)
        t_render.append(time.perf_counter() - t1)
    blas = os.environ["OPENBLAS_NUM_THREADS"]
    print(f"text: {what}, {len(text):,} characters, {len(rec['facts'])} facts, {len(rec['entities'])} entities; "
          f"kaznlp.COMPILED = {kaznlp.COMPILED}; OPENBLAS_NUM_THREADS={blas}; {args.repeat} timed requests each, "
          "server warm")  # fmt: skip
    for name, times in rows.items():
        print(f"{name:<28} {_stats(times)}   ({sizes[name]:,} bytes)")
    print(f"{'pipeline alone (in process)':<28} {_stats(t_pipe)}")
    print(f"{'render_page alone':<28} {_stats(t_render)}")


if __name__ == "__main__":
    main()
