"""BLS: the readers of both shapes (FRED CSV, BLS API v2 JSON), the tables, the facts, C03 and C04, charts."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from aiparadox import ledger, load
from aiparadox.datapackage import DataError, to_csv_bytes
from aiparadox.paths import DATA_DIR, ROOT
from aiparadox.topics.bls import article, charts, claims, facts, layoff_charts, monthly_series, raw, tables

from .conftest import writable_copy


@pytest.fixture(scope="module")
def raw_folder(shared_sources: Path) -> Path:
    return shared_sources / "bls" / "raw"


@pytest.fixture
def raw_copy(raw_folder: Path, tmp_path: Path) -> Path:
    """A writable copy of the BLS source folder (raw/ and SOURCE.md) that a test may damage."""
    return writable_copy(raw_folder.parent, tmp_path / "bls") / "raw"


# --- FRED-style CSV ---------------------------------------------------------------------------


def test_fred_long_form_reads_the_whole_vintage(raw_folder: Path):
    frame = raw.read_fred_csv(raw_folder / raw.RATE_FILE)
    assert list(frame.columns) == ["series_id", "month", "value"]
    assert len(frame) == 300 and frame["month"].iloc[0] == "2000-01" and frame["month"].iloc[-1] == "2024-12"
    assert frame.attrs["realtime_start"] == "2025-01-20"
    by_month = frame.set_index("month")["value"]
    # Values read in BLS table A-14 (SOURCE.md): December 2023 3.1%, December 2024 3.9%.
    assert by_month["2023-12"] == 3.1 and by_month["2024-12"] == 3.9


def test_fred_wide_form_keeps_a_missing_month_as_missing():
    text = "observation_date,LNU03032237\n2025-09-01,177\n2025-10-01,.\n2025-11-01,125\n"
    frame = raw.parse_fred_csv(text, "fredgraph.csv")
    assert frame["month"].to_list() == ["2025-09", "2025-10", "2025-11"]
    assert math.isnan(frame["value"].iloc[1]) and frame["value"].iloc[2] == 125


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("DATE,LNU04032237\n2024-12-01,3.9\n2025-01-01,n/a\n", "fredgraph.csv, line 3: value 'n/a' is not a number"),
        ("DATE,LNU04032237\n2024-12-15,3.9\n", "is not the first day of a month"),
        ("when,what\n2024-12-01,3.9\n", "not a FRED CSV"),
        ("DATE,LNU04032237\n2024-12-01,3.9\n2024-12-01,4.0\n", "more than one value for 2024-12"),
        (
            "date,series_id,value,realtime_start,realtime_end\n2024-11-01,LNU04032237,2.3,2025-01-10,2025-01-10\n"
            "2024-12-01,LNU04032237,3.9,2025-01-20,2025-01-20\n",
            "mixes vintages",
        ),
    ],
)
def test_bad_fred_csv_is_a_clear_error(text: str, message: str):
    with pytest.raises(DataError, match=message):
        raw.parse_fred_csv(text, "fredgraph.csv")


# --- BLS Public Data API v2 -------------------------------------------------------------------

# Shaped like a live response (Results as an object, newest first, 'latest' on the newest point,
# empty footnote objects, the M13 annual average when annualaverage=true, '-' for no value).
API_RESPONSE = {
    "status": "REQUEST_SUCCEEDED",
    "responseTime": 137,
    "message": [],
    "Results": {
        "series": [
            {
                "seriesID": "LNU03032237",
                "data": [
                    {
                        "year": "2025",
                        "period": "M11",
                        "periodName": "November",
                        "latest": "true",
                        "value": "125",
                        "footnotes": [{}],
                    },
                    {
                        "year": "2025",
                        "period": "M10",
                        "periodName": "October",
                        "value": "-",
                        "footnotes": [{"code": "X", "text": "Data unavailable."}],
                    },
                    {"year": "2025", "period": "M09", "periodName": "September", "value": "177", "footnotes": [{}]},
                    {"year": "2024", "period": "M13", "periodName": "Annual", "value": "119", "footnotes": [{}]},
                    {"year": "2024", "period": "M12", "periodName": "December", "value": "98", "footnotes": [{}]},
                ],
            },
            {
                "seriesID": "LNU04032237",
                "data": [
                    {
                        "year": "2024",
                        "period": "M12",
                        "periodName": "December",
                        "value": "3.9",
                        "footnotes": [{"code": "P", "text": "Preliminary."}],
                    }
                ],
            },
        ]
    },
}


def test_api_v2_response_is_read_oldest_first_without_the_annual_average():
    frame = raw.parse_bls_api_v2(json.dumps(API_RESPONSE), "api.json")
    level = frame.loc[frame["series_id"] == "LNU03032237"]
    assert level["month"].to_list() == ["2024-12", "2025-09", "2025-10", "2025-11"]
    assert math.isnan(level.set_index("month").loc["2025-10", "value"])
    assert frame.set_index(["series_id", "month"]).loc[("LNU04032237", "2024-12"), "value"] == 3.9


def test_api_v2_documentation_sample_with_results_in_a_list(tmp_path: Path):
    sample = dict(API_RESPONSE, Results=[API_RESPONSE["Results"]])
    path = tmp_path / "LNU03032237.json"
    path.write_text(json.dumps(sample))
    assert len(raw.read_bls_api_v2(path)) == 5


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (
            {
                "status": "REQUEST_NOT_PROCESSED",
                "responseTime": 20,
                "message": [
                    "Request could not be serviced, as the daily threshold for total number of requests allocated to the user has been reached."
                ],
                "Results": {},
            },
            "status 'REQUEST_NOT_PROCESSED' \\(Request could not be serviced",
        ),
        (
            {
                "status": "REQUEST_SUCCEEDED",
                "responseTime": 9,
                "message": ["Series does not exist for Series LNU0303223X"],
                "Results": {},
            },
            "holds no series \\(BLS messages: Series does not exist",
        ),
        (
            {
                "status": "REQUEST_SUCCEEDED",
                "message": [],
                "Results": {
                    "series": [{"seriesID": "LNU03032237", "data": [{"year": "2025", "period": "Q01", "value": "1"}]}]
                },
            },
            "period 'Q01' is not a month",
        ),
        (
            {
                "status": "REQUEST_SUCCEEDED",
                "message": [],
                "Results": {
                    "series": [
                        {"seriesID": "LNU03032237", "data": [{"year": "2025", "period": "M01", "value": "1.2.3"}]}
                    ]
                },
            },
            "LNU03032237 2025 M01: value '1.2.3' is not a number",
        ),
    ],
)
def test_bad_api_v2_responses_are_clear_errors(response: dict, message: str):
    with pytest.raises(DataError, match=f"api.json[:,] .*{message}"):
        raw.parse_bls_api_v2(json.dumps(response), "api.json")


def test_api_v2_reader_gives_the_cached_series_back(raw_folder: Path):
    """The cached LNU03032237, rewritten in the API's own shape, reads back identically."""
    cached = raw.read_points_json(raw_folder / raw.FRED_JSON, "unemploymentLevel", "unemploymentLevelSeriesId")
    data = [
        {"year": m[:4], "period": f"M{m[5:]}", "periodName": "", "value": f"{v:g}", "footnotes": [{}]}
        for m, v in zip(cached["month"][::-1], cached["value"][::-1], strict=True)
    ]
    response = {
        "status": "REQUEST_SUCCEEDED",
        "responseTime": 50,
        "message": [],
        "Results": {"series": [{"seriesID": "LNU03032237", "data": data}]},
    }
    pd.testing.assert_frame_equal(raw.parse_bls_api_v2(json.dumps(response), "api.json"), cached)


# --- the cached {t, v} files and the October 2025 gap -----------------------------------------


def test_october_2025_is_absent_from_the_cached_count_and_kept_missing(raw_folder: Path):
    cached = raw.read_points_json(raw_folder / raw.FRED_JSON, "unemploymentLevel", "unemploymentLevelSeriesId")
    assert "2025-10" not in set(cached["month"]) and len(cached) == 90
    with pytest.raises(DataError, match=f"{raw.FRED_JSON}: LNU03032237 has no observation for 2025-10"):
        raw.complete_months(cached, {}, raw.FRED_JSON)
    full = raw.complete_months(cached, monthly_series.CPS_GAPS, raw.FRED_JSON).set_index("month")
    assert len(full) == 91 and math.isnan(full.loc["2025-10", "value"])
    assert "lapse in federal appropriations" in full.loc["2025-10", "gap"]
    assert full.loc["2025-09", "value"] == 177 and full.loc["2025-11", "value"] == 125


def test_the_trailing_mean_labelled_as_the_rate_is_not_used(raw_folder: Path):
    # fred.json's 'unemployment' key carries the id LNU04032237 but is a 12-month mean (SOURCE.md).
    trailing = raw.read_points_json(raw_folder / raw.FRED_JSON, "unemployment", "unemploymentSeriesId").set_index(
        "month"
    )
    rate = load("bls_information_unemployment_rate").set_index("month")
    assert trailing.loc["2024-12", "value"] == 4.44 and rate.loc["2024-12", "rate_percent"] == 3.9


def test_a_null_point_is_an_error_not_a_zero():
    body = {"jobOpenings": [{"t": "2025-01-01", "v": None}], "jobOpeningsSeriesId": "JTS510000000000000JOL"}
    with pytest.raises(DataError, match=r"bls.json, jobOpenings\[0\]: value is null"):
        raw.parse_points(body, "jobOpenings", "jobOpeningsSeriesId", "bls.json")


def test_seasonal_adjustment_is_read_from_the_series_id():
    assert raw.seasonal_adjustment("LNU03032237") == "not seasonally adjusted"
    assert raw.seasonal_adjustment("JTS510000000000000LDL") == "seasonally adjusted"
    with pytest.raises(DataError, match="not a BLS seasonal adjustment code"):
        raw.seasonal_adjustment("LNX03032237")


# --- the derivation ---------------------------------------------------------------------------


def test_derivation_reproduces_the_committed_tables(raw_folder: Path):
    derived = tables.derive(raw_folder)
    for table in tables.DATASET.tables:
        assert to_csv_bytes(derived[table.name], table) == (DATA_DIR / table.filename).read_bytes(), table.name


def test_tables_carry_series_ids_units_and_adjustment():
    unemployed = load("bls_information_unemployed")
    assert set(unemployed["series_id"]) == {"LNU03032237"}
    assert set(unemployed["seasonal_adjustment"]) == {"not seasonally adjusted"}
    assert unemployed.loc[unemployed["unemployed_thousands"].isna(), "month"].to_list() == ["2025-10"]
    employers = load("bls_information_employer_series")
    assert set(employers["series_id"]) == {"JTS510000000000000JOL", "JTS510000000000000LDL", "CES6054150001"}
    assert set(employers["seasonal_adjustment"]) == {"seasonally adjusted"}
    for table in tables.DATASET.tables:
        numeric = [f for f in table.fields if f.type == "number"]
        assert all(f.unit for f in numeric), table.name


def test_a_transcription_that_disagrees_with_the_series_stops_the_build(raw_copy: Path):
    a14 = raw_copy / raw.A14_FILE
    a14.write_text(a14.read_text().replace("Information,86,98,3.1,3.9", "Information,86,99,3.1,3.9"))
    with pytest.raises(DataError, match="Information 2024-12 unemployed 99.0 but LNU03032237"):
        tables.derive(raw_copy)


def test_a_press_figure_is_read_only_from_its_quoted_sentence(raw_copy: Path):
    notes = raw_copy.parent / "SOURCE.md"
    notes.write_text(notes.read_text().replace("increased in January to 2.9%", "increased in January to 3.9%"))
    with pytest.raises(DataError, match="SOURCE.md: the quoted sentence 'unemployment among IT positions"):
        tables.derive(raw_copy)
    notes.unlink()
    with pytest.raises(DataError, match="no SOURCE.md in or beside the raw folder"):
        tables.derive(raw_copy)


def test_an_unexplained_missing_month_stops_the_build(raw_copy: Path):
    path = raw_copy / raw.JOLTS_JSON
    body = json.loads(path.read_text())
    body["layoffsDischarges"] = [p for p in body["layoffsDischarges"] if p["t"] != "2024-03-01"]
    path.write_text(json.dumps(body))
    with pytest.raises(DataError, match="JTS510000000000000LDL has no observation for 2024-03 and no known reason"):
        tables.derive(raw_copy)


def test_published_cross_checks_hold():
    # Values SOURCE.md read in BLS table A-14 and the press: Dec 2023 86, Jan 2024 156, Feb 2025 148.
    unemployed = load("bls_information_unemployed").set_index("month")["unemployed_thousands"]
    assert (unemployed["2023-12"], unemployed["2024-01"], unemployed["2025-02"]) == (86, 156, 148)
    survey = load("bls_resumebuilder_survey").set_index("answer")
    assert survey.loc["layoffs_2024", "timing"] == "expected" and set(survey["status"]) == {"secondary"}
    measures = load("bls_tech_unemployment_measures")
    assert set(measures.loc[measures["publisher"].isin(["CompTIA", "Janco Associates"]), "status"]) == {"secondary"}


# --- claims, charts, exercises ----------------------------------------------------------------


def test_c03_verdict_follows_the_data():
    assert ledger.assess("C03").verdict == "accurate but misleading"
    unemployed, rate = load("bls_information_unemployed").copy(), load("bls_information_unemployment_rate")
    assert claims.c03(unemployed, rate)[0] == "accurate but misleading"
    # A January that is not the article's 152 thousand: the article's numbers are then wrong.
    unemployed.loc[unemployed["month"] == "2025-01", "unemployed_thousands"] = 140.0
    assert claims.c03(unemployed, rate)[0] == "wrong"


def test_c03_follows_the_period_rule_for_the_two_months_it_compares():
    unemployed, rate = load("bls_information_unemployed"), load("bls_information_unemployment_rate")
    without_january = unemployed.assign(
        unemployed_thousands=unemployed["unemployed_thousands"].where(unemployed["month"] != "2025-01")
    )
    verdict, evidence, _ = claims.c03(without_january, rate)
    assert verdict == "not supported by the data" and "no value for January 2025" in evidence
    neither = unemployed.loc[~unemployed["month"].isin(["2024-12", "2025-01"])]
    assert claims.c03(neither, rate)[0] == "not checkable"


def test_layoffs_are_compared_with_two_baselines():
    made = facts.what_employers_did(load("bls_information_employer_series"))
    # 2025 against 2019 (the year before the pandemic), and against 2023-2024 (the two years before).
    assert made["layoffs_ratio"] == pytest.approx(37.5833 / 38.5, abs=1e-4)
    assert (made["jolts_two_before_first"], made["jolts_two_before_last"]) == ("2023", "2024")
    assert made["layoffs_vs_two_before"] == pytest.approx(37.5833 / ((33.75 + 34.0833) / 2) - 1, abs=1e-4)
    assert made["layoffs_vs_two_before"] > 0.1


def test_c04_rule_on_both_sides_of_its_tolerance():
    survey = load("bls_resumebuilder_survey")
    near = survey.assign(share=survey["share"].where(survey["answer"] != "replaced_2023", 0.37 + 0.004))
    far = survey.assign(share=survey["share"].where(survey["answer"] != "replaced_2023", 0.37 + 0.006))
    assert claims.c04(near)[0] == "accurate but misleading" and claims.c04(far)[0] == "wrong"
    assert "using or planning to use AI" in ledger.assess("C04").evidence


def test_c03_would_be_accurate_for_an_exceptional_jump_in_a_tech_series():
    figures = facts.c03_figures(load("bls_information_unemployed"), load("bls_information_unemployment_rate"))
    assert claims.c03_verdict(figures, same_measure=True) == "accurate but misleading"  # seasonal
    exceptional = dict(figures, n_rises=1, rate_n_rises=1, largest_change=figures["change"])
    assert claims.c03_verdict(exceptional, same_measure=True) == "accurate"
    assert claims.c03_verdict(exceptional, same_measure=False) == "accurate but misleading"


def test_c04_verdict_follows_the_data():
    assert ledger.assess("C04").verdict == "accurate but misleading"
    survey = load("bls_resumebuilder_survey").copy()
    survey.loc[survey["answer"] == "layoffs_2024", "timing"] = "reported"
    assert claims.c04(survey)[0] == "accurate"
    survey.loc[survey["answer"] == "replaced_2023", "share"] = 0.30
    assert claims.c04(survey)[0] == "wrong"


def test_winter_changes_skip_winters_with_a_missing_month():
    table = pd.DataFrame(
        {"month": ["2024-12", "2025-01", "2025-12", "2026-01"], "v": [98.0, 152.0, float("nan"), 128.0]}
    )
    changes = facts.winter_changes(table, "v")
    assert changes["december_year"].to_list() == [2024] and changes["change"].iloc[0] == 54


CHARTS = [
    (charts, "monthly_chart", ["bls_information_unemployed"]),
    (charts, "winter_chart", ["bls_information_unemployed"]),
    (charts, "long_rate_chart", ["bls_information_unemployment_rate"]),
    (charts, "definitions_chart", ["bls_tech_unemployment_measures"]),
    (layoff_charts, "jolts_chart", ["bls_information_employer_series"]),
    (layoff_charts, "csd_chart", ["bls_information_employer_series"]),
    (layoff_charts, "survey_chart", ["bls_resumebuilder_survey"]),
]


@pytest.mark.parametrize(("module", "function", "inputs"), CHARTS)
def test_charts_are_small_and_fill_the_container(module, function: str, inputs: list[str]):
    spec = getattr(module, function)(*[load(n) for n in inputs]).to_dict()
    assert len(json.dumps(spec, allow_nan=False)) < 50_000  # strict JSON: a NaN would break the page
    assert spec["width"] == "container"


def test_monthly_chart_keeps_the_gap_and_marks_the_article():
    spec = charts.monthly_chart(load("bls_information_unemployed")).to_dict()
    line, gaps = spec["datasets"].values()
    assert [g["month"] for g in gaps] == ["2025-10"] and "not collected" in gaps[0]["reason"]
    # The line is broken at the gap: September and November 2025 are in different stretches.
    stretch = {v["month"]: v["stretch"] for v in line if v["series"] == charts.measured_series()}
    assert "2025-10" not in stretch and stretch["2025-09"] != stretch["2025-11"]
    claimed = [v["thousands"] for v in line if v["series"] == charts.CLAIM_SERIES]
    assert claimed == [article.ARTICLE_DECEMBER_THOUSANDS, article.ARTICLE_JANUARY_THOUSANDS]


def test_descriptions_state_the_key_numbers():
    unemployed, rate = load("bls_information_unemployed"), load("bls_information_unemployment_rate")
    text = charts.winter_description(unemployed, rate)
    assert "+70" in text and "+54" in text and "6 of them" in text
    assert "October 2025" in charts.monthly_description(unemployed, rate)
    assert "12.3% in July 2020" in charts.long_rate_description(rate)


def test_exercise_answers():
    from aiparadox.answer_key import expected
    from aiparadox.exercises import check

    assert expected("bls-largest-winter") == 2023
    assert expected("bls-rate-january-rises") == 17
    assert check("bls-layoffs-ratio", expected("bls-layoffs-ratio"))
    assert not check("bls-largest-winter", 2024)


def test_definitions_chart_refuses_a_measure_it_cannot_label():
    measures = load("bls_tech_unemployment_measures").copy()
    measures.loc[0, "measure"] = "mystery"
    with pytest.raises(DataError, match="no chart series for \\[\\('mystery'"):
        charts.definitions_frame(measures)


def test_latest_partial_year_is_averaged_only_when_incomplete():
    months = [f"2025-{m:02d}" for m in range(1, 13)] + ["2026-01", "2026-02"]
    employers = pd.DataFrame(
        {"series_id": "JTS510000000000000LDL", "month": months, "thousands": [30.0] * 12 + [50.0, 60.0]}
    )
    recent = facts.latest_partial_year(employers, "JTS510000000000000LDL")
    assert recent == {"span": "January 2026 to February 2026", "mean": 55.0}
    assert facts.latest_partial_year(employers.iloc[:12], "JTS510000000000000LDL") is None
    figures = facts.jolts_figures(pd.concat([employers, employers.assign(series_id="JTS510000000000000JOL")]))
    assert figures["layoffs_recent"] == 55.0 and figures["layoffs_recent_higher_since"] == ""


# --- facts: what the chapter glues ------------------------------------------------------------


def chapter_facts() -> dict:
    """Every value the chapter's cells glue, by key, from the facts functions it calls (each key made once)."""
    unemployed, rate = load("bls_information_unemployed"), load("bls_information_unemployment_rate")
    employers, measures = load("bls_information_employer_series"), load("bls_tech_unemployment_measures")
    made: dict = {}
    for named in (
        facts.the_article(),
        facts.industry_series(unemployed, rate),
        facts.january_rises(unemployed, rate),
        facts.long_view(rate),
        facts.what_tech_means(measures),
        facts.what_employers_did(employers),
        facts.the_survey(load("bls_resumebuilder_survey")),
        claims.rule_figures(),
    ):
        assert not set(made) & set(named), f"made twice: {sorted(set(made) & set(named))}"
        made.update(named)
    return made


def test_the_chapter_quotes_only_what_the_facts_functions_make_as_numbers_and_phrases():
    text = (ROOT / "chapters" / "bls.md").read_text(encoding="utf-8")
    # {glue:text}`key:format` formats a number; {glue:md}`key` shows a phrase.
    as_number = set(re.findall(r"\{glue:text\}`([\w-]+)", text))
    # Verdicts come from book.claim, the exercises' hints from book.hints.
    glued_phrases = {k for k in re.findall(r"\{glue:md\}`([\w-]+)", text) if not k.startswith("hint-")}
    as_phrase = glued_phrases - {"claim-C03", "claim-C04", "verdict-C03", "verdict-C04"}
    made = chapter_facts()
    assert as_number | as_phrase <= set(made), sorted((as_number | as_phrase) - set(made))
    assert all(isinstance(made[k], (int, float)) and not isinstance(made[k], bool) for k in as_number), as_number
    assert all(isinstance(made[k], str) for k in as_phrase), as_phrase


def test_facts_state_the_articles_months_in_the_series():
    made = chapter_facts()
    assert (made["c03_december"], made["c03_january"]) == (98, 152)
    assert made["article_december"] == 98_000 and made["article_december_month"] == "December 2024"
    assert made["gap_month"] == "October 2025" and made["jan_2024_month"] == "January 2024"
    assert made["c03_largest_winter"] == "December 2023 to January 2024"
    conclusion = facts.conclusion(load("bls_information_employer_series"))
    assert conclusion["jolts_last_year"] == made["jolts_last_year"] and 0 < conclusion["openings_fall"] < 1
