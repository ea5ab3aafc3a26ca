"""The data layer under faults (issue 15): an implausible refresh, a kill in the middle of a swap,
two refreshes at once, leftovers, a descriptor edited by hand, unreadable inputs and a full disk.
Each is refused or repaired with one line naming the file, and data/ is byte for byte as it was
(or, after a kill past the commit, exactly the new copy)."""

from __future__ import annotations

import errno
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from aiparadox import __main__ as cli
from aiparadox import datasets
from aiparadox.datapackage import DataError, Field, Table, load, validate_package
from aiparadox.paths import ROOT
from tests import reliability_toys as toys


def digest(*folders: Path) -> dict[str, str]:
    """Every file under the folders, by path, as its SHA-256 (the lock file aside: it is not data)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


# --- refresh rules --------------------------------------------------------------------------

from aiparadox.refresh import Distinct, Increasing, MinRows, NoJump, Revised, SpanKept, Within  # noqa: E402

RULED = Table(
    name="toy_ruled",
    title="Toy with refresh rules",
    description="A series with every kind of refresh rule",
    fields=(
        Field("year", "year", "Year", constraints={"required": True}),
        Field("count", "integer", "A count", unit="things", constraints={"minimum": 0}),
        Field("cumulative", "integer", "Running total", unit="things"),
    ),
    primary_key=("year",),
    sources=toys.A_COUNTS.sources,
    checks=(
        MinRows(2),
        Within("count", 0, 1000),
        Increasing("cumulative", along="year"),
        NoJump("count", along="year", factor=10),
        Distinct(("count", "cumulative"), along="year"),
        SpanKept("year"),
        Revised(("count",), at_most=0.5),
    ),
)
GOOD = "year,count,cumulative\n2023,2,2\n2024,3,5\n2025,5,10\n"


@pytest.fixture
def ruled(monkeypatch, tmp_path: Path):
    def derive(folder: Path) -> dict[str, pd.DataFrame]:
        return {"toy_ruled": pd.read_csv(folder / "ruled.csv")}

    dataset = datasets.Dataset("ruled", "Ruled", (RULED,), derive)
    monkeypatch.setattr(datasets, "registry", lambda: {"ruled": dataset})
    return tmp_path / "data"


def build_ruled(tmp_path: Path, data_dir: Path, text: str, **options) -> None:
    folder = tmp_path / "raw" / "ruled"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ruled.csv").write_text(text)
    datasets.build(tmp_path / "raw", data_dir=data_dir, **options)


@pytest.mark.parametrize(
    ("bad", "cause"),
    [
        (
            "year,count,cumulative\n2023,2,2\n2025,5,10\n",
            r"1 of the 3 rows of the committed table are gone \(year 2024\)",
        ),
        (
            "year,count,cumulative\n2024,3,5\n2025,5,10\n",
            r"the span of 'year' shrinks: all: 2024 to 2025, was 2023 to 2025",
        ),
        ("year,count,cumulative\n2023,2,2\n2024,6,8\n2025,5,13\n", r"count of 2024: 3 -> 6"),
        ("year,count,cumulative\n2023,2,2\n2024,3,5\n2025,5,10\n2026,5000,5010\n", r"outside the plausible 0 to 1000"),
        ("year,count,cumulative\n2023,2,2\n2024,3,5\n2025,5,10\n2026,7,9\n", r"'cumulative' decreases along 'year'"),
        (
            "year,count,cumulative\n2023,2,2\n2024,3,5\n2025,5,10\n2026,500,510\n",
            r"jumps more than 10 times .*2026 \(x100\)",
        ),
        (
            "year,count,cumulative\n2023,2,2\n2024,3,5\n2025,5,10\n2026,5,10\n",
            r"'year' 2025 and 2026 hold exactly the same count, cumulative",
        ),
    ],
    ids=[
        "a row lost",
        "a series cut short",
        "a final value revised",
        "out of range",
        "not monotonic",
        "a jump",
        "a repeat",
    ],
)
def test_an_implausible_refresh_is_refused_and_data_is_untouched(ruled: Path, tmp_path: Path, bad: str, cause: str):
    build_ruled(tmp_path, ruled, GOOD)
    before = digest(ruled)
    with pytest.raises(
        DataError, match=rf"^table toy_ruled \({ruled}/toy_ruled\.csv\): refresh refused: .*{cause}"
    ) as error:
        build_ruled(tmp_path, ruled, bad)
    assert "\n" not in str(error.value)
    assert digest(ruled) == before


def test_a_refresh_may_add_rows_and_may_lose_or_revise_them_only_when_it_says_so(ruled: Path, tmp_path: Path):
    build_ruled(tmp_path, ruled, GOOD)
    build_ruled(tmp_path, ruled, GOOD + "2026,7,17\n")
    assert load("toy_ruled", data_dir=ruled)["year"].tolist() == [2023, 2024, 2025, 2026]
    # Dropping the last year is refused, then accepted when asked for by name.
    with pytest.raises(DataError, match="the span of 'year' shrinks: all: 2023 to 2025, was 2023 to 2026"):
        build_ruled(tmp_path, ruled, GOOD)
    build_ruled(tmp_path, ruled, GOOD, accept=["toy_ruled"])
    assert load("toy_ruled", data_dir=ruled)["year"].tolist() == [2023, 2024, 2025]
    # --accept also lets a final figure be revised; it never lets through what no copy may hold.
    build_ruled(tmp_path, ruled, "year,count,cumulative\n2023,2,2\n2024,6,8\n2025,5,13\n", accept=["toy_ruled"])
    with pytest.raises(DataError, match="outside the plausible 0 to 1000"):
        build_ruled(
            tmp_path, ruled, "year,count,cumulative\n2023,2,2\n2024,6,8\n2025,5000,5008\n", accept=["toy_ruled"]
        )
    with pytest.raises(DataError, match=r"--accept names unknown table\(s\) \['nope'\]"):
        build_ruled(tmp_path, ruled, GOOD, accept=["nope"])


def test_a_first_build_must_be_plausible_too(ruled: Path, tmp_path: Path):
    with pytest.raises(DataError, match=r"refresh refused: 1 rows, fewer than the 2 expected"):
        build_ruled(tmp_path, ruled, "year,count,cumulative\n2023,2,2\n")
    assert not ruled.exists() or not any(p for p in ruled.iterdir() if p.name != ".lock")


def test_accept_reaches_the_command_line(ruled: Path, tmp_path: Path, monkeypatch, capsys):
    build_ruled(tmp_path, ruled, GOOD + "2026,7,17\n")
    monkeypatch.setattr(cli, "DATA_DIR", ruled)
    monkeypatch.setattr(datasets, "DATA_DIR", ruled)
    (tmp_path / "raw" / "ruled" / "ruled.csv").write_text(GOOD)
    assert cli.main(["data", "build", "--raw", str(tmp_path / "raw")]) == 2
    assert "refresh refused" in capsys.readouterr().err
    assert cli.main(["data", "build", "--raw", str(tmp_path / "raw"), "--accept", "toy_ruled"]) == 0


# --- the swap: a kill at any step, two builds at once, leftovers ------------------------------


def toy_command(*args: str, env: dict | None = None) -> subprocess.Popen[str]:
    import os

    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability_toys", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def run_toy(*args: str) -> subprocess.CompletedProcess[str]:
    return run_all([args])[0]


def run_all(commands: list[tuple[str, ...]]) -> list[subprocess.CompletedProcess[str]]:
    """Run the toy commands side by side (each on its own copy of data/), for time's sake."""
    started = [(args, toy_command(*args)) for args in commands]
    done = []
    for args, process in started:
        out, err = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(args, process.returncode, out, err))
    return done


def committed(data_dir: Path) -> dict[str, list[int]]:
    """The counts each toy table holds, read through the loader (which checks every hash)."""
    return {t: load(t, data_dir=data_dir)["count"].tolist() for t in ("toy_a_counts", "toy_a_totals", "toy_b_counts")}


@pytest.fixture
def toy_data(tmp_path: Path, monkeypatch):
    """data/ with both toy datasets built from their first raw files; raw/ ready for a second build."""
    monkeypatch.setattr(datasets, "registry", toys.registry)
    raw, data = tmp_path / "raw", tmp_path / "data"
    toys.write_raw(raw, "toy_a", "year,count\n2024,3\n2025,5\n")
    toys.write_raw(raw, "toy_b", "year,count\n2024,4\n2025,6\n")
    datasets.build(raw, data_dir=data)
    return raw, data


OLD = {"toy_a_counts": [3, 5], "toy_a_totals": [3, 5], "toy_b_counts": [4, 6]}
NEW_A = {**OLD, "toy_a_counts": [30, 50, 70], "toy_a_totals": [30, 50, 70]}


def test_a_build_killed_at_any_step_leaves_the_old_copy_or_the_new_one(toy_data):
    raw, data = toy_data
    toys.write_raw(raw, "toy_a", "year,count\n2024,30\n2025,50\n2026,70\n")
    dry = tmp_copy(data)
    steps = json.loads(run_toy("build", str(dry), str(raw), "toy_a").stdout)["replaces"]
    assert steps >= 3
    targets = {step: tmp_copy(data, f"kill-{step}") for step in range(1, steps + 1)}
    killed = run_all([("build", str(t), str(raw), "toy_a", "--crash-at", str(step)) for step, t in targets.items()])
    for (step, target), result in zip(targets.items(), killed, strict=True):
        assert result.returncode == 9, result.stderr
        # Whatever the next reader is (here the loader), it sees one whole copy, never a mix.
        assert committed(target) in (OLD, NEW_A), f"killed at step {step} of {steps}"
        assert validate_package(target) == [], f"killed at step {step} of {steps}"
        # The next refresh removes what the killed one left.
        datasets.build(raw, ["toy_b"], data_dir=target)
        assert not list(target.glob(".staging-*")) and not (target / ".refresh.json").exists()


def tmp_copy(data: Path, name: str = "dry") -> Path:
    import shutil

    target = data.parent / f"data-{name}"
    shutil.copytree(data, target)
    return target


def test_data_check_finishes_an_interrupted_swap(toy_data, monkeypatch, capsys):
    raw, data = toy_data
    toys.write_raw(raw, "toy_a", "year,count\n2024,30\n2025,50\n2026,70\n")
    # Killed after the first table moved in, before the second table and the descriptor.
    steps = json.loads(run_toy("build", str(tmp_copy(data)), str(raw), "toy_a").stdout)["replaces"]
    killed = run_toy("build", str(data), str(raw), "toy_a", "--crash-at", str(steps - 1))
    assert killed.returncode == 9
    monkeypatch.setattr(cli, "DATA_DIR", data)
    assert cli.main(["data", "check"]) == 0, capsys.readouterr().err
    assert committed(data) == NEW_A


def test_two_builds_at_once_both_land(toy_data):
    raw, data = toy_data
    toys.write_raw(raw, "toy_a", "year,count\n2024,30\n2025,50\n2026,70\n")
    toys.write_raw(raw, "toy_b", "year,count\n2024,40\n2025,60\n")

    pause = {toys.PAUSE_VARIABLE: "1.5"}
    first = toy_command("build", str(data), str(raw), "toy_a", env=pause)
    second = toy_command("build", str(data), str(raw), "toy_b", env=pause)
    errors = [first.communicate(timeout=60)[1], second.communicate(timeout=60)[1]]
    assert first.returncode == 0 and second.returncode == 0, errors
    assert validate_package(data) == []
    assert committed(data) == {**NEW_A, "toy_b_counts": [40, 60]}
    assert any("another refresh of" in e and "waiting" in e for e in errors), "the second build said it waited"


def test_leftovers_of_a_killed_refresh_are_removed_at_the_next_start(toy_data, capsys):
    raw, data = toy_data
    (data / ".staging-abc123").mkdir()
    (data / ".staging-abc123" / "toy_a_counts.csv").write_text("half-written")
    datasets.build(raw, ["toy_b"], data_dir=data)
    assert not list(data.glob(".staging-*"))
    assert "removed the staging folder of a refresh that did not finish" in capsys.readouterr().err


def test_the_download_folder_of_a_killed_fetch_goes_at_the_next_build_or_check(toy_data, monkeypatch, capsys):
    """Only a fetch used to clean its raw root: one that was killed and never run again left its
    download folder for ever."""
    raw, data = toy_data
    for root in (raw, data / "raw"):
        (root / ".incoming-toy_a-abc123" / "toy_a").mkdir(parents=True)
    datasets.build(raw, ["toy_b"], data_dir=data)
    assert not list(raw.glob(".incoming-*"))
    monkeypatch.setattr(cli, "DATA_DIR", data)
    assert cli.main(["data", "check"]) == 0, capsys.readouterr().err
    assert not list((data / "raw").glob(".incoming-*"))
    assert "removed the download folder of a fetch that did not finish" in capsys.readouterr().err


def test_a_fetch_killed_at_any_step_keeps_its_raw_folder(toy_data):
    import shutil

    import responses

    from aiparadox import fetch

    raw, data = toy_data
    dry_data, dry_raw = tmp_copy(data), data.parent / "raw-dry"

    shutil.copytree(raw, dry_raw)
    steps = json.loads(run_toy("fetch", str(dry_data), str(dry_raw)).stdout)["replaces"]
    targets = {
        step: (tmp_copy(data, f"fetch-{step}"), data.parent / f"raw-fetch-{step}") for step in range(1, steps + 1)
    }
    for _, target_raw in targets.values():
        shutil.copytree(raw, target_raw)
    killed = run_all([("fetch", str(t), str(r), "--crash-at", str(step)) for step, (t, r) in targets.items()])
    for (step, (target, target_raw)), result in zip(targets.items(), killed, strict=True):
        assert result.returncode == 9, result.stderr
        # The next fetch starts by finishing or undoing the last one, and then works.
        with responses.RequestsMock() as mock:
            mock.get(toys.CSV_URL, body="year,count\n2024,30\n2025,50\n2026,70\n")
            fetch.fetch(["toy_a"], raw_root=target_raw, data_dir=target, client=fetch.Client(retries=0))
        assert (target_raw / "toy_a" / "notes" / "note.txt").read_text() == "a transcribed note\n"
        assert (target_raw / "toy_a" / "a.csv").read_text() == "year,count\n2024,30\n2025,50\n2026,70\n"
        assert committed(target) == NEW_A
        assert sorted(p.name for p in target_raw.iterdir()) == ["toy_a", "toy_b"], f"step {step}: leftovers"


# --- data check compares the descriptor with the code ----------------------------------------


def test_the_committed_descriptor_is_what_the_code_declares():
    from aiparadox.datapackage import differences_from_code
    from aiparadox.paths import DATA_DIR

    tables = {t.name: t for ds in datasets.registry().values() for t in ds.tables}
    assert differences_from_code(DATA_DIR, tables) == []


def edit_descriptor(data_dir: Path, change) -> None:
    path = data_dir / "datapackage.json"
    descriptor = json.loads(path.read_text())
    change(descriptor)
    path.write_text(json.dumps(descriptor, indent=2))


def named(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: named(d, "top500_tiers").pop("hash"), r"datapackage\.json: top500_tiers lacks 'hash'"),
        (
            lambda d: named(d, "imf_aipi").__setitem__("description", "A description edited by hand"),
            r"datapackage\.json: 'imf_aipi'\.description is not what the code declares",
        ),
        (
            lambda d: named(d, "imf_aipi")["schema"]["fields"][1].__setitem__("type", "integer"),
            r"datapackage\.json: 'imf_aipi'\.schema is not what the code declares",
        ),
        (
            lambda d: d["resources"].remove(named(d, "xai_humain_announcement")),
            r"datapackage\.json: does not list 'xai_humain_announcement'",
        ),
        (lambda d: d.__setitem__("resources", 5), r"datapackage\.json: not a data package"),
    ],
    ids=["no hash", "description edited", "schema edited", "table missing", "malformed"],
)
def test_data_check_refuses_a_descriptor_that_the_code_does_not_make(
    data_copy: Path, monkeypatch, capsys, change, message
):
    edit_descriptor(data_copy, change)
    monkeypatch.setattr(cli, "DATA_DIR", data_copy)
    assert cli.main(["data", "check"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(str(data_copy)), err
    assert re.search(message, err), err


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b: b.replace(b"top", b"t\xffp", 1), r"top500_tiers"),
        (lambda b: b"", r"top500_tiers"),
        (lambda b: b.replace(b",", b";", 1), r"top500_tiers"),
        (None, r"top500_tiers\.csv: cannot be read"),
    ],
    ids=["not UTF-8", "empty", "a separator changed", "missing"],
)
def test_one_damaged_table_is_one_line_of_data_check(data_copy: Path, monkeypatch, capsys, damage, message):
    """A damaged file breaks several checks at once (its hash, its rows, its descriptor entry):
    still one line, naming the file first and counting the rest."""
    path = data_copy / "top500_tiers.csv"
    if damage is None:
        path.unlink()
    else:
        path.write_bytes(damage(path.read_bytes()))
    monkeypatch.setattr(cli, "DATA_DIR", data_copy)
    assert cli.main(["data", "check"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(str(data_copy)), err
    assert re.search(message, err) and "more problem" in err, err


def damage_and_rehash(data_dir: Path, name: str, change) -> Path:
    """Change a committed table and record its new hash and size, as a hand edit that covers its tracks would."""
    path = data_dir / f"{name}.csv"
    path.write_bytes(change(path.read_bytes()))
    data = path.read_bytes()
    edit_descriptor(
        data_dir,
        lambda d: named(d, name).update(hash=f"sha256:{hashlib.sha256(data).hexdigest()}", bytes=len(data)),
    )
    return path


def out_of_range(data: bytes) -> bytes:
    """The first year's generation a thousand times too large (a us_electricity_generation.csv)."""
    lines = data.decode().splitlines(keepends=True)
    fields, column = lines[1].rstrip("\n").split(","), lines[0].split(",").index("generation_twh")
    fields[column] = f"{float(fields[column]) * 1000:g}"
    return "".join([lines[0], ",".join(fields) + "\n", *lines[2:]]).encode()


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("top500_tiers", lambda b: b.splitlines(keepends=True)[0], r"top500_tiers\.csv: the table has no rows"),
        ("us_electricity_generation", out_of_range, r"us_electricity_generation\.csv: 'generation_twh' has 1 value"),
        (
            "imf_aipi",
            lambda b: b.replace(b",Germany,", b",=HYPERLINK(1),", 1),
            r"imf_aipi\.csv: column 'country' holds '=HYPERLINK\(1\)', which a spreadsheet would run as a formula",
        ),
    ],
    ids=["emptied to its header", "a value out of range", "a formula typed in"],
)
def test_data_check_refuses_a_damaged_table_whose_hash_was_updated(
    data_copy: Path, monkeypatch, capsys, name, change, message
):
    """The hash then matches and the schema still holds: the table's own rules are what is left to say no."""
    damage_and_rehash(data_copy, name, change)
    monkeypatch.setattr(cli, "DATA_DIR", data_copy)
    assert cli.main(["data", "check"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and re.search(message, err), err


def test_the_loader_names_a_malformed_descriptor(data_copy: Path):
    edit_descriptor(data_copy, lambda d: named(d, "top500_accelerators").pop("hash"))
    with pytest.raises(DataError, match=r"datapackage\.json: top500_accelerators lacks 'hash'"):
        load("top500_accelerators", data_dir=data_copy)
    (data_copy / "datapackage.json").write_text("[1, 2]")
    with pytest.raises(DataError, match=r"datapackage\.json: not a data package"):
        load("top500_accelerators", data_dir=data_copy)
    (data_copy / "datapackage.json").write_bytes(b'{"resources": "\xff"}')
    with pytest.raises(DataError, match=r"datapackage\.json: not UTF-8"):
        load("top500_accelerators", data_dir=data_copy)


# --- inputs that cannot be read, a disk that is full ------------------------------------------


@pytest.mark.parametrize(
    ("raw_bytes", "cause"),
    [("year,count\n2024,3\n2025,5\xe9\n".encode("latin-1"), "can't decode byte 0xe9"), (b"", "No columns to parse")],
    ids=["not UTF-8", "empty"],
)
def test_an_unreadable_raw_file_is_one_line_and_data_is_untouched(toy_data, capsys, monkeypatch, raw_bytes, cause):
    raw, data = toy_data
    (raw / "toy_b" / "b.csv").write_bytes(raw_bytes)
    before = digest(data)
    monkeypatch.setattr(cli, "DATA_DIR", data)
    assert cli.main(["data", "build", "--raw", str(raw), "--dataset", "toy_b"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: dataset 'toy_b'") and str(raw / "toy_b") in err and cause in err
    assert "\n" not in err
    assert digest(data) == before


@pytest.mark.parametrize(
    "error", [ValueError("cannot reindex on an axis with duplicate labels"), KeyError("Rank"), EOFError("cut short")]
)
def test_a_derivation_that_trips_on_an_unforeseen_file_is_one_line(tmp_path: Path, error: Exception):
    """Whatever a reader did not foresee in a raw file ends as one line naming the dataset and its folder."""

    def derive(folder: Path) -> dict:
        raise error

    (tmp_path / "toy").mkdir()
    dataset = datasets.Dataset("toy", "Toy", (), derive)
    with pytest.raises(DataError) as raised:
        datasets.derive(dataset, tmp_path)
    message = str(raised.value)
    assert "\n" not in message and message.startswith(f"dataset 'toy' ({tmp_path / 'toy'}): "), message
    assert type(error).__name__ in message, message


def test_a_full_disk_is_one_line_and_data_is_untouched(toy_data, monkeypatch, capsys):
    raw, data = toy_data
    toys.write_raw(raw, "toy_a", "year,count\n2024,30\n2025,50\n")
    before = digest(data)
    real = Path.write_bytes

    def full(self, content):
        if ".staging-" in str(self):
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, content)

    monkeypatch.setattr(Path, "write_bytes", full)
    monkeypatch.setattr(cli, "DATA_DIR", data)
    assert cli.main(["data", "build", "--raw", str(raw), "--dataset", "toy_a"]) == 2
    err = capsys.readouterr().err.strip()
    assert "No space left on device" in err and ".staging-" in err and "\n" not in err
    assert digest(data) == before
    assert not list(data.glob(".staging-*"))


def test_a_schema_that_grew_is_compared_on_the_columns_both_copies_have(ruled: Path, tmp_path: Path, monkeypatch):
    build_ruled(tmp_path, ruled, GOOD)
    grown = Table(
        name=RULED.name,
        title=RULED.title,
        description=RULED.description,
        fields=(*RULED.fields, Field("note", "string", "A column added in the code")),
        primary_key=RULED.primary_key,
        sources=RULED.sources,
        checks=(*RULED.checks, Revised(("note",))),
    )

    def derive(folder: Path) -> dict[str, pd.DataFrame]:
        return {"toy_ruled": pd.read_csv(folder / "ruled.csv").assign(note="new")}

    monkeypatch.setattr(datasets, "registry", lambda: {"ruled": datasets.Dataset("ruled", "Ruled", (grown,), derive)})
    build_ruled(tmp_path, ruled, GOOD)
    assert load("toy_ruled", data_dir=ruled)["note"].tolist() == ["new"] * 3
    with pytest.raises(DataError, match=r"count of 2024: 3 -> 6"):
        build_ruled(tmp_path, ruled, "year,count,cumulative\n2023,2,2\n2024,6,8\n2025,5,13\n")


def test_a_damaged_journal_is_one_line(toy_data, monkeypatch, capsys):
    raw, data = toy_data
    (data / ".refresh.json").write_text('{"staging": ')
    monkeypatch.setattr(cli, "DATA_DIR", data)
    assert cli.main(["data", "check"]) == 2
    err = capsys.readouterr().err.strip()
    assert (
        err
        == f"error: {data / '.refresh.json'}: the journal of an interrupted refresh is unreadable; restore data/ with git"
    )


@pytest.mark.parametrize(
    "journal",
    [
        # Each names only folders inside this test's tmp_path, so that a regression deletes nothing else.
        {"staging": "../victim", "files": ["datapackage.json"], "folders": []},
        {"staging": ".staging-x", "files": ["../victim/keep.txt"], "folders": []},
        {"staging": ".staging-x", "files": [], "folders": [{"new": "NEW", "target": "VICTIM", "aside": "ASIDE"}]},
    ],
    ids=["staging outside data/", "a file outside data/", "a folder that is not a raw folder"],
)
def test_a_journal_that_names_folders_outside_its_refresh_is_refused(
    tmp_path: Path, toy_data, monkeypatch, capsys, journal
):
    """Rolled forward, a journal whose staging folder was '../../..' deleted the folders above data/."""
    raw, data = toy_data
    keep = tmp_path / "victim" / "keep.txt"
    keep.parent.mkdir()
    keep.write_text("not data/'s to delete")
    places = {
        "NEW": str(tmp_path / "elsewhere" / "victim"),
        "VICTIM": str(keep.parent),
        "ASIDE": str(tmp_path / "aside"),
    }
    for swap in journal["folders"]:
        swap.update({k: places[v] for k, v in swap.items()})
    (data / ".refresh.json").write_text(json.dumps(journal))
    before = digest(data)
    monkeypatch.setattr(cli, "DATA_DIR", data)
    assert cli.main(["data", "check"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a journal that a refresh writes" in err, err
    assert keep.exists() and digest(data) == before
