"""Radiology: OEWS parsing and its cross-checks, the FDA list, quoted figures, sampling error, C02."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from aiparadox import ledger, load
from aiparadox.answer_key import expected
from aiparadox.datapackage import DataError, to_csv_bytes
from aiparadox.exercises import check
from aiparadox.paths import DATA_DIR
from aiparadox.topics.radiology import charts, claims, excerpts, facts, sampling_error, tables
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
    pd.DataFrame({"OCC_CODE": ["00-0000"], "OCC_TITLE": ["All Occupations"], "A_MEAN": [1]}).to_excel(
        broken, index=False
    )
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
    with pytest.raises(
        DataError, match=r"oews_national_radiology_related_2013-2025.csv: employment for 29-1224 in May 2023"
    ):
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


def test_each_national_file_states_its_top_code(raw: Path):
    # The notes sheet, to May 2021: "# = indicates a wage equal to or greater than $100.00 per hour or
    # $208,000 per year"; from May 2022, $115.00 and $239,200.
    codes = tables.top_codes_table(raw / "oews").set_index("year")
    old, new = 208000, 239200
    assert codes["annual_top_code"].to_dict() == {2019: old, 2020: old, 2021: old, 2022: new, 2023: new, 2024: new}
    assert codes.loc[2022, "hourly_top_code"] == 115
    # May 2018's file has no notes sheet: it has no top code, rather than a guessed one.
    assert raw_files.read_national_file(raw / "oews" / "national_M2018_dl.xlsx").top_code is None


def test_a_notes_sheet_without_the_top_code_is_a_clear_error(tmp_path: Path):
    broken = tmp_path / "national_M2022_dl.xlsx"
    with pd.ExcelWriter(broken) as writer:
        pd.DataFrame({"OCC_CODE": ["00-0000"]}).to_excel(writer, sheet_name="national_M2022_dl", index=False)
        notes = pd.DataFrame({"note": ["* = indicates that a wage estimate is not available"]})
        notes.to_excel(writer, sheet_name="Field Descriptions", index=False)
    with pytest.raises(
        DataError, match=r"national_M2022_dl.xlsx: the 'Field Descriptions' sheet defines the '#' top code 0 times"
    ):
        raw_files.read_national_file(broken)


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
        raw_files.read_fda_list(
            _fda_file(tmp_path, ("01/02/2024", "K1", "Radiology"), ("2024-01-05", "K2", "Radiology"))
        )
    with pytest.raises(DataError, match="row 1 has no review panel"):
        raw_files.read_fda_list(_fda_file(tmp_path, ("01/02/2024", "K1", " ")))
    with pytest.raises(DataError, match="submission K1 is listed twice"):
        raw_files.read_fda_list(
            _fda_file(tmp_path, ("01/02/2024", "K1", "Radiology"), ("03/02/2024", "K1", "Radiology"))
        )
    broken = tmp_path / "broken.xml"
    broken.write_text("<data><row>")
    with pytest.raises(DataError, match="broken.xml: not well-formed XML"):
        raw_files.read_fda_list(broken)


def test_a_list_ending_on_31_december_has_a_complete_last_year(tmp_path: Path):
    devices = raw_files.read_fda_list(
        _fda_file(tmp_path, ("06/01/2023", "K1", "Radiology"), ("12/31/2024", "K2", "Neurology"))
    )
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
    with pytest.raises(
        DataError,
        match="neiman_hpi_2025_supply_demand.txt: the quoted sentence for medicare_radiologists_2023 is not there",
    ):
        tables.secondary_figures(pages)


def test_quoted_numbers_are_parsed_from_words_and_symbols():
    assert excerpts.parse_quoted_number("$520,000", "x") == 520000
    assert excerpts.parse_quoted_number("16.9%", "x") == 16.9
    assert excerpts.parse_quoted_number("four", "x") == 4
    with pytest.raises(DataError, match="page.txt: cannot read 'many'"):
        excerpts.parse_quoted_number("many", "page.txt")


# --- Sampling error -------------------------------------------------------------------------------
def test_margin_uses_a_90_percent_two_sided_interval():
    assert pytest.approx(1.6449, abs=1e-4) == sampling_error.Z
    assert sampling_error.margin(10_000, 5.0) == pytest.approx(822.4, abs=0.1)


def test_a_change_is_beyond_error_only_when_larger_than_its_margin():
    # Two estimates of 10,000 and 11,000 with RSE 5%: SE of the difference is 707, margin 1,163.
    small = sampling_error.level_change(10_000, 5.0, 11_000, 5.0)
    assert small.standard_error == pytest.approx(743.3, abs=0.1)
    assert not small.beyond_error
    assert sampling_error.level_change(10_000, 2.0, 11_000, 2.0).beyond_error


def test_the_wage_index_is_exactly_100_in_its_base_year():
    frame = charts.wage_index_frame(load("radiology_oews"))
    base = frame.loc[frame["year"] == frame["year"].min()]
    assert (base["index"] == 100).all() and (base["low"] == 100).all() and (base["high"] == 100).all()


def test_the_2023_2024_fall_is_the_only_move_beyond_error():
    moves = facts.year_on_year(load("radiology_oews"))
    assert moves.loc[moves["beyond_error"], ["start", "end"]].values.tolist() == [[2023, 2024]]


# --- C02 ------------------------------------------------------------------------------------------
def _change(change: float, margin: float) -> sampling_error.Change:
    return sampling_error.Change(1.0, 1.0 + change, margin / sampling_error.Z)


@pytest.mark.parametrize(
    ("jobs", "headcount_gap", "pay_gap", "verdict"),
    [
        # Jobs falling beyond their margin contradict the claim, whatever pay did.
        ((-0.2, 0.1), (0.1, 0.05), (0.2, 0.05), "wrong"),
        # Headcount and pay both gaining on the benchmark beyond their margins: rising demand.
        ((0.2, 0.1), (0.1, 0.05), (0.1, 0.05), "accurate"),
        # Both falling behind it beyond their margins: falling demand.
        ((-0.05, 0.1), (-0.1, 0.05), (-0.1, 0.05), "wrong"),
        # Pay gaining while headcount lags (the stored data's case): demand or a shrinking supply.
        ((-0.05, 0.1), (-0.2, 0.17), (0.06, 0.08), "not supported by the data"),
        ((-0.05, 0.1), (-0.2, 0.17), (0.16, 0.08), "not supported by the data"),
        # Headcount gaining alone, or pay gaining alone, is not enough.
        ((0.2, 0.1), (0.1, 0.05), (0.01, 0.05), "not supported by the data"),
        ((-0.05, 0.1), (0.01, 0.05), (0.1, 0.05), "not supported by the data"),
    ],
)
def test_c02_rule(jobs, headcount_gap, pay_gap, verdict):
    assert claims.c02_verdict(_change(*jobs), _change(*headcount_gap), _change(*pay_gap)) == verdict


def _oews(radiologists, all_occupations, physicians, rse=1.0) -> pd.DataFrame:
    """A synthetic radiology_oews: each occupation's (employment, mean wage) in May 2021 and May
    2025, every estimate with the same RSE."""
    rows = []
    occupations = {
        tables.RADIOLOGISTS: radiologists,
        tables.ALL_OCCUPATIONS: all_occupations,
        tables.PHYSICIANS: physicians,
    }
    for code, series in occupations.items():
        for year, (employment, wage) in zip((2021, 2025), series, strict=True):
            rows.append(
                {
                    "year": year,
                    "occ_code": code,
                    "employment": employment,
                    "employment_rse_pct": rse,
                    "mean_annual_wage": wage,
                    "mean_wage_rse_pct": rse,
                }
            )
    return pd.DataFrame(rows)


FLAT = ((100_000, 100_000.0), (100_000, 100_000.0))


def test_c02_benchmark_is_all_occupations_for_headcount_and_pay():
    assert claims.BENCHMARK == tables.ALL_OCCUPATIONS
    # With every RSE at 1%, a gap's margin is about 3.5 index points: 5 points clear it, 2 do not.
    rad_up_5 = ((10_000, 100_000.0), (10_500, 110_000.0))
    all_up_0 = ((1_000_000, 50_000.0), (1_000_000, 52_500.0))
    assert claims.c02(_oews(rad_up_5, all_up_0, FLAT))[0] == "accurate"
    all_up_3 = ((1_000_000, 50_000.0), (1_030_000, 52_500.0))
    assert claims.c02(_oews(rad_up_5, all_up_3, FLAT))[0] == "not supported by the data"
    pay_inside = ((1_000_000, 50_000.0), (1_000_000, 54_000.0))
    assert claims.c02(_oews(rad_up_5, pay_inside, FLAT))[0] == "not supported by the data"


def test_c02_physicians_are_a_sensitivity_that_does_not_decide():
    rad = ((10_000, 100_000.0), (10_500, 110_000.0))
    all_flat = ((1_000_000, 50_000.0), (1_000_000, 50_000.0))
    all_matching = ((1_000_000, 50_000.0), (1_050_000, 55_000.0))
    physicians_far_ahead = ((500_000, 200_000.0), (700_000, 300_000.0))
    physicians_far_behind = ((500_000, 200_000.0), (400_000, 180_000.0))
    # Radiologists ahead of all occupations but behind physicians: the verdict follows all occupations.
    table = _oews(rad, all_flat, physicians_far_ahead)
    assert claims.c02(table)[0] == "accurate"
    assert claims.verdict_against(table, tables.PHYSICIANS) == "wrong"
    # Radiologists far ahead of physicians but level with all occupations: not supported.
    table = _oews(rad, all_matching, physicians_far_behind)
    assert claims.c02(table)[0] == "not supported by the data"
    assert claims.verdict_against(table, tables.PHYSICIANS) == "accurate"


def test_c02_a_fall_in_jobs_beyond_its_margin_is_wrong_whatever_the_benchmark():
    rad_down = ((10_000, 100_000.0), (8_000, 150_000.0))
    assert claims.c02(_oews(rad_down, ((1_000_000, 50_000.0), (700_000, 50_000.0)), FLAT))[0] == "wrong"


def test_c02_verdict_follows_the_data():
    assessment = ledger.assess("C02")
    # Headcount fell 19.7 points behind all occupations (margin 17.5); pay gained 6.7 (margin 8.1).
    assert assessment.verdict == "not supported by the data"
    assert "29,530" in assessment.evidence and "26,770" in assessment.evidence
    assert "fell behind by 19.7 index points, more than its ±17.5-point margin" in assessment.evidence
    assert "gained 6.7 index points, within its ±8.1-point margin" in assessment.evidence
    # Had the 2025 count been 20,000 (same RSE), the fall would exceed its margin: the claim would be wrong.
    table = load("radiology_oews").copy()
    table.loc[(table["year"] == 2025) & (table["occ_code"] == tables.RADIOLOGISTS), "employment"] = 20_000
    verdict, evidence, _ = claims.c02(table)
    assert verdict == "wrong" and "20,000" in evidence


def test_the_chapter_shows_the_same_rule_against_the_other_yardsticks():
    oews = load("radiology_oews")
    shown = facts.claim(oews)
    # Against physicians: headcount 27.0 points behind (beyond), pay 16.6 ahead (beyond): opposite ways.
    assert shown["headcount_gap_physicians_phrase"].startswith("fell behind by 27.0 index points, more than")
    assert shown["verdict_physicians_benchmark"] == "not supported by the data"
    assert shown["verdict_no_benchmark"] == "not supported by the data"


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


def test_the_chapter_facts_come_from_the_tables():
    oews, fda, secondary = load("radiology_oews"), load("radiology_fda_devices"), load("radiology_secondary_figures")
    assert facts.jobs(oews, secondary)["first_year"] == "2021"
    # "It might be 10 years": the longer horizon ends in 2026, after the last release.
    assert facts.introduction(secondary)["hinton_hedge_deadline"] == "2026"
    pay = facts.pay(oews, load("radiology_oews_top_codes"))
    assert (pay["top_code_old"], pay["top_code_old_last_year"]) == (208000, "2021")
    assert (pay["top_code_new"], pay["top_code_new_first_year"]) == (239200, "2022")
    assert (pay["median_hidden_first_year"], pay["median_hidden_last_year"]) == ("2021", "2024")
    assert pay["median_published"] == 420860
    assert facts.ai_devices(fda, secondary)["fda_partial_through"] == "2025-09-29"


def test_an_estimate_without_its_rse_is_refused():
    with pytest.raises(DataError, match="without a relative standard error"):
        sampling_error.level_change(10_000, float("nan"), 11_000, 5.0)
