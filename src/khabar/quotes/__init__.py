"""Who said what: statements, their cues and speakers, and the sources a story cites."""
