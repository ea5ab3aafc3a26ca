"""Bad publisher files that used to be accepted and published (issue 15): each TOP500 fault, a NaN
in a BLS API answer, an OWID file cut at a line boundary. Each stops the build with one line naming
the file and the cause, and leaves data/ byte for byte as it was. The faults are made in writable
copies of ../shared/sources (skipped, saying why, when it is absent)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
import responses

from aiparadox import datasets, fetch
from aiparadox.datapackage import DataError

from .conftest import writable_copy


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != ".lock"
    }


def refused(raw_root: Path, dataset: str, data_dir: Path, pattern: str) -> str:
    before = digest(data_dir)
    with pytest.raises(DataError) as error:
        datasets.build(raw_root, [dataset], data_dir=data_dir)
    message = str(error.value)
    assert "\n" not in message, message
    assert re.search(pattern, message), message
    assert digest(data_dir) == before
    return message


# --- TOP500 -------------------------------------------------------------------------------------


@pytest.fixture
def lists(shared_sources: Path, tmp_path: Path) -> Path:
    """A writable copy of the TOP500 lists, in the shared layout (<root>/top500/raw/)."""
    writable_copy(shared_sources / "top500", tmp_path / "raw" / "top500")
    return tmp_path / "raw"


def folder(raw_root: Path) -> Path:
    return raw_root / "top500" / "raw"


def edit_list(raw_root: Path, filename: str, change) -> None:
    """Change the first sheet of an .xlsx list with openpyxl (``change(sheet)``) and save it."""
    import openpyxl

    path = folder(raw_root) / filename
    workbook = openpyxl.load_workbook(path)
    change(workbook.worksheets[0])
    workbook.save(path)


def header(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1] if cell.value}


def row_of_rank(sheet, rank: int) -> int:
    column = header(sheet)["Rank"]
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, column).value == rank)


def test_the_lists_as_shared_build(lists: Path, data_copy: Path):
    """The unbroken copy passes every check below, so each refusal is the fault's doing."""
    datasets.build(lists, ["top500"], data_dir=data_copy)


def test_a_renamed_accelerator_column_in_one_edition_is_refused(lists: Path, data_copy: Path):
    def rename(sheet):
        sheet.cell(1, header(sheet)["Accelerator/Co-Processor"]).value = "Accelerator / Co-Processor (renamed)"

    edit_list(lists, "TOP500_202206.xlsx", rename)
    refused(
        lists, "top500", data_copy, r"TOP500_202206\.xlsx: no accelerator column .*editions before and after have one"
    )


@pytest.mark.parametrize("edition", ["202511", "202606"])
def test_a_renamed_or_dropped_column_in_the_newest_editions_is_refused(lists: Path, data_copy: Path, edition: str):
    """The newest edition has no edition after it: "before" alone must be enough."""

    def drop(sheet):
        sheet.delete_cols(header(sheet)["Accelerator/Co-Processor"])

    edit_list(lists, f"TOP500_{edition}.xlsx", drop)
    refused(lists, "top500", data_copy, rf"TOP500_{edition}\.xlsx: no accelerator column .*editions before")


def test_a_renamed_first_appearance_column_is_refused(lists: Path, data_copy: Path):
    """Without its First Appearance column, the June list saved under the November name passed."""

    def rename(sheet):
        sheet.cell(1, header(sheet)["First Appearance"]).value = "First appearance (renamed)"

    shutil.copy(folder(lists) / "TOP500_202506.xlsx", folder(lists) / "TOP500_202511.xlsx")
    edit_list(lists, "TOP500_202511.xlsx", rename)
    refused(
        lists,
        "top500",
        data_copy,
        r"TOP500_202511\.xlsx: no 'First Appearance' column .*editions before and after have one",
    )


def test_one_edition_as_both_xls_and_xlsx_is_refused(lists: Path, data_copy: Path):
    import openpyxl
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(folder(lists) / "TOP500_201911.xls")).get_sheet_by_index(0).to_python()
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(folder(lists) / "TOP500_201911.xlsx")
    refused(lists, "top500", data_copy, r"TOP500_201911\.xls and TOP500_201911\.xlsx are the same edition \(2019-11\)")


def test_a_blank_rank_cell_is_refused(lists: Path, data_copy: Path):
    def blank(sheet):
        sheet.cell(row_of_rank(sheet, 57), header(sheet)["Rank"]).value = None

    edit_list(lists, "TOP500_202511.xlsx", blank)
    refused(lists, "top500", data_copy, r"TOP500_202511\.xlsx: row \d+ holds a system but its Rank cell is blank")


def test_rmax_a_thousand_times_too_large_for_a_whole_list_is_refused(lists: Path, data_copy: Path):
    def times_1000(sheet):
        column = header(sheet)["Rmax [TFlop/s]"]
        for r in range(2, sheet.max_row + 1):
            sheet.cell(r, column).value = sheet.cell(r, column).value * 1000

    edit_list(lists, "TOP500_202511.xlsx", times_1000)
    refused(lists, "top500", data_copy, r"^table top500_\w+ \(.*\): refresh refused: .*2025-11")


def test_rmax_a_thousand_times_too_large_for_one_system_is_refused(lists: Path, data_copy: Path):
    def times_1000(sheet):
        column = header(sheet)["Rmax [TFlop/s]"]
        row = row_of_rank(sheet, 57)
        sheet.cell(row, column).value = sheet.cell(row, column).value * 1000

    edit_list(lists, "TOP500_202511.xlsx", times_1000)
    refused(
        lists,
        "top500",
        data_copy,
        r"TOP500_202511\.xlsx: Rmax does not fall with rank: rank 57 has .*more than rank 56",
    )


def test_ranks_out_of_order_are_refused(lists: Path, data_copy: Path):
    def swap(sheet):
        column = header(sheet)["Rank"]
        a, b = row_of_rank(sheet, 10), row_of_rank(sheet, 20)
        sheet.cell(a, column).value, sheet.cell(b, column).value = 20, 10

    edit_list(lists, "TOP500_202511.xlsx", swap)
    refused(
        lists,
        "top500",
        data_copy,
        r"TOP500_202511\.xlsx: Rmax does not fall with rank: rank 11 has .*more than rank 10",
    )


@pytest.mark.parametrize("systems", [501, 10])
def test_a_list_of_other_than_500_systems_is_refused(lists: Path, data_copy: Path, systems: int):
    def resize(sheet):
        if systems > 500:
            last = [c.value for c in sheet[row_of_rank(sheet, 500)]]
            last[header(sheet)["Rank"] - 1] = 501
            sheet.append(last)
        else:
            sheet.delete_rows(row_of_rank(sheet, systems + 1), sheet.max_row)

    edit_list(lists, "TOP500_202511.xlsx", resize)
    refused(
        lists, "top500", data_copy, rf"TOP500_202511\.xlsx: {systems} systems ranked 1 to {systems}; a list ranks 500"
    )


def test_a_list_with_its_header_only_is_refused(lists: Path, data_copy: Path):
    edit_list(lists, "TOP500_202606.xlsx", lambda sheet: sheet.delete_rows(2, sheet.max_row))
    refused(lists, "top500", data_copy, r"TOP500_202606\.xlsx: no system below the header row")


def test_a_file_named_for_a_month_without_a_list_is_refused_by_name(lists: Path, data_copy: Path):
    shutil.copy(folder(lists) / "TOP500_202606.xlsx", folder(lists) / "TOP500_202613.xlsx")
    refused(lists, "top500", data_copy, r"TOP500_202613\.xlsx: TOP500 lists are published in June \(06\) and November")


def test_a_missing_edition_is_refused(lists: Path, data_copy: Path):
    (folder(lists) / "TOP500_201106.xls").unlink()
    refused(lists, "top500", data_copy, r"no TOP500 list for 2011-06 between 2010-06 and 2026-06")


def test_the_june_list_saved_under_the_november_name_is_refused(lists: Path, data_copy: Path):
    shutil.copy(folder(lists) / "TOP500_202506.xlsx", folder(lists) / "TOP500_202511.xlsx")
    refused(
        lists,
        "top500",
        data_copy,
        r"TOP500_202511\.xlsx: its newest system first appeared in list 65 \(2025-06\); the 2025-11 list is number 66",
    )


# --- BLS: a NaN in an API answer ------------------------------------------------------------------


@pytest.mark.parametrize("literal", ['"NaN"', "NaN", '"Infinity"'])
def test_a_nan_in_a_bls_api_answer_is_refused(shared_sources: Path, tmp_path: Path, data_copy: Path, literal: str):
    from aiparadox.topics.bls import raw

    from .test_fetch_bls import FakeBlsApi, cached_series, fast_client

    raw_root = tmp_path / "raw"
    writable_copy(shared_sources / "bls", raw_root / "bls")
    api = FakeBlsApi(cached_series(raw_root / "bls" / "raw"))

    def with_nan(request):
        status, headers, body = api(request)
        answer = json.loads(body)
        for series in answer["Results"]["series"]:
            for item in series["data"]:
                # A JOLTS month: no other source cross-checks it, so a NaN there went straight in.
                if series["seriesID"] == "JTS510000000000000JOL" and item["year"] == "2024" and item["period"] == "M12":
                    item["value"] = "__NAN__"
        return status, headers, json.dumps(answer).replace('"__NAN__"', literal)

    before = {**digest(data_copy), **{str(p): p.read_bytes() for p in (raw_root / "bls").rglob("*") if p.is_file()}}
    with responses.RequestsMock() as mock:
        mock.add_callback(responses.POST, raw.API_URL, callback=with_nan)
        with pytest.raises(fetch.FetchError) as error:
            fetch.fetch(["bls"], raw_root=raw_root, data_dir=data_copy, client=fast_client())
    message = str(error.value)
    assert "\n" not in message and re.search(
        r"JTS510000000000000JOL 2024 M12: value .*(NaN|Infinity|nan|inf).* is not a number", message
    ), message
    assert {
        **digest(data_copy),
        **{str(p): p.read_bytes() for p in (raw_root / "bls").rglob("*") if p.is_file()},
    } == before


# --- OWID: a whole file cut at a line boundary ----------------------------------------------------


def test_an_owid_file_cut_at_a_line_boundary_is_refused(shared_sources: Path, tmp_path: Path, data_copy: Path):
    from aiparadox.topics.scale import raw as scale_raw

    raw_root = tmp_path / "raw"
    writable_copy(shared_sources / "extra", raw_root / "extra")
    path = next((raw_root / "extra").rglob(scale_raw.OWID_ENERGY_EXCERPT))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-35]), encoding="utf-8")  # the header and the first years: 35 years gone
    refused(
        raw_root,
        "extra",
        data_copy,
        r"^table us_electricity_generation \(.*us_electricity_generation\.csv\): refresh refused: "
        r"the span of 'year' shrinks: .*was \d{4} to 2025",
    )


# --- Gains: FRED's national accounts, BLS productivity -------------------------------------------


def gains_sources(shared_sources: Path, tmp_path: Path) -> Path:
    """A writable copy of the gains inputs and, beside them, radiology's OEWS files that gains reads."""
    raw_root = tmp_path / "raw"
    for dataset in ("gains", "radiology"):
        writable_copy(shared_sources / dataset, raw_root / dataset)
    return raw_root


def scale_one_value(path: Path, line: int, factor: float) -> str:
    """Multiply the last field of one line of a CSV; returns the first field (the date) of that line."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    fields = lines[line].rstrip("\n").split(",")
    fields[-1] = f"{float(fields[-1]) * factor:g}"
    lines[line] = ",".join(fields) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    return fields[0]


@pytest.mark.parametrize(
    ("file", "factor", "column"),
    [
        ("GDP__rmmomin_api_2026-01-18.csv", 1000, "gdp_busd"),
        ("COE__rmmomin_api_2026-01-18.csv", 0.001, "compensation_busd"),
    ],
    ids=["GDP x 1000", "compensation / 1000"],
)
def test_a_national_accounts_value_off_by_a_thousand_is_refused(
    shared_sources: Path, tmp_path: Path, data_copy: Path, file: str, factor: float, column: str
):
    """Gains declared no refresh rule: one quarter's GDP a thousand times too large, or pay a thousand
    times too small (its share of GDP still between 0 and 1), was published."""
    raw_root = gains_sources(shared_sources, tmp_path)
    path = raw_root / "gains" / "raw" / "fred" / file
    scale_one_value(path, len(path.read_text().splitlines()) * 2 // 3, factor)
    refused(
        raw_root,
        "gains",
        data_copy,
        rf"^table gains_national_accounts \(.*\): refresh refused: '{column}' jumps more than 1\.5 times",
    )


def test_a_gains_series_cut_short_is_refused(shared_sources: Path, tmp_path: Path, data_copy: Path):
    raw_root = gains_sources(shared_sources, tmp_path)
    for name in (
        "GDP__rmmomin_api_2026-01-18.csv",
        "COE__rmmomin_api_2026-01-18.csv",
        "CPROFIT__rmmomin_api_2026-01-18.csv",
    ):
        path = raw_root / "gains" / "raw" / "fred" / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(lines[:-8]), encoding="utf-8")  # the last two years gone, at a line boundary
    refused(
        raw_root,
        "gains",
        data_copy,
        r"^table gains_national_accounts \(.*\): refresh refused: the span of 'period' shrinks",
    )


def test_a_quarter_twice_in_a_fred_file_is_refused(shared_sources: Path, tmp_path: Path, data_copy: Path):
    """A row saved twice made pandas fail to align the series (a ValueError and its traceback)."""
    raw_root = gains_sources(shared_sources, tmp_path)
    path = raw_root / "gains" / "raw" / "fred" / "COE__rmmomin_api_2026-01-18.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    middle = len(lines) // 2
    path.write_text("".join([*lines[: middle + 1], lines[middle], *lines[middle + 1 :]]), encoding="utf-8")
    refused(
        raw_root,
        "gains",
        data_copy,
        rf"COE__rmmomin_api_2026-01-18\.csv: the date {lines[middle].split(',')[0]} appears more",
    )


# --- OEWS: one year's national file saved under another year's name ---------------------------------


@pytest.mark.parametrize(("dataset", "table"), [("radiology", "radiology_oews"), ("gains", "gains_oews_occupations")])
def test_last_years_national_file_under_an_earlier_name_is_refused(
    shared_sources: Path, tmp_path: Path, data_copy: Path, dataset: str, table: str
):
    """May 2018's file copied as May 2017's added a year of 2018's figures; no other file covers 2017."""
    raw_root = gains_sources(shared_sources, tmp_path)
    oews = raw_root / "radiology" / "raw" / "oews"
    shutil.copy(oews / "national_M2018_dl.xlsx", oews / "national_M2017_dl.xlsx")
    refused(
        raw_root,
        dataset,
        data_copy,
        rf"^table {table} \(.*\): refresh refused: 'year' 2017 and 2018 hold exactly the same employment, "
        "mean_annual_wage: the same file under two names",
    )


def test_a_10k_cut_short_is_one_line_naming_it(shared_sources: Path, tmp_path: Path, data_copy: Path):
    """A gzipped filing cut in half was an EOFError traceback from the gzip module."""
    raw_root = gains_sources(shared_sources, tmp_path)
    path = raw_root / "gains" / "raw" / "sec" / "10k" / "NVDA_10-K_FY2024_nvda-20240128.htm.gz"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    refused(raw_root, "gains", data_copy, r"NVDA_10-K_FY2024_nvda-20240128\.htm\.gz: not a complete gzip file")
