"""Shared machinery of the ``numbers`` and ``times`` stages.

Both stages read the lexicon-matching view of the text (:data:`khabar.text.normalise.MATCHING`), so hamza,
alef maqsura, ta marbuta, diacritics and Eastern digits never matter. :func:`khabar.stages.timex.scan.analyse`
tokenises that view once, composes number phrases (:mod:`~khabar.stages.timex.numwords`) and finds the time
expressions (:mod:`~khabar.stages.timex.grammar`); its result is cached per text, so the two stages share one
pass. :mod:`~khabar.stages.timex.resolve` turns a time expression into TIMEX3 values against ``published``.
"""
