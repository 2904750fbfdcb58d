"""The speech lexicon (``data/lexicons/speech.json``) as sets of stem keys."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from khabar.resolve.names import word_key
from khabar.resources import data_path

# "يُذكر أن" opens a background sentence ("it is worth recalling that"), not somebody's statement.
IMPERSONAL = frozenset({word_key("يذكر")})


@dataclass(frozen=True)
class SpeechLexicon:
    verbs: frozenset[str]
    participles: frozenset[str]
    statement_nouns: frozenset[str]
    complementisers: frozenset[str]
    attribution_by_first: dict[str, tuple[tuple[str, ...], ...]]  # first key → phrases (وفقا ل، بحسب، نقلا عن)
    agency_verbs: frozenset[str]
    naming_nouns: frozenset[str]  # ائتلاف "الفتح": the quoted words after them are a name
    place_bodies: frozenset[str]  # مطار أبوظبي: a body named by its place, which speaks for it
    unnamed_sources: frozenset[str]  # وقال مصدر مطلع: an indefinite noun for a speaker the text does not name
    # a cue's key → the preposition that opens its content when no complementiser does (تعهد بـ، حث على), or "" for
    # a direct object (نفى أي علاقة، أدان الهجوم)
    content_prepositions: dict[str, str]
    # verbs that report only a clause after a complementiser or a quotation (أقر بأن، but أقر القانون "passed")
    clause_only: frozenset[str]
    # verbs whose content their preposition or a complementiser opens, never an object (دافع عن)
    preposition_only: frozenset[str]
    # verbs that report a topic (تحدث عن، تطرق إلى), only as a plain verb: no future or pronoun on them
    topic_verbs: frozenset[str]
    # the third person singular forms of the verbs and participles, by gender (قال، يقول، قائلا; قالت، تقول، قائلة)
    masculine: frozenset[str]
    feminine: frozenset[str]

    def gender(self, key: str) -> str | None:
        """The gender of a singular speech verb or participle's subject, "m" or "f"; None for other forms."""
        if key[:1] in ("و", "ف") and key not in self.masculine and key not in self.feminine:
            key = key[1:]
        return "m" if key in self.masculine else "f" if key in self.feminine else None

    @cached_property
    def verb_forms(self) -> frozenset[str]:
        """Keys of the verbs of saying, also with the و or ف the clitic analyser may leave on a verb it finds rare
        with it (وأشار)."""
        return _with_conjunctions(self.verbs)

    @cached_property
    def cue_forms(self) -> frozenset[str]:
        """:attr:`verb_forms` and the participles, likewise: every key that is a speech cue."""
        return _with_conjunctions(self.verbs | self.participles)


def _with_conjunctions(keys: frozenset[str]) -> frozenset[str]:
    return keys | {conjunction + key for key in keys for conjunction in ("و", "ف")}


def _keys(words: list[str]) -> frozenset[str]:
    return frozenset(word_key(w) for w in words) - IMPERSONAL


def _by_first(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        grouped.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in grouped.items()}


@cache
def speech_lexicon() -> SpeechLexicon:
    with data_path("lexicons/speech.json").open(encoding="utf-8") as handle:
        data = json.load(handle)
    return SpeechLexicon(
        verbs=_keys([form for forms in data["verbs"].values() for form in [*forms]] + list(data["verbs"])),
        participles=_keys(data["participles"]),
        statement_nouns=_keys([n for n in data["statement_nouns"] if " " not in n]),
        complementisers=_keys([c for c in data["complementisers"] if " " not in c]),
        attribution_by_first=_by_first(tuple(word_key(w) for w in phrase.split()) for phrase in data["attribution"]),
        agency_verbs=_keys(data["agency_verbs"]),
        naming_nouns=_keys(data["naming_nouns"]),
        place_bodies=_keys(data["place_bodies"]),
        unnamed_sources=_keys(data["unnamed_sources"]),
        content_prepositions={
            word_key(form): word_key(preposition) if preposition else ""
            for word, preposition in data["content_prepositions"].items()
            for form in [word, *data["verbs"].get(word, ())]
        },
        clause_only=_with_conjunctions(_forms(data, "clause_only")),
        preposition_only=_with_conjunctions(_forms(data, "preposition_only")),
        topic_verbs=_forms(data, "topic_verbs"),
        **_genders(data),
    )


def _genders(data: dict) -> dict[str, frozenset[str]]:
    """The masculine and feminine singular forms: the verb and its present with ي, its past with ت and present with
    ت; participles ending in ا and in ة. Forms that are both (a stem ending in ت) are neither."""
    masculine, feminine = set(), set()
    for verb, forms in data["verbs"].items():
        for form in forms:
            if form.endswith(("وا", "ون", "ا")):
                continue  # plural and dual
            if form == verb or form.startswith("ي"):
                masculine.add(form)
            elif form == verb + "ت" or form.startswith("ت"):
                feminine.add(form)
    for participle in data["participles"]:
        if participle.endswith("ة"):
            feminine.add(participle)
        elif participle.endswith("ا"):
            masculine.add(participle)
    masculine_keys, feminine_keys = _keys(sorted(masculine)), _keys(sorted(feminine))
    return {"masculine": masculine_keys - feminine_keys, "feminine": feminine_keys - masculine_keys}


def _forms(data: dict, key: str) -> frozenset[str]:
    """Keys of the verbs listed under ``key`` and of their inflected forms."""
    return _keys([form for word in data[key] for form in [word, *data["verbs"].get(word, ())]])
