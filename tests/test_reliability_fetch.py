"""`data fetch` against hostile or broken servers (issue 15): a slow drip, a body of 1.5 GB, a gzip
bomb, a bad Content-Length, redirect loops, redirects to file: or to another host with the API
key, an answer that echoes the key, raw files the plan no longer names. Each ends in one line
naming the address and the cause, with data/ and data/raw/ hashed before and after; nothing is
written with the key in it. The servers are on 127.0.0.1 (or `responses`, which refuses any
request it was not told about)."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import http.server
import json
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
import requests
import responses

from aiparadox import datasets, fetch
from aiparadox.datapackage import DataError, Field, Source, Table, load
from tests.reliability_toys import PUBLIC_DOMAIN

KEY = "s3cr3t-api-key-0123456789"
GOOD_CSV = "year,value\n2024,3\n2025,5\n"
API_URL = "https://api.example.org/v2/timeseries/data/"

TOY = Table(
    name="toy_series",
    title="Toy series",
    description="A small series for the fetch fault tests",
    fields=(
        Field("year", "year", "Year", constraints={"required": True}),
        Field("value", "number", "A value", unit="things", constraints={"minimum": 0}),
    ),
    primary_key=("year",),
    sources=(Source("Toy", "Toy", "T1", "https://stats.example.org/toy.csv", "2026-01-01", PUBLIC_DOMAIN, "test"),),
)


def digest(*folders: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


# --- a server on 127.0.0.1 that misbehaves on purpose ------------------------------------------

ZEROS = b"\0" * (1 << 16)
# Concatenated gzip members are one valid gzip stream: 200 members of 10 MB of zeros make a
# body of about 2 MB that decodes to 2 GB.
BOMB = gzip.compress(b"\0" * 10_000_000, compresslevel=9) * 200


class Misbehaving(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet
        pass

    def _stream(self, total: int) -> None:
        sent = 0
        try:
            while sent < total:
                self.wfile.write(ZEROS)
                sent += len(ZEROS)
        except OSError:
            pass  # the client hung up, as it should

    def do_GET(self) -> None:
        path = self.path
        if path == "/toy.csv":
            body = GOOD_CSV.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path in ("/moved", "/loop", "/to-file"):
            target = {"/moved": "/toy.csv", "/loop": "/loop", "/to-file": "file:///etc/passwd"}[path]
            self.send_response(301 if path == "/moved" else 302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/drip":
            # One byte at a time: each read of the socket succeeds, so no read timeout ever fires.
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(120):
                    self.wfile.write(b"y")
                    self.wfile.flush()
                    time.sleep(0.25)
            except OSError:
                pass
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Length", str(1_500_000_000))
            self.end_headers()
            self._stream(200_000_000)
        elif path == "/endless":
            self.send_response(200)
            self.end_headers()
            self._stream(200_000_000)
        elif path == "/bomb":
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(BOMB)))
            self.end_headers()
            with contextlib.suppress(OSError):  # the client hung up at its cap, as it should
                self.wfile.write(BOMB)
        elif path == "/not-utf8":
            body = b'{"api": {"version": "1"}, "values": {"AI_PI": {"DEU": {"2023": "\xff\xfe"}}}}'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path == "/bad-length":
            self.send_response(200)
            self.send_header("Content-Length", "ten")
            self.end_headers()
            self.wfile.write(GOOD_CSV.encode())
        else:
            self.send_error(404)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Misbehaving)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# --- a toy dataset whose one download is the address under test --------------------------------


def derive(folder: Path) -> dict[str, pd.DataFrame]:
    return {"toy_series": pd.read_csv(folder / "toy.csv", comment="#")}


@pytest.fixture
def toy(monkeypatch, tmp_path: Path):
    """A fetched toy dataset; ``toy.point(url, **download)`` makes the next fetch download ``url``."""
    plan: list = []

    class Toy:
        raw, data = tmp_path / "raw", tmp_path / "data"

        @staticmethod
        def point(url: str, keep: str | None = None, **options) -> None:
            plan[:] = [fetch.Download(url, "toy.csv", **options)]
            if keep:
                plan.append(fetch.Keep(keep, "transcribed notes are carried over"))

        @classmethod
        def fetch(cls, client: fetch.Client | None = None) -> list[str]:
            return fetch.fetch(["toy"], raw_root=cls.raw, data_dir=cls.data, client=client or fetch.Client(retries=0))

    dataset = datasets.Dataset("toy", "Toy", (TOY,), derive, remote=lambda environ: list(plan))
    monkeypatch.setattr(datasets, "registry", lambda: {"toy": dataset})
    monkeypatch.setenv("BLS_API_KEY", KEY)
    (Toy.raw / "toy").mkdir(parents=True)
    (Toy.raw / "toy" / "toy.csv").write_text(GOOD_CSV)
    datasets.build(Toy.raw, data_dir=Toy.data)
    return Toy


def refused(toy, url: str, cause: str, client: fetch.Client | None = None, **options) -> str:
    """Fetch ``url`` and check the fault is one line naming it, and that nothing changed."""
    toy.point(url, **options)
    before = digest(toy.raw, toy.data)
    with pytest.raises(fetch.FetchError) as error:
        toy.fetch(client)
    message = str(error.value)
    assert "\n" not in message and message.startswith(f"toy: {url}: "), message
    assert cause in message, message
    assert digest(toy.raw, toy.data) == before
    assert not list(toy.raw.glob(".incoming-*"))
    return message


def test_a_slow_drip_ends_at_the_deadline(toy, server):
    started = time.monotonic()
    refused(
        toy, f"{server}/drip", "did not finish within its deadline of 1 s", client=fetch.Client(retries=0, deadline=1.0)
    )
    assert time.monotonic() - started < 5, "the deadline, not the 30 s the drip lasts, ended it"


def test_the_deadline_covers_retries(toy):
    sleeps: list[float] = []
    client = fetch.Client(retries=5, backoff=10.0, sleep=sleeps.append, deadline=0.5)
    with responses.RequestsMock() as mock:
        mock.get("https://stats.example.org/toy.csv", status=503)
        refused(toy, "https://stats.example.org/toy.csv", "HTTP 503", client=client)
    assert sleeps and all(s <= 0.5 for s in sleeps), "no backoff outlasts the deadline"


def test_a_deadline_reached_while_retrying_says_what_went_wrong(toy):
    """A server that breaks every connection used to end in "did not finish within its deadline" alone."""
    client = fetch.Client(retries=5, backoff=0.3, deadline=0.5)
    broken = requests.exceptions.ConnectionError("Connection reset by peer")
    with responses.RequestsMock() as mock:
        mock.get("https://stats.example.org/toy.csv", body=broken)
        refused(
            toy,
            "https://stats.example.org/toy.csv",
            "did not finish within its deadline of 0.5 s (the last attempt: could not connect (ConnectionError",
            client=client,
        )


def test_a_body_announced_at_one_and_a_half_gigabytes_is_refused_before_it_is_read(toy, server):
    started = time.monotonic()
    refused(toy, f"{server}/huge", "announces 1,500,000,000 bytes, over the limit of 100,000,000")
    assert time.monotonic() - started < 5


def test_an_endless_body_stops_at_the_cap(toy, server):
    refused(toy, f"{server}/endless", "over the limit of 1,000,000 bytes for this file (decoded)", max_bytes=1_000_000)


def test_a_gzip_bomb_stops_at_the_cap_counted_after_decoding(toy, server):
    assert len(BOMB) < 2_500_000
    refused(toy, f"{server}/bomb", "over the limit of 100,000,000 bytes for this file (decoded)")


def test_a_bad_content_length_is_one_line(toy, server):
    refused(toy, f"{server}/bad-length", "invalid Content-Length ('ten')")


def test_an_answer_that_is_not_utf8_is_one_line(toy, server):
    """The IMF's check of a DataMapper answer foresaw malformed JSON, not bytes that are not UTF-8:
    whatever a check did not foresee is still one line naming the address."""
    from aiparadox.topics.imf import raw as imf_raw

    check = imf_raw.check_datamapper_answer("AI_PI", "toy.csv")
    refused(toy, f"{server}/not-utf8", "the answer is not what was asked for (UnicodeDecodeError", check=check)


def test_a_redirect_loop_is_one_line(toy, server):
    refused(toy, f"{server}/loop", "more than 5 redirects")


def test_a_redirect_to_file_is_refused(toy, server):
    refused(toy, f"{server}/to-file", "redirects to file:///etc/passwd, which is not an http(s) address; refused")


def test_a_redirect_from_https_to_http_is_refused(toy):
    with responses.RequestsMock() as mock:
        mock.get(
            "https://stats.example.org/toy.csv", status=302, headers={"Location": "http://stats.example.org/toy.csv"}
        )
        refused(toy, "https://stats.example.org/toy.csv", "from https to plain http; refused")


def test_a_followed_redirect_is_recorded_in_the_manifest(toy, server):
    toy.point(f"{server}/moved")
    toy.fetch()
    entry = json.loads((toy.raw / "toy" / "manifest.json").read_text())["files"][0]
    assert entry["url"] == f"{server}/moved"
    assert entry["final_url"] == f"{server}/toy.csv"


# --- the API key: never sent to another host, never written ------------------------------------


def api_plan(toy) -> None:
    body = {"seriesid": ["T1"], "registrationkey": KEY}
    toy.point(API_URL, method="POST", json_body=body)


def test_a_307_to_another_host_does_not_get_the_key(toy):
    api_plan(toy)
    before = digest(toy.raw, toy.data)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.post(API_URL, status=307, headers={"Location": "https://collector.example.net/steal"})
        mock.post("https://collector.example.net/steal", body=GOOD_CSV)
        with pytest.raises(fetch.FetchError) as error:
            toy.fetch()
        assert [call.request.url for call in mock.calls] == [API_URL]
    message = str(error.value)
    assert "another host (collector.example.net); not followed, since the request carries an API key" in message
    assert KEY not in message and "\n" not in message
    assert digest(toy.raw, toy.data) == before


def test_a_307_to_another_port_of_the_same_host_does_not_get_the_key(toy):
    """Another port is another server: the key stays with the address it was meant for."""
    target = "https://api.example.org:8443/v2/steal"
    api_plan(toy)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.post(API_URL, status=307, headers={"Location": target})
        mock.post(target, body=GOOD_CSV)
        with pytest.raises(fetch.FetchError, match="not followed, since the request carries an API key"):
            toy.fetch()
        assert [call.request.url for call in mock.calls] == [API_URL]


def test_a_307_on_the_same_host_is_followed_with_the_body(toy):
    api_plan(toy)
    with responses.RequestsMock() as mock:
        mock.post(API_URL, status=307, headers={"Location": "/v2/other/"})
        mock.post("https://api.example.org/v2/other/", body=GOOD_CSV)
        toy.fetch()
        assert json.loads(mock.calls[1].request.body)["registrationkey"] == KEY
    entry = json.loads((toy.raw / "toy" / "manifest.json").read_text())["files"][0]
    assert entry["final_url"] == "https://api.example.org/v2/other/"


def test_an_answer_that_echoes_the_key_is_saved_without_it(toy):
    api_plan(toy)
    echoed = GOOD_CSV + f"# registrationkey {KEY} accepted\n"
    with responses.RequestsMock() as mock:
        mock.post(API_URL, body=echoed)
        toy.fetch()
    saved = (toy.raw / "toy" / "toy.csv").read_text()
    assert KEY not in saved and "registrationkey *** accepted" in saved
    assert all(KEY.encode() not in p.read_bytes() for p in toy.raw.rglob("*") if p.is_file())
    entry = json.loads((toy.raw / "toy" / "manifest.json").read_text())["files"][0]
    assert "echoed the API key" in entry["scrubbed"]


def test_a_key_left_in_an_old_raw_file_is_not_carried_over(toy):
    """A copy saved before this fix may hold the key; a fetch that keeps it writes it without."""
    (toy.raw / "toy" / "notes").mkdir()
    (toy.raw / "toy" / "notes" / "old.txt").write_text(f"answer: key {KEY}\n")
    with responses.RequestsMock() as mock:
        mock.get("https://stats.example.org/toy.csv", body=GOOD_CSV)
        toy.point("https://stats.example.org/toy.csv", keep="notes/*.txt")
        toy.fetch()
    assert (toy.raw / "toy" / "notes" / "old.txt").read_text() == "answer: key ***\n"
    assert all(KEY.encode() not in p.read_bytes() for p in toy.raw.rglob("*") if p.is_file())


# --- raw files that the plan does not name -------------------------------------------------------


def test_raw_files_outside_the_plan_are_kept_aside_and_the_fetch_says_so(toy, capsys):
    (toy.raw / "toy" / "api_2000-2009.json").write_text('{"an": "older answer"}\n')
    with responses.RequestsMock() as mock:
        mock.get("https://stats.example.org/toy.csv", body=GOOD_CSV)
        toy.point("https://stats.example.org/toy.csv")
        toy.fetch()
    kept = toy.raw / "outside-plan" / "toy" / "api_2000-2009.json"
    assert kept.read_text() == '{"an": "older answer"}\n'
    assert not (toy.raw / "toy" / "api_2000-2009.json").exists(), "the derivation reads only what the plan fetched"
    err = capsys.readouterr().err
    assert f"toy: 1 raw file(s) that the plan does not name were kept in {toy.raw / 'outside-plan' / 'toy'}" in err
    assert "api_2000-2009.json" in err


# --- a full disk while saving ---------------------------------------------------------------------


def test_a_full_disk_while_saving_is_one_line(toy, monkeypatch):
    import errno

    real = Path.write_bytes

    def full(self, content):
        if ".incoming-" in str(self):
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, content)

    toy.point("https://stats.example.org/toy.csv")
    before = digest(toy.raw, toy.data)
    monkeypatch.setattr(Path, "write_bytes", full)
    with responses.RequestsMock() as mock:
        mock.get("https://stats.example.org/toy.csv", body=GOOD_CSV)
        with pytest.raises(DataError, match=r"toy\.csv: cannot be written \(No space left on device\)"):
            toy.fetch()
    monkeypatch.setattr(Path, "write_bytes", real)
    assert digest(toy.raw, toy.data) == before
    assert load("toy_series", data_dir=toy.data)["value"].tolist() == [3.0, 5.0]
