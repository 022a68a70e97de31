"""Small HTML building blocks for report.html: escaping, highlighted quotes, evidence links.

Everything that comes from articles or rules passes through :func:`esc` before it
reaches the page; the helpers here are the only places that build markup around it.
"""

from __future__ import annotations

import html
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

# Only these prefixes may become a clickable link: an article's ``url`` is untrusted and
# "javascript:" survives HTML escaping unchanged. A strict prefix test (no trimming) also
# refuses " javascript:" and "java\tscript:", which browsers would clean up and run.
_SAFE_PREFIXES = ("http://", "https://")


def esc(value: object) -> str:
    """``value`` as HTML text, safe inside elements and quoted attributes."""
    text = "" if value is None else str(value)
    # Most values (ids, kinds, dates, most quotes) hold no character to escape, and one
    # search for them is cheaper than the five replacements of ``html.escape``.
    return html.escape(text, quote=True) if _SPECIAL.search(text) else text


_SPECIAL = re.compile("[&<>\"']")


def attrs(**values: object) -> str:
    """Quoted, escaped attributes (``data_kind`` becomes ``data-kind``); None values are left out."""
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{esc(v)}"' for name, v in values.items() if v is not None)


@lru_cache(maxsize=512)
def _standalone(text: str) -> re.Pattern[str]:
    # Cached per surface text: a report repeats the same few surface forms many times.
    left = r"(?<!\w)" if text[:1].isalnum() else ""
    right = r"(?!\w)" if text[-1:].isalnum() else ""
    return re.compile(left + re.escape(text) + right)


def highlight(quote: str, text: str) -> str:
    """The escaped ``quote`` with the claim's surface ``text`` wrapped in ``<mark>``.

    An occurrence that stands alone is preferred, so "15" is marked in "15 documents"
    and not inside "2015"; with no such occurrence the first plain one is used, and a
    quote that does not contain the text at all is shown without a mark.
    """
    if not text:
        return esc(quote)
    found = _standalone(text).search(quote)
    start = found.start() if found else quote.find(text)
    if start < 0:
        return esc(quote)
    end = start + len(text)
    return f"{esc(quote[:start])}<mark>{esc(quote[start:end])}</mark>{esc(quote[end:])}"


def article_href(path: str, line: int | None, out: Path | None) -> str:
    """Link target of an article line, relative to the report's folder (``out``)."""
    target = _article_target(path, out, os.getcwd())
    return f"{target}#L{line}" if line is not None else target


@lru_cache(maxsize=65536)
def _article_target(path: str, out: Path | None, cwd: str) -> str:
    # Cached: every claim of an article links to the same file. A relative path is
    # resolved against ``cwd``, hence part of the key.
    target = path
    if out is not None:
        try:
            target = os.path.relpath(path, out)
        except ValueError:  # another drive on Windows: no relative path exists
            target = path
    return url_quote(target.replace(os.sep, "/"), safe="/")


def evidence_link(article: dict[str, Any], line: int | None, out: Path | None) -> str:
    """An ``<a>`` to the article line, showing ``path:line``."""
    label = f"{article['path']}:{line}" if line is not None else article["path"]
    return f"<a{attrs(href=article_href(article['path'], line, out), class_='loc')}>{esc(label)}</a>"


def external_link(url: str | None) -> str:
    """The article's own URL as a link when it is http(s), as plain text otherwise."""
    if not url:
        return ""
    if url.lower().startswith(_SAFE_PREFIXES):
        return f'<a{attrs(href=url, rel="noopener noreferrer")}>{esc(url)}</a>'
    return f"<code>{esc(url)}</code>"


def plural(count: int, one: str, many: str | None = None) -> str:
    """``"1 claim"`` / ``"3 claims"``."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
