"""Shared fixtures: the default pipeline, the seed article, the shared data folder (skipped when absent), and a
hand-annotated corpus in a store."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from khabar.document import Document, Entity, Event, Mention, Quote, Role, Span
from khabar.pipeline import Pipeline, default_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return default_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The canonical seed article (bundled under examples/, published 2021-03-10)."""
    return (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a clean skip on a clone that does not have it."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present (a user's clone has no shared data)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def demo_articles(shared_data: Path) -> list[dict]:
    """The 200 demo articles of ../shared/data/corpus/demo_ar_news_200.jsonl."""
    path = shared_data / "corpus" / "demo_ar_news_200.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# ------------------------------------------------------------------------------ a hand-annotated corpus
# Documents with mentions, entities, quotes and events built by hand through the span classes, so the store,
# the API and the web page are tested on the layers that other stages will fill.


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    return [m.span() for m in pattern.finditer(text)]


def annotated_document(
    pipeline: Pipeline,
    text: str,
    *,
    entities: dict[str, tuple[str, str, str | None, tuple[Role, ...], tuple[str, ...]]],
    quotes: tuple[tuple[str, str, str | None, str], ...] = (),
    events: tuple[tuple[str, str | None, str, tuple[str, ...], tuple[str, ...], str | None], ...] = (),
    **fields: Any,
) -> Document:
    """An analysed document plus hand-made layers.

    ``entities``: id -> (type, name, name_latn, roles, surfaces: every free-standing occurrence is a mention);
    ``quotes``: (quoted text, kind, speaker id, cue word before it); ``events``: (type, mode, trigger, actors,
    recipients, date).
    """
    published = fields.pop("published", None)
    doc = pipeline.analyze(text, published=published, id=fields.pop("id"), meta=fields)
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    owned: dict[str, list[str]] = {eid: [] for eid in entities}
    surfaces = sorted(((s, eid) for eid, spec in entities.items() for s in spec[4]), key=lambda x: -len(x[0]))
    for surface, eid in surfaces:
        for start, end in _occurrences(text, surface):
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            mention_id = f"m{len(mentions) + 1}"
            mentions.append(Mention(start, end, text[start:end], id=mention_id, type=entities[eid][0], entity=eid))
            owned[eid].append(mention_id)
    doc.set_layer("mentions", sorted(mentions, key=lambda m: m.start))
    doc.set_layer(
        "entities",
        [
            Entity(eid, kind, name, name_latn, tuple(owned[eid]), roles)
            for eid, (kind, name, name_latn, roles, _) in entities.items()
        ],
    )
    made_quotes = []
    for number, (quoted, kind, speaker, cue) in enumerate(quotes, start=1):
        start = text.index(quoted)
        cue_span = None
        if cue is not None:
            cue_start = text.rindex(cue, 0, start)
            cue_span = Span(cue_start, cue_start + len(cue), cue)
        made_quotes.append(
            Quote(start, start + len(quoted), quoted, id=f"q{number}", kind=kind, speaker=speaker, cue=cue_span)
        )
    doc.set_layer("quotes", made_quotes)
    made_events = []
    for number, (kind, mode, trigger, actors, recipients, day) in enumerate(events, start=1):
        start = text.index(trigger)
        sentence = next(s for s in doc.sentences if s.start <= start < s.end)
        made_events.append(
            Event(
                f"v{number}", kind, Span(start, start + len(trigger), trigger),
                Span(sentence.start, sentence.end, sentence.text),
                mode=mode, actors=actors, recipients=recipients, date=day,
            )
        )  # fmt: skip
    doc.set_layer("events", made_events)
    return doc


BRUSSELS = (
    "قال الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ في بروكسل إن الحلف سيواصل دعم العراق في مواجهة الإرهاب."
    "\nوأجرى ستولتنبرغ محادثات مع وزير الخارجية العراقي فؤاد حسين حول مهمة التدريب وتوسيعها خلال الأشهر المقبلة."
)
HOSTILE_TITLE = '<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2">'
HOSTILE_NAME = "<img src=x onerror=window.__pwned=3>"


def _corpus(pipeline: Pipeline, seed_text: str) -> list[Document]:
    stoltenberg = ("PER", "ينس ستولتنبرغ", "Jens Stoltenberg", (Role("الأمين العام", "Secretary General", "e2"),),
                   ("يانس ستولتنبرغ", "ينس ستولتنبرغ", "ستولتنبيرغ", "ستولتنبرغ"))  # fmt: skip
    nato = ("ORG", "حلف شمال الأطلسي", "NATO", (), ("حلف شمال الأطلسي", "الناتو"))
    hussein = (
        "PER",
        "فؤاد حسين",
        "Fuad Hussein",
        (Role("وزير الخارجية", "Foreign Minister", "e4"),),
        ("فؤاد حسين", "حسين"),
    )
    iraq = ("LOC", "العراق", "Iraq", (), ("العراق",))
    seed = annotated_document(
        pipeline,
        seed_text,
        id="seed-article",
        published="2021-03-10",
        title="الناتو والعراق يبحثان التعاون",
        source="khabar seed article",
        url="https://example.org/seed",
        entities={
            "e1": stoltenberg, "e2": nato, "e3": hussein, "e4": iraq,
            "e5": ("PER", "قاسم الأعرجي", None, (), ("قاسم الأعرجي", "الأعرجي")),
            "e6": ("ORG", "داعش", "ISIS", (), ("داعش",)),
        },
        quotes=(("عديد أفراده يقتصر على جوانب التدريب وتقديم الدعم اللوجستي للقوات والأجهزة الأمنية العراقية", "direct",
                 "e1", "أكد"),),
        events=(("CONSULT", "phone", "اتصالٍ هاتفي", ("e1",), ("e3",), "2021-03-10"),
                ("MOBILIZE", None, "رفع عديد قوات", ("e2",), ("e4",), None)),
    )  # fmt: skip
    brussels = dict(
        entities={"e1": stoltenberg, "e2": nato, "e3": hussein, "e4": iraq,
                  "e5": ("LOC", "بروكسل", "Brussels", (), ("بروكسل",))},
        quotes=(("الحلف سيواصل دعم العراق في مواجهة الإرهاب", "indirect", "e1", "قال"),),
        events=(("CONSULT", None, "محادثات", ("e1",), ("e3",), "2021-03-12"),),
    )  # fmt: skip
    nato_brussels = annotated_document(
        pipeline, BRUSSELS, id="nato-brussels", published="2021-03-12", title="ستولتنبرغ: دعم العراق مستمر",
        source="Example Wire", **brussels,
    )  # fmt: skip
    copy = annotated_document(
        pipeline, BRUSSELS + "\n(وكالات)", id="nato-brussels-copy", published="2021-03-12T15:00:00+03:00",
        title="ستولتنبرغ: دعم العراق مستمر", source="Copy Wire", **brussels,
    )  # fmt: skip
    baghdad = annotated_document(
        pipeline,
        "استقبل وزير الخارجية العراقي فؤاد حسين في بغداد السفير الأردني، وبحث الجانبان تعزيز التعاون الأمني."
        "\nوقال حسين إن العلاقات بين البلدين متينة وإن التعاون سيتوسع.",
        id="baghdad-visit",
        published="2021-03-14",
        title="حسين يستقبل السفير الأردني",
        source="Example Wire",
        entities={"e1": hussein, "e2": ("LOC", "بغداد", "Baghdad", (), ("بغداد",))},
        quotes=(("العلاقات بين البلدين متينة", "indirect", "e1", "قال"),),
        events=(("CONSULT", None, "استقبل", ("e1",), (), "2021-03-14"),
                ("COOPERATE", None, "تعزيز التعاون", ("e1",), (), "2021-03-14")),
    )  # fmt: skip
    hostile = annotated_document(
        pipeline,
        f"أعلنت شركة {HOSTILE_NAME} في تونس عن نتائجها، وقالت إن “الأرباح <b>ارتفعت</b> بنسبة 20%”.",
        id="hostile",
        published="2021-03-11",
        title=HOSTILE_TITLE,
        source='"><script>window.__pwned=5</script>',
        url="javascript:window.__pwned=4",
        entities={"e1": ("ORG", HOSTILE_NAME, None, (), (HOSTILE_NAME,))},
        quotes=(("الأرباح <b>ارتفعت</b> بنسبة 20%", "direct", "e1", "قالت"),),
    )
    return [seed, nato_brussels, copy, baghdad, hostile]


@pytest.fixture(scope="session")
def annotated_corpus(pipeline: Pipeline, seed_text: str) -> list[Document]:
    """Five documents with hand-made entities, quotes and events; one is a near-copy, one is hostile HTML."""
    return _corpus(pipeline, seed_text)


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, annotated_corpus: list[Document]) -> Path:
    """A store holding the annotated corpus (read-only for tests: copy it to change it)."""
    from khabar.store import Store

    path = tmp_path_factory.mktemp("store") / "corpus.db"
    with Store(path) as store:
        store.add(annotated_corpus)
    return path


# ------------------------------------------------------------------------------ a corpus of hostile text
# Every value the store keeps and the pages show holds markup that, run, would set window.__pwned to the name of
# its place: ids, titles, sources, URLs, the text, names and Latin names, roles, countries and sectors, entity,
# time and event types, time values, units, quotes, event modes and dates. The browser and service tests check
# that it is shown as text everywhere and never run.


def pwn(place: str) -> str:
    """Markup that sets ``window.__pwned`` to ``place`` if a page ever runs it."""
    return f"<img src=x onerror=\"window.__pwned='{place}'\"><script>window.__pwned='{place}'</script>"


HOSTILE_ID = "<svg onload=window.__pwned='id'>"
HOSTILE_COPY_ID = "\"><script>window.__pwned='copy-id'</script>"
HOSTILE_PERSON = "<script>window.__pwned='person'</script>"
HOSTILE_ORG = "<iframe src=javascript:window.__pwned='org'></iframe>"
HOSTILE_PLACE = "<a href=javascript:window.__pwned='place'>بغداد</a>"
HOSTILE_QUOTE = "<style>body{display:none}</style>الأرباح <b onmouseover=window.__pwned='quote'>ارتفعت</b>"
HOSTILE_TRIGGER = "<svg/onload=window.__pwned='trigger'>"
HOSTILE_TEXT = (
    f"قال {HOSTILE_PERSON} في {HOSTILE_PLACE} إن “{HOSTILE_QUOTE}” بنسبة 20%.\n"
    f"وأعلنت {HOSTILE_ORG} {HOSTILE_TRIGGER} يوم 10 آذار 2021 \u202ebidi override\u202c \u2066عزل\u2069 {pwn('text')}."
)


def hostile_documents(pipeline: Pipeline) -> list[Document]:
    """Two articles (one a near-copy of the other) whose every stored value is hostile markup."""
    from khabar.document import Quantity, Time

    person = ("PER", HOSTILE_PERSON, pwn("latn"),
              (Role(pwn("role"), pwn("role-en"), "e2"),), (HOSTILE_PERSON,))  # fmt: skip
    docs = []
    for doc_id, source, extra in ((HOSTILE_ID, pwn("source"), ""), (HOSTILE_COPY_ID, pwn("copy-source"), "\n(وكالات)")):
        doc = annotated_document(
            pipeline,
            HOSTILE_TEXT + extra,
            id=doc_id,
            published="2021-03-12",
            title=pwn("title"),
            source=source,
            url=f"javascript:window.__pwned='url'//{pwn('url')}",
            entities={
                "e1": person,
                "e2": ("ORG", HOSTILE_ORG, None, (), (HOSTILE_ORG,)),
                "e3": (pwn("type"), HOSTILE_PLACE, "Baghdad", (), (HOSTILE_PLACE,)),
            },
            quotes=((HOSTILE_QUOTE, "direct", "e1", "قال"),),
            events=(
                (pwn("event-type"), pwn("mode"), HOSTILE_TRIGGER, ("e2",), ("e1",), f"2021-03-10{pwn('date')}"),
                ("ASSAULT", None, "بنسبة", ("e1",), ("e2",), f"2021-13-45{pwn('bad-date')}"),
            ),
        )
        doc.set_layer(
            "entities",
            [Entity(e.id, e.type, e.name, e.name_latn, e.mentions, e.roles, pwn("country"), pwn("sector"), e.key)
             for e in doc.entities],
        )  # fmt: skip
        start = doc.text.index("10 آذار 2021")
        doc.set_layer(
            "times",
            [Time(start, start + 12, "10 آذار 2021", id="t1", type=pwn("time-type"), value=pwn("value"),
                  begin=pwn("begin"), until=pwn("until"))],
        )  # fmt: skip
        start = doc.text.index("20%")
        doc.set_layer("quantities", [Quantity(start, start + 3, "20%", id="n1", value=20, unit=pwn("unit"))])
        first, second = doc.events
        doc.set_layer("events", [replace(first, location="e3"), second])
        docs.append(doc)
    return docs


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline, annotated_corpus: list[Document]) -> Path:
    """A store of the annotated corpus and the hostile articles (read-only for tests: copy it to change it)."""
    from khabar.store import Store

    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    with Store(path) as store:
        report = store.add([*annotated_corpus, *hostile_documents(pipeline)])
    assert report.added == 7 and report.near_duplicates == 2, report
    return path


def processes_mentioning(text: str) -> list[int]:
    """Ids of running processes whose command line holds ``text`` (Linux /proc; none found elsewhere)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if text.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found
