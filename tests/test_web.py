"""kaznlp render and kaznlp serve through an ASGI test client: the same records as the CLI, escaping, limits,
messages instead of tracebacks, a read-only index, and extraction that does not hold up other requests."""

import asyncio
import base64
import hashlib
import json
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

starlette = pytest.importorskip("starlette", reason="the web extra is not installed: pip install -e '.[dev]'")

from click.testing import CliRunner  # noqa: E402
from jsonschema import Draft202012Validator  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

import kaznlp  # noqa: E402
from kaznlp.cli import main  # noqa: E402
from kaznlp.schema import load_schema  # noqa: E402
from kaznlp.web import format_value, highlight, render_page  # noqa: E402
from kaznlp.web.app import create_app  # noqa: E402

SEED_ID = "000_22e3ce8fe7e24122"
XSS = (
    "Министр Дәурен Абаев ҚР Ақпарат және коммуникациялар министрлігінің алқа отырысында 5 млрд теңге бөлінгенін "
    'айтты. <script>window.pwned=1</script> "><img src=x onerror="window.pwned=2"> Тәуелсіздік жылдары біздің '
    "халық тұрақты дамуымен мақтана алады, 3 кітап шықты."
)
VALID = {k: Draft202012Validator(load_schema(k)) for k in ("fact", "entity", "document", "error")}


def valid(kind, rec):
    return not list(VALID[kind].iter_errors(rec))


@pytest.fixture(scope="module")
def cli_records(seed_path):
    """What ``kaznlp extract`` writes for the seed release, per record kind and format."""
    runner = CliRunner()
    out = {}
    for kind in ("facts", "entities", "documents"):
        for fmt in ("jsonl", "csv"):
            res = runner.invoke(main, ["extract", str(seed_path), "--records", kind, "--format", fmt, "--ner"])
            assert res.exit_code == 0, res.output
            out[kind, fmt] = res.stdout
    return out


@pytest.fixture(scope="module")
def client(archive_db):
    with TestClient(create_app(db=archive_db)) as c:
        yield c


# ---------------------------------------------------------------- the renderer
def test_highlight_nests_crossing_spans_keeps_facts_whole_and_escapes():
    text = "<b>ҚР</b> Ұлттық банкі 5 млрд теңге бөлді"
    s = text.index("5")
    facts = [{"type": "money", "start": s, "end": s + 12, "value": 5e9, "unit": "KZT", "text": text[s : s + 12]}]
    entities = [
        {"label": "ORGANISATION", "start": 0, "end": s - 1, "source": "rule", "base": "ҚР Ұлттық банкі"},
        {"label": "GPE", "start": 3, "end": 5, "source": "rule", "base": None},  # inside the organisation
        {"label": "CARDINAL", "start": s - 1, "end": s + 1, "source": "model", "base": None},  # crosses the fact
    ]
    html = str(highlight(text, facts, entities))
    assert "<b>ҚР" not in html and "&lt;b&gt;" in html and "&lt;/b&gt;" in html
    assert html.count("<mark") == 1 and 'data-value="5000000000.0"' in html  # the fact stays whole
    assert html.count('data-entity="2"') == 2 and html.count(' cont"') == 1  # the crossing entity is cut in two
    # the tags balance, and taking them out gives the text back
    plain = re.sub(r'<span class="tip".*?</span></span>', "", html)
    plain = re.sub(r"<[^>]+>", "", plain)
    assert plain.replace("&lt;", "<").replace("&gt;", ">") == text
    assert html.count("<span") == html.count("</span>") and html.count("<mark") == html.count("</mark>")


def test_format_value():
    assert format_value({"value": 29000000, "unit": None}) == "29 000 000"
    assert format_value({"value": 12.5, "value_max": 13, "unit": "km"}) == "12,5–13 km"
    assert format_value({"value": "2016-10-01"}) == "2016-10-01"
    assert format_value({"value": None}) == "—"


def test_render_command_writes_self_contained_pages(tmp_path, seed_path, root, cli_records):
    n_facts = len(cli_records["facts", "jsonl"].splitlines())
    n_entities = len(cli_records["entities", "jsonl"].splitlines())
    out = tmp_path / "seed.html"
    res = CliRunner().invoke(main, ["render", str(seed_path), "-o", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert len(re.findall(r'<mark class="f [^"]*" id=', html)) == n_facts
    assert len(re.findall(r'<span class="e [^"]*" data-entity="\d+" data-label=', html)) == n_entities
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing from a network
    # the inline style and script are the ones the policy allows
    for tag, key in (("style", "style-src"), ("script", "script-src")):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", html, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{key} 'sha256-{digest}'" in html
    # many documents: one page, or a page each
    folder = tmp_path / "pages"
    res = CliRunner().invoke(main, ["render", str(seed_path), str(root / "corpora" / "releases" / "news_r22.txt"),
                                    "-o", str(folder) + "/", "--no-ner"])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in folder.iterdir()) == [f"{SEED_ID}.html", "news_r22.html"]
    assert "named entities were not asked for" in (folder / "news_r22.html").read_text(encoding="utf-8")
    bad = tmp_path / "binary.txt"
    bad.write_bytes(bytes(range(256)) * 10)
    res = CliRunner().invoke(main, ["render", str(seed_path), str(bad), "-o", str(tmp_path / "two.html")])
    assert res.exit_code == 3 and "binary" in res.output


def test_render_page_escapes_everything():
    doc = kaznlp.extract(XSS).to_record()
    doc["id"] = '"><script>window.pwned=3</script>'
    html = render_page([doc], title="<script>x</script>")
    assert "<script>window" not in html and "<img" not in html and "<script>x" not in html
    assert "&lt;script&gt;window.pwned=" in html and "&gt;&lt;img src=x onerror=" in html


# ---------------------------------------------------------------- the API: the CLI's records
def test_api_extract_gives_the_cli_records(client, seed_text, cli_records):
    for kind in ("facts", "entities", "documents"):
        for fmt in ("jsonl", "csv"):
            r = client.post(f"/api/extract?records={kind}&format={fmt}&id={SEED_ID}", content=seed_text.encode())
            assert r.status_code == 200, r.text
            assert r.text == cli_records[kind, fmt], (kind, fmt)
    r = client.post("/api/extract", json={"text": seed_text, "id": SEED_ID, "records": "facts"})
    facts = r.json()
    assert facts == [json.loads(line) for line in cli_records["facts", "jsonl"].splitlines()]
    assert all(valid("fact", f) for f in facts)
    doc = client.post("/api/extract", data={"text": seed_text, "id": SEED_ID}).json()  # a form; documents by default
    assert doc == json.loads(cli_records["documents", "jsonl"]) and valid("document", doc)
    ents = client.post("/api/extract?records=entities", files={"file": (f"{SEED_ID}.txt", seed_text.encode())}).json()
    assert ents and all(valid("entity", e) and e["doc"] == SEED_ID for e in ents)
    schema = client.get("/api/schema/fact")
    assert schema.status_code == 200 and schema.json() == load_schema("fact")


def test_uploads_decode_as_the_cli_does_and_bad_ones_get_error_records(client):
    text = "Бүгінде олар 29 млн. астам мемлекеттік қызмет көрсетті."
    for enc in ("utf-8-sig", "utf-16", "kz1048"):
        r = client.post("/api/extract?records=facts", files={"file": ("a.txt", text.encode(enc))})
        assert r.status_code == 200 and [f["text"] for f in r.json()] == ["29 млн. астам"], enc
    cases = {
        "binary": ("b.bin", bytes(range(256)) * 8),
        "empty": ("e.txt", b"  \n"),
        "encoding": ("l.txt", "Grüße aus Köln, ça va très bien, überall schön".encode("latin-1") * 3),
        "language": ("ru.txt", "В Казахстане оказано более 29 млн государственных услуг.".encode()),
    }
    for kind, (name, data) in cases.items():
        r = client.post("/api/extract", files={"file": (name, data)})
        assert r.status_code == 422, (kind, r.text)
        rec = r.json()
        assert rec["error"] == kind and rec["id"] == name.rsplit(".", 1)[0] and valid("error", rec), rec
        page = client.post("/extract", files={"file": (name, data)})
        assert page.status_code == 422 and 'role="alert"' in page.text and "Traceback" not in page.text
    ru = client.post("/api/extract?lang=any", json={"text": "В Казахстане оказано более 29 млн услуг."})
    assert ru.status_code == 200 and ru.json()["language"] == "ru"
    for bad in ({"text": 5}, {"text": "x", "doc_date": "25.11.2016"}, {"text": "x", "records": "all"}):
        r = client.post("/api/extract", json=bad)
        assert r.status_code == 400 and "detail" in r.json(), bad
    assert client.post("/api/extract", content=b"{", headers={"content-type": "application/json"}).status_code == 400


def test_doc_date_fills_years(client):
    r = client.post("/api/extract", json={"text": "1 қазандағы жағдай бойынша.", "doc_date": "2016-11-25"})
    assert r.json()["facts"][0]["value"] == "2016-10-01"


def test_too_large_gets_413(archive_db):
    with TestClient(create_app(db=archive_db, max_upload=10_000, warm=False)) as c:
        big = ("Бүгінде олар 29 млн. астам қызмет көрсетті. " * 400).encode()
        r = c.post("/api/extract", content=big)
        assert r.status_code == 413 and r.json()["error"] == "too_large" and valid("error", r.json())
        page = c.post("/extract", files={"file": ("big.txt", big)})
        assert page.status_code == 413 and "Too large" in page.text and "10,000" not in page.text

        def chunks():  # no Content-Length: the limit is counted as the body comes
            for _ in range(40):
                yield big[:1000]

        r = c.post("/api/extract", content=chunks())
        assert r.status_code == 413 and r.json()["error"] == "too_large"
        assert c.post("/api/extract", content=big[:9000]).status_code == 200


def test_download_gives_the_text_exactly_as_shown(client, seed_text, cli_records):
    crlf = seed_text.replace("\n", "\r\n")
    page = client.post("/extract", data={"text": crlf})  # a browser sends line breaks as CRLF: read back as LF
    assert page.status_code == 200
    b64 = re.search(r'name="text_b64" value="([^"]+)"', page.text).group(1)
    assert base64.b64decode(b64).decode() == seed_text
    r = client.post("/download", data={"text_b64": b64, "id": SEED_ID, "records": "facts", "format": "jsonl",
                                       "download": "1"})  # fmt: skip
    assert r.status_code == 200 and r.text == cli_records["facts", "jsonl"]
    assert r.headers["content-disposition"] == f'attachment; filename="{SEED_ID}-facts.jsonl"'


# ---------------------------------------------------------------- pages: escaping, headers
def test_pages_escape_every_piece_of_text(client):
    r = client.post("/extract", data={"text": XSS})
    assert r.status_code == 200
    assert "<script>window" not in r.text and "<img" not in r.text and "&lt;script&gt;" in r.text
    name = '"><img src=x onerror=alert(1)>.txt'
    r = client.post("/extract", files={"file": (name, XSS.encode())})
    assert r.status_code == 200 and "<img" not in r.text and "&#34;&gt;&lt;img" in r.text
    r = client.get("/search", params={"q": '"><script>window.pwned=1</script>', "entity": "<img src=x>"})
    assert r.status_code == 200 and "<script>window" not in r.text and "<img" not in r.text
    r = client.get("/search", params={"from": "<script>x</script>"})
    assert r.status_code == 400 and "<script>x" not in r.text
    r = client.get("/doc", params={"id": "<script>x</script>"})
    assert r.status_code == 404 and "<script>x" not in r.text
    for path in ("/", "/search"):
        h = client.get(path).headers
        csp = h["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert h["x-content-type-options"] == "nosniff"
        # a page asks nothing of any other server
        assert not re.search(r"""(src|href|action)=["']?(https?:)?//""", client.get(path).text)


def test_errors_are_pages_not_tracebacks(client):
    r = client.get("/no-such-page")
    assert r.status_code == 404 and "Not found" in r.text and "Traceback" not in r.text
    assert client.get("/api/no-such").json() == {"detail": "Not Found"}
    assert client.get("/api/search?min=lots").status_code == 400
    assert client.get("/api/search?limit=0").status_code == 400


def test_host_names_other_than_loopback_are_refused(archive_db):
    with TestClient(create_app(allowed_hosts=["127.0.0.1", "localhost"], warm=False), base_url="http://127.0.0.1") as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/healthz", headers={"host": "attacker.example"}).status_code == 400


# ---------------------------------------------------------------- the index: search, overview, documents
def test_search_api_gives_the_cli_rows(client, archive_db):
    runner = CliRunner()
    for args, q in ((["абонент"], "q=абонент"), (["--type", "count", "--min", "1000000"], "type=count&min=1000000")):
        res = runner.invoke(main, ["search", *args, "--db", str(archive_db), "--format", "jsonl"])
        assert res.exit_code == 0
        assert client.get(f"/api/search?{q}&format=jsonl").text == res.stdout
        assert client.get(f"/api/search?{q}").json() == [json.loads(x) for x in res.stdout.splitlines()]


def test_search_page_marks_the_fact_in_its_sentence_and_links_the_document(client, archive_db):
    r = client.get("/search", params={"q": "абонент"})
    assert r.status_code == 200
    assert re.search(r'<mark class="f f-count" id="r\d+-fact-\d+-\d+"[^>]*>.*?1 млн\. 204 мың</mark>', r.text)
    link = re.search(r'href="(/doc\?id=press/000_22e3ce8fe7e24122#d0-fact-3814-3828)"', r.text)
    assert link
    doc = client.get(link.group(1))
    con = sqlite3.connect(archive_db)
    n = con.execute("SELECT count(*) FROM facts WHERE doc = 'press/000_22e3ce8fe7e24122'").fetchone()[0]
    assert doc.status_code == 200 and doc.text.count('<mark class="f ') == n > 30
    assert 'id="d0-fact-3814-3828"' in doc.text
    overview = client.get("/search").text
    assert 'id="chart-dates"' in overview and 'id="chart-types"' in overview
    dated = con.execute("SELECT count(*) FROM documents WHERE doc_date IS NOT NULL").fetchone()[0]
    assert overview.count("documents</title>") == dated and f"({38 - dated} undated)" in overview


def test_the_index_is_opened_read_only(archive_db):
    before = hashlib.sha256(archive_db.read_bytes()).hexdigest()
    app = create_app(db=archive_db, warm=False)
    con = app.state.kaznlp.connect()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        con.execute("DELETE FROM facts")
    con.close()
    with TestClient(app) as c:
        assert c.get("/search?q=абонент").status_code == 200
    assert hashlib.sha256(archive_db.read_bytes()).hexdigest() == before
    with pytest.raises(ValueError, match="not an index"):
        bad = archive_db.parent / "not-an-index.sqlite"
        bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
        create_app(db=bad)


def test_without_an_index(tmp_path):
    with TestClient(create_app(warm=False)) as c:
        assert "No index" in c.get("/search").text
        assert c.get("/api/search?q=x").status_code == 404
    with pytest.raises(ValueError, match="no such index"):
        create_app(db=tmp_path / "missing.sqlite")


# ---------------------------------------------------------------- a slow extraction
class SlowPipeline:
    def __init__(self, seconds):
        self.seconds = seconds

    def __call__(self, text, doc_date=None, doc_id=None):
        time.sleep(self.seconds)  # holds its worker thread, not the server
        return kaznlp.load()(text, doc_date=doc_date, doc_id=doc_id)


def test_a_slow_extraction_does_not_block_other_requests(archive_db):
    import httpx2

    app = create_app(db=archive_db, pipeline=SlowPipeline(1.5), warm=False)

    async def go():
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            t0 = time.perf_counter()
            slow = asyncio.create_task(c.post("/api/extract", json={"text": "Бүгінде 29 млн. астам қызмет."}))
            await asyncio.sleep(0.1)
            quick = [await c.get("/healthz"), await c.get("/search?q=абонент"), await c.get("/static/kaznlp.css")]
            t_quick = time.perf_counter() - t0
            r = await slow
            return quick, t_quick, time.perf_counter() - t0, r

    quick, t_quick, t_slow, r = asyncio.run(go())
    assert all(q.status_code == 200 for q in quick) and r.status_code == 200
    assert t_quick < 1.0 < 1.5 <= t_slow, (t_quick, t_slow)


# ---------------------------------------------------------------- kaznlp serve
def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_command_listens_on_loopback(archive_db):
    port = _free_port()
    cmd = [sys.executable, "-m", "kaznlp.cli", "serve", "--port", str(port), "--db", str(archive_db), "--no-ner"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    assert json.loads(r.read()) == {"status": "ok", "ner": False, "index": True}
                    break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None and time.time() < deadline, proc.stdout.read() if proc.poll() else "slow"
                time.sleep(0.2)
        req = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": "attacker.example"})
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(req, timeout=5)
        assert e.value.code == 400
    finally:
        proc.terminate()
        out = proc.communicate(timeout=20)[0]
    assert f"serving on http://127.0.0.1:{port}/" in out
    res = CliRunner().invoke(main, ["serve", "--max-upload", "lots"])
    assert res.exit_code == 2 and "not a size" in res.output
    not_an_index = archive_db.parent / "empty.sqlite"
    sqlite3.connect(not_an_index).close()
    res = CliRunner().invoke(main, ["serve", "--db", str(not_an_index)])
    assert res.exit_code == 2 and "not an index built by kaznlp index" in res.output


# ---------------------------------------------------------------- found in review
def test_a_query_of_no_words_is_a_bad_request_not_a_server_error(client):
    """kaznlp.batch.index.search refuses a query with no words (``"``, ``*``) with kaznlp's UsageError: the API and
    the search page answer 400 with its message, as ``kaznlp search`` does, not 500."""
    for q in ('"', "*"):
        r = client.get("/api/search", params={"q": q})
        assert r.status_code == 400 and "no words" in r.json()["detail"], r.text
        page = client.get("/search", params={"q": q})
        assert page.status_code == 400 and 'id="error"' in page.text and "no words" in page.text


def test_the_api_keeps_and_refuses_languages_as_extract_does(client, tmp_path):
    """``lang`` is ``--lang``'s vocabulary, and a text is kept or refused as ``kaznlp extract`` keeps it: a Cyrillic
    text too short to tell and a Russian post with a real Kazakh part are read; words mixing scripts and Kazakh in
    Arabic script get their own message; Uzbek is refused with its name."""
    bilingual = (
        "Президент Казахстана провёл совещание по вопросам развития экономики и поручил правительству подготовить "
        "новые меры поддержки малого и среднего бизнеса в регионах страны до конца года. "
        "Мемлекет басшысы экономиканы дамыту мәселелері жөнінде кеңес өткізіп, Үкіметке 5 млрд теңге бөлуді тапсырды."
    )
    mixed = "Қazaқstan Respubликасы Astaнa қаласында 5 млрд теңге бөлдi. Бұл жoбa Үкiмeттiң шешiмi."
    arabic = "قازاقستان رەسپۋبليكاسىنىڭ ٷكىمەتى جاڭا باعدارلامانى بەكىتتى."
    runner = CliRunner()
    for text in ("29 млн. астам", bilingual, mixed, arabic):
        f = tmp_path / "t.txt"
        f.write_text(text, encoding="utf-8")
        cli = runner.invoke(main, ["extract", str(f), "--records", "facts"])
        r = client.post("/api/extract", json={"text": text, "records": "facts"})
        if cli.exit_code == 0:
            assert r.status_code == 200 and [x["text"] for x in r.json()] == [
                json.loads(x)["text"] for x in cli.stdout.splitlines()
            ], (text, r.text)
        else:
            assert r.status_code == 422 and r.json()["error"] == "language", (text, r.text)
    assert "mix Latin and Cyrillic" in client.post("/api/extract", json={"text": mixed}).json()["message"]
    assert "Arabic script" in client.post("/api/extract", json={"text": arabic}).json()["message"]
    uz = "Ўзбекистон Республикаси ҳукумати янги дастурни тасдиқлади ва унга катта маблағ ажратди."
    r = client.post("/api/extract", json={"text": uz})
    assert r.status_code == 422 and "Uzbek" in r.json()["message"]
    assert client.post("/api/extract", json={"text": uz, "lang": "uz"}).status_code == 200
    assert client.post("/api/extract", json={"text": uz, "lang": "xx"}).status_code == 400


def test_every_page_has_a_title(client):
    for r in (client.get("/"), client.get("/search"), client.post("/extract", data={"text": " "})):
        assert re.search(r"<title>[^<]+</title>", r.text), r.text[:300]


def test_render_skips_a_document_the_extractor_fails_on_and_names_itself(tmp_path, seed_path, monkeypatch):
    """As extract: one document that the extractor fails on is skipped with a message (exit 3), the others are
    rendered; render's messages start with ``kaznlp render:``."""
    import kaznlp.pipeline

    real = kaznlp.pipeline.load

    def load(**kw):
        nlp = real(**kw)

        def call(text, **more):
            if "BOOM" in text:
                raise RuntimeError("boom")
            return nlp(text, **more)

        return call

    monkeypatch.setattr(kaznlp.pipeline, "load", load)
    bad = tmp_path / "boom.txt"
    bad.write_text("Министрлік бүгін 5 млрд теңге бөлінгенін хабарлады. BOOM", encoding="utf-8")
    out = tmp_path / "two.html"
    res = CliRunner().invoke(main, ["render", str(seed_path), str(bad), str(tmp_path / "nothere.txt"), "-o", str(out),
                                    "--no-ner"])  # fmt: skip
    assert res.exit_code == 3, res.output
    assert "kaznlp render: boom: the extractor failed (RuntimeError: boom)" in res.output
    assert "kaznlp render: " in res.output and "nothere.txt: no such file" in res.output
    assert out.read_text(encoding="utf-8").count('<article class="doc"') == 1
