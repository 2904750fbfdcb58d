"""The event lexicon (``data/lexicons/events.json``): PLOVER triggers and modality words as stem keys.

A verb is written once as ``past/imperfect`` of the third person masculine singular (``قتل/يقتل``, ``التقى/يلتقي``);
its other persons, numbers and the jussive are generated here (:func:`verb_forms`), and clitics are already
stripped from the stem keys the coder matches on, so ``وقتلوا``, ``سيلتقون``, ``لم يلتق`` all match.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from khabar.resolve.names import word_key
from khabar.resources import data_path

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

NOT_AN_EVENT = "NONE"  # phrases that contain a trigger word but report no event (هجمة مرتدة، القتل الرحيم)
PAST_SUFFIXES = ("", "ت", "وا", "و", "ا", "تا", "ن", "نا", "تم")
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "أ")
IMPERFECT_SUFFIXES = ("", "ون", "ان", "وا", "و", "ن", "ين")


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a trigger phrase codes: type, mode and how its subject relates to the event."""

    type: str
    mode: str | None
    role: str | None  # "host": the subject hosts (استقبل); "victim_subject": the subject suffers (مقتل، أصيب)
    words: tuple[str, ...]  # stem keys
    verb: bool  # a verb (its subject is the name after or before it), else a noun (its genitive is)
    strong: bool = False  # names the violence itself (غارة، سيارة مفخخة), so no context word cancels it
    imperfect: bool = False  # a verb in the imperfect (يقتل، يتظاهرون): the present, often habitual


@dataclass(frozen=True)
class EventLexicon:
    by_first: dict[str, tuple[Trigger, ...]]  # first key → triggers starting with it, longest first
    not_trigger_spellings: frozenset[str]  # هنا "here": its key is هنأ's, but as written it is no trigger
    not_trigger_keys: frozenset[str]  # their keys, to pass over most tokens at once
    negation: frozenset[tuple[str, ...]]
    not_negation: frozenset[tuple[str, ...]]  # phrases that start with a negation word but negate nothing
    future: frozenset[tuple[str, ...]]
    hypothetical: frozenset[tuple[str, ...]]  # conditionals: anywhere before the trigger in its clause
    unrealised: frozenset[tuple[str, ...]]  # calls, threats, fears, plans just before the trigger
    unrealised_after: frozenset[tuple[str, ...]]  # هجوم محتمل، هجوم وشيك
    prevented: frozenset[tuple[str, ...]]  # foiled, stopped: the event did not happen
    topic: frozenset[tuple[str, ...]]  # "about": the event is what is talked about
    background_stance: frozenset[tuple[str, ...]]  # ندد ب، التحقيق في: the event is what is judged or examined
    background_links: frozenset[tuple[str, ...]]  # بعد، منذ، التي: the event is the cause or setting of another
    background_setting: frozenset[tuple[str, ...]]  # يأتي الهجوم بعد: a definite event placed, not reported
    background_topic: frozenset[tuple[str, ...]]  # أسباب، موضوع، تسجيلات: the event is what is examined
    happening: frozenset[tuple[str, ...]]  # بدأ، اندلع، أسفر: verbs that report an event as news (الهجوم بدأ)
    background_relative: frozenset[tuple[str, ...]]  # الذي، التي: an event told inside a relative clause
    background_habitual: frozenset[tuple[str, ...]]  # مرارا، عادة، يتعرض: a repeated or habitual happening
    background_years: frozenset[tuple[str, ...]]  # قبل سبع سنوات، منذ عقود: years away, history
    background_anniversary: frozenset[tuple[str, ...]]  # ذكرى: a past event remembered
    verbal_subjects: frozenset[tuple[str, ...]]  # office words: هاجم الرئيس … is words, not weapons
    contexts: dict[str, frozenset[tuple[str, ...]]]  # type → words of a sentence where its weak triggers mislead
    accidental: frozenset[tuple[str, ...]]  # عن طريق الخطأ: not deliberate, so not even a strong trigger is violence
    complement_modes: dict[str, dict[str, frozenset[tuple[str, ...]]]]  # type → mode → words of its complement
    figurative_manner: frozenset[tuple[str, ...]]  # هجوم إعلامي، معركة انتخابية، استهدفه إلكترونيا: no violence
    figurative_targets: frozenset[tuple[str, ...]]  # هجوم على الاقتصاد، ضربة للسياسة: an abstract target
    animals: frozenset[tuple[str, ...]]  # قتل كلبا، ذبح الأضاحي: the killing of animals is no ASSAULT
    background_purpose: frozenset[tuple[str, ...]]  # with ل: للمشاركة في التظاهرات، لمواجهة الاحتجاجات
    background_purpose_phrases: frozenset[tuple[str, ...]]  # من أجل، بهدف: the event is what another act is for
    background_result: frozenset[tuple[str, ...]]  # أسفرت (الأزمة) عن احتجاجات: a result, after a preposition
    background_result_objects: frozenset[tuple[str, ...]]  # أشعلت موجة احتجاجات: a result, as the object
    prevention: frozenset[tuple[str, ...]]  # with ل, anywhere before in the clause: لمنع، لتجنب، لمكافحة
    background_copula: frozenset[tuple[str, ...]]  # والتفجير هو الأكثر دموية: a definite event described


def verb_forms(entry: str) -> list[str]:
    """Surface forms of a verb written ``past/imperfect`` (3rd person masculine singular), without clitics."""
    past, imperfect = entry.split("/")
    if past[-1] in "ىا":  # دعا، التقى: the last letter goes before a suffix (أثنىن would read اثنين "two")
        base = past[:-1]
        forms = [past] + [base + s for s in ("ت", "وا", "و", "يا", "تا", "ينا", "ونا", "يت")]
    else:
        forms = [past + suffix for suffix in PAST_SUFFIXES]
    stem = imperfect[1:]
    stems = [stem]
    if stem[-1] in "يوى":  # يلتقي، يدعو: the jussive (لم يلتق) and plurals drop it
        stems.append(stem[:-1])
    for prefix in IMPERFECT_PREFIXES:
        # the first person (أ، ن) takes no suffix: أثنين would be اثنين "two, Monday"
        suffixes = IMPERFECT_SUFFIXES if prefix in ("ي", "ت") else ("",)
        for s in stems:
            forms += [prefix + s + suffix for suffix in suffixes]
    return forms


def imperfect_forms(entry: str) -> frozenset[str]:
    """The forms of :func:`verb_forms` made on the imperfect (يقتل، تقتلون، لم يلتق) that no past form shares."""
    forms = verb_forms(entry)
    first = forms.index(entry.split("/")[1])
    return frozenset(forms[first:]) - frozenset(forms[:first])


def noun_forms(noun: str) -> list[str]:
    """A single noun with its accusative and dual endings (اشتباكا، انفجاران، غارتين)."""
    if noun[-1] == "ة":
        return [noun, noun[:-1] + "تان", noun[:-1] + "تين"]
    if noun[-1] in "اىي":
        return [noun]
    return [noun, noun + "ا", noun + "ان", noun + "ين"]


def phrase_variants(text: str) -> list[str]:
    """The phrases a lexicon entry stands for: a ``past/imperfect`` first word gives every form of the verb, a
    single noun its accusative and dual."""
    first, *rest = text.split()
    if "/" in first:
        return [" ".join([form, *rest]) for form in verb_forms(first)]
    if not rest:
        return noun_forms(first)
    return [text]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(k for k in (word_key(w) for w in text.split()) if k)


def _phrases(words: list[str]) -> frozenset[tuple[str, ...]]:
    variants = (v for w in words for v in ([w] if "/" not in w else phrase_variants(w)))
    return frozenset(p for p in (_phrase(v) for v in variants) if p)


@cache
def event_lexicon() -> EventLexicon:
    with data_path("lexicons/events.json").open(encoding="utf-8") as handle:
        data = json.load(handle)
    by_first: dict[str, list[Trigger]] = {}
    seen: set[tuple[str, ...]] = set()
    for entry in data["triggers"]:
        if entry["type"] not in (*PLOVER_TYPES, NOT_AN_EVENT):
            raise ValueError(f"events.json: unknown PLOVER type {entry['type']!r}")
        for written in entry["words"]:
            verb = "/" in written.split()[0]
            imperfect = imperfect_forms(written.split()[0]) if verb else frozenset()
            for variant in phrase_variants(written):
                words = _phrase(variant)
                if not words or words in seen:  # a phrase listed twice keeps its first (more specific) entry
                    continue
                seen.add(words)
                trigger = Trigger(
                    entry["type"],
                    entry.get("mode"),
                    entry.get("role"),
                    words,
                    verb,
                    entry.get("strong", False),
                    imperfect=variant.split()[0] in imperfect,
                )
                by_first.setdefault(words[0], []).append(trigger)
    return EventLexicon(
        by_first={k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in by_first.items()},
        not_trigger_spellings=frozenset(data["not_trigger_spellings"]),
        not_trigger_keys=frozenset(word_key(w) for w in data["not_trigger_spellings"]),
        negation=_phrases(data["negation"]),
        not_negation=_phrases(data["not_negation"]),
        future=_phrases(data["future"]),
        hypothetical=_phrases(data["hypothetical"]),
        unrealised=_phrases(data["unrealised"]),
        unrealised_after=_phrases(data["unrealised_after"]),
        prevented=_phrases(data["prevented"]),
        topic=_phrases(data["topic"]),
        background_stance=_phrases(data["background_stance"]),
        background_links=_phrases(data["background_links"]),
        background_setting=_phrases(data["background_setting"]),
        background_topic=_phrases(data["background_topic"]),
        happening=_phrases(data["happening"]),
        background_relative=_phrases(data["background_relative"]),
        background_habitual=_phrases(data["background_habitual"]),
        background_years=_phrases(data["background_years"]),
        background_anniversary=_phrases(data["background_anniversary"]),
        verbal_subjects=_phrases(data["verbal_subjects"]),
        contexts={kind: _phrases(words) for kind, words in data["contexts"].items()},
        accidental=_phrases(data["accidental"]),
        complement_modes={
            kind: {mode: _phrases(words) for mode, words in modes.items()}
            for kind, modes in data["complement_modes"].items()
        },
        figurative_manner=_phrases(data["figurative_manner"]),
        figurative_targets=_phrases(data["figurative_targets"]),
        animals=_phrases(data["animals"]),
        background_purpose=_phrases(data["background_purpose"]),
        background_purpose_phrases=_phrases(data["background_purpose_phrases"]),
        background_result=_phrases(data["background_result"]),
        background_result_objects=_phrases(data["background_result_objects"]),
        prevention=_phrases(data["prevention"]),
        background_copula=_phrases(data["background_copula"]),
    )
