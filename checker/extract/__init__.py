"""Rule-driven claim extraction: sentences, entities, keys and claims."""
