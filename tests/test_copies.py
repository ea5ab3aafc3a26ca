"""What the loader trusts (issue 15): the clone's data/ and nothing in its place; in an installed
package, only the hashes of its own commit's datapackage.json, checked every time a table is read;
no path outside the table's folder; and one line saying which copy is read, or what to do."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest

from aiparadox import copies, pages
from aiparadox.datapackage import DataError, load, read_descriptor
from aiparadox.paths import DATA_DIR

TABLE = "top500_accelerators"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path):
    """A copy of data/ served from 127.0.0.1, that a test may change."""
    served = tmp_path / "served"
    shutil.copytree(DATA_DIR, served, ignore=shutil.ignore_patterns("raw", ".*"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(served)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield served, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    """A home of its own, whose cache already holds a full copy of the tables where the loader of
    old looked (~/.cache/aiparadox/data): a loader that falls back to it quietly is caught."""
    home = tmp_path / "home"
    stale = home / ".cache" / "aiparadox" / "data"
    shutil.copytree(DATA_DIR, stale, ignore=shutil.ignore_patterns("raw", ".*"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    for name in (copies.DATA_DIR_ENV, copies.DATA_URL_ENV):
        monkeypatch.delenv(name, raising=False)
    copies._announced.clear()
    return home


@pytest.fixture
def installed(tmp_path: Path, monkeypatch, home: Path) -> Path:
    """As a wheel installs it: no clone around the package, which carries its commit's pages and
    datapackage.json in aiparadox/_book (made by the same function setup.py calls)."""
    shipped = tmp_path / "site-packages" / "aiparadox" / "_book"
    pages.ship(shipped)
    monkeypatch.setattr(pages, "in_clone", lambda: False)
    monkeypatch.setattr(pages, "SHIPPED", shipped)
    return shipped


def test_a_clone_whose_data_lacks_datapackage_json_is_refused_not_replaced_by_a_cache(tmp_path, monkeypatch, home):
    data = tmp_path / "clone" / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("raw", ".*", "datapackage.json"))
    monkeypatch.setattr(copies, "DATA_DIR", data)
    with pytest.raises(DataError, match=r"clone/data/datapackage\.json: no data package here; run `make data-build`"):
        load(TABLE)


def test_a_clone_without_data_says_how_to_restore_it(tmp_path, monkeypatch, home):
    monkeypatch.setattr(copies, "DATA_DIR", tmp_path / "clone" / "data")
    with pytest.raises(DataError, match=r"clone/data: missing from this clone; restore it with `git checkout -- data`"):
        load(TABLE)


def test_an_installed_package_downloads_its_commits_tables_and_says_so(installed, server, monkeypatch, capsys):
    served, url = server
    monkeypatch.setenv(copies.DATA_URL_ENV, url)
    frame = load(TABLE)
    assert frame.equals(load(TABLE, data_dir=served))
    said = capsys.readouterr().out
    commit = pages.git_commit()
    assert said.count("aiparadox: ") == 1, "the copy is named once, not at every table"
    assert f"downloaded from {url} into " in said and (not commit or f"commit {commit[:7]}" in said)
    cache = copies.current().cache
    assert cache.is_relative_to(Path.home() / ".cache" / "aiparadox") and (cache / f"{TABLE}.csv").exists()


def test_a_cached_table_is_checked_again_every_time_it_is_read(installed, server, monkeypatch):
    served, url = server
    monkeypatch.setenv(copies.DATA_URL_ENV, url)
    load(TABLE)
    cached = copies.current().cache / f"{TABLE}.csv"
    good = cached.read_bytes()
    cached.write_bytes(good.replace(b"2025-11", b"2025-12"))
    # Online, the damaged copy is replaced by the server's, checked.
    assert load(TABLE).equals(load(TABLE, data_dir=served))
    assert cached.read_bytes() == good
    # Offline, it is refused: never trusted because it is in the cache.
    cached.write_bytes(good + b"tampered\n")
    monkeypatch.setenv(copies.DATA_URL_ENV, "http://127.0.0.1:9/")
    with pytest.raises(DataError, match=rf"127\.0\.0\.1:9/{TABLE}\.csv: cannot download the table \(no connection\)"):
        load(TABLE)


def test_a_server_with_other_data_is_refused_and_nothing_of_it_is_kept(installed, server, monkeypatch):
    served, url = server
    (served / f"{TABLE}.csv").write_bytes((served / f"{TABLE}.csv").read_bytes() + b"2030-06,0.9,0.9\n")
    monkeypatch.setenv(copies.DATA_URL_ENV, url)
    with pytest.raises(
        DataError, match=rf"{TABLE}\.csv: the file served is not the table whose SHA-256 .*datapackage\.json records"
    ):
        load(TABLE)
    assert not (copies.current().cache / f"{TABLE}.csv").exists()


@pytest.mark.parametrize("path", ["../../../escaped.csv", "sub/escaped.csv", "/tmp/escaped.csv", ".hidden.csv"])
def test_a_table_path_that_leaves_its_folder_is_refused_and_nothing_is_written(
    installed, server, monkeypatch, tmp_path, path
):
    served, url = server
    descriptor = read_descriptor(installed / "data")
    for res in descriptor["resources"]:
        if res["name"] == TABLE:
            res["path"] = path
    (installed / "data" / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    (served / "escaped.csv").write_bytes((served / f"{TABLE}.csv").read_bytes())
    monkeypatch.setenv(copies.DATA_URL_ENV, url)
    before = sorted(p for p in tmp_path.rglob("*"))
    with pytest.raises(
        DataError, match=r"datapackage\.json: top500_accelerators: path .* is not a file name inside data/"
    ):
        load(TABLE)
    assert sorted(p for p in tmp_path.rglob("*")) == before


def test_a_local_folder_stands_in_for_the_network_and_is_checked_too(installed, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "classroom-data"
    shutil.copytree(DATA_DIR, folder, ignore=shutil.ignore_patterns("raw", ".*", "datapackage.json"))
    monkeypatch.setenv(copies.DATA_DIR_ENV, str(folder))
    monkeypatch.setenv(copies.DATA_URL_ENV, "http://127.0.0.1:9/")  # the folder wins: nothing is downloaded
    assert len(load(TABLE)) > 0
    assert f"read from {folder} ({copies.DATA_DIR_ENV})" in capsys.readouterr().out
    (folder / f"{TABLE}.csv").write_bytes(b"edition\n2019-11\n")
    with pytest.raises(DataError, match=rf"classroom-data/{TABLE}\.csv: sha256 does not match"):
        load(TABLE)


def test_offline_the_first_cell_stops_with_one_line_saying_what_to_do(installed, monkeypatch):
    monkeypatch.setenv(copies.DATA_URL_ENV, "http://127.0.0.1:9/")
    with pytest.raises(DataError) as caught:
        copies.ready()
    lines = caught.value._render_traceback_()
    assert len(lines) == 1 and "\n" not in lines[0]
    assert f"offline? Set {copies.DATA_DIR_ENV} to a folder holding the book's data/ files" in lines[0]
    assert f"or {copies.DATA_URL_ENV} to another address that serves them" in lines[0]


def test_a_notebook_from_another_commit_says_its_text_and_its_cells_may_differ(installed, server, monkeypatch, capsys):
    _, url = server
    monkeypatch.setenv(copies.DATA_URL_ENV, url)
    (installed / pages.COMMIT_FILE).write_text("a" * 40 + "\n")
    copies.ready(made_from="b" * 40)
    assert (
        "this notebook was made from commit bbbbbbb but the package installed is commit aaaaaaa"
        in capsys.readouterr().out
    )
