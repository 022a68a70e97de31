"""GitHub Actions annotations: one workflow command per claim behind each finding.

Printed on stdout (there is no file), where the runner turns each line into an
annotation on the article line in the pull request. Errors come first: the runner
shows only a limited number of annotations per step, and contradictions matter most.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FILENAME: str | None = None
_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
_ORDER = {"error": 0, "warning": 1, "info": 2}


def render(data: dict[str, Any], *, out: Path | None = None) -> str:
    """The workflow commands for a findings document, one per line ('' when there are none)."""
    claims = {c["id"]: c for c in data["claims"]}
    articles = {a["id"]: a for a in data["articles"]}
    findings = sorted(data["findings"], key=lambda f: _ORDER.get(f["severity"], 1))
    lines = []
    for finding in findings:
        command = _COMMANDS.get(finding["severity"], "warning")
        title = f"{finding['kind'].replace('_', ' ')}: {finding['type']} ({finding['key']})"
        for group in finding["groups"]:
            for claim_id in group["claims"]:
                claim = claims.get(claim_id)
                article = articles.get(claim["article"]) if claim else None
                if claim is None or article is None:
                    continue
                message = f"{finding['message']}\n{_here(article['source'], claim['text'], group['value'])}"
                lines.append(workflow_command(command, {"file": article["path"], "line": str(claim["line"]), "title": title}, message))
    return "".join(line + "\n" for line in lines)


def _here(source: str, text: str, value: str) -> str:
    # The surface text is what the annotated line shows; the normalized value is what
    # was compared, and it is worth stating only when the two differ.
    reading = "" if text == value else f", read as {value}"
    return f"Here ({source}): “{text}”{reading}"


def workflow_command(command: str, properties: dict[str, str], message: str) -> str:
    """``::command k=v,...::message`` with GitHub's escaping of properties and message."""
    props = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
    return f"::{command} {props}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a command's message: '%' first, so the escapes it adds are not escaped again."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus the ':' and ',' that delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
