"""The pipeline object, its stage contracts and the top-level API."""

from __future__ import annotations

import pytest

import khabar
from khabar import Document, Pipeline
from khabar.errors import InputError, PipelineError
from khabar.stages import DEFAULT_STAGES, STAGE_FACTORIES


def test_default_pipeline_runs_every_registered_stage_in_order() -> None:
    assert Pipeline().names == DEFAULT_STAGES == tuple(STAGE_FACTORIES)


def test_a_stage_whose_needs_nothing_provides_is_refused_when_built() -> None:
    class NeedsTokens:
        name = "needs-tokens"
        requires = frozenset({"tokens"})
        provides = frozenset({"x"})

        def __call__(self, doc: Document) -> Document:
            return doc

    with pytest.raises(PipelineError, match="needs tokens"):
        Pipeline(["segment", NeedsTokens()])
    assert Pipeline(["tokenise", NeedsTokens()]).names == ("tokenise", "needs-tokens")


def test_unknown_stage_and_non_stage_are_refused() -> None:
    with pytest.raises(PipelineError, match="unknown stage 'ner'"):
        Pipeline(["ner"])
    with pytest.raises(PipelineError, match="is not a stage"):
        Pipeline([object()])  # type: ignore[list-item]


def test_analyze_sets_the_text_layers(seed_text: str) -> None:
    doc = khabar.analyze(seed_text, "2021-03-10", id="seed")
    assert doc.id == "seed" and doc.published_iso == "2021-03-10"
    assert doc.text == seed_text
    assert len(doc.sentences) == 12 and len(doc.tokens) > 400


def test_pipe_accepts_texts_records_and_documents_in_order() -> None:
    records = [
        "نص أول",
        {"id": "b", "text": "نص ثان", "date": "2018-02-18T21:35:43+04:00", "title": "ع"},
        Document("نص ثالث", id="c"),
    ]
    docs = list(khabar.pipe(records))
    assert [d.text for d in docs] == ["نص أول", "نص ثان", "نص ثالث"]
    assert docs[1].id == "b" and docs[1].published_iso == "2018-02-18T21:35:43+04:00"
    assert docs[1].meta == {"title": "ع"}


def test_pipe_raises_on_a_bad_record_without_a_handler() -> None:
    with pytest.raises(InputError, match="record 1: no 'text' field"):
        list(khabar.pipe(["جيد", {"body": "x"}]))


def test_pipe_reports_and_skips_bad_records_with_a_handler() -> None:
    failures: list[tuple[int, str]] = []
    records = ["جيد", {"body": "x"}, {"text": 5}, {"text": "نص", "published": "غدا"}, 42, "جيد أيضا"]
    docs = list(khabar.pipe(records, on_error=lambda i, _record, error: failures.append((i, str(error)))))
    assert [d.text for d in docs] == ["جيد", "جيد أيضا"]
    assert [i for i, _ in failures] == [1, 2, 3, 4]
    assert "not a string" in failures[1][1] and "not an ISO date" in failures[2][1]


def test_a_failing_stage_is_reported_with_the_record_and_the_batch_goes_on() -> None:
    class Fragile:
        name = "fragile"
        requires: frozenset[str] = frozenset()
        provides = frozenset({"nothing"})

        def __call__(self, doc: Document) -> Document:
            if "boom" in doc.text:
                raise RuntimeError("cannot cope")
            return doc

    failures = []
    docs = list(
        Pipeline([Fragile()]).pipe([{"id": "x", "text": "boom"}, "fine"], on_error=lambda i, r, e: failures.append(e))
    )
    assert [d.text for d in docs] == ["fine"]
    assert isinstance(failures[0], PipelineError)
    assert "record 0 (id 'x'): analysis failed: RuntimeError: cannot cope" in str(failures[0])


class _Counting:
    """A stage that analyses several documents at once, and fails on a text holding "boom"."""

    name = "counting"
    requires: frozenset[str] = frozenset()
    provides = frozenset({"counted"})

    def __init__(self) -> None:
        self.batches: list[int] = []

    def __call__(self, doc: Document) -> Document:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Document]) -> list[Document]:
        self.batches.append(len(docs))
        if any("boom" in doc.text for doc in docs):
            raise RuntimeError("cannot cope")
        return docs


def test_a_stage_with_pipe_sees_the_documents_together_in_batches() -> None:
    stage = _Counting()
    docs = list(Pipeline([stage]).pipe([f"نص {i}" for i in range(5)], batch_size=2))
    assert [d.text for d in docs] == [f"نص {i}" for i in range(5)]
    assert stage.batches == [2, 2, 1]


def test_a_batch_that_fails_is_rerun_one_by_one_and_only_the_bad_article_is_lost() -> None:
    stage = _Counting()
    failures = []
    records = ["أول", {"id": "b", "text": "boom"}, "ثالث"]
    docs = list(Pipeline([stage]).pipe(records, on_error=lambda i, r, e: failures.append((i, str(e)))))
    assert [d.text for d in docs] == ["أول", "ثالث"]
    assert failures == [(1, "record 1 (id 'b'): analysis failed: RuntimeError: cannot cope")]
    assert stage.batches == [3, 1, 1, 1]


def test_records_before_a_bad_one_are_yielded_before_it_raises() -> None:
    seen = []
    with pytest.raises(InputError, match="record 2"):
        for doc in khabar.pipe(["أول", "ثان", {"body": "x"}, "رابع"]):
            seen.append(doc.text)
    assert seen == ["أول", "ثان"]


def test_the_tagger_gives_the_same_mentions_to_articles_tagged_together_or_alone(seed_text: str) -> None:
    texts = [seed_text, "قال الرئيس الأمريكي دونالد ترامب إن واشنطن ستنسحب.", "استقبل الملك عبد الله الثاني الوزير."]
    together = list(khabar.pipe(texts))
    alone = [khabar.analyze(text) for text in texts]
    assert [d.to_dict()["mentions"] for d in together] == [d.to_dict()["mentions"] for d in alone]
    assert any(m["type"] == "PER" for m in together[1].to_dict()["mentions"])


def test_a_long_article_closes_its_batch() -> None:
    from khabar.pipeline import BATCH_CHARS

    stage = _Counting()
    texts = ["قصير", "ن" * BATCH_CHARS, "قصير", "قصير"]
    assert len(list(Pipeline([stage]).pipe(texts))) == 4
    assert stage.batches == [2, 2]


def test_a_long_text_without_punctuation_full_of_statements_and_attacks() -> None:
    """Thousands of speech verbs, names and attack words in one sentence: every stage goes through it (the quote
    and event stages once compared every statement and every clause with the whole sentence)."""
    text = "قال الرئيس الأمريكي دونالد ترامب إن الجيش قصف المدينة وقتل خمسة مسلحين " * 1_000
    doc = khabar.analyze(text, "2021-03-10")
    assert len(doc.sentences) >= 1 and doc.quotes and doc.events
    for layer in (doc.mentions, doc.quotes, doc.events):
        for item in layer:
            span = item.trigger if hasattr(item, "trigger") else item
            assert text[span.start : span.end] == span.text


def test_one_happening_reported_in_thousands_of_sentences_is_one_event_with_each_as_evidence() -> None:
    """The event stage merges every report of a happening into one event (it once scanned all the reports so far
    for each new one)."""
    sentence = "قصف الجيش المدينة. "
    doc = khabar.analyze(sentence * 2_000, "2021-03-10")
    (event,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert [e.start for e in event.evidences] == [k * len(sentence) for k in range(2_000)]


def test_thousands_of_quotations_in_one_sentence_are_each_found_with_their_speaker() -> None:
    """The quote stage looks up the quotation around a word by bisection (it once scanned them all for each word)."""
    doc = khabar.analyze('وقال ترامب "كلمة مهمة جدا" ووصفها بأنها "رائعة" ' * 1_000, "2021-03-10")
    names = {e.id: e.name for e in doc.entities}
    assert len(doc.quotes) >= 1_990
    assert {names.get(q.speaker) for q in doc.quotes} == {"دونالد ترامب"}


def test_a_pipe_method_that_gives_back_the_wrong_documents_is_not_trusted() -> None:
    class Forgetful(_Counting):
        def pipe(self, docs: list[Document]) -> list[Document]:
            self.batches.append(len(docs))
            return docs[:1]  # loses all but the first

    stage = Forgetful()
    docs = list(Pipeline([stage]).pipe(["أول", "ثان", "ثالث"]))
    assert [d.text for d in docs] == ["أول", "ثان", "ثالث"]
    assert stage.batches == [3, 1, 1, 1]
