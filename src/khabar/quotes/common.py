"""What the parts of the quote finder share: its word lists and limits, the statement record, and helpers over
mentions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from khabar.document import Mention
from khabar.resolve.names import word_key

OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"'}
CLOSERS = frozenset('”»"')
QUOTATION_MARKS = re.compile("[" + re.escape("".join(sorted(set(OPENERS) | CLOSERS))) + "]")
LONG_QUOTE_WORDS = 6
MIN_INDIRECT_TOKENS = 2
SUBJECT_WINDOW = 20
CUELESS_WINDOW = 8
HEADLINE_WORDS = 3  # tokens of what a headline says after its speaker and colon, at least
HEADLINE_NAME_WORDS = 5  # tokens before the name a headline opens with (a teaser's قد يهمك: and a title), at most
SUBJECT_GAP = 3
GAP_WORDS = frozenset(word_key(w) for w in ("قد", "كان", "كانت", "ثم", "بدوره", "بدورها"))
CARRY_SENTENCES = 2
PREPOSITION_WORDS = frozenset(word_key(w) for w in ("في", "من", "إلى", "على", "عن", "مع", "لدى", "عند", "لسان"))
# prepositions written apart, with no pronoun on them (فيها دعت is a verb), that never stand before a verb (من may:
# هناك من قال "there are those who said"); matched as written
NOT_BEFORE_VERBS = frozenset(("في", "إلى", "الى", "على", "عن", "مع", "لدى", "عند"))
L_KEY = word_key("ل")
TITLE_WORDS = 5  # a person's name this close after a title word is the title's holder
OBJECT_WINDOW = 8  # tokens after a subject where a cue's content preposition (تعهد بـ، حث على) is looked for
WHAT_WORDS = frozenset(word_key(w) for w in ("ما", "لما", "حسبما", "بما", "مما"))
CLAUSE_ENDS = frozenset({".", "؛", ";", "!", "؟", "?"})
WITHOUT_KEY, FROM_KEY = word_key("دون"), word_key("من")
EXTENT_KEY, WHILE_KEY = word_key("حد"), word_key("فيما")
SAYING_KEYS = frozenset(word_key(w) for w in ("قول", "قوله", "قولها", "قولهم"))
NEGATIONS = frozenset(word_key(w) for w in ("لم", "لا", "لن"))
DETAIL_VERBS = frozenset(
    word_key(w) for w in ("يقدم", "تقدم", "يذكر", "تذكر", "يوضح", "توضح", "يحدد", "تحدد", "يكشف", "تكشف", "يعط", "تعط")
)
WHETHER_VERBS = frozenset(word_key(w) for w in ("كان", "كانت", "كانوا"))
IN_IT = frozenset({"فيه", "فيها", "فيهم", "فيهما"})
# و and a noun with a pronoun on it, or هو / هي, opening an aside about the name before it (، ومقره بريطانيا،)
ASIDE_OPENING = re.compile(r"و(?:هو|هي|\w{2,}(?:ه|ها))")
# قوله، قولها: "his / her saying", the noun a relayed statement is given by (نقلت الوكالة عن X قوله إن)
SAYING_NOUNS = frozenset(word_key(w) for w in ("قوله", "قولها", "قولهم", "قول"))
OPENING_PARTICLES = frozenset(("كما", "وكما", "فيما", "بينما"))  # as written, before a sentence's verb
# words of an opening phrase set off by a comma before a sentence's verb (إلى جانب ذلك، وأمام تلك اللافتات في …،)
OPENING_WORDS = 10
# من جهته، من جانبه، من ناحيتها: "for his (her) part", opening a sentence before its verb; as written
SIDE_WORDS = frozenset(("جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها"))
SUBJECT_FILLERS = frozenset(word_key(w) for w in ("أيضا", "كذلك", "بدوره", "بدورها", "مجددا", "اليوم", "أمس"))
# فرد عليه الأمير السعودي، قال لها الوزير: the one told, a pronoun, before the subject (as written)
TOLD_PRONOUNS = frozenset(("عليه", "عليها", "عليهم", "له", "لها", "لهم", "إليه", "إليها", "إليهم"))
ISSUER_SENTENCES = 3  # how far back the statement a cue's subject (البيان) refers to may be
ISSUER_GAP = 3
DESCRIBING_WORDS = 2  # definite adjectives after a cited name (الرسمية، الحكومية) before the one it quotes
CITED_WINDOW = 5  # tokens after an attribution phrase where the cited name starts (وفقا لما أعلنه مكتب …)
ABOUT_KEY = word_key("عن")
NAMED_PLACE_WORDS = 5  # words of a name between a preposition and a complementiser (على "تويتر" إن)
# nouns of speech whose agent follows them (تحذير الأخير بأن، مطالبات ترامب بـ"…")
SPEECH_NOUNS = (
    "تحذير",
    "تحذيرات",
    "تأكيد",
    "تصريح",
    "تصريحات",
    "مطالبة",
    "مطالبات",
    "دعوة",
    "دعوات",
    "اتهام",
    "اتهامات",
    "وصف",
    "نفي",
    "إعلان",
)
SPEECH_NOUN_KEYS = frozenset(word_key(w) for w in SPEECH_NOUNS)
NOUN_CUES = frozenset((word_key("إعلان"),))  # nouns of the speech lexicon: a statement only with its agent named

ON_KEY, TONGUE_KEY = word_key("على"), word_key("لسان")
RELATIVES = frozenset(word_key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"))
FEMININE_RELATIVES = frozenset(word_key(w) for w in ("التي", "اللتين", "اللواتي", "اللاتي"))
ANTECEDENT_WORDS = 6  # words of a name before a relative pronoun that are looked at
# written between a title's words and the name after it (المبعوث الخاص إلى سوريا، السفير لدى …، مدير … في شركة)
TITLE_JOINERS = frozenset(("،", ",", "في", "إلى", "لدى", "(", ")"))
CLAUSE_ONLY_REACH = 3  # times SUBJECT_WINDOW that a verb reporting only a clause looks ahead for its complementiser
# nouns of a person by what they do, before the body they do it for (لاعب خيتافي، مدرب المنتخب، أستاذ بجامعة)
PERSON_NOUNS = frozenset(
    word_key(w)
    for w in (
        "لاعب", "نجم", "مهاجم", "مدافع", "حارس", "مدرب", "أستاذ", "طالب", "عضو", "موظف", "باحث", "ناشر", "محرر", "كاتب",
        "عارض", "عارضة",
    )
)  # fmt: skip
TIME_CONJUNCTIONS = frozenset(word_key(w) for w in ("منذ", "بعد", "قبل", "ريثما"))  # with أن: since, after, before
HASHTAG_MARKS = frozenset({"#", '"', "«", "“"})  # أعلنت #الصين: still the verb's next word
PREPOSITIONS = frozenset(word_key(w) for w in ("إلى", "على", "عن", "من"))
ADDRESS_WORDS = frozenset(word_key(w) for w in ("ل", "لـ", "إلى", "عبر", "مع", "مخاطبا", "مخاطبة", "مخاطبين"))
MAX_CONTENT_TOKENS = 250  # a reported clause ends here at the latest (a text without punctuation stays linear)
TITLE_HOLDER_LOOKBACK = 100  # people named with a title before a statement that are looked at, newest
TITLE_HOLDER_WINDOW = 10  # tokens from a title word to the name it introduces (المتحدث باسم حاكم ولاية نانغرهار X)
SPEAKER_TYPES = ("PER", "ORG", "LOC")  # أعلنت كوريا الشمالية: a country speaks through its government
# words after the subject's first name that put the names after them outside the subject (قالت الوزارة قبل قرار ترامب)
BARRIER_WORDS = PREPOSITION_WORDS | frozenset(
    word_key(w) for w in ("قبل", "بعد", "خلال", "عقب", "إثر", "أثناء", "أمام", "حول", "بشأن", "ضد", "بين", "منذ")
)
TO_KEY = word_key("إلى")
OWN_WORDS = 4  # words of a reported clause before a quotation in it that make it a statement of its own
BUT_KEY = word_key("لكن")
BEFORE_AFTER = frozenset(word_key(w) for w in ("قبل", "بعد", "بعدما", "قبلما"))
THAT_KEY = word_key("أن")
DEMONSTRATIVES = frozenset(word_key(w) for w in ("هذا", "هذه", "هؤلاء", "ذلك", "تلك", "أولئك"))
EACH_KEY = word_key("كل")  # كل من X وY: each of X and Y
WAS_KEYS = frozenset(word_key(w) for w in ("كان", "كانت"))  # وكانت البحرين اتهمت: the subject between كان and the verb
MAY_KEY = word_key("قد")  # the particle of a past verb (قد أكد), after which the subject may already be named
AMONG_KEY = word_key("بين")
# مسؤولية, and its stem before a pronoun (مسؤوليته، مسؤوليتها: مسؤوليت)
RESPONSIBILITY_KEYS = frozenset(word_key(w) for w in ("مسؤولية", "مسؤوليت"))
CONTRAST_OPENERS = frozenset(("لكن", "ولكن", "فيما", "بينما"))  # as written: a clause of its own after a comma
REQUEST_KEY = word_key("طلب")  # the verb "asked" and the noun "a request" alike
NAME_WORDS = frozenset(("اسمه", "اسمها", "اسمهم", "هويته", "هويتها", "هويتهم"))  # ذكر اسمه: naming, as written
REQUEST_KEYS = frozenset(word_key(w) for w in ("طلب", "طلبت", "طلبوا", "يطلب", "تطلب", "وطلب", "وطلبت"))
# words after which a bare verb opens a clause (… ، طلب؛ الذي طلب؛ قد طلب), as written
CLAUSE_OPENERS = frozenset(
    ("،", ",", "كما", "فيما", "بينما", "ثم", "قد", "وقد", "كان", "كانت", "الذي", "التي", "حين", "عندما")
)
MEDIUM_PREPOSITIONS = frozenset(word_key(w) for w in ("على", "في", "عبر"))
SOCIAL_WORDS = frozenset(word_key(w) for w in ("التواصل", "الاجتماعي"))  # موقع التواصل الاجتماعي
MEDIUM_NOUNS = frozenset(
    word_key(w) for w in ("موقع", "حساب", "حسابه", "حسابها", "منصة", "صفحة", "صفحته", "صفحتها", "صفحت", "منصت")
)  # صفحت, منصت: the stems of صفحته، منصتها, their ة written ت before the pronoun
THAT_ONE_KEY = word_key("ذلك")  # …، وذلك حسبما ذكرت مصادر
CLAUSE_JOINERS = frozenset(word_key(w) for w in ("فيما", "بينما"))
EXAMPLE_WORDS = frozenset(word_key(w) for w in ("مثل", "أمثال", "منها", "منهم", "بينها", "بينهم"))


@dataclass
class Statement:
    """A statement found in an article: its span, kind, cue token, sentence and what is learnt of its speaker."""

    start: int
    end: int
    kind: str
    cue: int | None  # token index of the cue
    sentence: int
    speaker: Mention | None = None
    carried: bool = False
    joint: tuple[str, ...] = ()  # entity ids of every speaker of a joint statement
    subject_end: int | None = None  # where the cue's subject ends, when the content is its object (اتهمت X Y بـ…)
    attributed: bool = False  # the clause before an attribution with a speech verb (…، بحسب ما أعلنه X)
    headline: bool = False  # a line giving a name, a colon and what was said (نتنياهو: إيران تسعى إلى …)


def without_tanween(key: str) -> str:
    """بيانا → بيان: the accusative ending, so that a noun is found again in another case."""
    return key[:-1] if len(key) > 3 and key.endswith("ا") else key


def outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions not inside another one (الناتو inside the title الأمين العام لحلف الناتو), in their order; two
    with the same span are each inside the other. One sweep by start (a sentence may hold thousands of mentions)."""
    if len(mentions) < 2:
        return list(mentions)
    spans = Counter((m.start, m.end) for m in mentions)
    inside = [False] * len(mentions)
    reach = -1  # the furthest end of the mentions starting at or before the current one
    for i in sorted(range(len(mentions)), key=lambda i: (mentions[i].start, -mentions[i].end)):
        mention = mentions[i]
        inside[i] = reach >= mention.end or spans[(mention.start, mention.end)] > 1
        reach = max(reach, mention.end)
    return [m for m, covered in zip(mentions, inside, strict=True) if not covered]


def prefer_person(mentions: list[Mention]) -> Mention:
    """Of the names after a verb, the first person (or title, or pair), else organisation, else place."""
    for kind in SPEAKER_TYPES:
        for mention in mentions:
            if mention.type == kind:
                return mention
    return mentions[0]
