"""claims.csv: every extracted claim, one row each, for spreadsheets and pandas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

FILENAME = "claims.csv"
COLUMNS = [
    "id", "article", "source", "line", "type", "rule", "pattern", "key", "note",
    "text", "hedge", "value", "value_kind", "as_of", "quote",
]


def claims_frame(data: dict[str, Any]) -> pd.DataFrame:
    """The claims of a findings document as a table (also used by ``checker claims``)."""
    sources = {a["id"]: a["source"] for a in data["articles"]}
    claims = data["claims"]
    # Column by column: pandas builds a frame from lists twice as fast as from rows.
    columns = {k: [c[k] for c in claims] for k in _COPIED}
    columns["source"] = [sources.get(c["article"], "") for c in claims]
    columns["value"] = [c["value"]["display"] for c in claims]
    columns["value_kind"] = [c["value"]["kind"] for c in claims]
    return pd.DataFrame(columns, columns=COLUMNS)


_COPIED = ("id", "article", "line", "type", "rule", "pattern", "key", "note", "text", "hedge", "as_of", "quote")


def render(data: dict[str, Any], *, out: Path | None = None) -> str:
    """CSV text with a header row; Unix line endings, so it is byte-stable."""
    return claims_frame(data).to_csv(index=False, lineterminator="\n")
