"""Search: Arabic-aware terms, name variants, filters, ranking, snippets, and queries that try to break it."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from khabar.stages.tokenise import Tokeniser
from khabar.store import Filter, Store
from khabar.store.terms import TermIndexer


@pytest.fixture(scope="module")
def spelling_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Articles that write the same words in different ways."""
    records = [
        {"id": "clitics", "text": "قدمت تونس الدعم وللناتو دور في ذلك.", "published": "2021-01-01"},
        {"id": "alias", "text": "اجتمع وزراء دفاع حلف شمال الأطلسي في بروكسل.", "published": "2021-01-02"},
        {"id": "marbuta", "text": "أعلنت حكومته الجديدة خطة للإصلاح.", "published": "2021-01-03"},
        {"id": "digits", "text": "بلغ عدد الزوار ٢٠٢١ زائرا في يوم واحد.", "published": "2021-01-04"},
        {"id": "harakat", "text": "جرى اتّصالٌ هاتفيٌّ بين الرئيسين.", "published": "2021-01-05"},
        {"id": "hamza", "text": "إستمرار المفاوضات في الأردن.", "published": "2021-01-06"},
        {"id": "ta-written-ha", "text": "زار الوفد المدرسه الابتدائيه في القريه.", "published": "2021-01-07"},
    ]
    path = tmp_path_factory.mktemp("spelling") / "s.db"
    with Store(path) as store:
        store.add(records_to_documents(records))
    return path


def records_to_documents(records: list[dict]):
    from khabar.pipeline import pipe

    return list(pipe(records))


def ids(results) -> list[str]:
    return [hit.id for hit in results.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("الناتو", {"clitics", "alias"}),  # clitics و ل ال, and the alias حلف شمال الأطلسي
        ("ناتو", {"clitics", "alias"}),
        ("حكومة", {"marbuta"}),  # ة written ت before the suffix
        ("2021", {"digits"}),  # Eastern digits
        ("اتصال هاتفي", {"harakat"}),  # diacritics and shadda
        ("استمرار", {"hamza"}),  # hamza on alef
        ("المدرسة الابتدائية", {"ta-written-ha"}),  # ة written ه
        ("«حلف شمال الأطلسي»", {"alias", "clitics"}),
    ],
)
def test_arabic_normalisation_finds_every_spelling(spelling_db: Path, query: str, expected: set[str]) -> None:
    with Store(spelling_db) as store:
        assert set(ids(store.search(query))) == expected


def test_terms_drop_clitics_and_fold_letters() -> None:
    indexer = TermIndexer(Tokeniser())
    assert indexer.terms("وللناتو الأطلسي حكومته ٤٬٠٠٠ NATO،") == ["ناتو", "اطلسي", "حكومه", "4000", "nato"]
    assert indexer.terms("؟!«»") == []


def test_phrases_keep_their_order(spelling_db: Path) -> None:
    with Store(spelling_db) as store:
        assert ids(store.search('"حلف شمال"')) == ["alias"]
        assert ids(store.search('"شمال حلف"')) == []


def test_entity_variants_widen_the_query(corpus_db: Path) -> None:
    with Store(corpus_db) as store:
        results = store.search("ستولتنبيرغ")  # spelled this way only in the seed article
        alternatives = {" ".join(a) for a in results.query.clauses[0].alternatives}
    assert {"ستولتنبرغ", "jens stoltenberg"} <= alternatives
    assert set(ids(results)) == {"seed-article", "nato-brussels"}  # the near-copy is not counted again


def test_filters(corpus_db: Path) -> None:
    with Store(corpus_db) as store:
        hussein = store.connection.execute("SELECT pk FROM entities WHERE key='PER:فؤاد حسين'").fetchone()[0]
        assert set(ids(store.search("العراق", Filter(entity=hussein)))) == {"seed-article", "nato-brussels"}
        assert ids(store.search("حسين", Filter(event_type="COOPERATE"))) == ["baghdad-visit"]
        assert ids(store.search("حسين", Filter(date_from=date(2021, 3, 11), date_to=date(2021, 3, 13)))) == [
            "nato-brussels"
        ]
        assert set(ids(store.search("حسين", Filter(source="Example Wire")))) == {"nato-brussels", "baghdad-visit"}
        listing = store.search("", Filter(source="Example Wire"))
    assert listing.listing and ids(listing) == ["baghdad-visit", "nato-brussels"]  # newest first


def test_title_matches_rank_first_and_snippets_mark_the_original(corpus_db: Path) -> None:
    with Store(corpus_db) as store:
        results = store.search("السفير الأردني")
        assert ids(results)[0] == "baghdad-visit"
        hit = store.search("وللناتو").hits[0]
    text = "".join(piece for piece, _ in hit.snippet).strip("…")
    marked = [piece for piece, matched in hit.snippet if matched]
    assert marked and all(piece in ("الناتو", "لحلف", "حلف", "شمال", "الأطلسي") for piece in marked)
    with sqlite3.connect(corpus_db) as db:
        original = db.execute("SELECT json_extract(json, '$.text') FROM documents WHERE id='seed-article'").fetchone()
    assert text in original[0]
    title = store_title_segments(corpus_db, "السفير")
    assert title == [("حسين يستقبل ", False), ("السفير", True), (" الأردني", False)]


def store_title_segments(db: Path, query: str):
    with Store(db) as store:
        return store.search(query).hits[0].title_segments


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "NEAR(a b)",
        "a OR b AND NOT c",
        "'; DROP TABLE documents; --",
        "title:x",
        "\x00\ufffd",
        "(((",
        "^الناتو",
        "-الناتو",
        "الناتو*",
        "«",
        "ب" * 400,
        " ".join(["الناتو"] * 60),
    ],
)
def test_hostile_queries_are_just_text(corpus_db: Path, query: str) -> None:
    with Store(corpus_db) as store:
        results = store.search(query)
        assert results.total >= 0
        assert store.connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 5


def test_operator_words_are_searched_as_words(corpus_db: Path) -> None:
    with Store(corpus_db) as store:
        results = store.search("الناتو OR xyz")
    assert results.total == 0 and [c.alternatives[0] for c in results.query.clauses][1:] == [("or",), ("xyz",)]
