"""Clitic analysis of Arabic words: proclitics, stem and pronoun suffix.

Arabic writes conjunctions (و ف), prepositions (ب ل ك), the future particle (س), the article (ال) and object or
possessive pronouns (ه ها هم …) as one word with their host: وبالعراق = و + ب + ال + عراق, مكتبه = مكتب + ه.
Many ordinary words start or end with the same letters (وزير, بغداد, لبنان, كان), so a split is only made when
the lexicon supports it:

- a word in the hand-written ``whole_words`` list is never split;
- a conjunction or preposition is split off when the rest is itself a common word: its corpus frequency is at
  least :data:`STEM_RATIO` times that of the whole word (وقال → و + قال, but وزير stays: زير is rare);
- ``س`` only before an imperfect verb prefix (سيعمل), under the same frequency test;
- the article ``ال`` (and ``لل`` = ل + ال) is split off unless the word is itself a noun that takes the
  article (التزام, since الالتزام is attested) or a listed word (الذي, الله, الى);
- a pronoun suffix is split off a word without the article when the rest is a listed host (من, على, في, ل …)
  or a common word under the same frequency test (ة written ت and ى written ي before a suffix are restored
  for the test: حكومته → حكومة, عليه → على). ``ي`` and ``ك`` are never split: in news they are far more
  often a nisba ending (العراقي) or part of the stem (ذلك, مشترك) than a pronoun.

The analysis works on a diacritic-free key (:data:`LEXICON_FOLD`) and returns lengths in that key; the
tokeniser maps them back onto the surface token.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache

from khabar.resources import data_path
from khabar.text.normalise import NormaliseOptions, fold

# Letters as written, marks and controls removed: hamza forms stay apart so ألف is not ال + ف.
LEXICON_FOLD = NormaliseOptions(alef=False)
ARABIC_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+")

STEM_RATIO = 0.5
MIN_STEM_COUNT = 3
IMPERFECT_PREFIXES = frozenset("يتنأ")
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه")
_PROCLITIC_LETTERS = frozenset("وفبكلسا")
_SUFFIX_LAST_LETTERS = frozenset(suffix[-1] for suffix in PRONOUN_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Proclitic:
    written: str
    form: str
    role: str


@dataclass(frozen=True, slots=True)
class Segmentation:
    """A word split into proclitics, stem and pronoun suffix, in key characters."""

    proclitics: tuple[Proclitic, ...]
    stem: str
    enclitic: str | None

    @property
    def is_split(self) -> bool:
        return bool(self.proclitics) or self.enclitic is not None


_CONJUNCTIONS = {"و": Proclitic("و", "و", "conj"), "ف": Proclitic("ف", "ف", "conj")}
_PREPOSITIONS = {p: Proclitic(p, p, "prep") for p in "بكل"}
_FUTURE = Proclitic("س", "س", "fut")
_ARTICLE = Proclitic("ال", "ال", "det")
_ARTICLE_AFTER_LAM = Proclitic("ل", "ال", "det")


class WordFrequencies:
    """Corpus counts of word forms under :data:`LEXICON_FOLD` (see scripts/build_word_frequencies.py)."""

    __slots__ = ("_counts",)

    def __init__(self, counts: dict[str, int]) -> None:
        self._counts = counts

    @classmethod
    def load(cls) -> WordFrequencies:
        """The packaged counts, read once per process (the tokeniser and the tagger share them; they never change)."""
        return _packaged_frequencies()

    def __getitem__(self, word: str) -> int:
        return self._counts.get(word, 0)

    def __contains__(self, word: object) -> bool:
        return word in self._counts

    def __len__(self) -> int:
        return len(self._counts)


@cache
def _packaged_frequencies() -> WordFrequencies:
    counts: dict[str, int] = {}
    with data_path("lexicons/word_frequencies.tsv.gz").open("rb") as raw, gzip.open(raw, "rt") as lines:
        for line in lines:
            word, _, n = line.rstrip("\n").partition("\t")
            counts[word] = int(n)
    return WordFrequencies(counts)


class CliticAnalyser:
    """Lexicon-aware clitic segmentation of single words (keys under :data:`LEXICON_FOLD`)."""

    __slots__ = ("_freq", "_hosts", "_whole")

    def __init__(self, frequencies: WordFrequencies, whole_words: frozenset[str], hosts: frozenset[str]) -> None:
        self._freq = frequencies
        self._whole = whole_words
        self._hosts = hosts

    @classmethod
    def load(cls) -> CliticAnalyser:
        with data_path("lexicons/clitics.json").open(encoding="utf-8") as handle:
            lexicon = json.load(handle)
        whole = frozenset(lexicon["whole_words"]) | _name_words()
        return cls(WordFrequencies.load(), whole, frozenset(lexicon["suffix_hosts"]))

    def _common(self, rest: str, whole: str) -> bool:
        count = self._freq[rest]
        return count >= MIN_STEM_COUNT and count >= STEM_RATIO * self._freq[whole]

    def _definite(self, word: str) -> bool:
        """``word`` is ال + a noun (not الذي, not التزام, whose own definite form الالتزام is attested)."""
        return (
            word.startswith("ال")
            and len(word) >= 4
            and word not in self._whole
            and not word.startswith("ال", 2)
            and self._freq["ال" + word] == 0
        )

    def _attested_definite(self, rest: str, whole: str) -> bool:
        """``rest``, left after a conjunction or preposition, is ال + a noun, and the corpus writes it so or cannot
        tell: فالحكومة (الحكومة is common), بالفعل, but not فالنسيا, كاليفورنيا, بالوتيلي (names the corpus has
        often, never as النسيا, اليفورنيا, الوتيلي)."""
        return self._definite(rest) and (self._freq[rest] > 0 or self._freq[whole] < MIN_STEM_COUNT)

    def _noun(self, rest: str) -> bool:
        """Whether ``rest`` is a noun as far as the corpus tells: written with the article, or attested so
        (ك "like" goes before nouns: كرئيس، كجزء; not the verbs كسرت، كلفت, read as ك + سرت، لفت)."""
        return rest.startswith("ال") or self._freq["ال" + rest] > 0

    def _lam_article(self, word: str) -> bool:
        """``word`` is لل + noun read as ل + ال + noun (للبيان), not ل + a word starting with ل (لليبيا)."""
        if not word.startswith("لل") or len(word) < 4 or word in self._whole:
            return False
        noun = word[2:]
        return self._freq["ال" + noun] >= self._freq["ل" + noun]

    def _peelable(self, rest: str, whole: str) -> bool:
        """Whether ``rest``, left after taking a conjunction or preposition off ``whole``, is a word."""
        if len(rest) < 2 or rest in ("ال", "لل"):
            return False
        if rest in self._hosts or self._common(rest, whole) or self._attested_definite(rest, whole):
            return True
        base, suffix = self._suffix(rest)  # بدوره: دوره is rarer than بدوره, but دور is common
        return suffix is not None and self._common(base, whole)

    def _proclitics(self, word: str) -> tuple[list[Proclitic], str]:
        found: list[Proclitic] = []
        rest = word
        conj = _CONJUNCTIONS.get(rest[:1])
        if conj is not None:
            after = rest[1:]
            if (
                self._peelable(after, rest)
                or self._lam_article(after)
                or (after[:1] in _PREPOSITIONS and self._attested_definite(after[1:], rest))
            ):
                found.append(conj)
                rest = after
        if rest in self._whole:
            return found, rest
        if self._lam_article(rest):
            return [*found, _PREPOSITIONS["ل"], _ARTICLE_AFTER_LAM], rest[2:]
        prep = _PREPOSITIONS.get(rest[:1])
        if (
            prep is not None
            and rest[1:] not in PRONOUN_SUFFIXES
            and self._peelable(rest[1:], rest)
            and (rest[0] != "ك" or self._noun(rest[1:]))
        ):
            found.append(prep)
            rest = rest[1:]
        elif rest[:1] == "س" and len(rest) > 2 and rest[1] in IMPERFECT_PREFIXES and self._common(rest[1:], rest):
            return [*found, _FUTURE], rest[1:]
        if self._definite(rest):
            found.append(_ARTICLE)
            rest = rest[2:]
        return found, rest

    def _suffix(self, rest: str) -> tuple[str, str | None]:
        if rest in self._whole:
            return rest, None
        for suffix in PRONOUN_SUFFIXES:
            if len(rest) <= len(suffix) or not rest.endswith(suffix):
                continue
            base = rest[: -len(suffix)]
            if base in self._hosts:
                return base, suffix
            if len(base) < 2:
                continue
            lookup = base
            if base.endswith("ت"):
                lookup = base[:-1] + "ة"
            elif base.endswith("ي") and self._freq[base[:-1] + "ى"] > self._freq[base]:
                lookup = base[:-1] + "ى"
            count = max(self._freq[base], self._freq[lookup])
            if count < MIN_STEM_COUNT or count < STEM_RATIO * self._freq[rest]:
                continue
            # نا after a verb is mostly its subject (قررنا "we decided"): split it off nouns only.
            if suffix == "نا" and lookup == base and self._freq["ال" + base] == 0:
                continue
            return base, suffix
        return rest, None

    def analyse(self, word: str) -> Segmentation:
        """Split ``word`` (a key under :data:`LEXICON_FOLD`) into proclitics, stem and pronoun suffix."""
        if len(word) < 2 or (word[0] not in _PROCLITIC_LETTERS and word[-1] not in _SUFFIX_LAST_LETTERS):
            return Segmentation((), word, None)
        if word in self._whole:
            return Segmentation((), word, None)
        proclitics, rest = self._proclitics(word)
        if proclitics and proclitics[-1].role == "det":
            return Segmentation(tuple(proclitics), rest, None)
        stem, enclitic = self._suffix(rest)
        return Segmentation(tuple(proclitics), stem, enclitic)


def _name_words() -> frozenset[str]:
    """The words of the knowledge base's person names and of the listed given names, which are never split: بايدن is
    no ب + ايدن, فيصل no ف + يصل, كوفي no ك + وفي, however common the rest. Words with the article are left to the
    analysis (الأسد is ال + أسد, as everywhere)."""
    words: set[str] = set()
    with data_path("lexicons/people.json").open(encoding="utf-8") as handle:
        for person in json.load(handle)["people"]:
            for name in person["names"]:
                words.update(name.split())
    with data_path("lexicons/romanisation.json").open(encoding="utf-8") as handle:
        names = json.load(handle)
    words.update(names["given_names"], names["foreign_given_names"])
    return frozenset(fold(word, LEXICON_FOLD) for word in words if not word.startswith("ال"))


@cache
def default_analyser() -> CliticAnalyser:
    """The analyser built from the packaged lexicons, loaded once per process."""
    return CliticAnalyser.load()
