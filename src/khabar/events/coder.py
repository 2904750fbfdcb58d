"""Coding PLOVER events: trigger, type and mode, participants, modality, date, place, proof.

1. Triggers: the longest phrase of the event lexicon starting at each token, matched on stem keys, so that every
   inflection and clitic form of a listed word counts (وقتلوا, بالهجوم, سيلتقي).
2. Modality: ``negated`` when a negation word (لم، لن، لا، ما، عدم، نفى) stands within three tokens before the
   trigger in its clause; ``future`` when the trigger carries the future س or a future word (سوف، من المقرر،
   يعتزم، المقبل) stands near it; ``hypothetical`` after إذا، لو، في حال. PLOVER's precedence then applies: future
   cooperation (CONSULT, SUPPORT, COOPERATE, AID) is AGREE, a future RETREAT is CONCEDE.
3. Participants: the names of the trigger's sentence (persons, organisations, countries, titles; الجانبان gives
   both parties): a verb's subject (the name right after it, else the last name before it outside a prepositional
   phrase) or a noun's genitive or sender (اتصال … من X) is the actor; the recipient is the next name that is a
   direct object or comes with a preposition the type takes (هجوم على، اجتماع مع). A host verb (استقبل) swaps
   them (the visitor acts); who suffers a victim-subject word (مقتل X، أصيب X) is the recipient.
4. Date: a date expression in the trigger's sentence, else the article's reference date (its first resolved date
   of a day on or before publication), else the publication date. Place: a place named in the clause with في/ب,
   else the dateline's city.
5. One event per happening: the same type and mode between the same participants on the same date is one event,
   its other reports kept as ``evidences``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from khabar.document import Document, Event, Mention, Span
from khabar.events.lexicon import NOT_AN_EVENT, EventLexicon, Trigger, event_lexicon
from khabar.resolve.names import word_key
from khabar.text.tokens import FormCache, TokenView

CLAUSE_BREAKS = frozenset({"،", ",", "؛", ";", ":", "(", ")"})
MODALITY_WINDOW = 3
PARTICIPANT_TYPES = ("PER", "ORG", "LOC")
COOPERATION = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
PLACE_WORDS = frozenset(word_key(w) for w in ("في", "داخل", "قرب", "بالقرب"))
AFTER_WINDOW = 12  # tokens after a trigger where its subject and object are looked for
BEFORE_WINDOW = 20
SUBJECT_GAP = 2  # a name this close after a verb is its subject (VSO)
GENITIVE_GAP = 4  # a name this close after a noun is its genitive (زيارة الحبر الأعظم البابا فرانسيس)
OBJECT_GAP = 3  # a direct object follows the subject (or the verb) this closely
DAY_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
COMPOUND_GAP = 3  # names of a compound subject are this close (X، ووزير خارجية Y)
SUBJECT_IN_PHRASE = 4  # tokens of a subject that may stand inside a verb phrase (نشرت تركيا قوات)
CLAUSE_REACH = 60  # tokens a clause reaches from its trigger at most (a text without punctuation stays linear)
GOVERNED_GAP = 5  # a trigger this close after another, in its clause, can be its complement
ANAPHORA_SENTENCES = 1  # a definite noun trigger (الزيارة) this many sentences later is the same event
STANCE_WINDOW = 15  # tokens before a trigger where a stance word (ندد ب، التحقيق في) makes it background
LINK_WINDOW = 2  # tokens before a trigger where a linking word (بعد، منذ، التي) makes it background
# The kinds of acts whose verb, before a noun trigger in its clause, is what the clause reports instead of it; not
# the police acts a protest report carries (قامت الشرطة باعتقال المعارض خلال مظاهرة).
MAIN_ACTS = {
    "ASSAULT": frozenset({"CONSULT", "SUPPORT", "ACCUSE", "SANCTION", "AID", "AGREE", "CONCEDE", "REJECT"}),
    "PROTEST": frozenset({"CONSULT", "SUPPORT", "ACCUSE", "SANCTION", "AID", "AGREE", "CONCEDE", "REJECT"}),
}
TOPIC_WINDOW = 3  # tokens before a trigger, in its clause, where a topic noun (أسباب القصف) makes it background
COMPLEMENTISERS = frozenset(word_key(w) for w in ("أن", "إن", "بأن", "لأن"))  # قال إن الهجوم …
YEARS_AGO = 2  # a year this many years before the article's, named in the trigger's clause, makes it history
RELATIVE_WINDOW = 4  # tokens before a trigger, in its clause, where a relative pronoun makes it background
FIGURATIVE_WINDOW = 5  # tokens after an attack word where a manner adverb (استهدفه إلكترونيا) makes it figurative
ANIMAL_WINDOW = 3  # tokens around a killing word, in its clause, where an animal (قتل كلبا) makes it no ASSAULT
PURPOSE_WINDOW = 3  # tokens before a trigger where a purpose (للمشاركة في، من أجل) or a cause (أسفر عن) stands
RESULT_WINDOW = 5  # tokens before a trigger where a verb of result (أسفرت الأزمة عن) may stand
RESULT_PREPS = frozenset(word_key(w) for w in ("عن", "إلى", "الى", "في"))
AGENT_OBJECT_PREPS = frozenset({"على", "ل", "ضد"})
AGAINST = frozenset(word_key(w) for w in ("على", "ضد"))
GENERIC_PASSIVE = frozenset(word_key(w) for w in ("يتم", "تتم", "يجري", "تجري"))  # يتم استهداف …
YEARS_BEFORE = frozenset(word_key(w) for w in ("قبل", "منذ"))  # قبل سبع سنوات، منذ عقود
GOVERNING_TYPES = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT", "CONSULT"})
UNREALISING_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT", "CONSULT"})
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
PREPOSITIONS = {
    word_key(w): p
    for w, p in (
        ("في", "في"),
        ("داخل", "في"),
        ("قرب", "في"),
        ("من", "من"),
        ("إلى", "إلى"),
        ("الى", "إلى"),
        ("على", "على"),
        ("مع", "مع"),
        ("عن", "عن"),
        ("ضد", "ضد"),
        ("أمام", "أمام"),
        ("بين", "بين"),
    )
}
PLACE_PREPS = frozenset({"في"})
PLACE_PREP_KEY = word_key("في")
# The prepositions with which each type takes its recipient, besides a direct object.
RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "CONSULT": ("مع", "إلى", "ل"),
    "AGREE": ("مع",),
    "COOPERATE": ("مع",),
    "SUPPORT": ("ب", "ل", "على"),
    "AID": ("ل", "إلى"),
    "REQUEST": ("من",),
    "ACCUSE": ("ب", "على", "ل"),
    "REJECT": (),
    "THREATEN": (),
    "SANCTION": ("على", "مع", "ضد"),
    "ASSAULT": ("على", "ضد", "ل"),
    "PROTEST": ("ضد", "على", "أمام"),
    "COERCE": ("على",),
    "RETREAT": ("عن", "من"),
    "CONCEDE": ("ل",),
    "MOBILIZE": ("ضد",),
}
VICTIM_MODES = frozenset({"targeted", "abduct", "torture", "sexual", "beat"})


@dataclass
class _Found:
    trigger: Trigger
    first: int
    last: int  # inclusive
    sentence: int
    span_last: int = -1  # last token of the whole phrase (after a subject inside it)
    verb: bool = False  # the trigger is used as a verb here (not a noun: no article, no preposition on it)
    definite: bool = False
    type: str = ""
    mode: str | None = None
    modality: str = "asserted"
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    time: str | None = None
    date: str | None = None
    location: str | None = None
    background: bool = False
    stance: int = -1  # last token of a stance word governing the trigger (ندد ب), or -1
    evidences: list[Span] = field(default_factory=list)


class EventCoder:
    """Sets a document's ``events`` layer; needs tokens, sentences, mentions, entities and times."""

    def __init__(self, lexicon: EventLexicon | None = None) -> None:
        self.lexicon = lexicon or event_lexicon()
        self.forms = FormCache()

    def __call__(self, doc: Document) -> None:
        _Article(doc, self).run()


class _Article:
    def __init__(self, doc: Document, coder: EventCoder) -> None:
        self.doc = doc
        self.text = doc.text
        self.lexicon = coder.lexicon
        self.view = TokenView.of(doc, coder.forms)
        self.owner: list[Mention | None] = [None] * len(self.view.spans)
        self.context_found: dict[tuple[str, bool, int], bool] = {}
        self.number_starts = {self.view.token_at(q.start) for q in doc.quantities}
        self.clause_breaks = [k for k, raw in enumerate(self.view.raw) if raw in CLAUSE_BREAKS]
        for mention in sorted(doc.mentions, key=lambda m: (m.start, -m.end)):
            if mention.type in PARTICIPANT_TYPES and (mention.entity is not None or mention.refers):
                first, last = self.view.token_at(mention.start), self.view.token_at(mention.end - 1)
                for i in range(first, last + 1):
                    if self.owner[i] is None:
                        self.owner[i] = mention

    def run(self) -> None:
        found = self._triggers()
        coded: list[_Found] = []
        for index, item in enumerate(found):
            governor = self._governor(found[:index], item)
            if governor is not None and governor.type == "AGREE" and item.trigger.type in COOPERATION:
                continue  # اتفقا على استمرار التنسيق: the cooperation is what was agreed, one AGREE event
            coded.append(self._code(item, governor, coded))
        self.doc.set_layer("events", self._merge(coded), check=False)

    def _governor(self, earlier: list[_Found], item: _Found) -> _Found | None:
        """The trigger whose complement ``item`` is (اتفقا على التنسيق، بحثا التعاون، دعا إلى التظاهر), if any."""
        for previous in reversed(earlier):
            if previous.sentence != item.sentence or item.first - previous.last > GOVERNED_GAP:
                return None
            between = range(previous.last + 1, item.first)
            if any(self.view.raw[i] in CLAUSE_BREAKS for i in between):
                return None
            if previous.type in GOVERNING_TYPES:
                return previous
        return None

    # --- triggers

    def _triggers(self) -> list[_Found]:
        """Trigger phrases, longest first at each token; a verb phrase may have its subject inside (نشرت تركيا
        قوات; a verbal noun's phrase its genitive: إطلاق الجيش النار): then ``last`` is the verb, where the subject is
        looked for, and ``span_last`` ends the phrase."""
        keys = self.view.keys
        found = []
        tails: set[int] = set()  # tokens that end a verb phrase already matched around its subject
        by_first = self.lexicon.by_first
        resume = 0
        for i in [i for i, key in enumerate(keys) if key in by_first]:  # where a trigger may start
            match = None if i < resume or i in tails or self._not_a_trigger(i) else self._match_at(i)
            if match is None:
                continue
            trigger, last, span_last = match
            if trigger.type == NOT_AN_EVENT or self._misleading(trigger, i) or self._figurative(trigger, i, span_last):
                resume = span_last + 1
                continue
            definite = self.text.startswith("ال", self.view.name_starts[i])
            verb = trigger.verb and not definite and not self.view.preps[i]
            sentence = self.view.sentence_at(self.view.spans[i][0])
            found.append(_Found(trigger, i, last, sentence, span_last=span_last, verb=verb, definite=definite))
            if last < span_last:
                tails.update(range(span_last - len(trigger.words) + 2, span_last + 1))
            resume = last + 1
        return found

    def _match_at(self, i: int) -> tuple[Trigger, int, int] | None:
        keys = self.view.keys
        triggers = self.lexicon.by_first.get(keys[i], ())
        for trigger in triggers:
            end = i + len(trigger.words)
            if tuple(keys[i:end]) == trigger.words:
                return trigger, end - 1, end - 1
        for trigger in triggers:  # the subject between a verb (or its verbal noun) and the rest of its phrase
            rest = trigger.words[1:]
            if not rest:
                continue
            for start in range(i + 2, min(i + 2 + SUBJECT_IN_PHRASE, len(keys))):
                if self.view.raw[start - 1] in CLAUSE_BREAKS:
                    break
                unnamed = sum(self.owner[j] is None for j in range(i + 1, start))
                # what stands between is a subject: a name, with at most one other word after a verb; only a name
                # after a verbal noun (إطلاق الجيش الإسرائيلي النار)
                if unnamed > (1 if trigger.verb else 0):
                    break
                if tuple(keys[start : start + len(rest)]) == rest and not self.view.preps[start]:
                    return trigger, i, start + len(rest) - 1
        return None

    def _not_a_trigger(self, i: int) -> bool:
        """A word that as written is no trigger though its folded key is one (هنا "here" against هنأ)."""
        lexicon, view = self.lexicon, self.view
        return (
            view.keys[i] in lexicon.not_trigger_keys
            and self.text[view.name_starts[i] : view.spans[i][1]] in lexicon.not_trigger_spellings
        )

    def _misleading(self, trigger: Trigger, i: int) -> bool:
        """A weak trigger in a sentence about sport, disasters or fiction (هجمات مرتدة، مقتل 30 في الزلزال)."""
        context = self.lexicon.contexts.get(trigger.type)
        if not context:
            return False
        if trigger.strong:
            context = self.lexicon.accidental
        sentence = self.view.sentence_at(self.view.spans[i][0])
        key = (trigger.type, trigger.strong, sentence)
        if key not in self.context_found:  # the sentence is read once per type, not once per trigger
            first, last = self.view.sentence_tokens(sentence)
            self.context_found[key] = any(self.view.phrase_at(j, context) for j in range(first, last))
        return self.context_found[key]

    def _figurative(self, trigger: Trigger, i: int, last: int) -> bool:
        """An attack word in a sense without violence: of words, policy or an abstract target (هجوم إعلامي، معركة
        انتخابية، استهدفه إلكترونيا، هجوم على الاقتصاد، ضربة للسياسة), or the killing of an animal (قتل كلبا)."""
        if trigger.type != "ASSAULT":
            return False
        view, lexicon = self.view, self.lexicon
        start, end = self._bounds(i, last)
        after = last + 1
        while after < end and not view.keys[after]:  # a closing quote: "الهجوم" على اقتصادها
            after += 1
        if trigger.mode is None and trigger.role is None:  # not of a named weapon, nor a victim's word (مقتل)
            for j in range(after, min(end, after + FIGURATIVE_WINDOW)):
                if not view.phrase_at(j, lexicon.figurative_manner) or view.preps[j]:
                    continue
                manner = view.raw[j]
                if manner.endswith("يا"):
                    return True  # استهداف التنظيم إلكترونيا
                # an adjective agrees with its noun: معركة انتخابية، هجمات إعلامية، هجوم كلامي (not قتل إعلامية)
                feminine = view.raw[last].endswith(("ة", "ات", "اتها", "اته"))
                if j == after and manner.endswith("ة") == feminine:
                    return True
        if (
            after + 1 < end
            and view.keys[after + 1] in AGAINST
            and not view.preps[after]
            and view.forms[after].article == view.forms[last].article
        ):
            after += 1  # هجوم مستمر على الصحافة: one adjective (as definite as its noun) before the preposition
        target = after + 1 if after < end and view.keys[after] in AGAINST else after
        if target < end and view.preps[target] in ("", "ل") and view.phrase_at(target, lexicon.figurative_targets):
            return True  # هجوم على الاقتصاد، ضربة للاقتصاد، استهداف الاقتصاد
        near = range(max(start, i - ANIMAL_WINDOW), min(end, last + 1 + ANIMAL_WINDOW))
        return any(view.phrase_at(j, lexicon.animals) for j in near if not i <= j <= last)

    def _bounds(self, i: int, last: int) -> tuple[int, int]:
        """Token bounds of the clause of tokens ``i`` to ``last``: between clause punctuation, inside its sentence,
        and at most :data:`CLAUSE_REACH` tokens on either side."""
        first, end = self.view.sentence_tokens(self.view.sentence_at(self.view.spans[i][0]))
        first, end = max(first, i - CLAUSE_REACH), min(end, last + 1 + CLAUSE_REACH)
        start = i
        while start > first and self.view.raw[start - 1] not in CLAUSE_BREAKS:
            start -= 1
        stop = last + 1
        while stop < end and self.view.raw[stop] not in CLAUSE_BREAKS:
            stop += 1
        return start, stop

    # --- one event

    def _clause(self, found: _Found) -> tuple[int, int]:
        """Token bounds of the trigger's clause (:meth:`_bounds`)."""
        return self._bounds(found.first, found.last)

    def _modality(self, found: _Found, clause: tuple[int, int], governor: _Found | None) -> str:
        view, lexicon = self.view, self.lexicon
        if governor is not None and governor.type in UNREALISING_TYPES:
            return "hypothetical"  # دعا إلى التظاهر، هدد بقصف، بحثا التعاون: asked, threatened, discussed
        before = range(max(clause[0], found.first - MODALITY_WINDOW), found.first)
        if any(self._negation_at(i) for i in before):
            return "negated"
        if any(view.phrase_at(i, lexicon.prevented) for i in before):
            return "negated"  # أحبط هجوما: the attack did not happen
        if any(view.phrase_at(i, lexicon.hypothetical) for i in range(clause[0], found.first)):
            return "hypothetical"
        if any(view.phrase_at(i, lexicon.unrealised) for i in before):
            return "hypothetical"  # دعا إلى التظاهر، هدد بقصف، خشية هجوم: called for, threatened, feared
        if any(view.preps[i] == "ل" and view.phrase_at(i, lexicon.prevention) for i in range(clause[0], found.first)):
            return "hypothetical"  # لمنع استخدامه قاعدة تنطلق منها الهجمات: what an act is to prevent
        if any(
            view.phrase_at(i, lexicon.unrealised_after) for i in range(found.last + 1, min(clause[1], found.last + 3))
        ):
            return "hypothetical"  # هجوم محتمل، هجوم وشيك
        if any(view.phrase_at(i, lexicon.topic) for i in range(max(clause[0], found.first - 2), found.first)):
            return "hypothetical"  # محادثات بشأن الانسحاب: what is talked about, not what happened
        near = range(max(clause[0], found.first - MODALITY_WINDOW - 1), min(clause[1], found.last + 3))
        if view.forms[found.first].fut or any(view.phrase_at(i, lexicon.future) for i in near):
            return "future"
        return "asserted"

    def _negation_at(self, i: int) -> bool:
        view, lexicon = self.view, self.lexicon
        length = view.phrase_at(i, lexicon.negation)
        return (
            bool(length)
            and view.phrase_at(i, lexicon.not_negation) <= length
            and not any(view.phrase_at(j, lexicon.not_negation) for j in range(max(0, i - 1), i))
        )

    def _participants(self, found: _Found) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Actor and recipient entity ids of one trigger, from the names around it in its sentence.

        The actor is the verb's subject (the name right after it, VSO, else the last name before it that is not
        in a prepositional phrase, SVO) or a noun's genitive (زيارة البابا) or its sender (اتصال … من X); the
        recipient is the next name that is a direct object or comes with a preposition the type takes (هجوم على،
        اجتماع مع، أشاد ب). Names after في are places, never participants.
        """
        trigger = found.trigger
        first, last = self.view.sentence_tokens(found.sentence)
        after = self._names(found.last + 1, min(last, found.last + 1 + AFTER_WINDOW))
        after = [(i, m) for i, m in after if self._prep(i) not in PLACE_PREPS]
        before = self._names(max(first, found.first - BEFORE_WINDOW), found.first)
        if found.stance >= 0:
            before = []  # ندد الاتحاد الأوروبي بالهجوم: who condemns (or investigates) an attack is not its actor
        victim = trigger.role == "victim_subject" or trigger.mode in VICTIM_MODES
        gap = SUBJECT_GAP if found.verb else GENITIVE_GAP
        actor: list[str] = []
        recipient: list[str] = []
        rest = after
        object_from = found.last
        senders = [(i, m) for i, m in after if self._prep(i) == "من"]
        right_after = [(i, m) for i, m in after[:1] if i - found.last <= gap and self._prep(i) in ("", "ل")]
        if senders and not found.verb:  # اتصال هاتفي تلقاه حسين من ستولتنبيرغ
            actor = _ids(senders[0][1])
            near = [(i, m) for i, m in before[-1:] if found.first - self._mention_last(m) <= SUBJECT_GAP + 1]
            rest = [(i, m) for i, m in after if i != senders[0][0]] + near
            object_from = len(self.view.keys)
        elif (
            right_after
            and not (victim and not found.verb)
            and not (found.verb and self._subject_just_before(before, found))
        ):
            actor = _ids(right_after[0][1])
            rest = after[1:]
            object_from = self._mention_last(right_after[0][1])
            if found.verb and found.type == "ASSAULT" and found.last + 1 in self.number_starts:
                actor, recipient = [], actor  # قتل خمسة جنود: a count right after the verb is its passive subject
        else:
            actor = self._subject_before(before)
        takes = RECIPIENT_PREPS.get(found.type, ())
        for position, (i, mention) in enumerate(rest):
            following = rest[position + 1 : position + 2]
            person_next = bool(following) and following[0][1].type == "PER"
            if mention.subtype == "demonym" and person_next and following[0][0] - self._mention_last(mention) <= 2:
                continue  # الرئيس الفرنسي إيمانويل ماكرون: the person, not the country
            ids = [e for e in _ids(mention) if e not in actor]
            prep = self._prep(i)
            direct = prep == "" and self._gap(object_from, i) <= OBJECT_GAP
            if ids and (direct or (prep and prep in takes)):
                recipient = ids[:1]
                break
        own = self.owner[found.first]
        if own is not None and own.subtype == "agent" and own.start <= self.view.spans[found.first][0]:
            # متظاهرون خرجوا، قتل ثلاثة متظاهرين: the group the trigger names is its actor (or, hurt, its recipient)
            ids = _ids(own)
            if victim:
                recipient = ids
            else:
                actor = ids
            recipient = [r for r in recipient if r not in actor]
        if trigger.role == "host" and recipient:
            actor, recipient = recipient, actor
        elif victim and not recipient:
            if not found.verb and right_after:
                recipient = _ids(right_after[0][1])  # مقتل X، اغتيال X: the genitive suffers
            elif trigger.role == "victim_subject":
                actor, recipient = [], actor
        return tuple(dict.fromkeys(actor)), tuple(dict.fromkeys(recipient))

    def _subject_just_before(self, before: list[tuple[int, Mention]], found: _Found) -> bool:
        """A name right before a verb in its clause is its subject (أن بعثة الناتو تدعم العراق: SVO)."""
        if not before:
            return False
        i, mention = before[-1]
        last = self._mention_last(mention)
        between = range(last + 1, found.first)
        return (
            self._prep(i) == ""
            and len(between) <= 1
            and not any(self.view.raw[j] in CLAUSE_BREAKS or self.view.conj[j] for j in between)
        )

    def _subject_before(self, before: list[tuple[int, Mention]]) -> list[str]:
        """The last name before the trigger outside a prepositional phrase, with the names joined to it by و or
        apposition (ستولتنبرغ، ووزير خارجية العراق فؤاد حسين)."""
        subjects = [(i, m) for i, m in before if self._prep(i) == ""]
        if not subjects:
            return []
        chain = [subjects[-1]]
        anchor = subjects[-1][0]  # first token of the chain so far, with the names that only modify it
        joined = False
        for i, mention in reversed(subjects[:-1]):
            between = range(self._mention_last(mention) + 1, anchor)
            if not between:  # وزير خارجية العراق فؤاد حسين: a name right before another modifies it
                anchor = i
                continue
            if len(between) > COMPOUND_GAP:
                break
            conj = any(self.view.conj[j] or self.view.raw[j] == "و" for j in range(between[0], anchor + 1))
            same = bool(set(_ids(mention)) & set(_ids(chain[-1][1])))
            if not (conj or same or all(self.view.raw[j] in CLAUSE_BREAKS for j in between)):
                break
            joined = joined or conj
            chain.append((i, mention))
            anchor = i
        chosen = chain if joined else chain[:1]
        return [e for _, m in reversed(chosen) for e in _ids(m)]

    def _verbal_subject(self, found: _Found) -> bool:
        """Whether the subject of an attack verb is a person or an office (هاجم الرئيس منتقديه)."""
        people = {e.id for e in self.doc.entities if e.type == "PER"}
        if set(found.actors) & people:
            return True
        after = range(found.last + 1, min(len(self.view.keys), found.last + 1 + SUBJECT_GAP))
        return any(
            self.view.phrase_at(i, self.lexicon.verbal_subjects) or getattr(self.owner[i], "type", None) == "PER"
            for i in after
        )

    def _gap(self, after: int, before: int) -> int:
        """Tokens strictly between two positions, not counting a place phrase (في عمان) among them."""
        count = 0
        for j in range(after + 1, before):
            owner = self.owner[j]
            place = owner is not None and owner.type == "LOC" and self._prep(self.view.token_at(owner.start)) == "في"
            if not place and self.view.keys[j] != PLACE_PREP_KEY:
                count += 1
        return count

    def _mention_last(self, mention: Mention) -> int:
        return self.view.token_at(mention.end - 1)

    def _prep(self, i: int) -> str:
        """The preposition governing token ``i``: written on it (بالعراق) or the word before it (في العراق)."""
        if self.view.preps[i]:
            return self.view.preps[i]
        return PREPOSITIONS.get(self.view.keys[i - 1], "") if i > 0 else ""

    def _names(self, first: int, end: int) -> list[tuple[int, Mention]]:
        """The distinct participant mentions of tokens ``[first, end)``, with their first token."""
        names: list[tuple[int, Mention]] = []
        for i in range(max(first, 0), min(end, len(self.owner))):
            mention = self.owner[i]
            if mention is not None and (not names or names[-1][1] is not mention):
                names.append((i, mention))
        return names

    def _time(self, found: _Found) -> tuple[str | None, str | None]:
        sentence = self.view.sentences[found.sentence]
        for time in self.doc.times:
            in_sentence = sentence.start <= time.start < sentence.end
            if in_sentence and time.type == "DATE" and time.value and time.value[:1].isdigit():
                return time.id, time.value
        reference = self._reference_date()
        if reference is not None:
            return reference
        published = self.doc.published_iso
        return None, published[:10] if published else None

    def _reference_date(self) -> tuple[str | None, str | None] | None:
        """The article's first date of a day on or before publication; a year or a month (في عام 2014، الشهر الماضي)
        dates the background, not what the article reports."""
        published = (self.doc.published_iso or "")[:10]
        for time in self.doc.times:
            if (
                time.type == "DATE"
                and time.value
                and DAY_DATE.fullmatch(time.value)
                and (not published or time.value <= published)
            ):
                return time.id, time.value
        return None

    def _location(self, found: _Found, clause: tuple[int, int], taken: set[str]) -> str | None:
        for i, mention in self._names(clause[0], clause[1]):
            if mention.type != "LOC" or mention.entity in taken or mention.entity is None:
                continue
            if self.view.preps[i] == "ب" or (i > 0 and self.view.keys[i - 1] in PLACE_WORDS):
                return mention.entity
        dateline = next((s for s in self.doc.sources if s.kind == "dateline"), None)
        if dateline is not None:
            first_place = next((m for m in self.doc.mentions if m.type == "LOC" and m.end <= dateline.start), None)
            if first_place is not None:
                return first_place.entity
        return None

    def _code(self, found: _Found, governor: _Found | None, coded: list[_Found]) -> _Found:
        clause = self._clause(found)
        found.modality = self._modality(found, clause, governor)
        kind = found.trigger.type
        if found.modality == "future" and kind in COOPERATION:
            kind = "AGREE"  # PLOVER: cooperation promised for the future is an agreement
        elif found.modality == "future" and kind == "RETREAT":
            kind = "CONCEDE"
        found.type = kind
        found.mode = self._mode(found, clause) if kind == found.trigger.type else None
        found.stance = self._stance_before(found)
        found.actors, found.recipients = self._participants(found)
        if found.trigger.role == "verbal_if_person" and self._verbal_subject(found):
            found.type, found.mode = "ACCUSE", "disapprove"  # هاجم الرئيس منتقديه: words, not weapons
        previous = next((c for c in self._earlier_in_sentence(found, coded) if c.verb and c.actors), None)
        subject_after = self._names(found.last + 1, found.last + 1 + SUBJECT_GAP)
        if previous is not None and found.verb and self.view.conj[found.first] and not subject_after:
            # شكر الوزير … وقبل الدعوة: a verb joined by و to an earlier one in its sentence shares its subject
            found.actors = previous.actors
            found.recipients = tuple(r for r in found.recipients if r not in found.actors)
        found.time, found.date = self._time(found)
        found.location = self._location(found, clause, set(found.actors) | set(found.recipients))
        found.background = self._background(found, clause, coded)
        sentence = self.view.sentences[found.sentence]
        found.evidences.append(Span(sentence.start, sentence.end, sentence.text))
        return found

    @staticmethod
    def _earlier_in_sentence(found: _Found, coded: list[_Found]) -> Iterator[_Found]:
        """The triggers coded before ``found`` in its sentence, nearest first (``coded`` is in text order)."""
        for other in reversed(coded):
            if other.sentence != found.sentence:
                return
            yield other

    def _background(self, found: _Found, clause: tuple[int, int], coded: list[_Found]) -> bool:
        """Whether this report only mentions the event as the cause, topic or setting of what its sentence tells:
        after a stance or investigation word (أدان الهجوم، الوقوف وراء الهجوم، التحقيق في مقتل), right after a
        linking word (بعد الهجوم، منذ بدء القصف، التي شهدت هجوما، ردا على القصف، جراء القصف، خلال الغارة), after a
        topic noun (أسباب الانفجار), in a relative clause, in a clause that places it years ago or tells it as a habit,
        in the present tense, as the object of a future verb or of the verb of another act, as a definite subject of
        what a statement says (أوضح أن الهجوم حوثي), joined by و to a background report, next to a setting verb
        (يأتي الهجوم بعد، الغارة تأتي ردا), or in a question."""
        view, lexicon = self.view, self.lexicon
        first, last = view.sentence_tokens(found.sentence)
        if last > first and view.raw[last - 1] == "؟":
            return True
        if found.stance >= 0:
            return True
        links = range(max(first, found.first - LINK_WINDOW), found.first)
        if any(view.phrase_at(i, lexicon.background_links) for i in links):
            return True
        topics = range(max(clause[0], found.first - TOPIC_WINDOW), found.first)
        if any(view.phrase_at(i, lexicon.background_topic) for i in topics):
            return True
        if self._in_relative_clause(found, clause):
            return True
        if self._purpose_or_result(found, clause):
            return True
        if self._agents_in_another_act(found, clause, coded):
            return True
        if self._long_ago_or_habitual(found, clause):
            return True
        if self._told_by_another_act(found, clause, coded):
            return True
        if self._present_told_or_generic(found, clause):
            return True
        if self._joined_to_background(found, coded) or self._given_topic(found, clause, coded):
            return True
        if found.definite and not found.verb:
            if found.span_last + 1 < clause[1] and view.phrase_at(found.span_last + 1, lexicon.background_copula):
                return True  # والتفجير هو الأكثر دموية: the event described, not reported
            before = range(max(first, found.first - 2), found.first)
            after = range(found.last + 1, min(last, found.last + 3))
            return any(view.phrase_at(i, lexicon.background_setting) for i in (*before, *after))
        return False

    def _agents_in_another_act(self, found: _Found, clause: tuple[int, int], coded: list[_Found]) -> bool:
        """Whether a trigger that names the people who act (المتظاهرين، المحتجين) is the object of على، ل or ضد: they
        are whom another act is done to (الاعتداء على متظاهرين، استهدافها للمتظاهرين), the protest only
        its setting. Not after من or ب (حشد من المتظاهرين، امتلأت الشوارع بالمحتجين): they are there; nor when the
        police fire at them or gas them in the clause (أطلقت الشرطة النار على المتظاهرين): the protest is the news."""
        own = self.owner[found.first]
        if found.verb or own is None or own.subtype != "agent" or found.trigger.type != "PROTEST":
            return False
        if self._prep(found.first) not in AGENT_OBJECT_PREPS:
            return False
        return not any(
            c.first >= clause[0]
            and c.type == "ASSAULT"
            and c.modality == "asserted"
            and (c.verb or c.mode == "crowd-control")
            for c in self._earlier_in_sentence(found, coded)
        )

    def _purpose_or_result(self, found: _Found, clause: tuple[int, int]) -> bool:
        """Whether the trigger is what another act is for (خرجوا للمشاركة في التظاهرات، من أجل الاعتصام) or what it
        led to (تسببت الأزمة في احتجاجات، ضغوط أسفرت عن احتجاجات، أشعلت موجة احتجاجات): that act is what the
        clause reports. A definite trigger after a verb of result is rather its subject, the cause (أثار الهجوم
        غضبا)."""
        view, lexicon = self.view, self.lexicon
        for j in range(max(clause[0], found.first - PURPOSE_WINDOW), found.first):
            if view.preps[j] == "ل" and view.phrase_at(j, lexicon.background_purpose):
                return True
            length = view.phrase_at(j, lexicon.background_purpose_phrases)
            if length and j + length <= found.first:
                return True
        before = found.first - 1
        prep = view.preps[found.first] == "ب" or (before >= clause[0] and view.keys[before] in RESULT_PREPS)
        for j in range(max(clause[0], found.first - RESULT_WINDOW), found.first):
            if prep and view.phrase_at(j, lexicon.background_result):
                return True  # تسببت الأزمة في احتجاجات
            length = view.phrase_at(j, lexicon.background_result_objects)
            if length and j + length <= found.first and not found.definite:
                return True  # أشعلت موجة احتجاجات، أشعل القرار موجة احتجاجات
        return False

    def _present_told_or_generic(self, found: _Found, clause: tuple[int, int]) -> bool:
        """Whether a verb trigger in the present is what a statement says is done (يقول إنه يطلق النار دفاعا عن النفس)
        or a generic passive (يتم استهداف الصحفيين): not the news of a happening. A present verb that opens its
        clause (يتظاهر الآلاف في العاصمة) may well be the news: it stays."""
        if not found.verb or not found.trigger.imperfect or self.view.forms[found.first].fut:
            return False
        keys = self.view.keys
        return any(keys[i] in COMPLEMENTISERS or keys[i] in GENERIC_PASSIVE for i in range(clause[0], found.first))

    def _told_by_another_act(self, found: _Found, clause: tuple[int, int], coded: list[_Found]) -> bool:
        """Whether a noun trigger follows, in its clause, the verb of an act of another kind that the clause reports
        (اعتقلت الشرطة تسعة أشخاص إثر صدامات، بحث الوزيران الهجمات، أشاد بالدفاعات خلال الغارة): the event is
        its cause, topic or setting."""
        if found.verb:
            return False
        for other in reversed(coded):
            if other.sentence != found.sentence or other.last < clause[0]:
                break
            if other.verb and other.type in MAIN_ACTS.get(found.type, ()) and other.modality == "asserted":
                return True
        return False

    def _joined_to_background(self, found: _Found, coded: list[_Found]) -> bool:
        """Whether a noun trigger is joined by و to the one right before it, which is background (عدا حصيلة القتلى
        والجرحى، مصطلحات القتل والذبح): the two share its place in the sentence."""
        if found.verb or not self.view.conj[found.first] or not coded:
            return False
        previous = coded[-1]
        return previous.sentence == found.sentence and previous.span_last + 1 == found.first and previous.background

    def _given_topic(self, found: _Found, clause: tuple[int, int], coded: list[_Found]) -> bool:
        """Whether a definite noun trigger is the subject of what a reported statement says about an event already
        known (أوضح أن الهجوم حوثي، قال إن الإضرابات قد تستمر، صرح أن الاحتجاجات تتم بدفع من …; after a future verb:
        ستوسع هجومها): not news of it, unless a verb of happening (بدأ، اندلع، أسفر) or another trigger of its
        kind follows in its clause (أن الهجوم بدأ بانفجار)."""
        view, lexicon = self.view, self.lexicon
        if found.verb or found.first == 0:
            return False
        if view.forms[found.first - 1].fut:
            return True
        if not found.definite or view.keys[found.first - 1] not in COMPLEMENTISERS:
            return False
        after = range(found.span_last + 1, clause[1])
        return not any(view.phrase_at(i, lexicon.happening) or self._same_kind_at(i, found) for i in after)

    def _same_kind_at(self, i: int, found: _Found) -> bool:
        match = self._match_at(i)
        return match is not None and match[0].type == found.trigger.type

    def _in_relative_clause(self, found: _Found, clause: tuple[int, int]) -> bool:
        """Whether the trigger stands in a relative clause (الجندي الذي يعتقد أنه قتل، المدينة التي شهدت هجوما): a
        relative pronoun a few tokens before it in its clause."""
        view = self.view
        start = max(clause[0], found.first - RELATIVE_WINDOW)
        return any(view.phrase_at(i, self.lexicon.background_relative) for i in range(start, found.first))

    def _long_ago_or_habitual(self, found: _Found, clause: tuple[int, int]) -> bool:
        """Whether the clause places the event years ago (قبل سبع سنوات، منذ عقود، في غارة عام 2011 in an article of
        2018), at an anniversary (في ذكرى), or tells it as habitual or repeated (شنت مرارا غارات، يتعرض المعتقلون
        للتعذيب): history, not the news."""
        view, lexicon = self.view, self.lexicon
        published = (self.doc.published_iso or "")[:4]
        if published.isdigit():
            start, end = view.spans[clause[0]][0], view.spans[clause[1] - 1][1]
            for time in self.doc.times:
                year = (time.value or "")[:4]
                old = time.type == "DATE" and year.isdigit() and int(year) <= int(published) - YEARS_AGO
                if old and start <= time.start < end:
                    return True
        for i in range(clause[0], clause[1]):
            if view.phrase_at(i, lexicon.background_habitual) or view.phrase_at(i, lexicon.background_anniversary):
                return True
            if view.keys[i] in YEARS_BEFORE and any(
                view.phrase_at(j, lexicon.background_years) for j in range(i + 1, min(clause[1], i + 4))
            ):
                return True
        return False

    def _stance_before(self, found: _Found) -> int:
        """The last token of a stance or investigation word (أدان، ندد ب، الوقوف وراء، التحقيق في) a few tokens before
        the trigger in its sentence, or -1. A noun may be its object across commas (ردود أفعال الدول الكبرى،
        بريطانيا وفرنسا، على … مقتل); a verb only in the same clause (ندد بالهجوم، فيما قتل خمسة: news of its own)."""
        first, _ = self.view.sentence_tokens(found.sentence)
        for i in range(found.first - 1, max(first, found.first - STANCE_WINDOW) - 1, -1):
            if found.verb and self.view.raw[i] in CLAUSE_BREAKS:
                return -1
            length = self.view.phrase_at(i, self.lexicon.background_stance)
            if length and i + length <= found.first:
                return i + length - 1
        return -1

    def _mode(self, found: _Found, clause: tuple[int, int]) -> str | None:
        """The trigger's mode, or for a request or rejection the one its complement names (دعا X إلى الحوار)."""
        modes = self.lexicon.complement_modes.get(found.type)
        if found.trigger.mode is None and modes:
            for i in range(found.last + 1, min(clause[1], found.last + 1 + AFTER_WINDOW)):
                for mode, phrases in modes.items():
                    if self.view.phrase_at(i, phrases):
                        return mode
        return found.trigger.mode

    # --- one event per happening

    def _own_clause(self, event: Event, item: _Found) -> bool:
        """Whether ``item`` is a verb in a clause of its own after the event's trigger (ندد بالهجوم، فيما قتل …)."""
        if not item.verb:
            return False
        after = self.view.token_at(event.trigger.end - 1) + 1
        breaks = self.clause_breaks
        index = bisect_left(breaks, after)
        return index < len(breaks) and breaks[index] < item.first

    def _same_sentence(self, events: list[Event], item: _Found) -> int | None:
        """An event of the same type and modality in the same sentence whose participants agree with the item's:
        قتل خمسة أشخاص في انفجار سيارة مفخخة is one attack."""
        sentence = self.view.sentences[item.sentence]
        for index in range(len(events) - 1, -1, -1):
            event = events[index]
            if event.evidence.start != sentence.start:
                if event.evidence.start < sentence.start:
                    return None
                continue
            if event.type != item.type or event.modality != item.modality:
                continue
            if event.mode and item.mode and event.mode != item.mode and item.type != "ASSAULT":
                continue
            agree = all(
                not theirs or not ours or set(theirs) & set(ours)
                for theirs, ours in ((event.actors, item.actors), (event.recipients, item.recipients))
            )
            if agree:
                return index
        return None

    def _merge(self, found: list[_Found]) -> list[Event]:
        events: list[Event] = []
        index: dict[tuple, int] = {}
        last_of_kind: dict[tuple, tuple[int, int]] = {}  # (type, mode, modality, noun) → (event, sentence)
        evidences: list[list[Span]] = []  # each event's reports, kept apart while they grow
        evidence_starts: list[set[int]] = []
        for item in found:
            symmetric = item.type in SYMMETRIC_TYPES and item.mode != "visit"
            people = frozenset(item.actors + item.recipients) if symmetric else (item.actors, item.recipients)
            key = (item.type, item.mode, people, item.date, item.modality)
            kind = (item.type, item.mode, item.modality, item.trigger.words)
            target = index.get(key) if (item.actors or item.recipients) else None
            if target is None:
                target = self._same_sentence(events, item)
            if target is None and item.definite and not item.verb and kind in last_of_kind:
                event_index, sentence = last_of_kind[kind]
                if item.sentence - sentence <= ANAPHORA_SENTENCES:
                    target = event_index  # الزيارة again, a sentence later: the same visit
            if target is not None:
                evidence = item.evidences[0]
                same_sentence = evidence.start in evidence_starts[target]
                events[target] = _completed(events[target], item, same_sentence, self._own_clause(events[target], item))
                if not same_sentence:
                    evidences[target].append(evidence)
                    evidence_starts[target].add(evidence.start)
                last_of_kind[kind] = (target, item.sentence)
                continue
            a = self.view.name_starts[item.first]
            b = self.view.spans[max(item.last, item.span_last)][1]
            event = Event(
                f"v{len(events) + 1}",
                item.type,
                Span(a, b, self.text[a:b]),
                item.evidences[0],
                mode=item.mode,
                actors=item.actors,
                recipients=item.recipients,
                time=item.time,
                date=item.date,
                location=item.location,
                modality=item.modality,
                evidences=tuple(item.evidences),
                background=item.background,
            )
            index[key] = len(events)
            last_of_kind[kind] = (len(events), item.sentence)
            events.append(event)
            evidences.append(list(item.evidences))
            evidence_starts.append({e.start for e in item.evidences})
        return [replace(event, evidences=tuple(spans)) for event, spans in zip(events, evidences, strict=True)]


def _completed(event: Event, item: _Found, same_sentence: bool, own_clause: bool) -> Event:
    """``event`` with what another report of it adds: a mode, actors or recipients it lacked. Reported as news in
    another sentence (``same_sentence`` false), or by a verb of a clause of its own, it is no longer background;
    otherwise, in the same sentence, its first word decides (يأتي الهجوم بعد جولة التصعيد التي أدت إلى مقتل ثلاثة: the
    attack, and the deaths with it, are background)."""
    first_decides = same_sentence and not own_clause
    return replace(
        event,
        background=event.background if first_decides else event.background and item.background,
        mode=event.mode or item.mode,
        actors=event.actors or tuple(a for a in item.actors if a not in event.recipients),
        recipients=event.recipients or tuple(r for r in item.recipients if r not in event.actors),
    )


def _ids(mention: Mention) -> list[str]:
    return list(mention.refers) if mention.refers else [mention.entity] if mention.entity else []
