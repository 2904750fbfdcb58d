"""Resolution inside one article: every mention of one real-world thing becomes one entity.

In text order, each name mention joins an entity or starts one:

- a name the knowledge base knows (الناتو, حلف شمال الأطلسي, داعش, العراق) joins the entity of that actor;
- a person's name joins the person whose full name has the same skeleton (يانس ستولتنبرغ = ينس ستولتنبرغ), or
  whose last name it is (حسين → فؤاد حسين; the latest such person when several share it); a one-word place
  or organisation mention that is such a surname is a person mention the tagger mistyped;
- other names join an earlier mention with the same key.

Then descriptions are linked: a title in apposition before a person (وزير خارجية العراق فؤاد حسين; مستشار
الأمن القومي العراقي، قاسم الأعرجي) becomes a role of that person, and the same title later without the name
(الأمين العام لحلف الناتو، أكد ...) a mention of that person; الجانبان / الطرفان refer to the two parties of the
sentence before; a bare head (الحلف) to the one organisation named with it; an institution with a nationality
(الخارجية العراقية) is an organisation of that country; a nationality adjective (العراقي) a mention of the
country. Offsets of new mentions always come from the tokens of the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field, replace

from khabar.document import Document, Entity, Mention, Role
from khabar.resolve.kb import Actor, KnowledgeBase, Office, knowledge_base
from khabar.resolve.names import loose_skeleton, loosen, phrase_key, skeleton, word_key
from khabar.resolve.romanise import is_given_name, romanise
from khabar.text.tokens import FormCache, TokenView

GROUP_WORDS = frozenset({"جانبان", "جانبين", "طرفان", "طرفين", "بلدان", "بلدين", "دولتان", "دولتين"})
# Heads that, with the article alone, stand for the one organisation named with them (الحلف → حلف الناتو);
# heads that are also common nouns (التنظيم "the organising", الاتحاد "the union") are left out.
PATRONYMIC_WORDS = frozenset(word_key(w) for w in ("بن", "ابن", "بنت"))  # بن علي: part of many names
ANAPHOR_HEADS = frozenset({"حلف", "حركه", "حزب", "منظمه", "جبهه", "جماعه"})
COMPLEMENTISERS = frozenset({"إن", "أن", "ان"})
# ministries named by their word alone when they speak (وأكدت الداخلية أنها); not الدفاع, a court's defence too
MINISTRY_WORDS = frozenset(word_key(w) for w in ("الخارجية", "الداخلية"))
STATEMENT_KEYS = frozenset(word_key(w) for w in ("بيان", "بلاغ", "تصريح", "تغريدة"))
CAPITAL_KEY = word_key("العاصمة")
THAT_KEY = word_key("أن")  # the key of أن، إن، بأن، إنها …
COMPASS_WORDS = frozenset(word_key(w) for w in ("الشمالية", "الشمالي", "الجنوبية", "الجنوبي"))  # الكورية الشمالية
RANK_WORDS = frozenset(word_key(w) for w in ("الأول", "أول", "ركن"))  # after الفريق، اللواء: the rank goes on
# where a body is, never what it does: مستشفى في غزة، مستشفى قرب واشنطن
PLACE_PREPOSITIONS = frozenset(
    word_key(w) for w in ("في", "قرب", "داخل", "خارج", "عند", "لدى", "شمال", "جنوب", "شرق", "غرب")
)
# a country's bodies abroad, named by the country alone (بعثة الكويت، سفارة فرنسا): none of its institutions at home
ABROAD_HEADS = frozenset(word_key(w) for w in ("بعثة", "سفارة", "قنصلية", "مندوبية"))
PLACE_KINDS = frozenset(word_key(w) for w in ("منطقة", "مدينة", "ولاية", "مقاطعة", "إقليم", "محافظة", "بلدة"))
PLACE_OR_THING_HEADS = frozenset(word_key(w) for w in ("قناة", "موقع"))  # قناة السويس is a canal, not a channel
# heads that name a force or faction with one word after them (قوات التحالف، فصيل جيش الإسلام), and only describe one
# with more (قوات المهمات التدريبية)
LATTER_KEYS = (word_key("أخير"), word_key("أخيرة"))  # الأخير / الأخيرة: "the latter"
ONE_WORD_HEADS = frozenset({"قوات", "فصيل"})
# heads whose organisation the name after them is (شركة هاشم للسياحة), not a body inside it (بعثة حلف الناتو)
NAMING_HEADS = frozenset(
    word_key(w) for w in ("شركة", "مجموعة", "مؤسسة", "جمعية", "منظمة", "وكالة", "صحيفة", "جريدة", "مصرف", "بنك")
)
# Adjectives that only describe an organisation, never name one: الوكالة الرسمية، المنظمة الخيرية is the agency or
# charity named before, like الوكالة alone
GENERIC_ADJECTIVES = frozenset(
    word_key(w)
    for w in (
        "الرسمية", "الرسمي", "الحكومية", "الحكومي", "الخيرية", "الخيري", "الحقوقية", "الحقوقي", "المذكورة", "الشرعية",
        "الشرعي",
    )
)  # fmt: skip
# Adjectives that only describe one kind of body: التحالف العسكري is the coalition of the story, as التحالف is
HEAD_ADJECTIVES = {word_key(h): frozenset({word_key("العسكري")}) for h in ("التحالف", "الحلف")} | {
    # التنظيم alone is also "the organising": only with an adjective of armed groups is it the group named before
    word_key("التنظيم"): frozenset(word_key(w) for w in ("المتطرف", "الإرهابي", "المتشدد", "الجهادي"))
}
# Words that end a title phrase when reading backwards from a name: verbs and particles of reporting.
_STOP_TEXT = (
    "أكد قال أعلن كان كانت استقبل التقى بحث دعا شكر أشار أوضح أضاف ذكر قالت أكدت "
    "إن أن على من عن إلى مع بعد قبل ثم حيث الذي التي وقد قد لقد هو هي بين ضد "
    "خلال عبر وجاء جاء يذكر"
)
STOP_WORDS = frozenset(word_key(w) for w in _STOP_TEXT.split())
# Days and relative times, which end an organisation's description (تولى السلطة الشهر الماضي، أقامت الحكومة الأحد)
_TIME_TEXT = (
    "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت أمس الماضي الماضية المقبل المقبلة القادم القادمة "
    "الشهر الأسبوع"
)
TIME_WORDS = frozenset(word_key(w) for w in _TIME_TEXT.split())
ONCE_WORDS = frozenset(word_key(w) for w in ("مرة", "المرة", "للمرة"))  # للمرة الثانية: never a word of a name
LINEAGE_WORDS = frozenset(("بن", "ابن", "بنت"))  # "son of", "daughter of" inside a name
PERSON_TYPES = ("PER",)
ORG_TYPES = ("ORG",)
FAMILY_FIRST_WORDS = 3  # words of a full name whose first word may stand alone for it (كيم جونغ أون → كيم)
CLUSTER_LOOKBACK = 500  # entities a name is compared with, newest first
SHORT_SURNAME = 3  # letters of a surname skeleton that is a mention alone only with its article (الصدر)
# a relative with a pronoun (والدته، وأبناؤه، شقيقها), as written: never a name alone
RELATIVE_NOUN = re.compile(r"زوج[هت]?|ابن[هت]?|نجل|نجله|كريم[هت]")  # a key before a name: زوجة الرئيس، نجل الملك
KINSHIP_WORD = re.compile(
    r"[وف]?(?:ابن|ابنت|أبناؤ|أبنائ|أبناء|والد|والدت|زوج|زوجت|شقيق|شقيقت|أخ|أخت|أخو|أخي|عائلت|أسرت|أقارب|أهل)"
    r"(?:ه|ها|هم|هما|هن|ي|نا)"
)
MINISTER_KEYS = frozenset(word_key(w) for w in ("وزير", "وزيرة"))
QUOTE_OPENERS = {'"': '"', "«": "»", "“": "”"}
QUOTED_NAME_WORDS = 4  # words of an organisation's name in quotation marks after its head
DESCRIPTION_WORDS = 4  # definite words after the head of a described organisation


@dataclass
class _Mention:
    start: int
    end: int
    type: str
    first: int  # first token index
    last: int  # last token index (inclusive)
    subtype: str | None = None
    cluster: int | None = None
    refers: tuple[int, ...] = ()


@dataclass
class _Cluster:
    type: str
    actor: Actor | None = None
    full_names: list[tuple[str, ...]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    roles: list[tuple[str, str, str | None, int | None]] = field(default_factory=list)  # ar, en, sector, of
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    named: int = 0  # the mentions joined to it so far


class ArticleResolver:
    """Turns a document's mentions into entities (sets ``mentions`` and ``entities``)."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or knowledge_base()
        self.forms = FormCache()

    def __call__(self, doc: Document) -> None:
        work = _Work(doc, self.kb, self)
        work.run()


class _Work:
    """The state of resolving one document."""

    def __init__(self, doc: Document, kb: KnowledgeBase, resolver: ArticleResolver) -> None:
        self.doc = doc
        self.kb = kb
        self.text = doc.text
        view = self.view = TokenView.of(doc, resolver.forms)  # made once per document, read by later stages too
        self.spans = view.spans
        self.starts = view.starts
        self.ends = [e for _, e in self.spans]
        self.raw = view.raw
        self.forms = view.forms
        self.keys = view.keys  # keys of token stems: لحلف → حلف, والعراق → عراق
        self.sentence_of = self._sentence_index()
        self.mentions: list[_Mention] = []
        self.owner: list[_Mention | None] = [None] * len(self.spans)  # the mention covering each token
        self.clusters: list[_Cluster] = []
        self.actor_clusters: dict[str, int] = {}  # the cluster of each known actor, by its id
        self.described_anaphors: dict[int, int] = {}  # الوكالة الرسمية: the head's token → the adjective's
        self.national_anaphors: dict[int, str] = {}  # الوزارة الإيطالية: the head's token → the country's code
        self.nationalities_of_anaphors: set[int] = set()  # الإيطالية of الوزارة الإيطالية: no demonym of its own
        self._country_marks: tuple[int, list[tuple[int, str]]] = (0, [])  # see _country_leaders
        self._country_table: tuple[list[int], list[str]] = ([], [])

    # --- tokens

    def _sentence_index(self) -> list[int]:
        index = [0] * len(self.spans)
        for number, sentence in enumerate(self.doc.sentences):
            for i in range(bisect_left(self.starts, sentence.start), bisect_left(self.starts, sentence.end)):
                index[i] = number
        return index

    def _tokens_of(self, start: int, end: int) -> tuple[int, int]:
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = max(bisect_left(self.ends, end), first)
        return first, min(last, len(self.spans) - 1)

    def _name_start(self, index: int) -> int:
        """Where a name or title starting at token ``index`` starts: after و/ف/ب/ل/ك, keeping a written ال."""
        return self.spans[index][0] + self.forms[index].name_start

    def _add(self, mention: _Mention) -> None:
        self.mentions.append(mention)
        for i in range(mention.first, mention.last + 1):
            if self.owner[i] is None:
                self.owner[i] = mention

    def _mention_text(self, mention: _Mention) -> str:
        """A mention's words as text (the words of a hashtag, #الاتحاد_الأوروبي, apart)."""
        return self.text[mention.start : mention.end].replace("_", " ")

    # --- main

    def run(self) -> None:
        for mention in self.doc.mentions:
            if not self.spans:
                break
            first, last = self._tokens_of(mention.start, mention.end)
            if word_key(mention.text) in GROUP_WORDS:
                continue  # الجانبان is a reference to two parties, resolved below, not a name
            if last > first and self.raw[last] in COMPLEMENTISERS and self.forms[last - 1].article:
                # وقالت المنظمة إن …: the complementiser after a definite word is not part of the name
                last -= 1
                if last == first and self.keys[first] in ANAPHOR_HEADS | self.kb.anaphoric_heads:
                    continue  # المنظمة alone: an anaphor, resolved below
                end = self.spans[last][1]
                self._add(_Mention(mention.start, end, mention.type, first, last, mention.subtype))
                continue
            if self._anaphoric_name(first, last):
                continue  # the tagger's المنظمة, الوكالة الرسمية: an anaphor, resolved below
            if self._office_only(first, last):
                continue  # the tagger's حافظ الأمن، الرئيس: a title, its holder's (resolved with the bare titles)
            if first == last and KINSHIP_WORD.fullmatch(self.raw[first]):
                continue  # the tagger's وأبناؤه "and his sons": a relative, no name
            if first == last and mention.type != "LOC" and self.kb.demonym_of_key(self.keys[first]):
                continue  # the tagger's الرئيس الفلبيني as a person: the nationality adjective, read below
            end = mention.end
            bracket = next((k for k in range(first + 1, last + 1) if self.raw[k] == "("), None)
            if bracket is not None and ")" not in self.raw[bracket : last + 1]:
                last, end = bracket - 1, self.spans[bracket - 1][1]  # منظمة الصحة العالمية (WHO: the name before it
            while self._hyphen_after(last) and self.owner[last + 2] is None:
                last += 2  # مون جيه-إن, which the tagger ends at the hyphen
                end = self.spans[last][1]
            if self._organisation_head_before(first) and (
                mention.type == "MISC" or (mention.type == "ORG" and self._named_by_head_before(first, mention.text))
            ):
                # مجموعة واندا، شركة أرامكو، شركة هاشم للسياحة: a name after an organisation's head noun is that
                # organisation's
                first -= 1
                self._add(_Mention(self._name_start(first), end, "ORG", first, last, mention.subtype))
                continue
            closer = self._quoted_after(first - 2) if first >= 2 else None
            if closer is not None and closer == last + 1 and self.owner[first] is not None:
                continue  # the head's mention took the quoted name already
            if closer is not None and closer == last + 1 and mention.type in ("MISC", "ORG"):
                # منظمة "أنا يقظ"، شركة "برايس واتر هاوس كوبرز": the quoted words are the name, all of them (no
                # clitic on the first), and an organisation's with its head noun when that stands before the marks
                start, kind = self.spans[first][0], mention.type
                if self._organisation_head_before(first - 1):  # the head, the marks and the name
                    first, start, end, last, kind = (
                        first - 2,
                        self._name_start(first - 2),
                        self.spans[closer][1],
                        closer,
                        "ORG",
                    )
                self._add(_Mention(start, end, kind, first, last, mention.subtype))
                continue
            kind = mention.type
            if (kind == "ORG" or (first == last and not self.forms[first].article)) and self._described_only(
                first, last
            ):  # the tagger may type a head alone as a person or a place (واحتفل حزب "كولورادو")
                # منظمة "أنقذوا الأطفال"، شركة التجارة الإلكترونية الصينية "JD.com": a head and what describes it,
                # then the name in quotes
                quoted = self._quoted_after(last)
                if quoted is not None:
                    last, end, kind = quoted, self.spans[quoted][1], "ORG"
            start = mention.start
            if kind == "PER" and self._known_with_word_before(first, last):
                first -= 1  # المرشد الأعلى علي خامنئي: علي, read as the preposition على, begins the known name
                start = self._name_start(first)
            self._add(_Mention(start, end, kind, first, last, mention.subtype))
        self._known_names()
        self._described_organisations()
        self.mentions.sort(key=lambda m: m.start)
        self._people_typed_otherwise()
        for mention in self.mentions:
            self._cluster(mention)
        self._surnames()
        self._roles()
        self._agents()
        self._institutions_and_demonyms()
        self._bare_titles()
        self._relatives()
        self._anaphors()
        self._latter()
        self._groups()
        self._emit()

    # --- clustering names

    def _known_names(self) -> None:
        """Names of known organisations and countries the tagger missed (تنظيم الدولة الإسلامية) become mentions, and
        the full names of known people (مقتدى الصدر; not one word, nor a patronymic alone: بن علي). A known person's
        full name replaces the tagger's mentions that lie inside it (مون جيه tagged a place, of مون جيه إن)."""
        resume = 0
        for i in self._positions(self.kb.name_lengths):
            if i < resume:
                continue
            found = None
            for length in self.kb.name_lengths[self.keys[i]]:
                words = self._words_from(i, length)  # مون جيه-إن: three words, the hyphen between two of them
                if words is None:
                    continue
                key = " ".join(self.keys[j] for j in words)
                actor = self.kb.find_key(key, ("ORG", "LOC"))
                if (
                    actor is None
                    and self.keys[i] in self.kb.clitic_name_first_words
                    and any(self.forms[j].prep or self.forms[j].conj for j in words[1:])
                ):
                    # the knowledge base keeps و and ل inside a name (منظمة الأمم المتحدة للتربية والعلوم والثقافة)
                    actor = self.kb.find_key(" ".join(word_key(self.raw[j]) for j in words), ("ORG", "LOC"))
                if actor is None and length > 1 and self.keys[i] not in PATRONYMIC_WORDS:
                    actor = self.kb.find_key(key, ("PER",))
                # cities are only linked, never added: many of their names are also words (العيون "the eyes")
                if actor is not None and not actor.id.startswith("city:"):
                    found = (words[-1], actor)
                    break
            if found is None:
                continue
            last, actor = found
            glued = self._place_glued_before(i, last) if actor.type == "PER" else None
            if glued is not None:  # رئيس كوريا الجنوبية مون جيه-إن, all one place to the tagger: the country, then him
                glued.last, glued.end = i - 1, self.spans[i - 1][1]
                for j in range(i, last + 1):
                    self.owner[j] = None if self.owner[j] is glued else self.owner[j]
            elif self._covered(i, last) and not self._takes_over(i, last, actor):
                continue
            self._drop_inside(i, last)
            if self.sentence_of[i] == self.sentence_of[last]:
                self._add(_Mention(self._name_start(i), self.spans[last][1], actor.type, i, last))
            resume = last + 1

    def _office_only(self, first: int, last: int) -> bool:
        """Whether tokens ``[first, last]`` are a title or a rank and nothing else."""
        return any(
            (found := self._office_at(first, table, last + 1)) is not None and found[0] == last + 1
            for table in (self.kb.titles, self.kb.ranks)
        )

    def _hyphen_after(self, i: int) -> bool:
        """Whether a word is joined to token ``i`` by a hyphen, without spaces (جيه-إن)."""
        return (
            self.view.hyphen_joins(i)
            and self.raw[i + 2][:1].isalpha()
            and self.sentence_of[i + 2] == self.sentence_of[i]
        )

    def _people_typed_otherwise(self) -> None:
        """A name of two or three words the tagger typed a place or an organisation, whose last word it tags a person
        alone at least twice in the article (كارلس بيغديمونت after لإقليم كاتالونيا, then بيغديمونت, بيغديمونت): the
        person, when the knowledge base knows no place or organisation of that name and it has no head noun."""
        alone = Counter(skeleton(self._mention_text(m)) for m in self.mentions if m.type == "PER" and m.first == m.last)
        for mention in self.mentions:
            if mention.type not in ("LOC", "ORG") or not 1 <= mention.last - mention.first <= 2:
                continue
            if alone[skeleton(self.raw[mention.last])] < 2 or self.forms[mention.first].article:
                continue
            text = self._mention_text(mention)
            if self.kb.find(text, ("LOC", "ORG")) is not None or self.keys[mention.first] in self.kb.organisation_heads:
                continue
            mention.type = "PER"

    def _words_from(self, i: int, length: int) -> list[int] | None:
        """The tokens of ``length`` words from token ``i``, past a hyphen that joins two of them; None past the end."""
        words = [i]
        while len(words) < length:
            j = words[-1] + (2 if self._hyphen_after(words[-1]) else 1)
            if j >= len(self.spans):
                return None
            words.append(j)
        return words

    def _place_glued_before(self, first: int, last: int) -> _Mention | None:
        """A place the tagger ran on into a known person's name (كوريا الجنوبية مون جيه-إن): it starts before the name,
        ends inside it, and what comes before the name is a place the knowledge base knows."""
        place = self.owner[first]
        if place is None or place.type != "LOC" or not place.first < first <= place.last <= last:
            return None
        before = self.text[place.start : self.spans[first - 1][1]]
        return place if self.kb.find(before, ("LOC",)) is not None else None

    def _takes_over(self, first: int, last: int, actor: Actor) -> bool:
        """Whether a known name may replace the mentions the tagger put inside it: a person's full name, all of them
        inside and none a person already; a country's name of several words, the places inside it; an organisation's,
        the places and other names (MISC) inside it, and an organisation the tagger ended too soon (منظمة الأمم المتحدة,
        of منظمة الأمم المتحدة للتربية والعلوم والثقافة)."""
        inside = {id(self.owner[j]): self.owner[j] for j in range(first, last + 1) if self.owner[j] is not None}
        if (actor.id.startswith("country:") or actor.type == "ORG") and last > first and inside:
            # جنوب السودان where the tagger found السودان, وكالة أنباء الأناضول where it found الأناضول: a country's or
            # an organisation's name takes over the places inside it
            kinds = ("LOC", "MISC") if actor.type == "ORG" else ("LOC",)
            return all(
                m.first >= first
                and m.last <= last
                and (m.type in kinds or (actor.type == "ORG" and m.type == "ORG" and m.first == first))
                for m in inside.values()
            )
        return (
            actor.type == "PER"
            and last > first
            and all(m.first >= first and m.last <= last and m.type != "PER" for m in inside.values())
        )

    def _drop_inside(self, first: int, last: int) -> None:
        """Remove the mentions lying inside tokens ``[first, last]`` (a known name takes their place)."""
        inside = [m for m in self.mentions if m.first >= first and m.last <= last]
        if not inside:
            return
        self.mentions = [m for m in self.mentions if not (m.first >= first and m.last <= last)]
        for j in range(first, last + 1):
            self.owner[j] = None

    def _described_organisations(self) -> None:
        """Organisations described by a head noun and definite words the tagger missed: شبكة السكة الحديد
        البريطانية، وزارة التجارة الصينية، المحكمة الإدارية الاتحادية. A head with one word is left to the
        anaphors (الحكومة), an institution with a nationality to :meth:`_institutions_and_demonyms`."""
        heads = self.kb.organisation_heads
        resume = 0
        for i in self._positions(heads):
            if (
                i < resume
                or self._covered(i, i)
                or self._described_institution(i)
                or self._agent_at(i)  # قوات الأمن: a group, left to the agents
                or self._rank_after(i)  # الفريق الأول: a rank, not a team
            ):
                continue
            last, by_place = i, False
            if self._place_word(i + 1) and self._description_word(i + 1, i + 2):
                last = i + 1  # مركز دمشق الإعلامي، مطار أبوظبي الدولي: a body named by its place, then described
            elif not self.forms[i].article and self.keys[i] not in PLACE_OR_THING_HEADS:
                # شرطة لندن، شرطة منطقة باريس: a body named by its place alone, or by a kind of place and its name
                # (a country's institution, محكمة ألمانيا, is left to the institutions)
                abroad = self._country_after(i) if self.keys[i] in ABROAD_HEADS else None
                if abroad is not None:
                    last, by_place = abroad, True  # … and a country's body abroad (بعثة الكويت لدى الأمم المتحدة)
                elif self._place_word(i + 1) and not self._country_word(i + 1):
                    last, by_place = i + 1, True
                elif (
                    self.keys[i + 1 : i + 2]
                    and (self.keys[i + 1] in PLACE_KINDS or self._plain_noun(i + 1))
                    and self._place_word(i + 2)
                    and not self._country_word(i + 2)
                ):
                    last, by_place = i + 2, True  # … or by what it does and its place (فرقة إطفاء لندن)
            while (
                last + 1 < len(self.spans)
                and last - i < DESCRIPTION_WORDS
                and self._description_word(i, last + 1)
                and (not self._covered(last + 1, last + 1) or (last == i and self._misc_word(last + 1)))
                # after its place, only an adjective (فريق استقلال طهران الإيراني), not the object of a verb before it
                # (أعلنت قيادة شرطة دمشق القبض على)
                and not (by_place and not self.keys[last + 1].endswith(("ي", "يه")))
            ):
                last += 1
                if self._misc_word(last):
                    break  # a name closes the description (جيش الإسلام التوصل …)
            if last > i + 1 and self.keys[i] in ONE_WORD_HEADS:
                resume = last + 1  # قوات المهمات التدريبية: forces described, not named
                continue
            if last > i and self._anaphoric_name(i, last):
                resume = last + 1  # الوكالة الرسمية: the agency named before, resolved with the anaphors
                continue
            if last > i:
                quoted = self._quoted_after(last)  # شركة التجارة الإلكترونية الصينية "JD.com": its name follows
                if quoted is not None:
                    last = quoted
                self._drop_inside(i + 1, last)  # جيش الإسلام: الإسلام alone was tagged a thing
                self._add(_Mention(self._name_start(i), self.spans[last][1], "ORG", i, last))
            resume = last + 1

    def _plain_noun(self, k: int) -> bool:
        """Whether token ``k`` is a bare word of the sentence (no article, no clitic, no name, no function word): the
        noun of what a body does before its place (إطفاء of فرقة إطفاء لندن)."""
        form = self.forms[k]
        return (
            self.raw[k][:1].isalpha()
            and not (form.article or form.prep or form.conj or form.pronoun)
            and self.owner[k] is None
            and self.keys[k] not in STOP_WORDS | TIME_WORDS | PLACE_PREPOSITIONS
            # قيادة شرطة دمشق, but not برلمان مجلس أوروبا: a body of its own after the head
            and not (
                self.keys[k] in self.kb.organisation_heads
                and self.kb.find(self.text[self.spans[k][0] : self.spans[k + 1][1]], ("ORG",)) is not None
            )
            and not self._title_word(k)
        )

    def _description_word(self, i: int, k: int) -> bool:
        """Whether token ``k`` may go on describing the organisation headed at ``i``: a definite word in its sentence,
        neither joined by و nor a function word nor a day or time, nor a title before a person's name (الهيئة الوطنية
        للانتخابات المستشار لاشين إبراهيم: the counsellor is the person), nor a word with ب."""
        return (
            k < len(self.spans)
            and self.forms[k].article
            and not self.forms[k].conj
            and self.keys[k] not in STOP_WORDS
            and self.keys[k] not in TIME_WORDS | ONCE_WORDS
            and self.sentence_of[k] == self.sentence_of[i]
            and not (self._title_word(k) and self._person_at(k + 1))
            and self.forms[k].prep != "ب"  # وزارة المالية بالبيان الصادر: where it said, not a word of its name
        )

    def _person_at(self, k: int) -> bool:
        """Whether a person's name starts at token ``k``."""
        owner = self.owner[k] if k < len(self.spans) else None
        return owner is not None and owner.type == "PER" and owner.first == k

    def _place_word(self, k: int) -> bool:
        """Whether token ``k`` is a place name of one word, without clitics (دمشق، أبوظبي)."""
        owner = self.owner[k] if k < len(self.owner) else None
        return (
            owner is not None
            and owner.type == "LOC"
            and owner.first == owner.last == k
            and not self.forms[k].article
            and not self.forms[k].prep
            and not self.forms[k].conj
        )

    def _known_with_word_before(self, first: int, last: int) -> bool:
        """Whether the untagged word before a person's name begins, with it, a name the knowledge base knows for a
        person (علي خامنئي after the tagger's خامنئي)."""
        before = first - 1
        if before < 0 or self.owner[before] is not None or self.sentence_of[before] != self.sentence_of[first]:
            return False
        if self.forms[before].article or not self.raw[before].isalpha():
            return False
        name = " ".join(self.raw[before : last + 1])
        actor = self.kb.find(name, ("PER",))
        return actor is not None and self.kb.find(" ".join(self.raw[first : last + 1]), ("PER",)) in (None, actor)

    def _rank_after(self, i: int) -> bool:
        """Whether the word after token ``i`` goes on a military rank (الفريق الأول، اللواء الركن)."""
        return i + 1 < len(self.keys) and self.keys[i + 1] in RANK_WORDS

    def _country_after(self, i: int) -> int | None:
        """The last token of a country's name right after token ``i`` (الكويت، الولايات المتحدة), without a clitic, or
        None."""
        owner = self.owner[i + 1] if i + 1 < len(self.owner) else None
        if (
            owner is None
            or owner.type != "LOC"
            or owner.first != i + 1
            or self.forms[i + 1].prep
            or self.forms[i + 1].conj
        ):
            return None
        actor = self.kb.find(self._mention_text(owner), ("LOC",))
        return owner.last if actor is not None and actor.id.startswith("country:") else None

    def _country_word(self, k: int) -> bool:
        """Whether token ``k`` names a country (ألمانيا), not a city or region."""
        actor = self.kb.find(self.raw[k], ("LOC",))
        return actor is not None and actor.id.startswith("country:")

    def _agent_at(self, i: int) -> bool:
        lengths = self.kb.agent_lengths.get(self.keys[i], ())
        return any(" ".join(self.keys[i : i + n]) in self.kb.agents for n in lengths)

    def _misc_word(self, i: int) -> bool:
        """Whether token ``i`` is a one-word name the tagger typed MISC (الإسلام of جيش الإسلام)."""
        owner = self.owner[i]
        return owner is not None and owner.type == "MISC" and owner.first == owner.last == i

    def _described_institution(self, i: int) -> bool:
        for length in range(min(self.kb.longest_office, len(self.keys) - i), 0, -1):
            after = i + length
            if (
                after < len(self.keys)
                and " ".join(self.keys[i:after]) in self.kb.institutions
                and self.kb.demonym_of_key(self.keys[after]) is not None
            ):
                return True
        return False

    def _new_cluster(self, mention: _Mention, actor: Actor | None) -> int:
        cluster = _Cluster(type=actor.type if actor else mention.type, actor=actor)
        if actor is not None:
            cluster.country, cluster.sector, cluster.name = actor.country, actor.sector, actor.name
        return self._append(cluster)

    def _append(self, cluster: _Cluster) -> int:
        """Add a cluster; its index."""
        self.clusters.append(cluster)
        index = len(self.clusters) - 1
        if cluster.actor is not None:
            self.actor_clusters.setdefault(cluster.actor.id, index)
        return index

    def _recent(self) -> range:
        """Cluster indices from the newest back, at most :data:`CLUSTER_LOOKBACK` of them: a name is looked up
        among the entities of the article so far (thousands only in text that is not news, which stays linear)."""
        return range(len(self.clusters) - 1, max(len(self.clusters) - 1 - CLUSTER_LOOKBACK, -1), -1)

    def _join(self, mention: _Mention, index: int) -> None:
        mention.cluster = index
        cluster = self.clusters[index]
        cluster.named += 1
        words = self._mention_text(mention).split()
        cluster.keys.add(phrase_key(self._mention_text(mention)))
        if len(words) > 1 and mention.type == "PER":
            full = tuple(skeleton(w) for w in words)
            if full not in cluster.full_names:  # each name once, however often it is repeated
                cluster.full_names.append(full)

    def _first_word_holders(self, key: str, given: bool) -> set[int]:
        """The people named in full so far whose first word is ``key``: in a name of three words or more (a family name
        written first), or of two or more when ``key`` is a given name."""
        return {
            index
            for index in self._recent()
            if self.clusters[index].type == "PER"
            and any(
                len(full) >= (2 if given else FAMILY_FIRST_WORDS) and full[0] == key
                for full in self.clusters[index].full_names
            )
        }

    def _cluster(self, mention: _Mention) -> None:
        text = self._mention_text(mention)
        types = ORG_TYPES if mention.type in ("ORG", "MISC") else (mention.type,)
        if mention.type == "PER" and len(text.split()) == 1:
            # المالكي after تركي المالكي: a surname is the person the article has named in full, before any
            # other holder of that surname the knowledge base knows (نوري المالكي)
            # كالانتاري read as ك + الانتاري: the surname as written, with the ك, when the full name has it
            key = skeleton(text)
            keys = {key, skeleton(self.raw[mention.first])}
            holders = {
                index
                for index in self._recent()
                if self.clusters[index].type == "PER"
                and any(len(full) > 1 and full[-1] in keys for full in self.clusters[index].full_names)
            }
            # ماي of تيريزا ماي: three letters written (two in its skeleton) are enough for a word tagged a person
            if len(holders) == 1 and len(word_key(text)) > 2:  # two people of that surname named in full: the usual way
                holder = holders.pop()
                rivals = self._first_word_holders(key, given=False) - {holder}
                if len(rivals) == 1 and self.clusters[next(iter(rivals))].named > self.clusters[holder].named:
                    # كيم after كيم يونغ أون twice and سونغ كيم once: the family name written first, of the one named
                    # more often
                    self._join(mention, rivals.pop())
                    return
                written = skeleton(self.raw[mention.first])
                if written != key and any(full[-1] == written for full in self.clusters[holder].full_names):
                    mention.start = self.spans[mention.first][0]  # the name as written, its ك with it
                self._join(mention, holder)
                return
            if not holders:
                # كيم after كيم جونغ أون, شي after شي جين بينغ: a family name written first (Korean, Chinese); ميلانيا
                # after ميلانيا ترامب, شيرين after شيرين عبد الوهاب: a given name alone for the one person the article
                # named in full with it (two named so, محمد بن سلمان and محمد بن زايد: neither)
                holders = self._first_word_holders(key, given=is_given_name(text))
                # وقال العم احميدة after احميدة العشي: a first word of a two-word name alone, when it is no other's
                holders = holders or self._first_word_holders(key, given=True)
                if len(holders) == 1:
                    self._join(mention, holders.pop())
                    return
        actor = self.kb.find(text, types, ambiguous=True) or self.kb.find(text, ("PER", "ORG", "LOC"))
        if actor is None and mention.type == "ORG" and self.keys[mention.first] in self.kb.organisation_heads:
            # منظمة اليونسكو الأممية، حركة حماس الفلسطينية: the organisation the knowledge base knows by the name after
            # its head noun, the adjectives after it left aside
            words = text.split()[1:]
            while words and actor is None:
                actor = self.kb.find(" ".join(words), ("ORG",))
                words = words[:-1] if words[-1].startswith("ال") else []
        if actor is None and text.endswith(tuple(QUOTE_OPENERS.values())):
            # منظمة الشرطة الجنائية الدولية "الإنتربول": the organisation the knowledge base knows by the quoted name
            opener = max(text.rfind(mark, 0, len(text) - 1) for mark in QUOTE_OPENERS)
            if opener > 0:
                actor = self.kb.find(text[opener + 1 : -1], types, ambiguous=True)
        if actor is not None:
            mention.type = actor.type if actor.type != "LOC" or mention.type == "LOC" else mention.type
            index = self.actor_clusters.get(actor.id)
            if index is not None:
                self._join(mention, index)
                return
        if actor is None:
            person = self._person_for(text)
            if person is not None:  # a person's name, or part of it, whatever type the tagger gave it
                mention.type = "PER"
                self._join(mention, person)
                return
            # the same name again is the same thing, even where the tagger typed it otherwise (the entity's type
            # is the majority of its mentions')
            key = phrase_key(text)
            for index in self._recent():
                cluster = self.clusters[index]
                if key in cluster.keys and cluster.actor is None:
                    self._join(mention, index)
                    return
            for index in self._recent() if mention.type in ("ORG", "MISC") else ():
                cluster = self.clusters[index]
                if cluster.actor is None and any(_named_by_head(key, k) for k in cluster.keys):
                    self._join(mention, index)  # فيتش after وكالة فيتش: the name without its head noun (not the
                    return  # place جدة after شركة جدة)
            if mention.type == "ORG" and len(key.split()) > 1:
                # شبكة السكة الحديد البريطانية, then شبكة السكة الحديد: a described organisation, shortened; and a
                # known one shortened the same way (صندوق النقد after صندوق النقد الدولي)
                for index in self._recent():
                    cluster = self.clusters[index]
                    shortened = [k for k in cluster.keys if _prefixes(key, k)]
                    # a known one: only its last word left off (صندوق النقد، not المجلس of المجلس الأعلى للقضاء)
                    if cluster.actor is not None:
                        shortened = [k for k in shortened if len(k.split()) == len(key.split()) + 1]
                    if cluster.type == "ORG" and shortened:
                        self._join(mention, index)
                        return
                # the one organisation of the article named with more words: its head and some of the words after
                # it (اتحاد الطلبة after الاتحاد الوطني لطلبة فرنسا), else its last words (سان جرمان after باريس سان
                # جرمان)
                fuller: set[int] = set()
                ending: set[int] = set()
                for index in self._recent():
                    cluster = self.clusters[index]
                    if cluster.type == "ORG":
                        if any(_abridges(key, k) for k in cluster.keys):
                            fuller.add(index)
                        if any(_ends(key, k) for k in cluster.keys):
                            ending.add(index)
                for found in (fuller, ending):
                    if len(found) == 1:
                        self._join(mention, found.pop())
                        return
        self._join(mention, self._new_cluster(mention, actor))

    def _person_for(self, text: str) -> int | None:
        """The person cluster a name belongs to: same full-name skeleton, or its surname alone."""
        parts = text.split()
        words = tuple(skeleton(w) for w in parts)
        if not words or not all(words):
            return None
        loose = loose_skeleton(text) if len(words) == 1 else None
        given = loose_skeleton(parts[0]) if len(words) > 1 else None
        lineage = len(words) > 2 or any(word in LINEAGE_WORDS for word in parts[1:])
        glued_first = len(parts) > 2 and parts[1] in LINEAGE_WORDS and not is_given_name(parts[0])
        for index in self._recent():
            cluster = self.clusters[index]
            if cluster.type != "PER":
                continue
            for full in cluster.full_names:
                if words == full or (len(words) == 1 and len(word_key(text)) > 2 and words[0] == full[-1]):
                    return index
                if len(words) == 1 and loose is not None and loose == full[-1]:  # إلوود after توبياس إيلوود
                    return index
                if 1 < len(words) < len(full) and full[-len(words) :] == words:  # سانت أونجي of ماري بيير سانت أونجي
                    return index
                if 1 < len(words) < len(full) and full[: len(words)] == words and lineage:
                    return index  # زيد بن رعد of زيد بن رعد الحسين: the name and the father's, the family's left off
                if len(words) == len(full) > 2 and words[1:] == full[1:] and glued_first:
                    return index  # وبارك بن دغر after أحمد بن دغر: a verb the tagger took into the name, not a brother
                if len(words) > 1 and words[-1] == full[-1] and words[0] == full[0]:
                    return index
                if (
                    len(words) == len(full) > 1
                    and words[1:] == full[1:]
                    and given is not None
                    and given == loosen(full[0])
                ):
                    return index  # جايسن غرينبلات after جيسون غرينبلات: a given name spelt with other vowels
        return None

    # --- roles and titles

    def _office_at(self, index: int, table: dict[str, Office], limit: int) -> tuple[int, Office] | None:
        """The longest office of ``table`` whose words start at token ``index`` (not past ``limit``)."""
        if self.keys[index] not in self.kb.office_first_words:
            return None
        best = None
        for length in range(1, self.kb.longest_office + 1):
            end = index + length
            if end > limit:
                break
            office = table.get(" ".join(self.keys[index:end]))
            if office is not None:
                best = (end, office)
        return best

    def _mention_at(self, index: int) -> _Mention | None:
        return self.owner[index] if 0 <= index < len(self.owner) else None

    def _of(self, first: int, end: int) -> tuple[int | None, str | None]:
        """The organisation or country an office belongs to, from the tokens after it: a named one first."""
        for i in range(first, end):
            mention = self._mention_at(i)
            if mention is not None and mention.cluster is not None and mention.type in ("ORG", "LOC", "MISC"):
                return mention.cluster, None
        for i in range(first, end):
            code = self._demonym_pair(i, end) or self.kb.demonym_of_key(self.keys[i])
            if code is not None:
                return None, code
        return None, None

    def _demonym_pair(self, i: int, end: int) -> str | None:
        """The country of a nisba of two words at token ``i`` that ends before ``end`` (الكوري الجنوبي → KOR)."""
        return self.kb.demonym_of_keys(self.keys[i], self.keys[i + 1]) if i + 1 < end else None

    def _title_before(self, first: int) -> tuple[int, int, Office] | None:
        """The title in apposition right before a person whose name (or another title) starts at token ``first``:
        (first token, end of title words, office)."""
        i = first - 1
        sentence = self.sentence_of[first]
        while (
            i >= 0
            and self.sentence_of[i] == sentence
            and (
                self.raw[i] in ("،", ",")
                or self._office_at(i, self.kb.ranks, first) is not None
                or (i > 0 and self._office_at(i - 1, self.kb.ranks, first) is not None)
            )
        ):
            i -= 1
        window_end = i + 1
        start = None
        j = i
        while j >= 0 and j > window_end - 9 and self.sentence_of[j] == sentence:
            key = self.keys[j]
            other = self._mention_at(j)
            if (
                key in STOP_WORDS
                or (other is not None and other.type == "PER")
                or (not key[:1].isalpha() and self.raw[j] not in ("(", ")"))
                or self.forms[j].pronoun  # الرئيس الفرنسي بزوجته لوسي: no title of hers
            ):
                break
            if self._office_at(j, self.kb.titles, window_end) is not None:
                start = j
            if self.forms[j].conj:
                break
            j -= 1
        if start is None:
            return None
        end, office = self._office_at(start, self.kb.titles, window_end)
        return start, end, office

    def _roles(self) -> None:
        self.role_holders: dict[tuple[str, int | str | None], set[int]] = {}
        self.apposition_titles: set[int] = set()  # first tokens of titles already read as roles
        for mention in list(self.mentions):
            if mention.type != "PER" or mention.cluster is None or mention.subtype:
                continue
            for start in range(max(mention.first - self.kb.longest_office, 0), mention.first):
                rank = self._office_at(start, self.kb.ranks, mention.first)
                if rank is not None and rank[0] == mention.first:
                    self._add_role(mention.cluster, start, rank[0], rank[1], None, None)
                    break
            found = self._title_before(mention.first)
            if found is None:
                continue
            start, end, office = found
            of_cluster, of_code = self._of(end, mention.first)
            self._add_role(mention.cluster, start, end, office, of_cluster, of_code)
            self.apposition_titles.add(start)
            if start > 0 and self.raw[start - 1] in ("،", ","):
                # وزير الخارجية القطري، الشيخ محمد …: the office set off before the honorific
                office_before = self._title_before(start)
                if office_before is not None:
                    before, before_end, office = office_before
                    of_cluster, of_code = self._of(before_end, start - 1)
                    self._add_role(mention.cluster, before, before_end, office, of_cluster, of_code)
                    self.apposition_titles.add(before)

    def _add_role(
        self, person: int, start: int, end: int, office: Office, of_cluster: int | None, of_code: str | None
    ) -> None:
        if of_cluster is None and of_code is not None:
            of_cluster = self._country_cluster(of_code)
        title = self.text[self._name_start(start) : self.spans[end - 1][1]]
        cluster = self.clusters[person]
        if all(r[0] != title or r[3] != of_cluster for r in cluster.roles):
            cluster.roles.append((title, office.en, office.sector, of_cluster))
        key = phrase_key(office.ar)
        self.role_holders.setdefault((key, of_cluster), set()).add(person)
        self.role_holders.setdefault((key, None), set()).add(person)
        first = key.split()[0]
        if of_cluster is not None and first != key and first in MINISTER_KEYS:
            # وزير الخارجية القطري, later الوزير القطري: the minister of that country
            self.role_holders.setdefault((first, of_cluster), set()).add(person)

    def _country_cluster(self, code: str) -> int | None:
        actor = self.kb.country(code)
        if actor is None:
            return None
        index = self.actor_clusters.get(actor.id)
        if index is not None:
            return index
        return self._append(_Cluster(type="LOC", actor=actor, country=code, name=actor.name))

    def _positions(self, first_words: Container[str]) -> list[int]:
        """The tokens whose key is one of ``first_words``: where a pass over the article has anything to look at."""
        return [i for i, key in enumerate(self.keys) if key in first_words]

    def _title_word(self, i: int) -> bool:
        """Whether token ``i`` is the first word of a title, in the singular or the dual (وزير، وزيرا، وزيري)."""
        if i < 0:
            return False
        key = self.keys[i]
        words = self.kb.title_first_words
        return key in words or (key[-1:] in ("ا", "ي") and key[:-1] in words)

    def _tagged_alone(self, first: int, last: int) -> bool:
        """Whether tokens ``[first, last]`` are exactly one organisation name the tagger found, with nothing of its
        own after it (البنك المركزي before التركي: the institution of a country, not a name to itself)."""
        mention = self.owner[first]
        return (
            mention is not None
            and mention.type == "ORG"
            and mention.subtype is None
            and mention.first == first
            and mention.last == last
        )

    def _covered(self, first: int, last: int) -> bool:
        return any(self.owner[i] is not None for i in range(max(first, 0), min(last + 1, len(self.owner))))

    def _bare_titles(self) -> None:
        """A title without a name (الأمين العام لحلف الناتو، أكد …) is a mention of the one who holds it."""
        if not self.role_holders:
            return
        resume = 0
        for i in self._positions(self.kb.office_first_words):
            if i < resume:
                continue
            found = self._office_at(i, self.kb.titles, len(self.spans))
            if found is None:
                continue
            if i in self.apposition_titles or self._covered(i, found[0] - 1):
                resume = found[0]  # نائب الرئيس الإيراني، X،: not الرئيس الإيراني inside it either
                continue
            end, office = found
            sentence = self.sentence_of[i]
            scope = end  # where the office's organisation or country may be named: not past a comma (الرئيس
            # الكوري الجنوبي، مون جيه إن: what follows the comma is the holder, not the country)
            while (
                scope < min(end + 4, len(self.spans))
                and self.sentence_of[scope] == sentence
                and self.raw[scope] not in ("،", ",")
            ):
                scope += 1
            of_cluster, of_code = self._of(end, scope)
            if of_cluster is None and of_code is not None:
                of_cluster = self._country_cluster(of_code)
            key = phrase_key(office.ar)
            holders = self.role_holders.get((key, of_cluster)) if of_cluster is not None else None
            holders = holders or self._holders_of_no_other(key, of_cluster)
            following = self._mention_at(end) or self._mention_at(min(end + 1, len(self.spans) - 1))
            if (
                holders
                and len(holders) == 1
                and not (following is not None and following.type == "PER" and following.first <= scope)
            ):
                last = end - 1
                if of_cluster is not None:
                    for j in range(end, scope):
                        mention = self._mention_at(j)
                        if mention is not None and mention.cluster == of_cluster:
                            last = mention.last
                            break
                start = self._name_start(i)
                mention = _Mention(start, self.spans[last][1], "PER", i, last, "title", next(iter(holders)))
                self._add(mention)
                resume = last + 1
                continue
            resume = end

    def _holders_of_no_other(self, key: str, of_cluster: int | None) -> set[int]:
        """The holders of a title, less, for a title of a given country or organisation (الرئيس الإيراني), those who
        hold it for another (the American president is not the Iranian one)."""
        holders = self.role_holders.get((key, None), set())
        if of_cluster is None:
            return holders
        elsewhere = {
            person
            for (title, of), people in self.role_holders.items()
            if title == key and of is not None and of != of_cluster
            for person in people
        }
        return holders - elsewhere

    # --- institutions, nationality adjectives, anaphors, groups

    def _institutions_and_demonyms(self) -> None:
        for i in self._positions(self.kb.demonym_keys):
            code = self.kb.demonym_of_key(self.keys[i])
            if code is None or i in self.nationalities_of_anaphors:
                continue
            owner = self.owner[i]
            if owner is not None and not (owner.type == "LOC" and owner.first == owner.last == i):
                continue
            if self._capital_described(i, code, owner):
                continue
            institution = self._institution_before(i)
            if owner is not None and institution is None:
                continue  # السعودية tagged a place, after no institution: the country
            country = self._country_cluster(code)
            if institution is not None and country is not None:
                self._add_institution(institution[0], i, institution[1], code)
            elif country is not None:
                self._add(_Mention(self._name_start(i), self.spans[i][1], "LOC", i, i, "demonym", country))
        for i in self._positions(self.kb.demonym_phrase_first_keys):  # الزعيم الكوري الشمالي
            code = self._demonym_pair(i, len(self.keys))
            country = self._country_cluster(code) if code is not None else None
            if country is not None and not self._covered(i, i + 1) and self.sentence_of[i] == self.sentence_of[i + 1]:
                self._add(_Mention(self._name_start(i), self.spans[i + 1][1], "LOC", i, i + 1, "demonym", country))
        self._institutions_in_countries()

    def _capital_described(self, i: int, code: str, owner: _Mention | None) -> bool:
        """العاصمة الفرنسية: the capital of the country the adjective names (باريس), a place of its own rather than the
        country (the tagger's الفرنسية, if it took the adjective alone, gives way)."""
        before = i - 1
        if before < 0 or self.keys[before] != CAPITAL_KEY or not self.forms[before].article:
            return False
        if self.owner[before] is not None or self.sentence_of[before] != self.sentence_of[i]:
            return False
        capital = self.kb.capital(code)
        if capital is None:
            return False
        if owner is not None:
            self._drop_inside(i, i)
        cluster = self.actor_clusters.get(capital.id)
        if cluster is None:
            cluster = self._append(_Cluster(type="LOC", actor=capital, country=code, name=capital.name))
        self._add(_Mention(self._name_start(before), self.spans[i][1], "LOC", before, i, "capital", cluster))
        return True

    def _institution_before(self, end: int) -> tuple[int, Office] | None:
        """The institution named by the words ending at token ``end - 1`` (وزارة الخارجية، الحكومة), not taken by
        another name, nor part of a minister's title (وزير الخارجية); its first token and office."""
        for length in range(min(self.kb.longest_office, end), 0, -1):
            office = self.kb.institutions.get(" ".join(self.keys[end - length : end]))
            if office is not None and (
                not self._covered(end - length, end - 1) or self._tagged_alone(end - length, end - 1)
            ):
                return None if self._title_word(end - length - 1) else (end - length, office)
        return None

    def _institutions_in_countries(self) -> None:
        """قالت الرئاسة في جنوب السودان: an institution "in" a country is that country's (not an embassy, nor forces,
        which may be another country's there)."""
        for mention in list(self.mentions):
            actor = self.clusters[mention.cluster].actor if mention.cluster is not None else None
            if actor is None or not actor.id.startswith("country:") or mention.first < 2:
                continue
            if self.raw[mention.first - 1] != "في" or self.forms[mention.first].prep:
                continue
            institution = self._institution_before(mention.first - 1)
            if institution is None or institution[1].sector == "MIL" or institution[1].en == "Embassy":
                continue
            self._add_institution(institution[0], mention.last, institution[1], actor.country)

    def _add_institution(self, first: int, last: int, office: Office, code: str) -> None:
        """A mention of a country's institution over tokens ``[first, last]`` (وزارة الخارجية السعودية), joined to the
        article's other mentions of it."""
        # the tagger's البنك المركزي of البنك المركزي التركي, and its السعودية of وزارة الخارجية السعودية
        self._drop_inside(first, last)
        actor = self.kb.country(code)
        name = self.text[self._name_start(first) : self.spans[last][1]]
        cluster = _Cluster(type="ORG", country=code, sector=office.sector, name=name)
        cluster.roles = []
        cluster.keys.add(phrase_key(cluster.name))
        latin = f"{office.en} of {actor.name_latn}" if actor else office.en
        cluster.actor = Actor(f"institution:{code}:{phrase_key(office.ar)}", "ORG", name, latin, code, office.sector)
        index = self._institution_cluster(cluster)
        self._add(_Mention(self._name_start(first), self.spans[last][1], "ORG", first, last, "institution", index))

    def _agents(self) -> None:
        """Groups that act without a name (متظاهرون، مسلحون، قوات الأمن) become organisation mentions (subtype
        ``agent``) with their PLOVER sector; a nationality right after one (المتظاهرين الفلسطينيين) gives its country
        and is part of the mention. Each kind of group, with its country, is one entity of the article."""
        resume = 0
        for i in self._positions(self.kb.agent_lengths):
            if i < resume:
                continue
            found = None
            for length in self.kb.agent_lengths[self.keys[i]]:
                agent = self.kb.agents.get(" ".join(self.keys[i : i + length]))
                if agent is not None and i + length <= len(self.spans):
                    found = (i + length - 1, agent)
                    break
            if found is None or self._covered(i, found[0]):
                continue
            last, agent = found
            code = None
            if last + 1 < len(self.spans) and self.owner[last + 1] is None:
                code = self._demonym(self.keys[last + 1])
                if code is not None:
                    last += 1
            country = self.kb.country(code) if code else None
            latin = f"{agent.en} ({country.name_latn})" if country else agent.en
            name = f"{agent.ar} ({country.name})" if country else agent.ar
            cluster = _Cluster(type="ORG", country=code, sector=agent.sector, name=name)
            cluster.keys.add(phrase_key(name))
            cluster.actor = Actor(f"agent:{code or ''}:{agent.en}", "ORG", name, latin, code, agent.sector)
            index = self._institution_cluster(cluster)
            self._add(_Mention(self._name_start(i), self.spans[last][1], "ORG", i, last, "agent", index))
            resume = last + 1

    def _demonym(self, key: str) -> str | None:
        """The country of a nationality adjective, also in the plural (فلسطينيين، إسرائيليون)."""
        code = self.kb.demonym_of_key(key)
        if code is None and key.endswith(("ين", "ون")) and len(key) > 4:
            code = self.kb.demonym_of_key(key[:-2])
        return code

    def _institution_cluster(self, cluster: _Cluster) -> int:
        """The article's entity of an institution; named by its longest form (وزارة الخارجية العراقية, not
        الخارجية العراقية)."""
        index = self.actor_clusters.get(cluster.actor.id)
        if index is None:
            return self._append(cluster)
        known = self.clusters[index]
        if known.name is not None and cluster.name is not None and len(cluster.name) > len(known.name):
            known.name = cluster.name
            known.keys.add(phrase_key(cluster.name))
            known.actor = replace(known.actor, name=cluster.name)
        return index

    def _described_only(self, first: int, last: int) -> bool:
        """Tokens ``[first, last]`` are an organisation's head noun alone or with definite words after it (شركة
        التجارة الإلكترونية الصينية): a description, no name."""
        return self.keys[first] in self.kb.organisation_heads and all(
            self.forms[k].article and not self.forms[k].prep for k in range(first + 1, last + 1)
        )

    def _quoted_after(self, i: int) -> int | None:
        """The token closing a short name in quotation marks right after token ``i`` (منظمة "أنقذوا الأطفال"), or
        None."""
        if i + 1 >= len(self.spans) or self.raw[i + 1] not in QUOTE_OPENERS:
            return None
        closer = QUOTE_OPENERS[self.raw[i + 1]]
        for k in range(i + 2, min(i + 2 + QUOTED_NAME_WORDS + 1, len(self.spans))):
            if self.raw[k] == closer:
                return k if k > i + 2 else None
            if self.raw[k] in QUOTE_OPENERS or self.sentence_of[k] != self.sentence_of[i]:
                return None
        return None

    def _anaphoric_name(self, first: int, last: int) -> bool:
        """A tagged name that is only a definite organisation head (المنظمة), or one with an adjective that only
        describes (الوكالة الرسمية): it names no organisation of its own; the head is resolved as an anaphor."""
        if not self.forms[first].article:
            return False
        # التنظيم alone is no anaphor, but التنظيم المتطرف is: a head only with an adjective of its own kind
        anaphoric = self.keys[first] in self.kb.anaphoric_heads
        if not anaphoric and (last == first or self.keys[first] not in HEAD_ADJECTIVES):
            return False
        if last == first:
            return True
        if self.kb.find_key(" ".join(self.keys[first : last + 1]), ("ORG",)) is not None:
            return False  # التحالف العربي: a name the knowledge base knows
        describing = HEAD_ADJECTIVES.get(self.keys[first], frozenset()) | (
            GENERIC_ADJECTIVES if anaphoric else frozenset()
        )
        if all(self.forms[k].article and self.keys[k] in describing for k in range(first + 1, last + 1)):
            self.described_anaphors[first] = last
            return True
        if not anaphoric:
            return False
        # الوزارة الإيطالية، الوكالة الكورية الشمالية: the ministry or agency of that country named before (not an
        # institution of the table, الحكومة العراقية, which is one of its own)
        country = self.kb.demonym_of_key(self.keys[first + 1])
        if (
            country is not None
            and self.keys[first] not in self.kb.institutions
            and all(self.forms[k].article for k in range(first + 1, last + 1))
            and all(self.keys[k] in COMPASS_WORDS for k in range(first + 2, last + 1))
        ):
            self.described_anaphors[first] = last
            self.national_anaphors[first] = country
            self.nationalities_of_anaphors.update(range(first + 1, last + 1))
            return True
        return False

    def _anaphors(self) -> None:
        """الحلف → the organisation of the article whose name starts with حلف; الحكومة، الشركة، الشبكة → the
        latest one named before with that head (the government, company, network the story is about)."""
        named: list[tuple[int, str, int]] = []  # (first token, head key, cluster)
        for mention in self.mentions:
            if mention.type == "ORG" and mention.cluster is not None and mention.subtype in (None, "institution"):
                words = self._mention_text(mention).split()
                named.append((mention.first, word_key(words[0]), mention.cluster))
                actor = self.clusters[mention.cluster].actor
                if actor is not None and mention.subtype is None:
                    named.extend((mention.first, word_key(w), mention.cluster) for w in actor.name.split()[:1])
                before = mention.first - 1
                if before >= 1 and self.raw[before] in QUOTE_OPENERS:
                    before -= 1  # تنظيم "الدولة الإسلامية" → التنظيم
                if (
                    before >= 0
                    and self.keys[before] in HEAD_ADJECTIVES | self.kb.organisation_heads
                    and not self.forms[before].article
                ):
                    # شركة فولكسفاغن → الشركة (not the subject of a verb before its object: ويتهم التحالف الحوثيين)
                    named.append((mention.first, self.keys[before], mention.cluster))
        by_head: dict[str, set[int]] = {}
        for _, key, cluster in named:
            by_head.setdefault(key, set()).add(cluster)
        heads = ANAPHOR_HEADS | self.kb.anaphoric_heads
        for i, key in enumerate(self.keys):
            if key in MINISTRY_WORDS:
                self._ministry_word(i)
                continue
            # المركز، المجموعة: a head that is also a common noun stands for an organisation as the one that speaks
            speaking = key not in heads and key in self.kb.organisation_heads and self._before_complementiser(i)
            if key not in heads and key in HEAD_ADJECTIVES and i not in self.described_anaphors:
                self._described_by_its_adjective(i)  # التنظيم المتطرف, which the tagger left untagged
            described = key not in heads and i in self.described_anaphors
            if (key not in heads and not speaking and not described) or not self.forms[i].article:
                continue
            if self.owner[i] is not None:
                continue
            if key in ANAPHOR_HEADS and len(by_head.get(key, ())) == 1:
                cluster = next(iter(by_head[key]))
            elif key in self.kb.anaphoric_heads or speaking or described:
                country = self.national_anaphors.get(i)
                # of that country, when the head has a nationality (الوزارة الإيطالية)
                earlier = [
                    c
                    for first, k, c in named
                    if k == key and first < i and (country is None or self.clusters[c].country in (None, country))
                ]
                if earlier:
                    # the one named most often so far (the company the story is about, not one named in passing),
                    # of several as often the latest
                    counts = Counter(earlier)
                    cluster = max(reversed(earlier), key=lambda c: counts[c])
                elif country is not None or (i in self.described_anaphors and key in HEAD_ADJECTIVES):
                    # الوزارة الإيطالية، التحالف العسكري with none named before: a name of its own
                    self._named_description(i)
                    continue
                elif not speaking and (found := self._institution_of_main_country(i)) is not None:
                    cluster = found  # وقالت الحكومة, in a story about one country: that country's government
                elif not speaking and len(later := {c for first, k, c in named if k == key and first > i}) == 1:
                    cluster = later.pop()  # named only after it: ويتهم التحالف الحوثيين … التحالف بقيادة السعودية
                else:
                    continue
            else:
                continue
            last = self.described_anaphors.get(i, i)
            self._add(_Mention(self._name_start(i), self.spans[last][1], "ORG", i, last, "anaphor", cluster))

    def _described_by_its_adjective(self, i: int) -> None:
        """Mark token ``i``, a head that is an anaphor only with an adjective of its kind (التنظيم), as described when
        such adjectives follow it (التنظيم الإرهابي المتطرف)."""
        last = i
        while (
            last + 1 < len(self.keys)
            and self.forms[last + 1].article
            and self.owner[last + 1] is None
            and self.keys[last + 1] in HEAD_ADJECTIVES[self.keys[i]]
        ):
            last += 1
        if last > i and self.forms[i].article:
            self.described_anaphors[i] = last

    def _ministry_word(self, i: int) -> None:
        """الخارجية، الداخلية alone as the one that speaks (وأكدت الداخلية أنها …، قالت الخارجية في بيان) or issues a
        statement (بيان الخارجية): the ministry named before with that word, else that ministry of the country the
        article names most."""
        if not self.forms[i].article or self.owner[i] is not None or i == 0 or i + 2 >= len(self.keys):
            return
        if self.keys[i - 1] in self.kb.office_first_words or self.keys[i - 1] in self.kb.organisation_heads:
            return  # وزير الداخلية، وزارة الخارجية: part of a title or a name
        issued = self.keys[i - 1] in STATEMENT_KEYS and not self.forms[i - 1].article  # وشدد بيان الخارجية
        if not (
            issued or self._before_complementiser(i) or (self.raw[i + 1] == "في" and self.keys[i + 2] in STATEMENT_KEYS)
        ):
            return
        key = self.keys[i]
        earlier = [
            m.cluster
            for m in self.mentions
            if m.type == "ORG" and m.cluster is not None and m.last < i and key in self.keys[m.first : m.last + 1]
        ]
        cluster = earlier[-1] if earlier else self._institution_of_main_country(i)
        if cluster is None:
            cluster = self._ministry_of_no_named_country(i)  # أوضحت الداخلية في بلاغ, in a story naming no country
        if cluster is not None:
            self._add(_Mention(self._name_start(i), self.spans[i][1], "ORG", i, i, "anaphor", cluster))

    def _ministry_of_no_named_country(self, i: int) -> int | None:
        """The ministry a ministry word names (الداخلية → وزارة الداخلية) when the article names no country: the text
        makes clear which body speaks, though not of which country. None when the institutions do not know it."""
        office = self.kb.institutions.get(self.keys[i])
        if office is None:
            return None
        cluster = _Cluster(type="ORG", sector=office.sector, name=office.ar)
        cluster.keys.add(phrase_key(office.ar))
        cluster.actor = Actor(f"institution::{phrase_key(office.ar)}", "ORG", office.ar, office.en, None, office.sector)
        return self._institution_cluster(cluster)

    def _named_description(self, first: int) -> None:
        """An organisation described by its head and nationality, with nothing named before it to refer to, is a
        mention of its own."""
        last = self.described_anaphors[first]
        mention = _Mention(self._name_start(first), self.spans[last][1], "ORG", first, last)
        self._add(mention)
        self._cluster(mention)

    def _named_by_head_before(self, first: int, name: str) -> bool:
        """Whether an organisation's name the knowledge base does not know, after a head noun that names (شركة هاشم
        للسياحة), is that head's organisation: not after a head of a part of another body (بعثة، مكتب، مجلس)."""
        return self.keys[first - 1] in NAMING_HEADS and self.kb.find(name, ("ORG", "LOC", "PER")) is None

    def _organisation_head_before(self, first: int) -> bool:
        """Whether the word before token ``first`` is an organisation's head noun without the article (مجموعة، شركة)
        that no other name has taken."""
        before = first - 1
        return (
            before >= 0
            and self.keys[before] in self.kb.organisation_heads
            and self.keys[before] not in PLACE_OR_THING_HEADS
            and not self.forms[before].article
            and self.owner[before] is None
            and self.sentence_of[before] == self.sentence_of[first]
        )

    def _before_complementiser(self, i: int) -> bool:
        """Whether أن / إن / بأنه follows token ``i`` (واعتبر المركز أن …، وقالت المجموعة إنها …)."""
        return i + 1 < len(self.keys) and self.keys[i + 1] == THAT_KEY

    def _relatives(self) -> None:
        """A spouse or child named by a kinship word before a person or the title of one (زوجة الرئيس الأمريكي): the one
        other person of the article who bears that person's family name (ميلانيا ترامب), when there is one."""
        bearers: dict[str, set[int]] = {}  # family name → the people named in full with it
        for index, cluster in enumerate(self.clusters):
            if cluster.type == "PER":
                for full in cluster.full_names:
                    if len(full) > 1:
                        bearers.setdefault(full[-1], set()).add(index)
        for mention in list(self.mentions):
            kin = mention.first - 1
            if mention.type != "PER" or mention.cluster is None or kin < 0 or self.owner[kin] is not None:
                continue
            if not RELATIVE_NOUN.fullmatch(self.keys[kin]) or self.forms[kin].prep:
                continue
            family = {full[-1] for full in self.clusters[mention.cluster].full_names}
            kin_of = set().union(*(bearers.get(name, set()) for name in family)) - {mention.cluster}
            if len(kin_of) == 1:
                relative = _Mention(self._name_start(kin), mention.end, "PER", kin, mention.last, "relative")
                self._add(relative)
                self._join(relative, kin_of.pop())

    def _latter(self) -> None:
        """الأخير / الأخيرة, "the latter", as a noun of its own (وقال الأخير، تحذير الأخير بأن): the last person or
        organisation named before it in its sentence or the one before (الأخيرة: or a country). Not the adjective
        after a definite noun (المرحلة الأخيرة، السادسة والأخيرة) nor after a number."""
        named = sorted(
            (m for m in self.mentions if m.cluster is not None and m.subtype not in ("demonym", "anaphor")),
            key=lambda m: m.start,
        )
        for i, key in enumerate(self.keys):
            if key not in LATTER_KEYS or not self.forms[i].article or self.owner[i] is not None or i == 0:
                continue
            if self.forms[i - 1].article or self.raw[i - 1][:1].isdigit():
                continue
            types = ("PER", "ORG") if key == LATTER_KEYS[0] else ("PER", "ORG", "LOC")
            earlier = [
                m
                for m in named
                if m.last < i and m.type in types and self.sentence_of[i] - self.sentence_of[m.first] <= 1
            ]
            if earlier:
                cluster = earlier[-1].cluster
                self._add(_Mention(self._name_start(i), self.spans[i][1], earlier[-1].type, i, i, "anaphor", cluster))

    def _country_leaders(self) -> tuple[list[int], list[str]]:
        """The first tokens of the mentions that name a country (places, organisations of a country: السلطات
        البريطانية, and agents with a nationality: قوات الأمن العراقية), in order, and after each the country named
        most often up to it (a tie: the one named first). Kept up to date as mentions are added, so that each bare
        institution word costs a lookup, not a count."""
        scanned, marks = self._country_marks
        if scanned > len(self.mentions):
            scanned, marks = 0, []
        new = [
            (m.first, self.clusters[m.cluster].country)
            for m in self.mentions[scanned:]
            if m.cluster is not None
            and (self.clusters[m.cluster].type in ("LOC", "ORG") or m.subtype == "agent")  # قوات الأمن العراقية: Iraq
            and self.clusters[m.cluster].country
        ]
        if new or not scanned:
            marks = sorted(marks + new, key=lambda mark: mark[0])
            counts: Counter[str] = Counter()
            named_first: dict[str, int] = {}
            leaders: list[str] = []
            for n, (_, code) in enumerate(marks):
                counts[code] += 1
                named_first.setdefault(code, n)
                best = leaders[-1] if leaders else code
                if (counts[code], -named_first[code]) > (counts[best], -named_first[best]):
                    best = code
                leaders.append(best)
            self._country_table = ([first for first, _ in marks], leaders)
        self._country_marks = (len(self.mentions), marks)
        return self._country_table

    def _institution_of_main_country(self, i: int) -> int | None:
        """The institution cluster (الحكومة → Government of Tunisia) of the country named most often before
        token ``i``, for a bare institution word; None when no country is named."""
        office = self.kb.institutions.get(self.keys[i])
        if office is None:
            return None
        firsts, leaders = self._country_leaders()
        k = bisect_left(firsts, i)
        if k == 0:
            return None
        code = leaders[k - 1]
        country = self.kb.country(code)
        if country is None:
            return None
        name = f"{office.ar} ({country.name})"
        cluster = _Cluster(type="ORG", country=code, sector=office.sector, name=name)
        cluster.keys.add(phrase_key(name))
        latin = f"{office.en} of {country.name_latn}"
        cluster.actor = Actor(f"institution:{code}:{phrase_key(office.ar)}", "ORG", name, latin, code, office.sector)
        return self._institution_cluster(cluster)

    def _groups(self) -> None:
        """الجانبان → the two parties named in the sentence before (or in its own sentence).

        A later الجانبان within three sentences of the first one refers to the same two parties: the story goes on
        about them even when other people are named in between.
        """
        self._by_sentence: dict[int, list[_Mention]] = {}
        for mention in sorted(self.mentions, key=lambda m: m.start):
            self._by_sentence.setdefault(self.sentence_of[mention.first], []).append(mention)
        last: tuple[int, tuple[int, ...]] | None = None
        for i, key in enumerate(self.keys):
            if key not in GROUP_WORDS or self._covered(i, i):
                continue
            sentence = self.sentence_of[i]
            parties: tuple[int, ...] = ()
            if last is not None and sentence - last[0] <= 3:
                parties = last[1]
            else:
                for candidate in (sentence, sentence - 1, sentence - 2):
                    found = self._persons_in(candidate, before=i if candidate == sentence else None)
                    if len(found) >= 2:
                        parties = tuple(found[:2])
                        break
            if parties:
                last = (sentence, parties)
                self._add(_Mention(self._name_start(i), self.spans[i][1], "PER", i, i, "group", None, parties))

    def _persons_in(self, sentence: int, before: int | None) -> list[int]:
        found: list[int] = []
        for mention in self._by_sentence.get(sentence, ()):
            if before is not None and mention.first >= before:
                break
            if mention.type == "PER" and mention.cluster is not None and mention.cluster not in found:
                found.append(mention.cluster)
        return found

    def _surnames(self) -> None:
        """A person's last name alone (الأعرجي after قاسم الأعرجي) is a mention of that person, written as in the full
        name, with its article or without (مطر after عماد مطر, not المطر "the rain")."""
        surnames: dict[str, set[int]] = {}
        definite: dict[str, set[bool]] = {}
        for index, cluster in enumerate(self.clusters):
            if cluster.type == "PER":
                for full in cluster.full_names:
                    if len(full[-1]) >= SHORT_SURNAME:
                        surnames.setdefault(full[-1], set()).add(index)
        if not surnames:
            return
        for mention in self.mentions:
            if mention.last > mention.first and mention.type == "PER":
                definite.setdefault(self.forms[mention.last].skeleton, set()).add(self.forms[mention.last].article)
        for i in [i for i, form in enumerate(self.forms) if form.skeleton in surnames]:
            skeleton_ = self.forms[i].skeleton
            if self.forms[i].article not in definite.get(skeleton_, (self.forms[i].article,)):
                continue
            holders = surnames.get(skeleton_)
            # a short surname (الصدر) only with its article: bare, it is too often a word
            long_enough = len(skeleton_) > SHORT_SURNAME or self.forms[i].article
            if holders and len(holders) == 1 and long_enough and not self._covered(i, i):
                cluster = next(iter(holders))
                self._add(_Mention(self._name_start(i), self.spans[i][1], "PER", i, i, None, cluster))

    # --- output

    def _emit(self) -> None:
        used = sorted(
            {m.cluster for m in self.mentions if m.cluster is not None}
            | {c for m in self.mentions for c in m.refers}
            | {r[3] for c in self.clusters for r in c.roles if r[3] is not None}
        )
        order = {cluster: n for n, cluster in enumerate(used, start=1)}
        mentions = sorted(self.mentions, key=lambda m: (m.start, -m.end))
        out_mentions = []
        members: dict[int, list[str]] = {c: [] for c in used}
        for n, mention in enumerate(mentions, start=1):
            mention_id = f"m{n}"
            entity = f"e{order[mention.cluster]}" if mention.cluster is not None else None
            if mention.cluster is not None:
                members[mention.cluster].append(mention_id)
            out_mentions.append(
                Mention(
                    mention.start,
                    mention.end,
                    self.text[mention.start : mention.end],
                    id=mention_id,
                    type=mention.type,
                    entity=entity,
                    subtype=mention.subtype,
                    refers=tuple(f"e{order[c]}" for c in mention.refers),
                )
            )
        entities = [self._entity(index, order, members[index], mentions) for index in used]
        self.doc.set_layer("mentions", out_mentions)
        self.doc.set_layer("entities", entities, check=False)

    def _entity(self, index: int, order: dict[int, int], member_ids: list[str], mentions: list[_Mention]) -> Entity:
        cluster = self.clusters[index]
        names = [_quoted_or_whole(self._mention_text(m)) for m in mentions if m.cluster == index and m.subtype is None]
        types = Counter(m.type for m in mentions if m.cluster == index and m.subtype is None)
        kind = (
            cluster.actor.type if cluster.actor is not None else (types.most_common(1)[0][0] if types else cluster.type)
        )
        name = cluster.name or (max(names, key=lambda n: (len(n.split()), len(n))) if names else "")
        latin = cluster.actor.name_latn if cluster.actor is not None else romanise(name)
        roles = tuple(
            Role(title, en, f"e{order[of]}" if of is not None else None) for title, en, _, of in cluster.roles
        )
        country, sector = cluster.country, cluster.sector
        for _, _, role_sector, of in cluster.roles:
            sector = sector or role_sector
            if of is not None and country is None:
                country = self.clusters[of].country or (
                    self.clusters[of].actor.country if self.clusters[of].actor else None
                )
        return Entity(
            f"e{order[index]}",
            kind,
            name,
            latin,
            tuple(member_ids),
            roles,
            country,
            sector,
            key=self._key(cluster, kind, name),
        )

    @staticmethod
    def _key(cluster: _Cluster, kind: str, name: str) -> str:
        """A key that is the same for this entity in every article (see khabar.resolve.corpus)."""
        if cluster.actor is not None:
            return cluster.actor.id
        # ORG and MISC share one kind: the tagger often types the same name one way here and the other there
        prefix = {"PER": "per", "LOC": "loc"}.get(kind, "org")
        return f"{prefix}:" + " ".join(skeleton(w) for w in name.split())


def _quoted_or_whole(text: str) -> str:
    """The name a mention gives its entity: the words in quotation marks at its end after a head noun (شركة "بوينغ"
    names بوينغ, in every article alike), else the whole of it."""
    closer = text[-1:]
    opener = next((o for o, c in QUOTE_OPENERS.items() if c == closer), None)
    at = text.rfind(opener, 0, len(text) - 1) if opener else -1
    return text[at + 1 : -1].strip() if at > 0 and text[at + 1 : -1].strip() else text


def _named_by_head(name: str, full: str) -> bool:
    """Whether a phrase key is another's without the head noun that names it (فيتش of وكاله فيتش)."""
    head, _, rest = full.partition(" ")
    return rest == name and head in NAMING_HEADS


def _abridges(short: str, full: str) -> bool:
    """Whether a phrase key of two words or more is a longer one's first word and some of its other words, in order
    (a preposition written on a word of the longer aside: اتحاد طلبه of اتحاد وطني لطلبه فرنسا, شركه سياحه of
    شركه هاشم للسياحه)."""
    shorter, longer = short.split(), full.split()
    if len(shorter) < 2 or len(longer) <= len(shorter) or shorter[0] != longer[0]:
        return False
    rest = iter(longer[1:])
    return all(any(word == w or word in _without_preposition(w) for w in rest) for word in shorter[1:])


def _ends(short: str, full: str) -> bool:
    """Whether a phrase key of two words or more is the last words of a longer one of three or more (سان جرمان of
    باريس سان جرمان, العفو دوليه of منظمه العفو دوليه)."""
    shorter, longer = short.split(), full.split()
    return 2 <= len(shorter) < len(longer) and len(longer) >= 3 and longer[-len(shorter) :] == shorter


def _without_preposition(key: str) -> tuple[str, ...]:
    """A word key without the ل or ب written on it, and without للـ (لسياحه، للسياحه → سياحه)."""
    if key[:2] == "لل":
        return (key[1:], key[2:])
    return (key[1:],) if key[:1] in ("ل", "ب") else ()


def _prefixes(a: str, b: str) -> bool:
    """Whether one phrase key of two words or more is the other's first words."""
    shorter, longer = sorted((a.split(), b.split()), key=len)
    return len(shorter) > 1 and longer[: len(shorter)] == shorter
