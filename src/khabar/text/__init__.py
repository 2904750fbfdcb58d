"""The Arabic text layer: normalisation views, character classes and clitic analysis."""
