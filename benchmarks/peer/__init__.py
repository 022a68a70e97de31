"""Per-suite adapters that run checker's value parsers on a peer project's test specs."""
