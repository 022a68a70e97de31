"""Shared fixtures: the repository's paths and a writer of small corpora."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "rules"
ARTICLES = REPO / "articles"


@pytest.fixture
def write_article(tmp_path: Path) -> Callable[..., Path]:
    """Write one article file with front matter into ``tmp_path/corpus``."""

    def write(name: str, body: str, source: str | None = "Test Wire", published: str | None = "2026-01-05", **extra: str) -> Path:
        corpus = tmp_path / "corpus"
        corpus.mkdir(exist_ok=True)
        lines = ["---"]
        if source is not None:
            lines.append(f"source: {source}")
        if published is not None:
            lines.append(f"published: {published}")
        lines.extend(f"{k}: {v}" for k, v in extra.items())
        lines.append("---")
        path = corpus / name
        path.write_text("\n".join(lines) + "\n" + body, encoding="utf-8")
        return path

    return write
