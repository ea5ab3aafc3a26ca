"""IMF: quoted exposure figures, the DataMapper parser, the AIPI tables, claims C15 and C16."""

from __future__ import annotations

import itertools
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from aiparadox import ledger, load
from aiparadox.datapackage import DataError
from aiparadox.topics.imf import article, charts, claims, facts, tables
from aiparadox.topics.imf import raw as imf_raw


@pytest.fixture(scope="module")
def raw(shared_sources: Path) -> Path:
    return shared_sources / "imf" / "raw"


@pytest.fixture
def raw_copy(raw: Path, tmp_path: Path) -> Path:
    """A private copy of the raw folder that a test may corrupt."""
    target = tmp_path / "raw"
    shutil.copytree(raw, target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


# --- Quoted figures -------------------------------------------------------------------------
def test_a_quoted_figure_is_read_from_the_file_across_line_breaks():
    text = 'Intro.\n  "Overall exposure is 40 percent in emerging market economies and 26\n   percent in low-income countries."'
    sentence, figures = imf_raw.locate(
        text,
        "Overall exposure is {em} percent in emerging market economies and {lic} percent in low-income countries.",
        "x.txt",
    )
    assert figures == {"em": 40.0, "lic": 26.0}
    assert sentence.startswith("Overall exposure is 40 percent")


def test_a_sentence_that_is_not_in_the_file_is_an_error_naming_it():
    with pytest.raises(DataError, match=r"notes\.txt: the quoted sentence \"Almost … percent"):
        imf_raw.locate("Almost forty percent of jobs.", "Almost {x} percent of jobs.", "notes.txt")


def test_a_sentence_found_twice_with_different_figures_is_an_error():
    with pytest.raises(DataError, match="different figures"):
        imf_raw.locate("About 60 percent of jobs. About 61 percent of jobs.", "About {x} percent of jobs.", "a.txt")


def test_exposure_figures_come_from_the_excerpt_files(raw: Path):
    table = tables.exposure_table(raw)
    primary = table.loc[(table["status"] == "primary") & (table["category"] == tables.EXPOSED)].set_index("economy")
    # The Executive Summary: world ~40, advanced ~60, emerging 40, low-income 26 (SOURCE.md 1a).
    assert primary["share_pct"].to_dict() == {
        tables.WORLD: 40,
        tables.ADVANCED: 60,
        tables.EMERGING: 40,
        tables.LOW_INCOME: 26,
    }
    split = table.loc[table["document"] == tables.SDN_VIA_AETHER].set_index(["economy", "category"])["share_pct"]
    assert (
        split[(tables.ADVANCED, tables.HIGH_COMPLEMENTARITY)] == 27
        and split[(tables.LOW_INCOME, tables.LOW_COMPLEMENTARITY)] == 18
    )
    assert set(table.loc[table["category"] != tables.EXPOSED, "status"]) == {"secondary"}
    for row in table.itertuples():
        assert row.quote in " ".join((raw / row.source_file).read_text(encoding="utf-8").split())


def test_a_changed_excerpt_stops_the_derivation_and_names_the_file(raw_copy: Path):
    path = raw_copy / imf_raw.SDN_EXCERPTS
    path.write_text(path.read_text(encoding="utf-8").replace("Overall exposure is", "Exposure is"), encoding="utf-8")
    with pytest.raises(DataError, match=imf_raw.SDN_EXCERPTS):
        tables.exposure_table(raw_copy)


def test_linkedin_figures_keep_their_addresses(raw: Path):
    table = tables.skills_change_table(raw)
    assert set(table["horizon_year"]) == {2030}
    latest = table.loc[table["report"].str.contains("January 2025"), "share_pct"]
    assert set(latest) == {70.0}
    assert table.loc[table["report"].str.contains("2023"), "share_pct"].iloc[0] == 65.0


# --- The DataMapper parser ------------------------------------------------------------------
def synthetic_answer() -> dict:
    """Shaped exactly as SOURCE.md 3b documents a DataMapper v1 answer."""
    return {
        "values": {
            "AI_PI": {
                "USA": {"2023": 0.77126908302307},
                "SSD": {"2022": None, "2023": 0.11},
                "ADVEC": {"2023": 0.68297419496454},
            }
        },
        "api": {"version": "1", "output-method": "json"},
    }


def test_the_datamapper_parser_reads_the_v1_shape():
    frame = imf_raw.parse_datamapper_v1(json.dumps(synthetic_answer()), "AIPI/AI_PI")
    assert list(frame.columns) == ["indicator", "area", "year", "value"]
    assert len(frame) == 4
    usa = frame.loc[frame["area"] == "USA"].iloc[0]
    assert (usa["indicator"], usa["year"], usa["value"]) == ("AI_PI", 2023, pytest.approx(0.77126908302307))
    # A null stays as a missing value: it is neither dropped nor made zero.
    assert frame.loc[(frame["area"] == "SSD") & (frame["year"] == 2022), "value"].isna().all()
    wide = tables.aipi_wide(frame, 2023, "test")
    assert list(wide.columns) == ["area", *imf_raw.AIPI_INDICATORS]
    assert wide.set_index("area").loc["SSD", "AI_PI"] == pytest.approx(0.11)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"api": {"version": "1", "output-method": "json"}}, "no 'values'"),
        ({"values": {"AI_PI": {}}, "api": {"version": "2"}}, "version 2"),
        ({"values": {"AI_PI": {"USA": {"latest": 0.7}}}, "api": {"version": "1"}}, "not a year"),
        ({"values": {"AI_PI": {"USA": {"2023": "0.7"}}}, "api": {"version": "1"}}, "not a number"),
        ({"values": {}}, "no 'api' block"),
    ],
)
def test_the_datamapper_parser_rejects_other_shapes(answer: dict, message: str):
    with pytest.raises(DataError, match=f"AIPI/AI_PI: .*{message}"):
        imf_raw.parse_datamapper_v1(answer, "AIPI/AI_PI")


def test_datamapper_addresses():
    assert imf_raw.datamapper_url("DI") == "https://www.imf.org/external/datamapper/api/v1/AIPI/DI"
    assert imf_raw.datamapper_url("AI_PI", periods=(2023,)).endswith("/AIPI/AI_PI?periods=2023")


# --- AIPI tables ----------------------------------------------------------------------------
def test_futuregrid_copy_gives_the_official_codes_and_year(raw: Path):
    long = imf_raw.futuregrid_as_long(raw / imf_raw.FUTUREGRID_FILE)
    assert set(long["indicator"]) == set(imf_raw.AIPI_INDICATORS)
    assert set(long["year"]) == {2023}


def test_groups_come_from_the_imf_workbook(raw: Path):
    workbook = imf_raw.read_workbook(raw / imf_raw.WORKBOOK_FILE)
    assert workbook["group"].value_counts().to_dict() == {"EM": 79, "LIC": 56, "AE": 39}
    # 'NA' in the workbook is a missing value, read as such (AFG has no composite, SOURCE.md A1).
    assert pd.isna(workbook.set_index("iso3").loc["AFG", "AI_PI"])


def test_aipi_table_matches_the_published_values():
    table = load("imf_aipi").set_index("iso3")
    assert len(table) == 174 and table["AI_PI"].isna().sum() == 9
    # Values read in the IMF workbook (SOURCE.md A1) and rounded in the press (SGP 0.80, USA 0.77, IND 0.49).
    assert table.loc["FRA", "AI_PI"] == pytest.approx(0.6975086480379105, abs=1e-12)
    assert table.loc["IND", ["group", "AI_PI"]].tolist() == ["EM", pytest.approx(0.4925, abs=1e-4)]
    assert table.loc["CHN", "group"] == "EM" and table.loc["NGA", "group"] == "LIC"
    complete = table.dropna(subset=list(imf_raw.AIPI_INDICATORS))
    assert (complete[list(imf_raw.COMPONENTS)].sum(axis=1) - complete["AI_PI"]).abs().max() < 1e-9
    aggregates = load("imf_aipi_aggregates").set_index("code")
    assert aggregates.loc["EME", "label"] == "Emerging market economies"
    assert aggregates.loc["ADVEC", "AI_PI"] == pytest.approx(0.68297419496454)


def test_an_undocumented_disagreement_with_the_workbook_stops_the_derivation(raw_copy: Path):
    path = raw_copy / imf_raw.FUTUREGRID_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    # Shift one pillar and the composite together, so that only the workbook can notice.
    data["metrics"]["readiness"]["FRA"] += 0.01
    data["metrics"]["readinessSubIndices"]["FRA"]["regulationEthics"] += 0.01
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=r"FRA AI_PI is 0.7075\d* in the DataMapper copy but 0.6975\d* in imf_aipidata"):
        tables.aipi_tables(raw_copy)


def test_a_documented_difference_that_disappears_is_reported(raw_copy: Path):
    path = raw_copy / imf_raw.FUTUREGRID_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["metrics"]["readinessSubIndices"]["SOM"]["innovation"] = 0.12
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=r"no longer there"):
        tables.aipi_tables(raw_copy)


def test_sub_indices_that_do_not_add_up_are_an_error():
    frame = pd.DataFrame({"iso3": ["XXX"], "AI_PI": [0.5], "DI": [0.1], "HCLMP": [0.1], "IEI": [0.1], "RE": [0.1]})
    with pytest.raises(DataError, match="do not add up to AI_PI .*XXX"):
        tables.check_additive(frame, "test.json")


def test_an_unknown_area_is_an_error(raw_copy: Path):
    path = raw_copy / imf_raw.FUTUREGRID_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["metrics"]["readiness"]["ZZZ"] = 0.5
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError, match=r"areas \['ZZZ'\] are neither economies"):
        tables.aipi_tables(raw_copy)


def test_text_in_a_workbook_value_column_is_an_error(tmp_path: Path):
    header = list(imf_raw.WORKBOOK_COLUMNS)
    rows = [header, ["France", "FRA", "AE", "n/a", 0.1, 0.1, 0.1, 0.1]]
    path = tmp_path / "aipidata.xlsx"
    pd.DataFrame(rows).to_excel(path, sheet_name="AIPI", header=False, index=False)
    with pytest.raises(DataError, match=r"aipidata.xlsx: column AI_PI has text"):
        imf_raw.read_workbook(path)


def test_source_retrieval_date_is_the_copy_generation_date(raw: Path):
    generated = json.loads((raw / imf_raw.FUTUREGRID_FILE).read_text(encoding="utf-8"))["generatedAt"]
    assert imf_raw.DATAMAPPER_SOURCE.retrieved.startswith(generated[:10])


# --- Claims, charts and exercises -----------------------------------------------------------
def test_c15_verdict_follows_the_data():
    assert ledger.assess("C15").verdict == "accurate"
    real = load("imf_ai_exposure")
    assert claims.c15(real)[0] == "accurate"
    # Were the note's own summary to say 50% for advanced economies, only the secondary
    # figures (the US share, quoted by a third party) would carry the article's 60%.
    changed = real.copy()
    changed.loc[(changed["economy"] == tables.ADVANCED) & (changed["status"] == "primary"), "share_pct"] = 50.0
    assert claims.c15(changed)[0] == "accurate but misleading"
    nowhere = changed.assign(share_pct=changed["share_pct"].where(changed["share_pct"] < 55, 50.0))
    assert claims.c15(nowhere)[0] == "wrong"


def test_c16_names_linkedin_and_depends_on_its_figure():
    c16 = ledger.assess("C16")
    assert c16.verdict == "accurate but misleading"
    assert "LinkedIn" in c16.evidence and "United Kingdom" in c16.evidence
    exposure, skills = load("imf_ai_exposure"), load("imf_linkedin_skills_change")
    assert claims.c16(exposure, skills)[:2] == (c16.verdict, c16.evidence)
    assert claims.c16(exposure, skills.assign(share_pct=65.0))[0] == "not supported by the data"
    # The verdict's words say what kind of error it is: a misattribution.
    assert c16.evidence.startswith("Misattributed: the article credits the IMF")
    # The rule's benchmark: a LinkedIn figure within 2 points of the article's 70% is the article's.
    assert claims.rule_figures() == {"claim_tolerance_pct": 2}
    assert claims.c16(exposure, skills.assign(share_pct=68.0))[0] == "accurate but misleading"
    verdict, evidence, _ = claims.c16(exposure, skills.assign(share_pct=67.9))
    assert verdict == "not supported by the data" and evidence.startswith("No source in the material gives 70%")


def test_exposure_chart_keeps_status_and_the_claims():
    table = load("imf_ai_exposure")
    frame = charts.exposure_chart_frame(table)
    assert set(
        frame.loc[frame["series"].isin([charts.SERIES_HIGH, charts.SERIES_LOW, charts.SERIES_COUNTRY]), "status"]
    ) == {"secondary"}
    assert set(frame.loc[frame["series"] == charts.SERIES_PRIMARY, "status"]) == {"primary"}
    claims = frame.loc[frame["series"] == charts.SERIES_CLAIM].set_index("economy")["share_pct"]
    assert claims.to_dict() == {tables.WORLD: article.CLAIMED_WORLD_PCT, tables.ADVANCED: article.CLAIMED_ADVANCED_PCT}
    # Stacked spans: the low-complementarity bar starts where the high one ends.
    advanced = frame.loc[frame["economy"] == tables.ADVANCED].set_index("series")
    assert advanced.loc[charts.SERIES_LOW, "start"] == advanced.loc[charts.SERIES_HIGH, "end"]
    assert facts.split_adds_up(table) and facts.mirrors_agree(table)
    description = charts.exposure_description(table)
    assert "40% for the world" in description and "United Kingdom 70%" in description


def test_aipi_charts_stay_small_and_describe_themselves():
    table, aggregates = load("imf_aipi"), load("imf_aipi_aggregates")
    labels = facts.group_labels(aggregates)
    assert labels == {"AE": "Advanced economies", "EM": "Emerging market economies", "LIC": "Low-income countries"}
    for chart in (
        charts.aipi_strip_chart(table, aggregates),
        charts.aipi_components_chart(table, aggregates),
        charts.exposure_chart(load("imf_ai_exposure")),
    ):
        assert len(json.dumps(chart.to_dict())) < 50_000
    strip = charts.aipi_strip_description(table, aggregates)
    assert "165 economies" in strip and "Singapore 0.80" in strip and "France 0.70" in strip
    components = charts.components_frame(table, labels)
    assert len(components) == len(facts.SELECTED) * len(imf_raw.COMPONENTS)
    sums = components.groupby("country")["contribution"].sum()
    assert (sums - components.groupby("country")["composite"].first()).abs().max() < 1e-3
    # Between the United States, first of the nine, and Nigeria, last, regulation differs most.
    described = charts.components_description(table)
    assert "Between United States and Nigeria the widest gap is in regulation and ethics" in described


def test_the_facts_make_every_number_and_phrase_the_chapter_glues():
    from aiparadox.paths import ROOT

    exposure, skills = load("imf_ai_exposure"), load("imf_linkedin_skills_change")
    aipi, aggregates = load("imf_aipi"), load("imf_aipi_aggregates")
    made = (
        facts.introduction()
        | facts.exposure_shares(exposure)
        | facts.preparedness(aipi, aggregates)
        | facts.skills_figure(skills)
    )
    page = (ROOT / "chapters" / "imf.md").read_text(encoding="utf-8")
    # The exercises' hints are glued by book.hints, from the exercises' declarations.
    glued = {k for k in re.findall(r"\{glue:(?:text|md)\}`([^`:]+)", page) if not k.startswith("hint-")}
    # The verdicts are glued by book.claim ("claim-C15") and beside it ("c15_verdict").
    made |= claims.rule_figures()
    assert glued - set(made) == {"claim-C15", "claim-C16", "verdict-C15", "verdict-C16"}
    assert (made["aipi_france_rank"], made["aipi_n_AE"], made["aipi_label_LIC"]) == (22, 39, "Low-income countries")
    skills_keys = ("skills_share", "skills_horizon", "skills_pages", "skills_earlier_share")
    assert tuple(made[key] for key in skills_keys) == (70, 2030, 3, 65)
    assert made["exp_advanced_high_of_exposed"] == pytest.approx(27 / 60)
    assert made["split_adds_up"] == "add up exactly to" and made["mirrors_agree"] == "give the same figures"


def test_exercise_answers():
    from aiparadox.answer_key import expected

    table = load("imf_aipi")
    assert expected("imf-pillar-gap") == facts.pillar_gaps(table).index[0] == "RE"
    assert expected("imf-em-overlap") == 6
    assert expected("imf-complementary-share") == pytest.approx(27 / 60)
    # The published group score is not the plain mean of the members' composites; the book does not
    # say how it is made, because the material it read does not.
    published, mean = facts.group_score_and_mean(table, load("imf_aipi_aggregates"), "AE")
    assert published == pytest.approx(0.6830, abs=1e-4) and mean == pytest.approx(0.6993, abs=1e-4)


def test_the_strip_charts_names_do_not_run_into_one_another_on_a_phone():
    """The nine named countries, for each indicator the buttons show: names on one level of one row
    are apart at the narrowest drawing's scale, and none runs past the ends of the axis."""
    table, aggregates = load("imf_aipi"), load("imf_aipi_aggregates")
    frame = charts.aipi_strip_frame(table, facts.group_labels(aggregates))
    names = charts.strip_labels_frame(frame)
    assert set(names["indicator"]) == set(tables.AIPI_INDICATORS)
    for indicator, shown in names.groupby("indicator"):
        assert len(shown) == frame.loc[frame["selected"]].dropna(subset=[indicator]).shape[0]
        axis_max = charts.axis_end(float(frame[indicator].max()))
        assert axis_max >= frame[indicator].max()
        per_pixel = axis_max / charts.NARROW_PLOT_PIXELS
        half = shown["country"].str.len() * charts.LABEL_CHAR_PIXELS / 2 * per_pixel
        assert ((shown["label_x"] - half) >= -1e-9).all() and ((shown["label_x"] + half) <= axis_max + 1e-9).all()
        for _, level in shown.groupby(["group", "label_offset"]):
            spans = sorted(zip(level["label_x"] - half[level.index], level["label_x"] + half[level.index], strict=True))
            overlaps = [(a, b) for a, b in itertools.pairwise(spans) if b[0] < a[1]]
            assert not overlaps, f"{indicator}: names overlap on one level: {level['country'].tolist()}"


def test_axis_end_is_where_a_nice_axis_ends():
    assert charts.axis_end(0.8) == pytest.approx(0.8)
    assert charts.axis_end(0.803) == pytest.approx(1.0)
    assert charts.axis_end(0.217) == pytest.approx(0.25)
