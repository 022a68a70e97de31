"""The vocabularies shipped with the package (YAML) and the rule schema."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

# These files are the package's own, so libyaml's loader (several times faster, when
# PyYAML has it) is safe for them; user files go through the guarded loaders.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def shipped_yaml(name: str) -> Any:
    """The data of ``checker/data/<name>``."""
    return yaml.load(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"), Loader=_LOADER)
