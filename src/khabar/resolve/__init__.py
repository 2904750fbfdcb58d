"""Entity resolution: mentions to entities inside an article and across a corpus, with roles and codes."""
