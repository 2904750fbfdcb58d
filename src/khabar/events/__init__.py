"""What happened: PLOVER event coding (types, modes, participants, modality, date, place, evidence)."""
