"""The static drawings of a chart: SVG made at build time by vl-convert, for light and dark mode and
for two widths, cached by the hash of what they are drawn from.

A page shows these drawings before any script runs (and with none: print, RSS readers, the PDF,
a reader with JavaScript off). The interactive chart that replaces one on demand is drawn from the
same spec, with the same colours of each mode (:func:`interactive_spec` carries them to
``static/aiparadox-charts.js``), into the same box.

This module imports neither Altair nor pandas: the Sphinx extension uses it on every page it writes.
"""

from __future__ import annotations

import copy
import hashlib
import html
import json
import os
import re
from pathlib import Path
from typing import Any

# Bump when the way drawings are made changes in a way the inputs below do not show.
DRAWING_VERSION = 4

# The widths a drawing is made at: the book's text column at a 1280-pixel desktop window and on a
# 390-pixel phone (measured in Chromium with the theme's own CSS). Narrower windows scale the
# drawing down; the interactive chart then fits the same scaled box.
WIDTHS = {"wide": 672, "narrow": 342}
# Below this window width the theme's column is closer to the narrow drawing than to the wide one.
NARROW_MEDIA = "(max-width: 575.98px)"

# Text and rule colours of each mode, after the book theme's own (pydata-sphinx-theme's text-base
# and text-muted; the page background as sphinx-book-theme sets it). The data colours (a
# colour-blind-safe palette) are the chart's own. Every mark must stand out from the background by
# 3:1 (WCAG, non-text contrast): tests/test_charts.py checks each chart's dark drawing. A mark that
# should read as "ink" in both modes takes its colour from the mode, not from a fixed value: a text
# mark from `text`, a rule mark from `rule` (see mode_config).
INK = {
    "light": {"background": "#ffffff", "text": "#222832", "muted": "#48566b", "grid": "#dddddd", "domain": "#888888"},
    "dark": {"background": "#121212", "text": "#ced6dd", "muted": "#9ca4af", "grid": "#3a4350", "domain": "#9ca4af"},
}
MODES = tuple(INK)

# The number and time locale of each edition's charts (d3-format's and d3-time-format's), for the
# drawings (vl-convert) and the interactive chart (vega-embed) alike. English is d3's default and
# is not passed, so the English drawings and their cache keys stay what they were. French is d3's
# fr-FR except the thousands separator: the narrow no-break space the book's French prose uses
# (aiparadox.typography), where d3 has a no-break space.
FORMAT_LOCALES: dict[str, dict[str, Any]] = {
    "fr": {
        "decimal": ",",
        "thousands": "\u202f",
        "grouping": [3],
        "currency": ["", "\u00a0€"],
        "percent": "\u202f%",
    },
}
TIME_FORMAT_LOCALES: dict[str, dict[str, Any]] = {
    "fr": {
        "dateTime": "%A %e %B %Y à %X",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
        "shortDays": ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
        "months": [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        "shortMonths": [
            "janv.",
            "févr.",
            "mars",
            "avr.",
            "mai",
            "juin",
            "juil.",
            "août",
            "sept.",
            "oct.",
            "nov.",
            "déc.",
        ],
    },
}


def locale_options(language: str) -> dict[str, dict[str, Any]]:
    """The locale a chart of ``language`` is drawn in, as vl-convert's and vega-embed's options name
    it; none for English (d3's default)."""
    if language not in FORMAT_LOCALES:
        return {}
    return {"format_locale": FORMAT_LOCALES[language], "time_format_locale": TIME_FORMAT_LOCALES[language]}


def mode_config(mode: str) -> dict[str, Any]:
    """The Vega-Lite config of a mode's text and rules (the chart's own config is applied over it)."""
    ink = INK[mode]
    return {
        "axis": {
            "labelColor": ink["text"],
            "titleColor": ink["text"],
            "gridColor": ink["grid"],
            "domainColor": ink["domain"],
            "tickColor": ink["domain"],
        },
        "legend": {"labelColor": ink["text"], "titleColor": ink["text"]},
        "title": {"color": ink["text"], "subtitleColor": ink["muted"]},
        "header": {"labelColor": ink["text"], "titleColor": ink["text"]},
        "text": {"color": ink["text"]},
        "rule": {"color": ink["muted"]},
    }


def merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` applied on ``base``, recursively for nested objects (what the JavaScript does too)."""
    out = dict(base)
    for key, value in over.items():
        out[key] = merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def without_nan(value: Any) -> Any:
    """Missing values reach a spec as float NaN, which is not JSON: they become null, which Vega-Lite
    reads as missing."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: without_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nan(v) for v in value]
    return value


def canonical_json(value: Any) -> str:
    return json.dumps(without_nan(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def fits_its_box(spec: dict[str, Any]) -> bool:
    """Vega-Lite sizes a single or layered view to a given box ("fit"); not a concatenation or facet."""
    return not any(key in spec for key in ("concat", "hconcat", "vconcat", "facet", "repeat"))


def static_spec(spec: dict[str, Any], mode: str, width: int) -> dict[str, Any]:
    """The spec as drawn at build time: ``width`` pixels wide in all (axes and legend included), in
    the colours and on the background of ``mode``."""
    drawn = copy.deepcopy(spec)
    drawn["config"] = merged(mode_config(mode), drawn.get("config", {}))
    drawn["background"] = INK[mode]["background"]
    if fits_its_box(drawn):
        drawn["width"] = width
        drawn["autosize"] = {"type": "fit-x", "contains": "padding"}
    elif drawn.get("width") == "container":
        drawn["width"] = width
    return drawn


def interactive_spec(spec: dict[str, Any], language: str = "en") -> dict[str, Any]:
    """The spec the page fetches on demand, with the colours of both modes for the script to apply,
    and the edition's number and time locale (the page ships it: nothing is fetched from elsewhere)."""
    out = copy.deepcopy(spec)
    meta = out.setdefault("usermeta", {}).setdefault("aiparadox", {})
    meta["modes"] = {mode: {"config": mode_config(mode), "background": INK[mode]["background"]} for mode in MODES}
    meta["fits"] = fits_its_box(spec)
    locale = locale_options(language)
    if locale:
        meta["formatLocale"] = locale["format_locale"]
        meta["timeFormatLocale"] = locale["time_format_locale"]
    return without_nan(out)


def drawing_key(spec: dict[str, Any], language: str = "en") -> str:
    """What a drawing depends on: the spec, the colours, the widths, the drawing library, and the
    number and time locale (so that a French drawing never stands in for an English one)."""
    import vl_convert

    inputs = {
        "spec": spec,
        "ink": INK,
        "widths": WIDTHS,
        "version": DRAWING_VERSION,
        "vl_convert": vl_convert.__version__,
        "vega_lite": vl_convert.get_vegalite_versions()[-1],
    }
    # Only an edition with its own locale adds it, which leaves every English key as it was.
    if locale_options(language):
        inputs["locale"] = locale_options(language)
    return hashlib.sha256(canonical_json(inputs).encode()).hexdigest()[:16]


SVG_SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"')


def svg_size(svg: str) -> tuple[int, int]:
    match = SVG_SIZE.search(svg)
    if not match:
        raise ValueError("vl-convert returned an SVG without a width and height")
    return round(float(match.group(1))), round(float(match.group(2)))


def with_accessible_text(svg: str, title: str, description: str) -> str:
    """An SVG file that says what it shows when opened on its own (a download, a feed reader): a
    title and a description, and the role of an image."""
    opening = re.match(r"<svg\b[^>]*>", svg)
    if not opening:
        raise ValueError("vl-convert returned something that does not start with <svg>")
    tag = opening.group(0)[:-1] + ' role="img" aria-labelledby="chart-title chart-desc">'
    text = (
        f'<title id="chart-title">{html.escape(title)}</title><desc id="chart-desc">{html.escape(description)}</desc>'
    )
    return tag + text + svg[opening.end() :]


LONG_NUMBER = re.compile(r"-?\d+\.\d{3,}")
TAG = re.compile(r"<[^>]+>")


def compact(svg: str) -> str:
    """Coordinates to a hundredth of a pixel, in the tags only (a label's text is left as it is):
    Vega writes up to 16 decimals, which made the drawings twice as heavy to send and to parse."""

    def rounded(number: re.Match) -> str:
        text = f"{float(number.group(0)):.2f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text

    return TAG.sub(lambda tag: LONG_NUMBER.sub(rounded, tag.group(0)), svg)


# What vl-convert writes for a screen reader reading the SVG inline, one label per mark: an <img>
# exposes only its alt text (the chart's description), so a page never reads them, yet they were
# half of every drawing's bytes and, parsed as a document of its own for each chart, part of what
# held up a phone's first paint. The groups' classes stay: they name the role of each mark.
MARK_ACCESSIBILITY = re.compile(r'\s(?:aria-label|aria-roledescription|aria-hidden|role|pointer-events)="[^"]*"')
# Vega's empty backgrounds and hidden foregrounds of groups and axes: nothing is painted.
EMPTY_PATH = re.compile(r'<path class="(?:background|foreground)"(?: d="(?:M0,0h0v0h0Z)?")?(?: display="none")?/>')
# Marks drawn fully transparent: the hover targets of an interactive chart (a point on every month of
# a line, for its tooltip) and the axis labels Vega hides where they would overlap. Only the element's
# own `opacity` counts: `fill-opacity="0"` can still have a stroke, so it stays.
INVISIBLE_MARK = re.compile(
    r'<(?:path|line|rect|circle)\b[^>]*\sopacity="0(?:\.0+)?"[^>]*/>|<text\b[^>]*\sopacity="0(?:\.0+)?"[^>]*>.*?</text>'
)

# A nearest-point selection's Voronoi cells, a path per point that sets neither fill nor stroke (the
# drawing's root says fill="none"): three-quarters of a monthly line's drawing, for nothing painted.
# The group goes only when all it holds is such paths; the cells stay in the layout's bounds, so the
# drawing keeps the size of the interactive chart that replaces it.
UNPAINTED_VORONOI = re.compile(
    r'<g class="mark-path role-mark [^"]*_voronoi">(?:<path(?![^>]*\s(?:fill|stroke)=)[^>]*/>)*</g>'
)


def lean(svg: str) -> str:
    """The drawing without what an image never shows: the marks' own ARIA, pointer events, empty
    paths, and marks painted fully transparent (each is a node the browser parses and lays out
    before first paint, for nothing)."""
    svg = TAG.sub(lambda tag: MARK_ACCESSIBILITY.sub("", tag.group(0)), svg)
    return UNPAINTED_VORONOI.sub("", INVISIBLE_MARK.sub("", EMPTY_PATH.sub("", svg)))


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + f".{os.getpid()}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def drawings(spec: dict[str, Any], cache_dir: Path, title: str, language: str = "en") -> dict[tuple[str, str], Path]:
    """The SVG files of a chart, by (width name, mode), in the number and time locale of ``language``:
    from the cache when the key is there, otherwise drawn now and cached. A warm rebuild draws
    nothing it drew before."""
    key = drawing_key(spec, language)
    folder = cache_dir / key
    files = {(width, mode): folder / f"{width}-{mode}.svg" for width in WIDTHS for mode in MODES}
    if all(path.exists() for path in files.values()):
        return files
    import vl_convert

    folder.mkdir(parents=True, exist_ok=True)
    description = spec.get("description", "")
    for (width, mode), path in files.items():
        try:
            svg = vl_convert.vegalite_to_svg(
                static_spec(spec, mode, WIDTHS[width]), allowed_base_urls=[], **locale_options(language)
            )
        except ValueError as error:
            reason = " ".join(line.strip() for line in str(error).splitlines()[:2])
            raise ValueError(f"chart {title!r}: vl-convert could not draw it ({reason})") from None
        _write_atomically(path, with_accessible_text(lean(compact(svg)), title, description))
    return files
