"""Radiology: OEWS parsing and its cross-checks, the FDA list, quoted figures, sampling error, C02."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from aiparadox import ledger, load
from aiparadox.datapackage import DataError, to_csv_bytes
from aiparadox.answer_key import expected
from aiparadox.exercises import check
from aiparadox.paths import DATA_DIR
from aiparadox.topics.radiology import charts, claims, facts, tables
from aiparadox.topics.radiology import raw as raw_files


@pytest.fixture(scope="module")
def raw(shared_sources: Path) -> Path:
    return shared_sources / "radiology" / "raw"


# --- OEWS -------------------------------------------------------------------------------------
def test_year_comes_from_the_file_name():
    assert raw_files.year_of(Path("national_M2021_dl.xlsx")) == 2021
    with pytest.raises(DataError, match="not an OEWS national file"):
        raw_files.year_of(Path("national_2021.xlsx"))


def test_top_code_mark_is_missing_and_junk_is_an_error():
    assert raw_files.oews_number("#", "f.xlsx", "a_median") is None
    assert raw_files.oews_number("29,530", "f.xlsx", "tot_emp") == 29530
    with pytest.raises(DataError, match=r"f.xlsx: column 'tot_emp' holds '\*\*'"):
        raw_files.oews_number("**", "f.xlsx", "tot_emp")


def test_radiologist_rows_read_from_the_excel_files(raw: Path):
    # SOURCE.md section 1: May 2021 29,530 (RSE 9.2%), mean $301,720, median top-coded.
    may2021 = tables.national_file_rows(raw / "oews" / "national_M2021_dl.xlsx").set_index("occ_code")
    assert may2021.loc["29-1224", "employment"] == 29530
    assert may2021.loc["29-1224", "employment_rse_pct"] == 9.2
    assert may2021.loc["29-1224", "mean_annual_wage"] == 301720
    assert may2021.loc["29-1224", "median_top_coded"] and pd.isna(may2021.loc["29-1224", "median_annual_wage"])
    # The May 2024 file also carries area and industry columns; the national cross-industry row is kept.
    may2024 = tables.national_file_rows(raw / "oews" / "national_M2024_dl.xlsx").set_index("occ_code")
    assert may2024.loc["29-1224", "employment"] == 26290


def test_radiologists_have_no_row_before_2021_and_the_old_codes_are_kept():
    table = load("radiology_oews")
    rad_years = sorted(table.loc[table["occ_code"] == tables.RADIOLOGISTS, "year"].astype(int))
    assert rad_years == [2021, 2022, 2023, 2024, 2025]
    assert set(table.loc[table["occ_code"] == "29-1069", "year"]) == {2018}
    assert set(table.loc[table["occ_code"] == "29-1228", "year"]) == {2019, 2020}


def test_a_file_without_an_employment_column_is_a_clear_error(tmp_path: Path):
    broken = tmp_path / "national_M2022_dl.xlsx"
    pd.DataFrame({"OCC_CODE": ["00-0000"], "OCC_TITLE": ["All Occupations"], "A_MEAN": [1]}).to_excel(broken, index=False)
    with pytest.raises(DataError, match=r"national_M2022_dl.xlsx: missing OEWS column\(s\) \['tot_emp'"):
        tables.national_file_rows(broken)


def test_a_year_from_2021_without_radiologists_is_a_clear_error(raw: Path, tmp_path: Path):
    frame = pd.read_excel(raw / "oews" / "national_M2022_dl.xlsx", engine="calamine", dtype=object)
    trimmed = tmp_path / "national_M2022_dl.xlsx"
    frame.loc[frame["OCC_CODE"] != "29-1224"].to_excel(trimmed, index=False)
    with pytest.raises(DataError, match=r"national_M2022_dl.xlsx: no row for occupation\(s\) \['29-1224'\]"):
        tables.national_file_rows(trimmed)


def test_extract_must_agree_with_the_excel_files(raw: Path):
    excel = tables.national_file_rows(raw / "oews" / "national_M2023_dl.xlsx")
    extract = tables.extract_rows(raw / "oews" / raw_files.EXTRACT_FILE)
    tables.check_extract_against_excel(extract, excel)  # the stored files agree
    altered = extract.copy()
    altered.loc[(altered["year"] == 2023) & (altered["occ_code"] == "29-1224"), "employment"] = 31970
    with pytest.raises(DataError, match=r"oews_national_radiology_related_2013-2025.csv: employment for 29-1224 in May 2023"):
        tables.check_extract_against_excel(altered, excel)


def test_2025_radiologists_are_checked_against_the_by_industry_file(raw: Path, tmp_path: Path):
    extract = tables.extract_rows(raw / "oews" / raw_files.EXTRACT_FILE)
    latest = extract.loc[extract["year"] == 2025]
    tables.check_2025_radiologists(latest, raw / "oews" / raw_files.BY_INDUSTRY_FILE)
    text = (raw / "oews" / raw_files.BY_INDUSTRY_FILE).read_text().replace(",26770,7.3,", ",26780,7.3,", 1)
    changed = tmp_path / raw_files.BY_INDUSTRY_FILE
    changed.write_text(text)
    with pytest.raises(DataError, match="cross-industry tot_emp 26780 differs"):
        tables.check_2025_radiologists(latest, changed)


def test_derivation_reproduces_the_committed_tables(raw: Path):
    frames = tables.derive(raw)
    for table in tables.DATASET.tables:
        committed = (DATA_DIR / table.filename).read_bytes()
        assert to_csv_bytes(frames[table.name], table) == committed, table.name


# --- FDA ----------------------------------------------------------------------------------------
def test_fda_list_is_parsed_and_counted(raw: Path):
    devices = raw_files.read_fda_list(raw / "fda" / raw_files.FDA_XML)
    assert len(devices) == 1357
    assert (devices["panel"] == "Radiology").sum() == 1039
    # A PMA supplement: the submission number keeps its "/S008" suffix.
    assert "P140011/S008" in set(devices["submission"])
    table = tables.devices_by_year_and_panel(devices)
    assert table.loc[~table["year_complete"], "decision_year"].unique().tolist() == [2025]
    assert set(table.loc[table["decision_year"] == 2025, "decisions_through"]) == {"2025-09-29"}


FDA_ROW = (
    "<row><Date_of_final_decision>{date}</Date_of_final_decision>"
    '<Submission_number>=HYPERLINK("https://example.org", "{number}")</Submission_number>'
    "<Device>X</Device><Company>Y</Company><Panel>{panel}</Panel><Primary_product_code>QIH</Primary_product_code></row>"
)


def _fda_file(tmp_path: Path, *rows: tuple[str, str, str]) -> Path:
    path = tmp_path / raw_files.FDA_XML
    body = "".join(FDA_ROW.format(date=d, number=n, panel=p) for d, n, p in rows)
    path.write_text(f"<?xml version='1.0' encoding='utf-8'?><data>{body}</data>")
    return path


def test_fda_errors_name_the_file_and_the_row(tmp_path: Path):
    with pytest.raises(DataError, match=r"ai-ml-enabled-devices-xml.xml: row 2 has decision date '2024-01-05'"):
        raw_files.read_fda_list(_fda_file(tmp_path, ("01/02/2024", "K1", "Radiology"), ("2024-01-05", "K2", "Radiology")))
    with pytest.raises(DataError, match="row 1 has no review panel"):
        raw_files.read_fda_list(_fda_file(tmp_path, ("01/02/2024", "K1", " ")))
    with pytest.raises(DataError, match="submission K1 is listed twice"):
        raw_files.read_fda_list(_fda_file(tmp_path, ("01/02/2024", "K1", "Radiology"), ("03/02/2024", "K1", "Radiology")))
    broken = tmp_path / "broken.xml"
    broken.write_text("<data><row>")
    with pytest.raises(DataError, match="broken.xml: not well-formed XML"):
        raw_files.read_fda_list(broken)


def test_a_list_ending_on_31_december_has_a_complete_last_year(tmp_path: Path):
    devices = raw_files.read_fda_list(_fda_file(tmp_path, ("06/01/2023", "K1", "Radiology"), ("12/31/2024", "K2", "Neurology")))
    assert tables.devices_by_year_and_panel(devices)["year_complete"].all()


def test_fda_counts_are_checked_against_the_count_file(raw: Path, tmp_path: Path):
    table = tables.devices_by_year_and_panel(raw_files.read_fda_list(raw / "fda" / raw_files.FDA_XML))
    tables.check_fda_counts(table, raw / "fda" / raw_files.FDA_COUNTS)
    counts = pd.read_csv(raw / "fda" / raw_files.FDA_COUNTS)
    counts.loc[counts["decision_year"] == 2024, "radiology_panel"] = 184
    changed = tmp_path / raw_files.FDA_COUNTS
    counts.to_csv(changed, index=False)
    with pytest.raises(DataError, match=r"fda_ai_devices_counts_by_year.csv: per-year counts differ .* year 2024"):
        tables.check_fda_counts(table, changed)


def test_fda_chart_counts_years_without_devices_as_zero():
    frame = facts.fda_frame(load("radiology_fda_devices"))
    # No device on the list was decided in 1996: the year is drawn, with zero devices.
    assert frame.loc[frame["decision_year"] == 1996, "devices"].tolist() == [0, 0]
    assert frame["devices"].sum() == 1357


# --- Quoted figures -----------------------------------------------------------------------------
def test_quoted_figures_are_located_in_their_excerpts(raw: Path):
    figures = tables.secondary_figures(raw / "pages").set_index("figure_id")
    assert figures.loc["medicare_radiologists_2023", "value"] == 37482
    assert figures.loc["residency_growth_2024_2025", "value"] == 4  # "a four percent increase"
    assert figures.loc["aamc_radiology_change", "value"] == -2.4  # "down 2.4%"
    assert figures.loc["projected_supply_2055_flat", "address"].startswith("https://cdn.auntminnie.com/")
    assert set(figures["status"]) == {"secondary"}


def test_a_quote_that_is_not_in_its_file_is_a_clear_error(raw: Path, tmp_path: Path):
    pages = tmp_path / "pages"
    shutil.copytree(raw / "pages", pages)
    excerpt = pages / "neiman_hpi_2025_supply_demand.txt"
    excerpt.write_text(excerpt.read_text().replace("37,482", "37,483"))
    with pytest.raises(DataError, match="neiman_hpi_2025_supply_demand.txt: the quoted sentence for medicare_radiologists_2023 is not there"):
        tables.secondary_figures(pages)


def test_quoted_numbers_are_parsed_from_words_and_symbols():
    assert raw_files.parse_quoted_number("$520,000", "x") == 520000
    assert raw_files.parse_quoted_number("16.9%", "x") == 16.9
    assert raw_files.parse_quoted_number("four", "x") == 4
    with pytest.raises(DataError, match="page.txt: cannot read 'many'"):
        raw_files.parse_quoted_number("many", "page.txt")


# --- Sampling error -------------------------------------------------------------------------------
def test_margin_uses_a_90_percent_two_sided_interval():
    assert tables.Z == pytest.approx(1.6449, abs=1e-4)
    assert tables.margin(10_000, 5.0) == pytest.approx(822.4, abs=0.1)


def test_a_change_is_beyond_error_only_when_larger_than_its_margin():
    # Two estimates of 10,000 and 11,000 with RSE 5%: SE of the difference is 707, margin 1,163.
    small = tables.level_change(10_000, 5.0, 11_000, 5.0)
    assert small.standard_error == pytest.approx(743.3, abs=0.1)
    assert not small.beyond_error
    assert tables.level_change(10_000, 2.0, 11_000, 2.0).beyond_error


def test_the_wage_index_is_exactly_100_in_its_base_year():
    frame = charts.wage_index_frame(load("radiology_oews"))
    base = frame.loc[frame["year"] == frame["year"].min()]
    assert (base["index"] == 100).all() and (base["low"] == 100).all() and (base["high"] == 100).all()


def test_the_2023_2024_fall_is_the_only_move_beyond_error():
    moves = facts.year_on_year(load("radiology_oews"))
    assert moves.loc[moves["beyond_error"], ["start", "end"]].values.tolist() == [[2023, 2024]]


# --- C02 ------------------------------------------------------------------------------------------
def _change(change: float, margin: float) -> tables.Change:
    return tables.Change(1.0, 1.0 + change, margin / tables.Z)


@pytest.mark.parametrize(
    ("jobs", "gap_all", "gap_physicians", "verdict"),
    [
        ((-0.2, 0.1), (0.1, 0.05), (0.2, 0.05), "wrong"),
        ((0.2, 0.1), (-0.1, 0.05), (-0.1, 0.05), "accurate"),
        ((-0.05, 0.1), (0.05, 0.08), (0.16, 0.08), "accurate"),
        ((-0.05, 0.1), (-0.01, 0.08), (0.16, 0.08), "not supported by the data"),
        ((-0.05, 0.1), (0.05, 0.08), (0.05, 0.08), "not supported by the data"),
    ],
)
def test_c02_rule(jobs, gap_all, gap_physicians, verdict):
    assert claims.c02_verdict(_change(*jobs), _change(*gap_all), _change(*gap_physicians)) == verdict


def test_c02_verdict_follows_the_data():
    assessment = ledger.assess("C02")
    assert assessment.verdict == "accurate"
    assert "29,530" in assessment.evidence and "26,770" in assessment.evidence
    # Had the 2025 count been 20,000 (same RSE), the fall would exceed its margin: the claim would be wrong.
    table = load("radiology_oews").copy()
    table.loc[(table["year"] == 2025) & (table["occ_code"] == tables.RADIOLOGISTS), "employment"] = 20_000
    verdict, evidence, _ = claims.c02(table)
    assert verdict == "wrong" and "20,000" in evidence


# --- Charts and exercises -------------------------------------------------------------------------
def test_charts_are_small_and_describe_themselves():
    oews, fda, secondary = load("radiology_oews"), load("radiology_fda_devices"), load("radiology_secondary_figures")
    drawn = {
        "employment": charts.employment_chart(oews),
        "wage": charts.wage_chart(oews),
        "fda": charts.fda_chart(fda),
        "demand": charts.demand_chart(secondary, oews),
    }
    for name, chart in drawn.items():
        assert len(json.dumps(chart.to_dict())) < 50_000, name
    assert "29,530" in charts.employment_description(oews) and "5,505" in charts.employment_description(oews)
    assert "1,039 (76.6%)" in charts.fda_description(fda)
    assert "+25.7%" in charts.demand_description(secondary, oews)
    assert "126.5" in charts.wage_description(oews)


def test_demand_frame_marks_measured_and_quoted_rows():
    frame = charts.demand_frame(load("radiology_secondary_figures"), load("radiology_oews"))
    measured = frame.loc[frame["kind"] == charts.MEASURED].iloc[0]
    assert measured["low"] < 0 < measured["high"]  # the OEWS change straddles zero
    flat = frame.loc[frame["indicator"] == "Supply, slots flat"].iloc[0]
    assert flat["value"] == pytest.approx(47119 / 37482 - 1)


def test_exercise_answers_come_from_the_data(capsys):
    assert expected("radiology-2023-2024-fall") is True
    assert check("radiology-2023-2024-fall", True)
    assert not check("radiology-2023-2024-fall", False)
    fda = load("radiology_fda_devices")
    years = fda.loc[fda["decision_year"].between(2020, 2024)]
    share = years.loc[years["review_panel"] == "Radiology", "devices"].sum() / years["devices"].sum()
    assert check("radiology-fda-share-2020-2024", share)
    assert expected("radiology-supply-growth") == pytest.approx(52591 / 37482 - 1)


def test_the_chapter_says_what_the_all_occupations_benchmark_alone_would_give():
    oews, fda, secondary = load("radiology_oews"), load("radiology_fda_devices"), load("radiology_secondary_figures")
    # The lead over all occupations (6.7 points) is inside its 8.1-point margin.
    assert facts.claim(oews)["verdict_against_all_only"] == "not supported by the data"
    assert facts.jobs(oews, secondary)["first_year"] == "2021"
    assert facts.ai_devices(fda, secondary)["fda_partial_through"] == "2025-09-29"


def test_an_estimate_without_its_rse_is_refused():
    with pytest.raises(DataError, match="without a relative standard error"):
        tables.level_change(10_000, float("nan"), 11_000, 5.0)
