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
    rows = [
        {
            **{k: c[k] for k in ("id", "article", "line", "type", "rule", "pattern", "key", "note", "text", "hedge", "as_of", "quote")},
            "source": sources.get(c["article"], ""),
            "value": c["value"]["display"],
            "value_kind": c["value"]["kind"],
        }
        for c in data["claims"]
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def render(data: dict[str, Any], *, out: Path | None = None) -> str:
    """CSV text with a header row; Unix line endings, so it is byte-stable."""
    return claims_frame(data).to_csv(index=False, lineterminator="\n")
