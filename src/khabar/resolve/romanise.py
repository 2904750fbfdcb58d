"""Latin names an English reader recognises: قاسم الأعرجي → Qasim al-Araji, not qasm alaarjy.

Known words come from a hand-written table (``lexicons/romanisation.json``: given names as English-language news
spells them, particles such as بن → bin, and Western given names in their Arabic spellings). Other words are
transliterated letter by letter in the simplified news style (no diacritics, ع dropped, ة → a), the article
written ``al-``, and an ``a`` put between two consonants, since unwritten short vowels are most often a.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache

from khabar.resources import data_path
from khabar.text.normalise import NormaliseOptions, fold

_MARKS_ONLY = NormaliseOptions(alef=False)
_LETTERS = {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ٱ": "a",
    "ء": "",
    "ؤ": "u",
    "ئ": "i",
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ة": "a",
    "و": "w",
    "ي": "y",
    "ى": "a",
    "پ": "p",
    "چ": "ch",
    "ڤ": "v",
    "گ": "g",
}
_VOWELS = set("aeiou")
FOREIGN_VOWELS = 2
ARABIC_NAME_STARTS = ("ابو", "عبد")
FOREIGN_LENGTH = 7  # letters: Arabic names this long have the article or written vowels (ستولتنبرغ has neither)


@cache
def _table() -> dict[str, dict[str, str]]:
    try:
        with data_path("lexicons/romanisation.json").open(encoding="utf-8") as handle:
            data = json.load(handle)
    except Exception:  # the table is optional: without it, letters alone
        return {"given_names": {}, "particles": {}, "foreign_given_names": {}}
    return {
        key: {_plain(k): v for k, v in data.get(key, {}).items()}
        for key in ("given_names", "particles", "foreign_given_names")
    }


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a listed given name (محمد، فيصل، جون), Arabic or foreign."""
    table = _table()
    plain = _plain(word)
    return plain in table["given_names"] or plain in table["foreign_given_names"]


def _plain(word: str) -> str:
    return fold(word, _MARKS_ONLY).replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ي")


def _letters(word: str) -> str:
    out: list[str] = []
    foreign = _foreign(word)
    if foreign:
        word = word.replace("غ", "گ")  # هرتسوغ، ستولتنبرغ: g
        if word.startswith("تش"):  # تشافيز، تشيانغ: ch
            word = "چ" + word[2:]
        if word.startswith("او"):  # أولسن، أوغلو: O
            out.append("o")
            word = word[2:]
    for i, char in enumerate(word):
        if char == "و":
            vowel = "o" if foreign and 0 < i < len(word) - 1 else "u"  # بومبيو → Pompio, شولتس → Sholts
            out.append("w" if i == 0 or (out and out[-1][-1:] in _VOWELS and i + 1 < len(word)) else vowel)
        elif char == "ي":
            out.append("y" if i == 0 or (out and out[-1][-1:] in _VOWELS and i + 1 < len(word)) else "i")
        else:
            out.append(_LETTERS.get(char, char))
    spelled = "".join(out)
    if foreign:  # a foreign name writes its vowels: its consonant clusters are its own (شولتس → Sholts)
        return spelled
    # unwritten short vowels: an a between two consonants (not inside th, kh, sh, dh, gh)
    result: list[str] = []
    for i, char in enumerate(spelled):
        result.append(char)
        nxt = spelled[i + 1 : i + 2]
        digraph = spelled[i : i + 2] in ("th", "kh", "sh", "dh", "gh")
        if nxt and char not in _VOWELS and nxt not in _VOWELS and not digraph and char.isalpha() and nxt.isalpha():
            result.append("a")
    return "".join(result)


def _foreign(word: str) -> bool:
    """Whether a word reads as a foreign name written in Arabic letters, which spell out its vowels: two long
    vowels or more after its first letter (بومبيو، ميدفيديف), seven letters or more (ستولتنبرغ), a final غ (هرتسوغ)
    or a ch first (تشافيز); not أبو… or عبد… (أبوظبي، عبدالرحمن)."""
    if word.startswith(ARABIC_NAME_STARTS):
        return False
    return (
        word.startswith("تش")
        or word.endswith("غ")
        or len(word) >= FOREIGN_LENGTH
        or sum(1 for c in word[1:] if c in "اوي") >= FOREIGN_VOWELS
    )


def _word(word: str, first: bool) -> str:
    table = _table()
    plain = _plain(word)
    for key in ("given_names", "foreign_given_names", "particles"):
        if plain in table[key]:
            return table[key][plain]
    if plain.startswith("ال") and len(plain) > 3:
        rest = plain[2:]
        known = table["given_names"].get(rest)
        core = known or _letters(rest).capitalize()
        return ("Al-" if first else "al-") + core
    return _letters(plain).capitalize()


@lru_cache(maxsize=20_000)
def romanise(name: str) -> str:
    """A Latin spelling of an Arabic name (the same names come back article after article: cached, bounded)."""
    words = [w for w in name.split() if w.strip("()«»\"'،,.")]
    table = _table()
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i].strip("()«»\"'،,.")
        pair = f"{_plain(word)} {_plain(words[i + 1])}" if i + 1 < len(words) else ""
        if pair and pair in table["given_names"]:  # عبد الله → Abdullah
            out.append(table["given_names"][pair])
            i += 2
            continue
        if _plain(word) == "عبد" and i + 1 < len(words):
            out.append("Abd " + _word(words[i + 1], first=False))
            i += 2
            continue
        out.append(_word(word, first=not out))
        i += 1
    return " ".join(out)
