"""The built-in knowledge base: countries, major organisations and people, offices, state institutions.

Everything is read from hand-written data files in ``data/lexicons`` (each with its source and licence in
``data/MANIFEST.json``) and indexed by :func:`~khabar.resolve.names.phrase_key` so that any spelling of hamza,
ى/ي, ة/ه and the article finds the entry. Persons are also indexed by the skeleton of their names, for
transliteration variants (ستولتنبرغ / ستولتنبيرغ).
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import cache

from khabar.resolve.names import phrase_key, phrase_skeleton, word_key
from khabar.resources import data_path


@dataclass(frozen=True, slots=True)
class Actor:
    """A known country, organisation or person."""

    id: str
    type: str
    name: str
    name_latn: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Office:
    """A title, rank or institution: its Arabic form as listed, English form and sector."""

    ar: str
    en: str
    sector: str | None


def _load(name: str) -> dict:
    with data_path(f"lexicons/{name}").open(encoding="utf-8") as handle:
        return json.load(handle)


def _lengths_by_first_word(keys: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """First word of each phrase key → the lengths in words of the phrases it starts, longest first: a lookup at a
    token tries only those (most tokens start none)."""
    lengths: dict[str, set[int]] = {}
    for key in keys:
        if key:
            words = key.split()
            lengths.setdefault(words[0], set()).add(len(words))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


def _listed_actor(prefix: str, type_: str, entry: dict) -> Actor:
    """The actor of a lexicon entry (id, names, name_latn, country, sector)."""
    identifier = f"{prefix}:{entry['id']}"
    return Actor(identifier, type_, entry["names"][0], entry["name_latn"], entry.get("country"), entry.get("sector"))


class KnowledgeBase:
    """Lookups by name key; built once per process (:func:`knowledge_base`)."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self._by_key: dict[str, list[str]] = {}
        self._ambiguous_by_key: dict[str, list[str]] = {}
        self._person_skeletons: dict[tuple[str, str], list[str]] = {}
        self._demonyms: dict[str, str] = {}
        self._demonym_phrases: dict[tuple[str, str], str] = {}  # two words for one state (الكوري الجنوبي)
        self._capitals: dict[str, str] = {}  # a capital's phrase key → its country's code
        self._capital_names: dict[str, str] = {}  # a country's code → its capital's name
        self._names: dict[str, list[str]] = {}
        self._load_countries()
        self._demonym_phrase_firsts = frozenset(first for first, _ in self._demonym_phrases)
        self._load_geography()
        self._load_cities()
        self._load_organisations()
        self._load_people()
        self.titles = self._offices(_load("titles.json")["titles"])
        self.ranks = self._offices(_load("titles.json").get("ranks", []))
        institutions = _load("institutions.json")
        self.institutions = self._one_form_per_institution(self._offices(institutions["institutions"]))
        # head noun key → sector it suggests (None: any), for organisations described rather than named
        self.organisation_heads = {word_key(h["ar"]): h.get("sector") for h in institutions["organisation_heads"]}
        # the heads that alone, with the article, stand for the organisation named with them (الشركة, not المركز)
        self.anaphoric_heads = frozenset(
            word_key(h["ar"]) for h in institutions["organisation_heads"] if h.get("anaphor", True)
        )
        ministries = _load("titles.json").get("ministries", [])
        self.ministries = {word_key(m["ar"]) for m in ministries} | {
            word_key(a) for m in ministries for a in m.get("also", []) if len(a.split()) == 1
        }
        self.name_lengths = _lengths_by_first_word(self._by_key)
        # first words of the names with a word that carries و، ل، ب or ف after them (منظمة … للتربية والعلوم): the
        # only ones to look up also as written, clitics on (a token's key is its stem)
        self.clitic_name_first_words = frozenset(
            key.split()[0] for key in self._by_key if any(w[:1] in "ولبف" for w in key.split()[1:])
        )
        self.longest_office = max(len(k.split()) for k in [*self.titles, *self.ranks, *self.institutions])
        # groups that act without a name (متظاهرون، قوات الأمن): phrase key → the group, in English, and its sector
        self.agents = {
            phrase_key(form): Office(agent["forms"][0], agent["en"], agent["sector"])
            for agent in institutions.get("agents", [])
            for form in agent["forms"]
        }
        self.agent_lengths = _lengths_by_first_word(self.agents)
        # the first word of every office of every table: most tokens start none, and are passed over at once
        self.office_first_words = frozenset(k.split()[0] for k in [*self.titles, *self.ranks, *self.institutions])
        self.title_first_words = frozenset(k.split()[0] for k in self.titles)  # وزير، نائب، المتحدث …

    # --- loading

    def _add(self, actor: Actor, names: list[str], ambiguous: list[str] = ()) -> None:
        self.actors[actor.id] = actor
        self._names[actor.id] = list(names)
        for name in names:
            key = phrase_key(name)
            if key and actor.id not in self._by_key.setdefault(key, []):
                self._by_key[key].append(actor.id)
        for name in ambiguous:
            self._ambiguous_by_key.setdefault(phrase_key(name), []).append(actor.id)

    def _load_countries(self) -> None:
        for country in _load("countries.json")["countries"]:
            code = country["code"]
            if country.get("capital"):
                self._capitals.setdefault(phrase_key(country["capital"]), code)
                self._capital_names[code] = country["capital"]
            actor = Actor(f"country:{code}", "LOC", country["names"][0], country["name_latn"], code, None)
            self._add(actor, country["names"])
            for demonym in country.get("demonyms", []):
                stem = word_key(demonym)
                # the adjective, masculine and feminine (العراقي, العراقية): plurals name people, not the country
                for form in (stem, stem + "ه"):
                    self._demonyms.setdefault(form, code)
            for phrase in country.get("demonym_phrases", []):
                first, second = (word_key(w) for w in phrase.split())
                for ending in ("", "ه"):  # الكوري الجنوبي, الكورية الجنوبية
                    self._demonym_phrases.setdefault((first + ending, second + ending), code)

    def _load_geography(self) -> None:
        """Continents, regions, seas, rivers, islands … (a hand-written list, with their English names)."""
        for place in _load("geography.json")["places"]:
            self._add(_listed_actor("place", "LOC", place), place["names"])

    def _load_cities(self) -> None:
        """Cities of CLDR (time-zone exemplar cities, with their English names): places the tagger finds; a capital
        with its country's code."""
        countries = {name for actor in self.actors.values() for name in self._names[actor.id]}
        for arabic, latin in _load("places.json")["cities"].items():
            if arabic not in countries:  # البحرين, الكويت: the country, already known
                # a capital is in its country (لندن → GBR): the article's country counts it
                self._add(
                    Actor(f"city:{latin}", "LOC", arabic, latin, self._capitals.get(phrase_key(arabic))), [arabic]
                )

    def _load_organisations(self) -> None:
        for org in _load("actors.json")["organisations"]:
            actor = _listed_actor("org", "ORG", org)
            self._add(actor, org["names"], org.get("ambiguous_names", []))
            # written in Latin letters inside Arabic text (Facebook, NATO): the same organisation
            latin = phrase_key(org["name_latn"])
            if actor.id not in self._by_key.setdefault(latin, []):
                self._by_key[latin].append(actor.id)

    def _load_people(self) -> None:
        for person in _load("people.json")["people"]:
            actor = _listed_actor("person", "PER", person)
            self._add(actor, person["names"])
            for name in person["names"]:
                # by skeleton and last letter: a spelling variant (ستولتنبيرغ) ends as the name does; a given name
                # with the consonants of a surname (ميلانيا, ميلوني) does not
                skeleton = (phrase_skeleton(name), _last_letter(name))
                if actor.id not in self._person_skeletons.setdefault(skeleton, []):
                    self._person_skeletons[skeleton].append(actor.id)

    @staticmethod
    def _offices(entries: list[dict]) -> dict[str, Office]:
        return {phrase_key(e["ar"]): Office(e["ar"], e["en"], e.get("sector")) for e in entries}

    @staticmethod
    def _one_form_per_institution(offices: dict[str, Office]) -> dict[str, Office]:
        """Every form of one institution (الخارجية, وزارة الخارجية; المركزي, البنك المركزي) gives its longest form, so
        that the Iraqi Foreign Ministry is one entity however the article writes it."""
        longest: dict[str, Office] = {}
        for office in offices.values():
            known = longest.get(office.en)
            if known is None or len(office.ar) > len(known.ar):
                longest[office.en] = office
        return {key: longest[office.en] for key, office in offices.items()}

    # --- lookups

    def find(self, text: str, types: tuple[str, ...], *, ambiguous: bool = False) -> Actor | None:
        """The one actor of one of ``types`` named ``text`` (None when unknown or not unique)."""
        key = phrase_key(text)
        ids = [i for i in self._by_key.get(key, ()) if self.actors[i].type in types]
        if not ids and ambiguous:
            ids = [i for i in self._ambiguous_by_key.get(key, ()) if self.actors[i].type in types]
        if not ids and "PER" in types:
            ids = self._person_skeletons.get((phrase_skeleton(text), _last_letter(text)), [])
        return self.actors[ids[0]] if len(ids) == 1 else None

    def find_key(self, key: str, types: tuple[str, ...]) -> Actor | None:
        """The one actor of one of ``types`` whose unambiguous name has this phrase key."""
        ids = [i for i in self._by_key.get(key, ()) if self.actors[i].type in types]
        return self.actors[ids[0]] if len(ids) == 1 else None

    def alias_groups(self) -> list[tuple[str, ...]]:
        """For every actor with several names, all of them (Arabic names and the Latin one): for search."""
        groups = []
        for actor_id, names in self._names.items():
            group = tuple(dict.fromkeys([*names, self.actors[actor_id].name_latn]))
            if len(group) > 1:
                groups.append(group)
        return groups

    def country(self, code: str) -> Actor | None:
        return self.actors.get(f"country:{code}")

    def capital(self, code: str) -> Actor | None:
        """The capital city of a country (GBR → لندن), when the cities know it."""
        name = self._capital_names.get(code)
        actor = self.find(name, ("LOC",)) if name is not None else None
        return actor if actor is not None and actor.id.startswith("city:") else None

    def demonym(self, word: str) -> str | None:
        """The country code of a nisba adjective (العراقية → IRQ), else None."""
        return self._demonyms.get(word_key(word))

    @property
    def demonym_keys(self) -> Container[str]:
        """The keys :meth:`demonym_of_key` knows."""
        return self._demonyms.keys()

    def demonym_of_key(self, key: str) -> str | None:
        """:meth:`demonym` for a word already reduced by :func:`~khabar.resolve.names.word_key`."""
        return self._demonyms.get(key)

    @property
    def demonym_phrase_first_keys(self) -> Container[str]:
        """The first words of the nisbas of two words (الكوري of الكوري الجنوبي)."""
        return self._demonym_phrase_firsts

    def demonym_of_keys(self, first: str, second: str) -> str | None:
        """The country code of a nisba of two words (الكوري الجنوبي → KOR), given as word keys, else None."""
        return self._demonym_phrases.get((first, second))


def _last_letter(name: str) -> str:
    """The last letter of a name, folded (ى → ي, ة → ه)."""
    return phrase_key(name)[-1:]


@cache
def knowledge_base() -> KnowledgeBase:
    return KnowledgeBase()
