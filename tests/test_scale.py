"""Scale: unit conversions, the EIA and OWID parsers, the quoted figures, working hours, claims C06 C11-C14 C17."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from aiparadox import answer_key, exercises, ledger, load
from aiparadox.datapackage import DataError, to_csv_bytes
from aiparadox.paths import DATA_DIR, ROOT
from aiparadox.topics.scale import article, charts, claims, facts, hours_figures, raw, tables, working_hours


@pytest.fixture(scope="module")
def extra_raw(shared_sources: Path) -> Path:
    return shared_sources / "extra" / "raw"


def committed_tables() -> dict[str, pd.DataFrame]:
    return {t.name: load(t.name) for t in tables.DATASET.tables}


# --- Units ---------------------------------------------------------------------------------------


def test_hours_in_year_counts_leap_years():
    assert tables.hours_in_year(2023) == 8760
    assert tables.hours_in_year(2024) == 8784
    assert tables.hours_in_year(2000) == 8784  # divisible by 400
    assert tables.hours_in_year(1900) == 8760  # divisible by 100 only


def test_twh_to_average_gw_uses_the_real_hours():
    assert tables.twh_to_average_gw(8.76, 2023) == pytest.approx(1.0)
    assert tables.twh_to_average_gw(8.784, 2024) == pytest.approx(1.0)
    # The same energy is a lower average power in a leap year.
    assert tables.twh_to_average_gw(4391.02, 2024) < tables.twh_to_average_gw(4391.02, 2023)
    assert tables.average_gw_to_twh(tables.twh_to_average_gw(4178.0, 2020), 2020) == pytest.approx(4178.0)


def test_power_units_convert_and_reject_unknown_units():
    assert tables.convert_power(500, "TW", "MW") == pytest.approx(5e8)
    assert tables.convert_power(500, "megawatts", "GW") == pytest.approx(0.5)
    assert tables.to_watts(1, "gigawatt") == 1e9
    with pytest.raises(ValueError, match="unknown power unit 'horsepower'"):
        tables.to_watts(1, "horsepower")


def test_format_power_picks_the_unit():
    assert facts.format_power(5e8) == "500 MW"
    assert facts.format_power(5e14) == "500 TW"
    assert facts.format_power(2.0091e10) == "20.1 GW"
    with pytest.raises(ValueError, match="must be positive"):
        facts.format_power(0)


def test_scientific_notation_for_readers():
    assert facts.scientific(4.534e-10) == "4.53 × 10⁻¹⁰"
    assert facts.scientific(1.1e8, 2) == "1.1 × 10⁸"


# --- EIA ---------------------------------------------------------------------------------------------


def test_mer_table_reads_every_series_and_keeps_not_available_missing(extra_raw: Path):
    mer = raw.read_mer_table(extra_raw / "eia" / "MER_T07_02A.csv")
    assert mer["msn"].nunique() == 13
    # SOURCE.md: 830 cells read "Not Available"; none of them is the total.
    assert mer["value"].isna().sum() == 830
    assert mer.loc[mer["msn"] == "ELETPUS", "value"].notna().all()


def test_eia_annual_totals_are_checked_against_months(extra_raw: Path):
    generation = raw.eia_net_generation_twh(extra_raw / "eia" / "MER_T07_02A.csv").set_index("year")
    assert generation.index.min() == 1949 and generation.index.max() == 2023
    assert generation.loc[2023, "generation_twh"] == pytest.approx(4178.171176)
    assert generation.loc[1990, "generation_twh"] == pytest.approx(3037.827337)
    assert 2024 not in generation.index  # two months only: no annual total, and none is made up


MER_HEADER = '"MSN","YYYYMM","Value","Column_Order","Description","Unit"\n'


def _mer(path: Path, annual: str, months: list[str], msn: str = "ELETPUS") -> Path:
    lines = [MER_HEADER, f'"{msn}","202313","{annual}","13","Total","Million Kilowatthours"\n']
    lines += [
        f'"{msn}","2023{m:02d}","{v}","13","Total","Million Kilowatthours"\n' for m, v in enumerate(months, start=1)
    ]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_an_annual_total_that_is_not_the_sum_of_its_months_is_an_error(tmp_path: Path):
    path = _mer(tmp_path / "MER_T07_02A.csv", "1300", ["100"] * 12)
    with pytest.raises(DataError, match="MER_T07_02A.csv: ELETPUS annual total for 2023"):
        raw.eia_net_generation_twh(path)
    good = _mer(tmp_path / "ok.csv", "1200", ["100"] * 12)
    assert raw.eia_net_generation_twh(good)["generation_twh"].tolist() == [1.2]


def test_a_non_numeric_mer_value_is_an_error(tmp_path: Path):
    path = _mer(tmp_path / "MER_T07_02A.csv", "1200", ["100"] * 11 + ["n/a"])
    with pytest.raises(DataError, match=r"MER_T07_02A.csv: value 'n/a' of ELETPUS 202312 is not a number"):
        raw.read_mer_table(path)


def test_a_file_that_is_not_a_mer_table_is_an_error(tmp_path: Path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DataError, match="other.csv: not an EIA Monthly Energy Review table"):
        raw.read_mer_table(path)


def test_a_missing_total_series_is_an_error(tmp_path: Path):
    path = _mer(tmp_path / "MER_T07_02A.csv", "1200", ["100"] * 12, msn="CLETPUS")
    with pytest.raises(DataError, match="no series ELETPUS"):
        raw.eia_net_generation_twh(path)


# --- OWID energy --------------------------------------------------------------------------------------


def test_owid_excerpt_is_read_with_units_from_the_codebook(extra_raw: Path):
    owid = raw.owid_generation_twh(
        extra_raw / "owid" / "owid-energy-data_USA_1985-2025.csv", extra_raw / "owid" / "owid-energy-codebook.csv"
    )
    assert owid["year"].tolist() == list(range(1985, 2026))
    assert owid.set_index("year").loc[1990, "generation_twh"] == pytest.approx(3232.78)


def test_a_transcribed_row_with_a_missing_field_is_an_error(extra_raw: Path, tmp_path: Path):
    lines = (extra_raw / "owid" / "owid-energy-data_USA_1985-2025.csv").read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].rsplit(",", 1)[0]  # drop the last field of the 1989 row
    broken = tmp_path / "owid-energy-data_USA_1985-2025.csv"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(
        DataError, match="owid-energy-data_USA_1985-2025.csv: line 6 has 129 fields, the header has 130"
    ):
        raw.read_owid_energy(broken, ["electricity_generation"], country="United States")


def test_a_codebook_with_another_unit_is_an_error(extra_raw: Path, tmp_path: Path):
    book = pd.read_csv(extra_raw / "owid" / "owid-energy-codebook.csv", dtype=str, keep_default_na=False)
    book.loc[book["column"] == "electricity_generation", "unit"] = "gigawatt-hours"
    changed = tmp_path / "owid-energy-codebook.csv"
    book.to_csv(changed, index=False)
    with pytest.raises(DataError, match="owid-energy-codebook.csv: electricity_generation is in 'gigawatt-hours'"):
        raw.owid_generation_twh(extra_raw / "owid" / "owid-energy-data_USA_1985-2025.csv", changed)


def test_an_unknown_country_is_an_error(extra_raw: Path):
    with pytest.raises(DataError, match="no rows for 'France'"):
        raw.read_owid_energy(
            extra_raw / "owid" / "owid-energy-data_USA_1985-2025.csv", ["electricity_generation"], country="France"
        )


# --- Quotations ----------------------------------------------------------------------------------------


def test_datacentre_figures_are_read_from_their_quotes(extra_raw: Path):
    dc = tables.datacentre_estimates(extra_raw / "news" / raw.DATACENTRE_FILE).set_index(["report", "year", "bound"])
    lbnl_high = dc.loc[(tables.LBNL_REPORT, 2028, "high")]
    assert lbnl_high["electricity_twh"] == 580 and lbnl_high["share_of_us_electricity"] == pytest.approx(0.12)
    assert lbnl_high["capacity_gw"] == 132
    # 2028 is a leap year: 580 TWh / 8,784 h.
    assert lbnl_high["average_gw"] == pytest.approx(580_000 / 8784, abs=1e-4)
    assert dc.loc[(tables.EPRI_2026, 2030, "high"), "share_of_us_electricity"] == pytest.approx(0.17)
    assert (dc["status"] == "secondary").all()
    assert dc.loc[(tables.EPRI_2024, 2023, "estimate"), "source_url"].startswith("https://jyaljbour.com/")


def test_quote_blocks_stop_at_headings(extra_raw: Path):
    blocks = raw.quote_blocks(extra_raw / "news" / raw.DATACENTRE_FILE)
    assert sorted(blocks) == list("ABCDEFG")
    assert "EPRI" not in blocks["D"].text  # the heading after block D is not part of its quotes
    assert blocks["G"].url.startswith("https://www.globenewswire.com/")


def test_datacentre_figures_for_the_prose():
    f = facts.datacentre_figures(load(tables.DATACENTRES.name))
    assert (f["dc_now_year"], f["dc_now_twh"], f["dc_future_year"]) == (2023, 176, 2028)
    assert (f["dc_future_low_capacity"], f["dc_future_high_capacity"]) == (74, 132)
    assert (f["dc_epri_low_share"], f["dc_epri_high_share"]) == (pytest.approx(0.09), pytest.approx(0.17))


def test_a_quote_that_is_not_in_the_file_is_an_error(extra_raw: Path, tmp_path: Path):
    text = (extra_raw / "news" / raw.DATACENTRE_FILE).read_text(encoding="utf-8")
    changed = tmp_path / raw.DATACENTRE_FILE
    changed.write_text(text.replace("325 to 580 TWh by 2028", "325 to 580 TWh in 2028"), encoding="utf-8")
    with pytest.raises(DataError, match=rf"{raw.DATACENTRE_FILE}: block \[A\] does not contain the expected wording"):
        tables.datacentre_estimates(changed)


def test_announcement_reports_all_say_megawatts(extra_raw: Path):
    path = extra_raw / "news" / raw.ANNOUNCEMENT_FILE
    quotes = tables.announcement_quotes(path)
    site = quotes.loc[quotes["figure"] == tables.FULL_SITE]
    assert len(site) == 6 and (site["power_mw"] == 500).all()
    assert set(quotes.loc[quotes["figure"] == tables.FIRST_PHASE, "power_mw"]) == {50}
    assert set(quotes.loc[quotes["figure"] == tables.ON_STAGE_SLIP, "power_mw"]) == {500_000}
    assert quotes.loc[quotes["report"] == 1, "source_url"].iloc[0].startswith("https://www.hindustantimes.com/")
    # The curator's closing remark mentions terawatts; no quotation does.
    assert "terawatt" in path.read_text(encoding="utf-8")
    assert raw.terawatt_mentions(path) == 0


def test_quote_blocks_need_numbered_blocks(tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_text("just a remark\n", encoding="utf-8")
    with pytest.raises(DataError, match="notes.txt: no numbered quotation blocks"):
        raw.quote_blocks(path)


# --- Working hours ---------------------------------------------------------------------------------------


def test_weekly_hours_are_rounded_back_to_the_source_decimal(extra_raw: Path):
    weekly = working_hours.weekly_hours(extra_raw / "owid" / raw.HM_FILE).set_index(["entity", "year"])
    assert weekly.loc[("United Kingdom", 1870), "hours_per_week_all"] == 56.9  # 56.900002 in the file
    us_2000 = weekly.loc[("United States", 2000)]
    assert pd.isna(us_2000["hours_per_week_all"]) and us_2000["hours_per_week_men"] == 43.3
    assert weekly.loc[("World", 1870), "entity_type"] == "sample average"


def test_a_weekly_value_with_real_extra_decimals_is_an_error(extra_raw: Path, tmp_path: Path):
    text = (extra_raw / "owid" / raw.HM_FILE).read_text(encoding="utf-8")
    changed = tmp_path / raw.HM_FILE
    changed.write_text(text.replace("United States,1870,62,", "United States,1870,62.04,"), encoding="utf-8")
    with pytest.raises(DataError, match=rf"{raw.HM_FILE}: .* = 62.04 has more decimals"):
        working_hours.weekly_hours(changed)


def test_annual_hours_join_two_excerpts_and_label_the_estimate(extra_raw: Path):
    annual = working_hours.annual_hours(
        extra_raw / "owid" / raw.ANNUAL_HOURS_FILE, extra_raw / "owid" / raw.ANNUAL_HOURS_HM_FILE
    )
    assert annual["entity"].nunique() == 14
    us = annual.loc[annual["entity"] == "United States"].set_index("year")
    assert us.loc[1870, "hours_per_year"] == 3096 and us.loc[1870, "series"] == "Huberman and Minns"
    assert us.loc[2017, "series"] == "Penn World Table"
    assert annual.loc[annual["entity"] == "Belgium", "year"].max() == 1938


def test_excerpts_that_disagree_are_an_error(extra_raw: Path, tmp_path: Path):
    text = (extra_raw / "owid" / raw.ANNUAL_HOURS_HM_FILE).read_text(encoding="utf-8")
    changed = tmp_path / raw.ANNUAL_HOURS_HM_FILE
    changed.write_text(text.replace("United States,USA,1870,3096", "United States,USA,1870,3069"), encoding="utf-8")
    with pytest.raises(DataError, match="disagree for United States 1870: 3096 vs 3069"):
        working_hours.annual_hours(extra_raw / "owid" / raw.ANNUAL_HOURS_FILE, changed)


# --- The dataset -----------------------------------------------------------------------------------------


def test_derivation_reproduces_the_committed_tables(extra_raw: Path):
    derived = tables.derive(extra_raw)
    for table in tables.DATASET.tables:
        committed = (DATA_DIR / table.filename).read_bytes()
        assert to_csv_bytes(derived[table.name], table) == committed, table.name


def test_a_raw_folder_without_its_subfolders_is_a_clear_error(tmp_path: Path):
    with pytest.raises(DataError, match="no folder eia/"):
        tables.derive(tmp_path)


def test_generation_table_uses_leap_hours():
    generation = load(tables.GENERATION.name).set_index(["source", "year"])
    owid_2024 = generation.loc[(tables.OWID_SERIES, 2024)]
    assert owid_2024["hours_in_year"] == 8784
    assert owid_2024["average_gw"] == pytest.approx(4391.02 * 1000 / 8784, abs=1e-4)


# --- Claims ----------------------------------------------------------------------------------------------


def test_c14_is_the_right_size_but_not_an_annual_production():
    assessment = ledger.assess("C14")
    assert assessment.verdict == "accurate but misleading"
    assert "60% to 63%" in assessment.evidence
    # Were generation twice as large, 460 GW would simply be wrong.
    doubled = load(tables.GENERATION.name).assign(average_gw=lambda t: t["average_gw"] * 2)
    verdict, _, _ = claims.assess_c14(doubled)
    assert verdict == "wrong"


def test_c14_figures_from_the_table():
    f = facts.c14_figures(load(tables.GENERATION.name))
    assert (f["eia_year"], f["owid_year"]) == (2023, 2024)
    assert f["eia_gw"] == pytest.approx(476.96, abs=0.01)
    assert f["ai_share_eia"] == pytest.approx(300 / 476.9602, rel=1e-6)
    assert f["widest_gap_year"] < 2000 and f["max_gap_share_since_2000"] < 0.02 < f["narrowest_gap_share_before_2000"]
    assert f["first_year_at_claim"] == 2005
    # The widest gap in percent (1988) is not the widest in GW (1999): each is computed on its own.
    assert (f["widest_gap_year"], f["widest_gap_gw_year"]) == (1988, 1999)
    assert f["widest_gap_share"] == pytest.approx(0.0765, abs=1e-4) and f["widest_gap_gw"] == pytest.approx(
        27.5, abs=0.05
    )
    # "Since 2005": the EIA years 2005 to 2023, their mean and range.
    assert f["eia_mean_gw_since"] == pytest.approx(467.2, abs=0.05)
    assert (round(f["eia_min_gw_since"]), round(f["eia_max_gw_since"])) == (451, 483)


def test_c11_is_wrong_by_a_factor_of_a_million():
    assert ledger.assess("C11").verdict == "wrong"
    assert "1,000,000 times" in ledger.assess("C11").evidence
    # Had the reports said terawatts, the same code would call the claim accurate.
    quotes = load(tables.ANNOUNCEMENT.name).copy()
    quotes["power_mw"] = quotes["power_mw"] * 1e6
    verdict, _, _ = claims.assess_c11(quotes)
    assert verdict == "accurate"


def test_c12_arithmetic(monkeypatch):
    f = facts.robot_figures()
    assert f["revenue_per_year"] == 20e12
    assert (f["share_of_demand_low"], f["share_of_demand_high"]) == (0.005, 0.01)
    assert ledger.assess("C12").verdict == "wrong"
    # Figures that fitted together would leave only an untestable forecast.
    monkeypatch.setattr(article, "ROBOT_DEMAND", (5e9, 8e9))
    monkeypatch.setattr(article, "ROBOT_PRICE_USD", 27_000.0)
    assert ledger.assess("C12").verdict == "not checkable"
    steps = facts.robot_steps()
    assert list(steps.columns) == ["Step", "Computation or source", "Result"]


def test_solar_fraction_is_geometry():
    # A sphere of radius 1 at distance 10 intercepts 1/400 of the light.
    assert facts.solar_fraction(1.0, 10.0) == pytest.approx(1 / 400)
    f = facts.solar_figures()
    assert f["fraction"] == pytest.approx(4.534e-10, rel=1e-3)
    assert f["claim_over_fraction"] == pytest.approx(1.1e8, rel=0.01)
    assert ledger.assess("C13").verdict == "wrong"
    with pytest.raises(ValueError, match="the distance must exceed the radius"):
        facts.solar_fraction(10.0, 1.0)


def test_the_period_rule_of_the_ledger():
    # One rule for every claim about a period: no data from it, part of it, or all of it.
    period = ledger.Period("the industrial revolution", 1750, 1914)
    assert ledger.coverage(period, [1950, 2000]) == ledger.NO_COVERAGE
    assert ledger.coverage(period, [1870, 1913, 1929]) == ledger.PART_COVERAGE
    assert ledger.coverage(period, [1740, 1800, 1913, 1929]) == ledger.FULL_COVERAGE
    assert ledger.coverage(period, [1740, 1800, 1913]) == ledger.PART_COVERAGE
    # A claim about two dates is covered only if both are.
    december, january = ledger.Period("December", "2024-12", "2024-12"), ledger.Period("January", "2025-01", "2025-01")
    months = ["2024-11", "2024-12", "2025-02"]
    assert (
        ledger.joint_coverage(ledger.coverage(december, months), ledger.coverage(january, months))
        == ledger.PART_COVERAGE
    )
    assert ledger.joint_coverage(ledger.NO_COVERAGE, ledger.NO_COVERAGE) == ledger.NO_COVERAGE
    assert ledger.joint_coverage(ledger.FULL_COVERAGE, ledger.FULL_COVERAGE) == ledger.FULL_COVERAGE
    assert ledger.period_verdict(ledger.NO_COVERAGE, "wrong") == "not checkable"
    assert ledger.period_verdict(ledger.PART_COVERAGE, "wrong") == "not supported by the data"
    assert ledger.period_verdict(ledger.PART_COVERAGE, "accurate") == "not supported by the data"
    assert ledger.period_verdict(ledger.FULL_COVERAGE, "wrong") == "wrong"
    with pytest.raises(ValueError, match="coverage must be one of"):
        ledger.period_verdict("most", "wrong")


def weekly_from_1750(hours_per_week: float) -> pd.DataFrame:
    """The weekly table with every year of the industrial revolution (1750 to 1914) at one value:
    the 1870 rows copied back to 1750, and the years to 1913 set to the same hours."""
    weekly = load(working_hours.WEEKLY_HOURS.name)
    early = weekly.loc[weekly["year"] == 1870].assign(year=1750)
    extended = pd.concat([early, weekly], ignore_index=True)
    in_period = extended["year"] <= hours_figures.INDUSTRIAL_REVOLUTION_YEARS[1]
    extended.loc[in_period & extended["hours_per_week_all"].notna(), "hours_per_week_all"] = hours_per_week
    return extended


def test_c06_is_judged_on_the_industrial_revolution_the_data_reach():
    assessment = ledger.assess("C06")
    # The data start in 1870, the first year of the second industrial revolution: part of the period.
    period = claims.INDUSTRIAL_REVOLUTION
    assert (period.first, period.last) == (1750, 1914)
    assert assessment.verdict == "not supported by the data"
    assert "only 1870 to 1913" in assessment.evidence and "96 a week" in assessment.evidence
    assert "10.1 hours a day" in assessment.evidence and "10.3" in assessment.evidence
    annual = load(working_hours.ANNUAL_HOURS.name)
    # With data for the whole period, C06's own test decides, on both sides of its 10% tolerance.
    claimed_week = hours_figures.WORKDAYS_PER_WEEK * 16
    assert claims.assess_c06(weekly_from_1750(claimed_week * (1 - 0.09)), annual)[0] == "accurate"
    assert claims.assess_c06(weekly_from_1750(claimed_week * (1 - 0.11)), annual)[0] == "wrong"
    # With no year inside the period, the claim is not checkable.
    later = load(working_hours.WEEKLY_HOURS.name).loc[lambda t: t["year"] > 1914]
    verdict, evidence, _ = claims.assess_c06(later, annual)
    assert verdict == "not checkable" and "No series here has weekly hours between 1750 and 1914" in evidence


def test_c17_halves_are_measured_inside_their_periods_and_within_one_series():
    assessment = ledger.assess("C17")
    assert assessment.verdict == "not supported by the data"
    halves = claims.c17_halves(load(working_hours.WEEKLY_HOURS.name), load(working_hours.ANNUAL_HOURS.name))
    machines, email = halves["machines"], halves["email"]
    # Weekly hours 1870-1913 (Huberman and Minns), annual hours 1990-2017 (Penn World Table only).
    assert (machines["figures"]["first_year"], machines["figures"]["last_year"]) == (1870, 1913)
    assert machines["figures"]["us_change"] == pytest.approx(58.3 / 62.0 - 1)
    assert (email["figures"]["first_year"], email["figures"]["last_year"]) == (1990, 2017)
    assert email["figures"]["us_change"] == pytest.approx(1757.2255 / 1795.5515 - 1)
    # Where the data reach, both halves point the article's way; neither reaches its whole period.
    assert machines["on_data"] == email["on_data"] == "accurate"
    assert machines["covered"] == email["covered"] == ledger.PART_COVERAGE
    assert "1938" in assessment.evidence and "only part of the information age (1990 to 2025)" in assessment.evidence
    # The −43% of 1870-2017 crosses the change of source: it is in no part of the verdict.
    assert "43%" not in assessment.evidence


def test_c17_rule_on_both_sides_of_the_material_fall():
    # A half's own test: hours that fell by no more than 10% in both countries bear the article out.
    assert claims.c17_half_on_the_data(-0.09, -0.05) == "accurate"
    assert claims.c17_half_on_the_data(-0.11, -0.30) == "wrong"
    assert claims.c17_half_on_the_data(-0.11, -0.05) == "not supported by the data"
    assert claims.c17_verdict("accurate", "accurate") == "accurate"
    assert claims.c17_verdict("wrong", "wrong") == "wrong"
    assert claims.c17_verdict("accurate", "wrong") == "not supported by the data"
    # With both periods covered, the data decide: the weekly series from 1750 and the annual one to 2025.
    annual = load(working_hours.ANNUAL_HOURS.name)
    to_2025 = annual.loc[(annual["year"] == 2017) & (annual["series"] == working_hours.PWT_SERIES)].assign(year=2025)
    annual_to_2025 = pd.concat([annual, to_2025], ignore_index=True)
    assert claims.assess_c17(weekly_from_1750(60.0), annual_to_2025)[0] == "accurate"
    steep = annual_to_2025.copy()
    steep.loc[steep["year"] == 2025, "hours_per_year"] = 1000.0
    falling = weekly_from_1750(60.0)
    falling.loc[(falling["year"] == 1750) & falling["hours_per_week_all"].notna(), "hours_per_week_all"] = 90.0
    assert claims.assess_c17(falling, steep)[0] == "wrong"


def test_the_ledger_gives_each_verdict_the_tables_it_names(monkeypatch):
    # The ledger loads the tables named in @assesses, in order: a changed table reaches the verdict.
    annual = load(working_hours.ANNUAL_HOURS.name)
    halved = annual.assign(hours_per_year=annual["hours_per_year"].where(annual["year"] < 2017, 900.0))

    def loader(name, data_dir=None):
        return halved if name == working_hours.ANNUAL_HOURS.name else load(name)

    monkeypatch.setattr("aiparadox.datapackage.load", loader)
    # Halved hours in 2017 contradict the email half where the data reach; it still ends in 2017.
    assessment = ledger.assess("C17")
    assert "by more than 10% in both, against the article" in assessment.evidence
    assert assessment.verdict == "not supported by the data"


# --- Charts and exercises --------------------------------------------------------------------------------


def test_charts_are_small_and_carry_the_claims():
    t = committed_tables()
    gen, dc = t[tables.GENERATION.name], t[tables.DATACENTRES.name]
    specs = {
        "generation": charts.generation_chart(gen, dc).to_dict(),
        "powers": charts.powers_chart(charts.powers_frame(gen, t[tables.ANNOUNCEMENT.name], dc)).to_dict(),
        "weekly": charts.weekly_chart(t[working_hours.WEEKLY_HOURS.name]).to_dict(),
        "annual": charts.annual_chart(t[working_hours.ANNUAL_HOURS.name]).to_dict(),
    }
    for name, spec in specs.items():
        assert len(json.dumps(spec)) < 50_000, name
        assert spec["width"] == "container", name
    values = next(iter(specs["generation"]["datasets"].values()))
    claimed = {v["detail"]: v["average_gw"] for v in values if v["series"] == charts.CLAIM_SERIES}
    assert claimed == {charts.claim_production_label(): 460.0, charts.claim_ai_label(): 300.0}
    weekly_values = next(iter(specs["weekly"]["datasets"].values()))
    assert {v["hours_per_week"] for v in weekly_values if v["entity"] == charts.claim_week_label()} == {96.0}


def test_steps_tables_escape_dollars_for_myst():
    table = facts.steps_markdown(facts.robot_steps())
    assert "\\$20,000" in table
    assert re.search(r"(?<!\\)\$", table) is None


def test_powers_frame_spans_the_factor_of_a_million():
    t = committed_tables()
    frame = charts.powers_frame(t[tables.GENERATION.name], t[tables.ANNOUNCEMENT.name], t[tables.DATACENTRES.name])
    watts = frame.set_index("item")["watts"]
    assert watts[charts.ITEM_CLAIM_SITE] / watts[charts.ITEM_SITE] == pytest.approx(1e6)
    assert frame.loc[frame["item"] == charts.ITEM_CLAIM_SITE, "label"].iloc[0] == "500 TW = 10⁶ × 500 MW"
    assert "1,000,000 times" in charts.powers_description(frame)
    us_2024 = load(tables.GENERATION.name).query("source == @tables.OWID_SERIES and year == 2024")["average_gw"].iloc[0]
    assert facts.claim_over_us_generation(t[tables.GENERATION.name]) == pytest.approx(500e12 / (us_2024 * 1e9))
    # The chart's frame and the prose's number agree.
    us_row = frame.loc[frame["item"].str.startswith(charts.ITEM_US), "watts"].iloc[0]
    assert facts.claim_over_us_generation(t[tables.GENERATION.name]) == watts[charts.ITEM_CLAIM_SITE] / us_row


def test_descriptions_state_the_numbers():
    t = committed_tables()
    gen, dc = t[tables.GENERATION.name], t[tables.DATACENTRES.name]
    text = charts.generation_description(gen, dc)
    assert "477 GW in 2023" in text and "first reached in 2005" in text
    weekly = charts.weekly_description(t[working_hours.WEEKLY_HOURS.name], t[working_hours.ANNUAL_HOURS.name])
    assert "Belgium at 72.2" in weekly and "96 hours" in weekly


def test_exercise_answers_come_from_the_tables():
    assert answer_key.expected("scale-datacentre-share-2024") == pytest.approx(580 / 4391.02)
    assert answer_key.expected("scale-leap-year-2020") == pytest.approx(4009.766846 * 1000 / 8784, rel=1e-6)
    assert answer_key.expected("scale-longest-week-1870") == pytest.approx(72.2 / 6)
    # The 8,760-hour answer is not accepted for a leap year.
    assert not exercises.check("scale-leap-year-2020", 4009.766846 * 1000 / 8760)
    assert math.isclose(answer_key.expected("scale-longest-week-1870"), 12.0333, rel_tol=1e-4)


def test_the_ledger_table_keeps_dollar_amounts_out_of_maths():
    # C12's claim and evidence quote dollar prices; unescaped, MyST would typeset them as maths.
    table = ledger.markdown_table([ledger.assess("C12")])
    assert "\\$20,000" in table
    assert re.search(r"(?<!\\)\$", table) is None


# --- The pages' glue keys -----------------------------------------------------------------------------------


GLUE_REFERENCE = re.compile(r"\{glue:(?:text|md)\}`(?P<key>[\w-]+)")


def chapter_facts() -> dict:
    t = committed_tables()
    generation, datacentres = t[tables.GENERATION.name], t[tables.DATACENTRES.name]
    weekly, annual = t[working_hours.WEEKLY_HOURS.name], t[working_hours.ANNUAL_HOURS.name]
    sections = (
        facts.us_power(generation, datacentres),
        facts.terawatts(t[tables.ANNOUNCEMENT.name], generation),
        facts.robots(),
        facts.sun(),
        facts.sixteen_hours(weekly, annual),
        facts.hours_trend(weekly, annual),
        facts.exercise_questions(),
        claims.rule_figures(),
    )
    merged: dict = {}
    for section in sections:
        assert not set(merged) & set(section), "two sections glue the same key"
        merged |= section
    return merged


def test_every_number_the_chapter_quotes_comes_from_a_facts_function():
    text = (ROOT / "chapters" / "scale.md").read_text(encoding="utf-8")
    quoted = {m["key"] for m in GLUE_REFERENCE.finditer(text)}
    # The verdicts are glued by book.claim from the ledger, and the hints by book.hints from the
    # exercises' declarations, not by a facts function.
    from_the_ledger = {k for k in quoted if k.startswith(("claim-", "verdict-", "hint-"))}
    assert {"c14_eia_gw", "c11_site_factor", "robot_revenue", "hours_first_year", "ex_leap_year"} <= quoted
    assert not (quoted - from_the_ledger) - set(chapter_facts())


def test_facts_keep_their_types_for_the_prose():
    f = chapter_facts()
    # Years and counts are integers (formatted without decimals); phrases are strings, glued as MyST.
    assert isinstance(f["c14_eia_year"], int) and isinstance(f["n_years_near_claim"], int)
    assert isinstance(f["hours_longest_first_entity"], str) and f["hours_longest_first_entity"] == "Belgium"
    assert isinstance(f["robot_steps"], str) and f["robot_steps"].startswith("| Step |")
    assert f["c11_site_factor"] == pytest.approx(1e6)
    assert f["hours_claim_per_week"] == 96.0


def test_the_conclusion_quotes_the_same_figures_as_the_chapter():
    t = committed_tables()
    weekly, annual = t[working_hours.WEEKLY_HOURS.name], t[working_hours.ANNUAL_HOURS.name]
    quoted = facts.conclusion(t[tables.ANNOUNCEMENT.name], weekly, annual)
    trend = facts.hours_trend(weekly, annual)
    terawatts = facts.terawatts(t[tables.ANNOUNCEMENT.name], t[tables.GENERATION.name])
    assert quoted["unit_factor"] == terawatts["c11_site_factor"]
    assert quoted["us_week_fall"] == trend["hours_us_week_fall"]
    assert quoted["us_hours_fall_recent"] == trend["hours_us_fall_email"]
    assert (quoted["hours_first_year"], quoted["hours_week_last_year"], quoted["hours_last_year"]) == (
        "1870",
        "1990",
        "2017",
    )
    assert quoted["solar_factor"] == "110 million"
