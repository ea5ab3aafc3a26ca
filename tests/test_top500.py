"""TOP500: parsing the list exports and the accelerated shares."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from aiparadox import ledger, load
from aiparadox.datapackage import DataError
from aiparadox.paths import ROOT
from aiparadox.topics.top500 import article, charts, claims, facts, raw, tables


@pytest.fixture(scope="module")
def list_folder(shared_sources: Path) -> Path:
    return shared_sources / "top500" / "raw"


def test_edition_comes_from_the_file_name():
    assert raw.edition_of(Path("TOP500_201106.xls")) == "2011-06"
    with pytest.raises(DataError, match="not a TOP500 list export"):
        raw.edition_of(Path("top500.xlsx"))


def test_accelerator_names_are_cleaned_of_invisible_characters():
    assert raw.clean_accelerator("NVIDIA A100 80GB\u200b") == "NVIDIA A100 80GB"
    assert raw.clean_accelerator("  ") is None
    assert raw.clean_accelerator(float("nan")) is None


def test_header_row_is_found_not_assumed(list_folder: Path, tmp_path: Path):
    # Put two lines of preamble above the header of a real list: the parser must still find it.
    frame = pd.read_excel(list_folder / "TOP500_202511.xlsx", header=None, engine="calamine")
    preamble = pd.DataFrame([["TOP500 list", *[None] * (frame.shape[1] - 1)], [None] * frame.shape[1]])
    shifted = tmp_path / "TOP500_202511.xlsx"
    pd.concat([preamble, frame]).to_excel(shifted, header=False, index=False)
    parsed = raw.systems(shifted)
    assert len(parsed) == 500 and parsed["rank"].iloc[0] == 1


def test_both_excel_formats_and_units(list_folder: Path):
    old, new = raw.systems(list_folder / "TOP500_201611.xls"), raw.systems(list_folder / "TOP500_201706.xls")
    # TaihuLight: 93,014,593.88 GFlop/s in 2016-11 and 93,014.594 TFlop/s in 2017-06 (SOURCE.md).
    assert old.loc[old["rank"] == 1, "rmax_tflops"].iloc[0] == pytest.approx(93014.594, rel=1e-6)
    assert new.loc[new["rank"] == 1, "rmax_tflops"].iloc[0] == pytest.approx(93014.594, rel=1e-6)
    xlsx = raw.systems(list_folder / "TOP500_202006.xlsx")
    assert len(xlsx) == 500


def test_lists_without_accelerator_column_give_missing_not_zero(list_folder: Path):
    table = tables.accelerator_shares(raw.systems(list_folder / "TOP500_201011.xls"))
    assert table["n_accelerated"].isna().all()


def test_accelerator_name_decides_not_cores(list_folder: Path):
    # 2019-11: "Marconi Intel Xeon Phi" has 204,000 accelerator cores but no accelerator name.
    systems = raw.systems(list_folder / "TOP500_201911.xls")
    assert systems["accelerator"].notna().sum() == 145


def test_published_counts_are_reproduced():
    table = load("top500_accelerators").set_index("edition")
    # Counts stated on top500.org highlights pages (SOURCE.md section 5).
    assert table.loc["2018-06", "n_accelerated"] == 110
    assert table.loc["2018-11", "n_accelerated"] == 138
    assert table.loc["2019-11", "n_accelerated"] == 145
    assert table.loc["2020-06", "n_accelerated"] == 146
    assert table.loc["2025-11", "share_accelerated_rmax"] == pytest.approx(0.8678, abs=1e-4)


def test_a_folder_without_lists_is_a_clear_error(tmp_path: Path):
    with pytest.raises(DataError, match="no TOP500 list exports"):
        tables.all_systems(tmp_path)


def test_a_damaged_workbook_is_a_clear_error(list_folder: Path, tmp_path: Path):
    broken = tmp_path / "TOP500_202511.xlsx"
    broken.write_bytes((list_folder / "TOP500_202511.xlsx").read_bytes()[:5000])
    with pytest.raises(DataError, match="TOP500_202511.xlsx: cannot be read"):
        raw.systems(broken)


def test_c08_verdict_follows_the_data():
    assert ledger.assess("C08").verdict == "wrong"
    # Were the whole list really 10% then and 90% now, the same code would call the claim accurate.
    table = load("top500_accelerators").copy()
    table.loc[table["edition"] == article.CLAIM_THEN, "share_accelerated_count"] = 0.11
    table.loc[table["edition"] == article.CLAIM_NOW, "share_accelerated_count"] = 0.89
    verdict, evidence, _ = claims.c08(table, load("top500_tiers"))
    assert verdict == "accurate"
    assert "were 11.0% of the list in 2019-11 and 89.0% in 2025-11" in evidence


def test_c08_follows_the_period_rule_for_the_two_lists_it_compares():
    shares, tiers = load("top500_accelerators"), load("top500_tiers")
    # Without the accelerator counts of one of the two lists, the claim is only partly covered ...
    blank_then = shares.copy()
    blank_then.loc[blank_then["edition"] == article.CLAIM_THEN, "n_accelerated"] = pd.NA
    verdict, evidence, _ = claims.c08(blank_then, tiers)
    assert verdict == "not supported by the data" and "no accelerator counts for the list of 2019-11" in evidence
    # ... and without either, it is not checkable.
    neither = shares.loc[~shares["edition"].isin([article.CLAIM_THEN, article.CLAIM_NOW])]
    assert claims.c08(neither, tiers)[0] == "not checkable"


def test_the_article_s_own_shares_add_up_to_more_than_the_list():
    figures = facts.article_figures()
    assert figures["claimed_now_total"] == pytest.approx(1.05)
    assert claims.rule_figures() == {"claim_tolerance": claims.CLAIM_TOLERANCE, "majority": claims.MAJORITY}


def test_c08_would_be_misleading_if_only_the_top_100_matched():
    tiers = load("top500_tiers").copy()
    top100_then = (tiers["edition"] == article.CLAIM_THEN) & (tiers["top_n"] == 100)
    tiers.loc[top100_then, ["n_accelerated", "share_accelerated_count"]] = [10, 0.10]
    assert claims.c08(load("top500_accelerators"), tiers)[0] == "accurate but misleading"


def test_the_ledger_gives_the_verdicts_the_tables_it_names():
    shares, tiers = load("top500_accelerators"), load("top500_tiers")
    assert ledger.assess("C08").evidence == claims.c08(shares, tiers)[1]
    c09 = claims.c09(load("top500_concentration"), load("top500_segments"), load("top500_companies"))
    assert (ledger.assess("C09").verdict, ledger.assess("C09").evidence) == c09[:2]


def test_c08_evidence_cites_the_top_100_counts():
    # SOURCE.md section 5: 32 of the top 100 accelerated in 2019-11, 88 in 2025-11.
    evidence = ledger.assess("C08").evidence
    assert "32 of them named an accelerator in 2019-11 and 88 in 2025-11" in evidence
    assert "(12 of 100 without, against the claimed 15%) fits" in evidence
    assert "(68 of 100 without, against 90%) does not fit" in evidence


def test_shares_chart_marks_the_claim_and_describes_itself():
    table = load("top500_accelerators")
    spec = charts.shares_chart(table).to_dict()
    values = next(iter(spec["datasets"].values()))
    claimed = [v for v in values if v["measure"] == charts.CLAIM_SERIES]
    assert [v["share"] for v in claimed] == [article.CLAIMED_SHARE_THEN, article.CLAIMED_SHARE_NOW]
    latest = table.iloc[-1]
    description = charts.shares_description(table)
    assert f"{latest['share_accelerated_count']:.0%}" in description
    assert latest["edition"] in description


# --- The tables added for the chapter ---------------------------------------------------------


@pytest.fixture(scope="module")
def every_system(list_folder: Path) -> pd.DataFrame:
    return tables.all_systems(list_folder)


def test_none_written_in_the_list_means_no_accelerator(list_folder: Path):
    # The 2011-06 file writes "None" in 481 accelerator cells (pandas would hide it as missing).
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(list_folder / "TOP500_201106.xls")).get_sheet_by_index(0).to_python()
    column = [str(v).strip() for v in rows[0]].index("Accelerator")
    assert sum(row[column] == "None" for row in rows[1:]) == 481
    assert raw.clean_accelerator("None") is None
    assert raw.systems(list_folder / "TOP500_201106.xls")["accelerator"].notna().sum() == 19


def test_every_raw_accelerator_name_is_mapped_to_a_family(list_folder: Path, every_system: pd.DataFrame):
    names = load("top500_accelerator_names").set_index("accelerator")
    raw_names = set()
    for path in raw.list_files(list_folder):
        frame = raw.read_list(path)
        column = raw.find_column(frame, raw.ACCELERATOR_COLUMNS)
        if column:
            raw_names |= {v for v in frame[column] if isinstance(v, str) and v.strip() not in ("", "None")}
    # SOURCE.md: 102 distinct non-empty names, one of which differs only by a zero-width space.
    assert len(raw_names) == 102
    cleaned = {raw.clean_accelerator(v) for v in raw_names}
    assert cleaned == set(names.index)
    assert names["n_raw_spellings"].sum() == len(raw_names)
    assert set(names["family"]) <= set(tables.FAMILIES) - {tables.FAMILY_NONE}
    for name in cleaned:
        assert tables.accelerator_family(name) == names.loc[name, "family"]


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("NDIVA M2090/Intel Xeon Phi 7120P", "NVIDIA + Intel Xeon Phi"),
        ("Xeon Phi 5120D/Nvidia K40", "NVIDIA + Intel Xeon Phi"),
        ("K20M/Xeon Phi 5110P", "NVIDIA + Intel Xeon Phi"),
        ("Nvidia Titan Black", "NVIDIA"),
        ("NVIDIA GH200 Superchip", "NVIDIA"),
        ("ATI GPU", "AMD (incl. ATI)"),
        ("AMD Instinct MI300A", "AMD (incl. ATI)"),
        ("Intel Xeon Phi 31S1P", "Intel"),
        ("PEZY-SC2 700Mhz", "Other makers"),
        (None, tables.FAMILY_NONE),
    ],
)
def test_family_rules(name, family):
    assert tables.accelerator_family(name) == family


def test_an_unknown_accelerator_name_is_an_error_not_other():
    with pytest.raises(DataError, match=r"TOP500_209911.xlsx: accelerator 'Cerebras WSE-9' matches no rule"):
        tables.accelerator_family("Cerebras WSE-9", where="TOP500_209911.xlsx")


def test_tiers_agree_with_the_whole_list_and_the_published_top100(every_system: pd.DataFrame):
    tiers = tables.tier_shares(every_system)
    whole = tiers.loc[tiers["top_n"] == 500].drop(columns="top_n").reset_index(drop=True)
    pd.testing.assert_frame_equal(whole, tables.accelerator_shares(every_system), check_dtype=False)
    cached = load("top500_tiers").set_index(["edition", "top_n"])
    # SOURCE.md section 5 and 6: top 100, 32 accelerated in 2019-11, 88 in 2025-11, 90 in 2026-06;
    # top 10: 6 in 2019-11, 9 in 2025-11.
    assert cached.loc[("2019-11", 100), "n_accelerated"] == 32
    assert cached.loc[("2025-11", 100), "n_accelerated"] == 88
    assert cached.loc[("2026-06", 100), "n_accelerated"] == 90
    assert cached.loc[("2019-11", 10), "n_accelerated"] == 6
    assert cached.loc[("2025-11", 10), "n_accelerated"] == 9
    assert cached.loc[("2019-11", 100), "share_accelerated_rmax"] == pytest.approx(0.5113, abs=1e-4)
    assert cached.loc[("2010-06", 100), "n_accelerated"] is pd.NA


def test_families_add_up_and_match_the_published_nvidia_count():
    families = load("top500_families")
    totals = families.groupby(["edition", "top_n"])[["n_systems", "share_count", "share_rmax"]].sum()
    assert (totals["n_systems"] == totals.index.get_level_values("top_n")).all()
    assert totals["share_count"].to_numpy() == pytest.approx(1, abs=1e-3)
    assert totals["share_rmax"].to_numpy() == pytest.approx(1, abs=1e-3)
    # SOURCE.md section 5: 70 of the 88 accelerated top-100 systems of 2025-11 are NVIDIA;
    # 219 systems of the whole 2025-11 list name an NVIDIA accelerator, 183 in 2024-11, where one
    # of them pairs it with a Xeon Phi card.
    assert facts.family_at(families, "2025-11", "NVIDIA", top_n=100)["n_systems"] == 70
    assert facts.family_at(families, "2025-11", "NVIDIA")["n_systems"] == 219
    naming_nvidia_2024 = [
        facts.family_at(families, "2024-11", f)["n_systems"] for f in ("NVIDIA", "NVIDIA + Intel Xeon Phi")
    ]
    assert naming_nvidia_2024 == [182, 1]
    assert facts.nvidia_share_of_accelerated(families, "2025-11", 100) == pytest.approx(70 / 88)
    # The lists from 2010 have no accelerator column: no family rows rather than zeros.
    assert families["edition"].min() == "2011-06"


def test_concentration_is_in_one_unit_across_editions():
    table = load("top500_concentration").set_index("edition")
    # SOURCE.md: the sum of Rmax in 2019-11 is 1,646,887 TFlop/s (TOP500 announced 1.65 exaflops).
    assert table.loc["2019-11", "rmax_total_tflops"] == pytest.approx(1_646_887, rel=1e-6)
    # 2016-11 (GFlop/s in the file) must not jump by a factor of 1000 against 2017-06 (TFlop/s).
    assert 0.8 < table.loc["2017-06", "rmax_total_tflops"] / table.loc["2016-11", "rmax_total_tflops"] < 1.5
    assert (table["share_rmax_top1"] <= table["share_rmax_top10"]).all()
    assert (table["share_rmax_top10"] <= table["share_rmax_top100"]).all()


def test_segments_cover_every_system():
    segments = load("top500_segments")
    per_edition = segments.groupby("edition")[["n_systems", "share_rmax"]].sum()
    assert (per_edition["n_systems"] == 500).all()
    assert per_edition["share_rmax"].to_numpy() == pytest.approx(1, abs=1e-3)
    assert set(segments["segment"]) <= set(charts.SEGMENT_ORDER)


def test_companies_are_matched_on_whole_words_of_the_site_and_the_maker(every_system: pd.DataFrame):
    companies = load("top500_companies").set_index(["edition", "company"])
    sites_2025 = every_system.loc[every_system["edition"] == "2025-11", "site"]
    assert companies.loc[("2025-11", "Microsoft"), "n_systems"] == sites_2025.str.startswith("Microsoft").sum()
    assert companies.loc[("2025-11", "xAI"), "n_systems"] == 0
    # Meta is listed only as the site "Facebook"; Amazon at no site of its own, but as the maker of
    # the "Amazon EC2" system of 2025-11 (at Descartes Labs).
    assert companies.loc[("2025-11", "Meta"), "site_names"] == "Facebook"
    assert companies.loc[("2025-11", "Microsoft"), "site_names"] == "Microsoft Azure; Microsoft Research"
    assert companies.loc[("2025-11", "Amazon"), ["n_systems", "n_systems_made"]].to_list() == [0, 1]
    # "Meta" must not match inside another word (e.g. "Metals"), and Facebook counts as Meta.
    frame = pd.DataFrame(
        {
            "edition": "2099-06",
            "rank": [1, 2, 3],
            "rmax_tflops": [3.0, 2.0, 1.0],
            "site": ["Facebook", "Metals Institute", "Amazon Web Services"],
            "manufacturer": ["Self-made", "Metalworks", "Amazon Web Services"],
        }
    )
    found = tables.company_presence(frame).set_index("company")
    assert found.loc["Meta", "n_systems"] == 1 and found.loc["Meta", "n_systems_made"] == 0
    assert found.loc["Amazon", "share_rmax"] == pytest.approx(1 / 6, abs=1e-4)
    assert found.loc["Amazon", "n_systems_made"] == 1 and pd.isna(found.loc["Google", "site_names"])


def test_who_is_listed_is_computed_from_the_tables():
    figures = facts.concentration_and_ownership(
        load("top500_concentration"), load("top500_segments"), load("top500_companies")
    )
    assert figures["companies_listed"] == (
        "Microsoft (as “Microsoft Azure” and “Microsoft Research”), NVIDIA (as “NVIDIA Corporation”) and Meta (as “Facebook”)"
    )
    assert figures["companies_makers_sentence"].startswith("Amazon appears only as the maker of 1 system,")
    assert "Amazon" not in figures["companies_absent"] and "xAI" in figures["companies_absent"]
    # The industry's generic site names are the lists' own, edition by edition.
    sites = facts.industry_site_names(load("top500_industry_sites"))
    assert sites["c09_sites_now"].startswith("“Software Company” (29 systems), “Service Provider T” (27 systems)")
    assert (
        "Internet Company" not in sites["c09_sites_now"]
        and "“Service Provider T” (52 systems)" in sites["c09_sites_then"]
    )
    assert facts.makers_clause(pd.DataFrame(columns=["company", "n_systems_made"])).startswith("No other company")


def test_industry_sites_cover_the_industry_segment():
    sites, segments = load("top500_industry_sites"), load("top500_segments")
    industry = segments.loc[segments["segment"] == "Industry"].set_index("edition")
    per_edition = sites.groupby("edition")[["n_systems", "rmax_tflops"]].sum()
    assert (per_edition["n_systems"] == industry["n_systems"]).all()
    # Each site rounds its sum to a thousandth of a TFlop/s.
    assert per_edition["rmax_tflops"].to_numpy() == pytest.approx(industry["rmax_tflops"].to_numpy(), abs=0.05)


def test_industry_share_is_rounded_once():
    # 3,291,180.33 of 14,993,513.26 TFlop/s is 0.219507: 22.0%, not the 21.9% that the table's
    # four-place share (0.2195) gives when rounded again.
    figures = facts.concentration_and_ownership(
        load("top500_concentration"), load("top500_segments"), load("top500_companies")
    )
    assert figures["c09_industry_share_now"] == pytest.approx(0.219507, abs=1e-6)
    assert "171 systems with 22.0% of the total" in ledger.assess("C09").evidence


def _write_list(path: Path, rows: list[list]) -> Path:
    header = ["Rank", "Site", "Manufacturer", "Segment", "Rmax [TFlop/s]", "Accelerator/Co-Processor"]
    pd.DataFrame([[*row[:2], "Maker", *row[2:]] for row in rows], columns=header).to_excel(path, index=False)
    return path


def test_bad_rows_are_clear_errors(tmp_path: Path):
    good = [1, "Lab", "Research", 10.0, "None"]
    duplicated = _write_list(tmp_path / "TOP500_202511.xlsx", [good, [1, "Lab", "Research", 5.0, "None"]])
    with pytest.raises(DataError, match=r"TOP500_202511.xlsx: rank\(s\) \[1\] appear more than once"):
        raw.systems(duplicated)
    no_segment = _write_list(tmp_path / "TOP500_202506.xlsx", [good, [2, "Lab", None, 5.0, "None"]])
    with pytest.raises(DataError, match=r"TOP500_202506.xlsx: 'Segment' is blank for rank\(s\) \[2\]"):
        raw.systems(no_segment)
    text_rmax = _write_list(tmp_path / "TOP500_202406.xlsx", [good, [2, "Lab", "Research", "n/a", "None"]])
    with pytest.raises(
        DataError, match=r"TOP500_202406.xlsx: 'Rmax \[TFlop/s\]' is not a positive number for rank\(s\) \[2\]"
    ):
        raw.systems(text_rmax)
    old_unit = _write_list(tmp_path / "TOP500_201611.xlsx", [good])
    with pytest.raises(DataError, match="not in the unit expected for 2016-11"):
        raw.systems(old_unit)


def test_an_unknown_accelerator_in_a_list_is_an_error_naming_the_file(tmp_path: Path):
    _write_list(tmp_path / "TOP500_202511.xlsx", [[1, "Lab", "Research", 10.0, "Cerebras WSE-9"]])
    with pytest.raises(DataError, match=r"TOP500_202511.xlsx: accelerator 'Cerebras WSE-9' matches no rule"):
        tables.all_systems(tmp_path)


def test_c09_verdict_is_decided_by_concentration_and_ownership():
    assert ledger.assess("C09").verdict == "not checkable"
    concentration, segments = load("top500_concentration"), load("top500_segments")
    figures = facts.concentration_and_ownership(concentration, segments, load("top500_companies"))
    assert figures["c09_top10_now"] > claims.MAJORITY > figures["c09_industry_share_now"]
    assert claims.c09_verdict(figures | {"c09_industry_share_now": 0.7}) == "accurate but misleading"
    assert claims.c09_verdict(figures | {"c09_top10_now": 0.3}) == "not supported by the data"
    evidence = ledger.assess("C09").evidence
    assert f"{figures['c09_top10_now']:.1%}" in evidence and "xAI" in evidence
    # Were industry to hold most of the list in the claim's edition, the tables would give the other verdict.
    owned = segments.copy()
    industry_now = (owned["edition"] == article.CLAIM_NOW) & (owned["segment"] == "Industry")
    others_now = (owned["edition"] == article.CLAIM_NOW) & (owned["segment"] != "Industry")
    # Industry at 70% of the edition's Rmax: 7 parts of 10.
    owned.loc[industry_now, "rmax_tflops"] = 7 * owned.loc[others_now, "rmax_tflops"].sum() / 3
    assert claims.c09(concentration, owned, load("top500_companies"))[0] == "accurate but misleading"
    # Either side of the 50% threshold, the same code gives the two other verdicts.
    assert claims.c09_verdict(figures | {"c09_industry_share_now": 0.51}) == "accurate but misleading"
    assert claims.c09_verdict(figures | {"c09_top10_now": 0.51, "c09_industry_share_now": 0.49}) == "not checkable"
    assert claims.c09_verdict(figures | {"c09_top10_now": 0.49}) == "not supported by the data"


def test_exercise_answers_come_from_the_tables():
    from aiparadox.answer_key import expected

    assert expected("top500-majority-rmax") == "2022-06"
    tiers = load("top500_tiers")
    top100 = tiers.loc[tiers["top_n"] == 100].dropna(subset=["n_accelerated"])
    before = top100.loc[top100["edition"] < expected("top500-top100-majority"), "n_accelerated"]
    assert (before <= 50).all()
    assert expected("top500-nvidia-top100") == pytest.approx(70 / 88)


@pytest.mark.parametrize(
    ("chart", "table"),
    [
        ("shares_chart", "top500_accelerators"),
        ("tiers_chart", "top500_tiers"),
        ("families_chart", "top500_families"),
        ("concentration_chart", "top500_concentration"),
        ("segments_chart", "top500_segments"),
    ],
)
def test_charts_are_small_and_fill_their_container(chart: str, table: str):
    import json

    spec = getattr(charts, chart)(load(table)).to_dict()
    assert len(json.dumps(spec)) < 50_000
    assert spec["width"] == "container"


def test_tiers_chart_offers_the_measure_selector_and_marks_the_claim():
    spec = charts.tiers_chart(load("top500_tiers")).to_dict()
    params = [p for p in spec["params"] if "bind" in p]
    assert params and params[0]["bind"]["options"] == list(charts.MEASURES.values())
    values = next(iter(spec["datasets"].values()))
    claimed = [v["share"] for v in values if v["series"] == charts.CLAIM_SERIES]
    assert claimed == [article.CLAIMED_SHARE_THEN, article.CLAIMED_SHARE_NOW]
    description = charts.tiers_description(load("top500_tiers"))
    assert "went from 32 to 88 accelerated systems" in description


def scene_items(node: dict, marktype: str) -> list[dict]:
    """The items of a chart's own marks of one type (not its axes' or legend's), from vl-convert's scenegraph.
    A layered chart's marks share one group, so their coordinates compare."""
    found = []
    for child in node.get("items", []):
        if child.get("marktype") == marktype and child.get("role") == "mark":
            found += child.get("items", [])
        elif isinstance(child, dict):
            found += scene_items(child, marktype)
    return found


def text_box(item: dict) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a text mark's item, at Vega's own estimate of a text's width
    (0.8 of the font size a character, which it uses without a canvas) and a line's height."""
    size = item["fontSize"]
    width = 0.8 * size * len(item["text"])
    x, y = item["x"] + item.get("dx", 0), item["y"] + item.get("dy", 0)
    left = x - {"left": 0, "center": width / 2, "right": width}[item.get("align", "center")]
    above = {"top": 0, "middle": size / 2, "bottom": size, "alphabetic": 0.8 * size}
    top = y - above[item.get("baseline", "alphabetic")]
    return left, top, left + width, top + size


def symbol_box(item: dict) -> tuple[float, float, float, float]:
    """A symbol's square: Vega draws a point or a diamond of area ``size`` within sqrt(size) pixels."""
    half = (item.get("size", 64) ** 0.5) / 2
    return item["x"] - half, item["y"] - half, item["x"] + half, item["y"] + half


def overlap(one: tuple[float, float, float, float], other: tuple[float, float, float, float]) -> bool:
    return one[0] < other[2] and other[0] < one[2] and one[1] < other[3] and other[1] < one[3]


@pytest.mark.book
@pytest.mark.parametrize("edition", ["", "fr/"])
def test_the_tiers_chart_s_claim_labels_cover_no_point_or_diamond(chart_specs, edition: str):
    """The "90%" beside the article's diamond lay on the top 10's points (at 90% up to the claim) and
    all but touched the diamond: each claim label clears every point and diamond, at the wide and
    the narrow width, in the chart as each edition draws it (the French "90 %" is longer)."""
    import vl_convert

    from aiparadox import chart_drawing

    spec = chart_specs[f"{edition}chapters/top500#fig-top500-tiers"]
    locale = chart_drawing.locale_options("fr" if edition else "en")
    covered = []
    for width, pixels in chart_drawing.WIDTHS.items():
        scene = vl_convert.vegalite_to_scenegraph(chart_drawing.static_spec(spec, "light", pixels), **locale)
        labels, symbols = scene_items(scene["scenegraph"], "text"), scene_items(scene["scenegraph"], "symbol")
        assert len(labels) == 2 and any(s["shape"] == "diamond" for s in symbols), (width, labels)
        covered += [
            f"{width}: {label['text']!r} covers the {symbol['shape']} at ({symbol['x']:.0f}, {symbol['y']:.0f})"
            for label in labels
            for symbol in symbols
            if overlap(text_box(label), symbol_box(symbol))
        ]
    assert not covered, "\n".join(covered)


def test_fetch_takes_the_lists_a_reader_downloaded(list_folder: Path, tmp_path: Path):
    """TOP500 needs a login: `data fetch --folder top500=DIR` copies the lists, derives, validates."""
    import json

    from aiparadox import fetch
    from aiparadox.paths import DATA_DIR

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("raw", ".staging-*"))
    before = (data / "top500_accelerators.csv").read_bytes()
    fetch.fetch(["top500"], raw_root=tmp_path / "raw", data_dir=data, local_folders={"top500": list_folder})
    assert (data / "top500_accelerators.csv").read_bytes() == before
    assert len(list((tmp_path / "raw" / "top500").glob("TOP500_*.xls*"))) == 33
    assert json.loads((tmp_path / "raw" / "top500" / "manifest.json").read_text())["files"] == []


def test_fetch_without_the_lists_says_how_to_get_them(tmp_path: Path):
    from aiparadox import fetch

    with pytest.raises(
        fetch.FetchError, match=r"top500: no files matching TOP500_\*\.xls\* in .*log in at https://www.top500.org"
    ):
        fetch.fetch(
            ["top500"], raw_root=tmp_path / "raw", data_dir=tmp_path / "data", local_folders={"top500": tmp_path}
        )


def test_every_glued_name_of_the_chapter_is_made_by_exactly_one_facts_function():
    page = (ROOT / "chapters" / "top500.md").read_text(encoding="utf-8")
    # Claims and verdicts are glued by book.claim, hints by book.hints; every other name comes from a facts function.
    glued = re.findall(r"\{glue:(?:text|md)\}`([^`:]+)", page)
    quoted = {k for k in glued if not k.startswith(("claim-", "verdict-", "hint-"))}
    shares, tiers, families = load("top500_accelerators"), load("top500_tiers"), load("top500_families")
    concentration, segments, companies = load("top500_concentration"), load("top500_segments"), load("top500_companies")
    sections = (
        facts.article_figures(),
        facts.whole_list(shares, tiers),
        facts.top_hundred(tiers),
        facts.whose_accelerators(families),
        facts.concentration_and_ownership(concentration, segments, companies),
    )
    sections += (facts.industry_site_names(load("top500_industry_sites")), claims.rule_figures())
    made = [key for section in sections for key in section]
    assert len(made) == len(set(made)), "a glue key is made by two sections"
    assert len(quoted) > 40 and quoted <= set(made), sorted(quoted - set(made))
    assert facts.whole_list(shares, tiers)["share_rmax_now"] == pytest.approx(0.8678, abs=1e-4)
