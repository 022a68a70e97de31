"""The claims × sources matrix of report.html: which source agrees, contradicts or is silent.

Rows are the (claim type, key) pairs that have findings, in the order of the findings
(so contradicted keys come first); columns are the sources of the articles. A cell is
about the articles a source published: a wire copy or an attributed quote still shows
under the outlet that printed it, because that is the article a reader will open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from checker.report.html_parts import attrs, esc

# A source in several findings of one row shows its worst state: a conflict must never
# hide behind an agreement on the same key.
STATE_OF_KIND = {"contradiction": "contradicts", "single_source": "single source", "agreement": "agrees"}
STATE_ORDER = ("contradicts", "single source", "agrees", "silent")
SILENT = "silent"
# The symbol repeats the state in text so the table reads without colour.
_SYMBOL = {"contradicts": "✗", "single source": "①", "agrees": "✓", "silent": "–"}
_CSS_CLASS = {"contradicts": "s-contradicts", "single source": "s-single", "agrees": "s-agrees", "silent": "s-silent"}


@dataclass(frozen=True)
class Cell:
    """One source's standing on one row, with the values its articles gave."""

    state: str
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    """One (claim type, key) pair that has findings."""

    row_id: str
    type: str
    key: str
    anchor: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Matrix:
    """Rows and source columns of the matrix."""

    sources: tuple[str, ...]
    rows: tuple[Row, ...]


def row_ids(findings: Sequence[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """A stable id per (type, key), numbered in order of first appearance."""
    ids: dict[tuple[str, str], str] = {}
    for finding in findings:
        ids.setdefault((finding["type"], finding["key"]), f"r{len(ids)}")
    return ids


def build_matrix(data: dict[str, Any]) -> Matrix:
    """The matrix of a findings document."""
    source_of = {a["id"]: a["source"] for a in data["articles"]}
    sources = tuple(sorted(set(source_of.values()), key=lambda s: (s.casefold(), s)))
    ids = row_ids(data["findings"])
    states: dict[str, dict[str, str]] = {rid: {} for rid in ids.values()}
    values: dict[str, dict[str, list[str]]] = {rid: {} for rid in ids.values()}
    anchors: dict[str, str] = {}
    for finding in data["findings"]:
        rid = ids[(finding["type"], finding["key"])]
        anchors.setdefault(rid, finding["id"])
        state = STATE_OF_KIND.get(finding["kind"])
        if state is None:
            continue
        for group in finding["groups"]:
            for source in sorted({source_of[a] for a in group["articles"] if a in source_of}):
                current = states[rid].get(source, SILENT)
                if STATE_ORDER.index(state) < STATE_ORDER.index(current):
                    states[rid][source] = state
                seen = values[rid].setdefault(source, [])
                if group["value"] not in seen:
                    seen.append(group["value"])
    rows = tuple(
        Row(
            row_id=rid,
            type=claim_type,
            key=key,
            anchor=anchors[rid],
            cells=tuple(Cell(states[rid].get(s, SILENT), tuple(values[rid].get(s, ()))) for s in sources),
        )
        for (claim_type, key), rid in ids.items()
    )
    return Matrix(sources, rows)


def render_matrix(matrix: Matrix) -> str:
    """The matrix section: legend and table."""
    legend = (
        '<p class="legend">One row per claim type and key, one column per source: '
        + " · ".join(f'<span class="{_CSS_CLASS[s]} chip">{_SYMBOL[s]} {s}</span>' for s in STATE_ORDER)
        + " (silent: the source says nothing on that key).</p>"
    )
    if not matrix.rows:
        return legend + '<p class="none">No findings, so nothing to compare.</p>'
    head = "".join(f'<th scope="col" class="src">{esc(s)}</th>' for s in matrix.sources)
    body = "".join(_row(row) for row in matrix.rows)
    return (
        f'{legend}<div class="scroll"><table class="matrix" id="matrix">'
        f'<thead><tr><th scope="col">claim type</th><th scope="col">key</th>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _row(row: Row) -> str:
    cells = "".join(_cell(cell) for cell in row.cells)
    label = f'<a href="#f-{esc(row.anchor)}">{esc(row.type)}</a>'
    return f'<tr{attrs(data_row=row.row_id, data_type=row.type)}><th scope="row">{label}</th><td class="key">{esc(row.key)}</td>{cells}</tr>'


def _cell(cell: Cell) -> str:
    shown = "".join(f'<span class="val">{esc(v)}</span>' for v in cell.values)
    return (
        f'<td{attrs(class_="cell " + _CSS_CLASS[cell.state], data_state=cell.state)}>'
        f'<span class="state">{_SYMBOL[cell.state]} {cell.state}</span>{shown}</td>'
    )
