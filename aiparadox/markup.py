"""Text from data, written into a page as text: never as a link, an image, HTML or a role.

A country, company or description comes from a publisher's file. Put into MyST Markdown as it is,
``[China](https://evil.example/x)`` becomes a link, ``![t](https://evil.example/t.png)`` an
image that the reader's browser fetches from that host, and a literal ``<code>`` opens an HTML
element that swallows the rest of the page. CommonMark lets any ASCII punctuation be escaped with a
backslash and then shows it as itself, so every character that can open or close markup in MyST
(emphasis, links, roles, HTML, entities, tables, maths, and what starts a line: headings, lists,
quotes, comments, fences) is escaped; the inert ones (``, ; ? / ' " @``) are left as they are.
"""

from __future__ import annotations

import re

MARKUP_CHARACTERS = frozenset("!#$%&()*+-.:<=>[\\]^_`{|}~")
# An address the page may link to: http(s), with nothing that could end the link's markup.
SAFE_URL = re.compile(r"https?://[^\s<>`\"'\\]+")


def plain_text(value: object) -> str:
    """``value`` as MyST Markdown that shows exactly its text, on one line (a newline would end a
    table row or a paragraph)."""
    text = " ".join(str(value).split())
    return "".join("\\" + c if c in MARKUP_CHARACTERS else c for c in text)


def link_or_text(url: str) -> str:
    """An autolink for a plain http(s) address; anything else is shown as text."""
    return f"<{url}>" if SAFE_URL.fullmatch(url) else plain_text(url)


class Markdown(str):
    """A phrase that the code itself writes as MyST Markdown (a table of steps, a link it builds):
    :func:`aiparadox.book.facts` glues it as it is, where every other string is glued as text."""
