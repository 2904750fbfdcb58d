"""Scoring khabar's stages against gold files (``khabar eval …``)."""
