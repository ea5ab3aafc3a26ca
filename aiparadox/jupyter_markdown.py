"""MyST Markdown as Jupyter, Colab and VS Code show it: plain Markdown, numbers written in.

The pages are written in MyST: ``{glue:text}`share:.1%``` stands for a number the page computes,
``{ref}`radiology-jobs``` for a link whose text Sphinx fills in, a ``{glue:figure}`` fence for a
numbered figure. A notebook's Markdown cells are not built by Sphinx, so :func:`convert` does what
the build does: glued values are written in (formatted as the role says), cross-references and
citations become links to the online book, a figure's fence becomes its number, caption and
source line, and the exercise fences become headings. A role or directive it does not know is an
error, not something left for the reader to decode.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from .i18n import language
from .pages import Site, Target, site
from .typography import format_number

ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<body>[^`]*)`")
CODE_SPAN = re.compile(r"(?P<ticks>`+)(?!\{)[^`]*?(?P=ticks)")
ATTRIBUTE_SPAN = re.compile(r"\[(?P<text>[^\]]*)\]\{(?P<attrs>[.#][^}]*)\}")
TARGET = re.compile(r"^\([\w.-]+\)=\s*$")
FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\s*(?:\{(?P<directive>[\w:-]+)\})?\s*(?P<arg>.*)$")
FOOTNOTE_REF = re.compile(r"\[\^(?P<name>[\w-]+)\](?!:)")
FOOTNOTE_DEF = re.compile(r"^\[\^(?P<name>[\w-]+)\]:\s*")
# Where a student copy's text would state an exercise's answer (the page may: its solutions are there).
WITHHELD = "▢ *(an exercise's answer)*"
# What no Markdown cell of a notebook may keep (the tests look for the same).
LEFTOVER = re.compile(r"\{[\w:-]+\}`|^\s*(`{3,}|:{3,})\s*\{|^\([\w.-]+\)=\s*$", re.M)


@dataclass(frozen=True)
class Figure:
    """A glued chart as the prose needs it: its name, and the source and note printed under it."""

    name: str
    source: str
    note: str | None = None


@dataclass
class Page:
    """What converting one page's cells needs: where the page is, its glued values, and the state
    that runs across cells (footnote numbers)."""

    docname: str
    glued: Mapping[str, Any] = field(default_factory=dict)
    commit: str | None = None
    footnotes: dict[str, int] = field(default_factory=dict)
    links: Site | None = None
    # Answers a student copy must not give away: a glued value written as one of them is withheld.
    withheld: frozenset[str] = frozenset()

    @property
    def site(self) -> Site:
        if self.links is None:
            self.links = site()
        return self.links

    def value(self, name: str) -> Any:
        if name not in self.glued:
            raise KeyError(f"{self.docname}: nothing is glued as {name!r}")
        return self.glued[name]

    def doc(self, docname: str) -> Target:
        """A page of this edition, or of the English book when this edition has not translated it
        (the French pages link to the English chapters)."""
        return self.site.pages.get(docname) or site().page(docname)

    def label(self, name: str) -> Target:
        return self.site.labels.get(name) or site().label(name)

    def footnote(self, name: str) -> int:
        return self.footnotes.setdefault(name, len(self.footnotes) + 1)


def convert(text: str, page: Page) -> str:
    """A Markdown cell's MyST source as plain Markdown (see the module's docstring)."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence and fence["directive"]:
            end = _closing(lines, i, fence["fence"])
            out.append(_directive(fence["directive"], fence["arg"].strip(), lines[i + 1 : end], page))
            i = end + 1
            continue
        if fence:  # plain code: kept as it is, up to its closing fence
            end = _closing(lines, i, fence["fence"])
            out.extend(lines[i : end + 1])
            i = end + 1
            continue
        if TARGET.match(line) or line.startswith("% "):
            i += 1
            continue
        if match := FOOTNOTE_DEF.match(line):
            line = f"<sup>{page.footnote(match['name'])}</sup> " + line[match.end() :]
        out.append(line)
        i += 1
    return _inline("\n".join(out), page).strip("\n")


def _closing(lines: list[str], start: int, fence: str) -> int:
    for j in range(start + 1, len(lines)):
        if lines[j].strip() == fence:
            return j
    raise ValueError(f"unclosed {fence} fence: {lines[start]!r}")


def _split_options(body: list[str]) -> tuple[dict[str, str], list[str]]:
    options = {}
    while body and (match := re.match(r"^:([\w-]+):\s*(.*)$", body[0])):
        options[match[1]] = match[2].strip()
        body = body[1:]
    return options, body


def _directive(name: str, argument: str, body: list[str], page: Page) -> str:
    options, content = _split_options(body)
    text = "\n".join(content).strip()
    if name == "glue:figure":
        figure = page.value(argument)
        label = options.get("name", argument)
        number = page.site.label(label).number if label in page.site.labels else None
        lines = [f"**{number}.** {text}" if number else text]
        if isinstance(figure, Figure):
            lines.append(f"*Source: {figure.source.rstrip('.')}.*")
            if figure.note:
                lines.append(f"*{figure.note}*")
        return "\n\n".join(lines)
    if name in ("glue:md", "glue"):
        return convert(_as_markdown(page.value(argument)), page)
    if name == "exercise-start":
        label = options.get("label", "")
        number = page.site.labels[label].number if label in page.site.labels else "Exercise"
        return f"**{number}** (`{label}`)"
    if name in ("exercise-end", "solution-end"):
        return ""
    if name == "solution-start":
        return "**Solution**"
    if name == "list-table":
        return _list_table(content)
    if name == "container":
        # A styling wrapper (its class names CSS only, e.g. the ledger's cards on a phone): the
        # notebook shows its content as it is.
        return convert(text, page)
    if name == "admonition":
        # A hint behind a toggle in the book stays behind one in the notebook: HTML's <details>,
        # which Jupyter renders folded, with the Markdown inside it converted like any other.
        body_text = convert(text, page)
        if "dropdown" in options.get("class", "").split():
            return f"<details>\n<summary>{argument}</summary>\n\n{body_text}\n\n</details>"
        return f"**{argument}.** {body_text}"
    if name == "bibliography":
        return f"[The book's references]({page.doc('chapters/references').url})"
    raise ValueError(
        f"{page.docname}: the directive {{{name}}} has no plain Markdown form yet (aiparadox/jupyter_markdown.py)"
    )


def _list_table(content: list[str]) -> str:
    """A MyST list-table ("* - a" rows of "  - b" cells) as a pipe table."""
    rows: list[list[str]] = []
    for line in content:
        if line.startswith("* - "):
            rows.append([line[4:].strip()])
        elif line.strip().startswith("- ") and rows:
            rows[-1].append(line.strip()[2:].strip())
        elif line.strip() and rows:
            rows[-1][-1] += " " + line.strip()
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    header = "| " + " | ".join([""] * width) + " |"
    rule = "|" + "---|" * width
    body = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    return "\n".join([header, rule, *body])


def _as_markdown(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a Markdown phrase, got {type(value).__name__}")


def _inline(text: str, page: Page) -> str:
    """Roles, attribute spans, footnote references and dollar signs, outside code spans."""
    pieces, position = [], 0
    for match in re.finditer(f"{ROLE.pattern}|{CODE_SPAN.pattern}", text):
        pieces.append(_prose(text[position : match.start()], page))
        pieces.append(_role(match["role"], match["body"], page) if match["role"] else match[0])
        position = match.end()
    pieces.append(_prose(text[position:], page))
    return "".join(pieces)


def _prose(text: str, page: Page) -> str:
    text = ATTRIBUTE_SPAN.sub(lambda m: m["text"], text)
    text = FOOTNOTE_REF.sub(lambda m: f"<sup>{page.footnote(m['name'])}</sup>", text)
    # Jupyter typesets $...$ as mathematics: a price is text.
    return re.sub(r"(?<!\\)\$", r"\\$", text)


def _explicit(body: str) -> tuple[str | None, str]:
    """``text <target>`` or ``target``."""
    match = re.fullmatch(r"\s*(?P<text>.*?)\s*<(?P<target>[^<>]+)>\s*", body, re.S)
    return (match["text"], match["target"]) if match else (None, body.strip())


def _role(role: str, body: str, page: Page) -> str:
    if role in ("glue:text", "glue", "glue:any"):
        name, _, spec = body.partition(":")
        value = page.value(name.strip())
        # As the book prints it, in the edition's typography (aiparadox.typography).
        written = format_number(repr(value) if isinstance(value, str) else str(value), spec, language())
        return WITHHELD if written in page.withheld else _prose(written, page)
    if role == "glue:md":
        name = body.rsplit(":", 1)[0] if body.endswith((":myst", ":commonmark", ":gfm")) else body
        value = _as_markdown(page.value(name.strip()))
        # Text from data comes backslash-escaped (aiparadox.markup.plain_text: "2025\-11").
        if re.sub(r"\\(.)", r"\1", value).strip().strip("`") in page.withheld:
            return WITHHELD
        for answer in page.withheld:  # an answer inside a computed sentence (a verdict's evidence)
            escaped = "".join(r"\\?" + re.escape(c) for c in answer)
            value = re.sub(rf"(?<![\w\\-]){escaped}(?![\w-])", "▢", value)
        return convert(value, page)
    if role == "ref":
        text, label = _explicit(body)
        target = page.label(label)
        return f"[{_link_text(text or target.title)}]({target.url})"
    if role == "numref":
        text, label = _explicit(body)
        target = page.label(label)
        number = target.number or target.title
        shown = text.replace("%s", number.split()[-1]).replace("{number}", number.split()[-1]) if text else number
        return f"[{_link_text(shown)}]({target.url})"
    if role == "doc":
        text, path = _explicit(body)
        docname = _resolve(page.docname, path)
        target = page.doc(docname)
        return f"[{_link_text(text or target.title)}]({target.url})"
    if role in ("cite", "cite:p", "cite:t", "cite:ps", "cite:ts"):
        references = page.doc("chapters/references").url
        keys = [k.strip() for k in body.split(",")]
        missing = [k for k in keys if k not in page.site.references]
        if missing:
            raise KeyError(f"{page.docname}: no entry {missing} in references.bib")
        return "; ".join(f"[{_link_text(page.site.references[k])}]({references})" for k in keys)
    if role == "download":
        from .paths import BRANCH, REPOSITORY

        text, path = _explicit(body)
        file = _resolve(page.docname, path, keep_suffix=True)
        return f"[{_link_text(text or file)}]({REPOSITORY}/blob/{page.commit or BRANCH}/{file})"
    raise ValueError(
        f"{page.docname}: the role {{{role}}} has no plain Markdown form yet (aiparadox/jupyter_markdown.py)"
    )


def _link_text(text: str) -> str:
    return re.sub(r"(?<!\\)\$", r"\\$", text.replace("[", "\\[").replace("]", "\\]"))


def _resolve(docname: str, path: str, keep_suffix: bool = False) -> str:
    """A document path as Sphinx reads it: relative to the current page, or from the root with '/'."""
    path = path.strip()
    if not keep_suffix:
        path = re.sub(r"\.(md|ipynb)$", "", path)
    base = PurePosixPath() if path.startswith("/") else PurePosixPath(docname).parent
    parts: list[str] = []
    for part in (base / path.lstrip("/")).parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def leftovers(text: str) -> list[str]:
    """The MyST roles, directives and targets left in a Markdown text (what a test refuses)."""
    return [m[0] for m in LEFTOVER.finditer(text)]
