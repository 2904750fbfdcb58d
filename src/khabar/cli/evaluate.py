"""``khabar eval``: score a stage against a gold file and print the figures.

Every command takes ``--json``: the figures as one JSON object on stdout (ratios from 0 to 1, with the counts
they come from), for scripts and for the quality gate in ``tests/quality/`` that pins a floor under each score.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from khabar.cli._console import fail
from khabar.errors import KhabarError

eval_app = typer.Typer(help="Score a stage against a gold file.", no_args_is_help=True)


JsonOption = Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")]


def _ratio(right: int, total: int) -> str:
    return f"{right / total:.1%} ({right}/{total})" if total else "n/a (0 tokens)"


def _share(right: int, total: int) -> dict[str, Any]:
    return {"accuracy": right / total if total else 0.0, "correct": right, "total": total}


def _prf(precision: float, recall: float, f1: float, **counts: int) -> dict[str, Any]:
    return {"precision": precision, "recall": recall, "f1": f1, **counts}


def _print_json(figures: dict[str, Any]) -> None:
    typer.echo(json.dumps(figures, ensure_ascii=False, indent=2))


@eval_app.command("clitics")
def clitics_cli(
    gold: Annotated[Path, typer.Argument(help="TSV of hand-labelled tokens (tests/data/clitics_gold.tsv).")],
    errors: Annotated[bool, typer.Option("--errors", help="List every token analysed wrongly.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Accuracy of the clitic analysis (proclitics and pronoun suffix exactly right)."""
    from khabar.evaluation.clitics import read_gold, score

    try:
        result = score(read_gold(gold))
    except (KhabarError, OSError) as error:
        fail(str(error))
        raise typer.Exit(1) from None
    if as_json:
        _print_json(
            {
                "eval": "clitics",
                "gold": str(gold),
                "tokens": result.total,
                **_share(result.correct, result.total),
                "with_clitics": _share(result.with_clitics_correct, result.with_clitics),
                "without_clitics": _share(result.without_clitics_correct, result.without_clitics),
                "unambiguous": _share(result.unambiguous_correct, result.unambiguous),
            }
        )
        return
    console = Console()
    console.print(f"tokens                 {result.total}")
    console.print(f"accuracy               {_ratio(result.correct, result.total)}")
    console.print(f"  tokens with clitics  {_ratio(result.with_clitics_correct, result.with_clitics)}")
    console.print(f"  tokens without       {_ratio(result.without_clitics_correct, result.without_clitics)}")
    console.print(f"  unambiguous tokens   {_ratio(result.unambiguous_correct, result.unambiguous)}")
    if errors:
        for token, proclitics, enclitic in result.errors:
            gold_label = "+".join([*token.proclitics, "STEM", *([token.enclitic] if token.enclitic else [])])
            got = "+".join([*proclitics, "STEM", *([enclitic] if enclitic else [])])
            console.print(escape(f"line {token.line}: {token.surface}  gold {gold_label}  got {got}"))


def _timex_report(folder: Path, which: str, errors: bool, as_json: bool = False) -> None:
    from khabar.evaluation.timex import score

    try:
        results = score(folder, which)
    except (KhabarError, OSError) as error:
        fail(str(error))
        raise typer.Exit(1) from None
    total = sum(r.total for r in results)
    right = sum(r.correct for r in results)
    if as_json:
        files = {
            r.name.removesuffix(".jsonl"): {**_share(r.correct, r.total), "disagreed": r.disagreed} for r in results
        }
        _print_json({"eval": which, "gold": str(folder), "files": files, "overall": _share(right, total)})
        return
    console = Console()
    for result in results:
        note = f"  ({result.disagreed} of the failures documented as disagreements)" if result.disagreed else ""
        console.print(escape(f"{result.name:<36} {_ratio(result.correct, result.total)}{note}"))
    console.print(escape(f"{'overall':<36} {_ratio(right, total)}"))
    if errors:
        for result in results:
            for case_id, text, got in result.failures:
                console.print(escape(f"{case_id}  {text!r}  got {got}"), soft_wrap=True)


@eval_app.command("times")
def times_cli(
    folder: Annotated[Path, typer.Argument(help="The timex suite folder.")] = Path("../shared/data/timex"),
    errors: Annotated[bool, typer.Option("--errors", help="List every case scored wrong.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Accuracy of the times stage on Duckling's time and duration cases and Recognizers' verified ones."""
    _timex_report(folder, "times", errors, as_json)


@eval_app.command("numbers")
def numbers_cli(
    folder: Annotated[Path, typer.Argument(help="The timex suite folder.")] = Path("../shared/data/timex"),
    errors: Annotated[bool, typer.Option("--errors", help="List every case scored wrong.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Accuracy of the numbers stage on Duckling's numeral, ordinal and money cases and Recognizers' verified ones."""
    _timex_report(folder, "numbers", errors, as_json)


@eval_app.command("ner")
def ner_cli(
    gold: Annotated[Path, typer.Argument(help="A BIO file: 'token tag' per line, blank line between sentences.")],
    model: Annotated[Path | None, typer.Option(help="A model .npz (default: the packaged one).")] = None,
    context: Annotated[
        int, typer.Option(help="Sentences per pseudo-document for the consistency pass (1: sentences alone).")
    ] = 1,
    as_json: JsonOption = False,
) -> None:
    """Entity-level precision, recall and F1 (exact match) per type and micro-averaged."""
    from khabar.cli.train import print_scores
    from khabar.ner.bio import read_bio
    from khabar.ner.model import NerModel, default_model
    from khabar.ner.train import evaluate

    try:
        tagger = NerModel.load(model) if model is not None else default_model()
        sentences = read_bio(gold)
        result = evaluate(tagger, sentences, context=context)
    except (KhabarError, OSError) as error:
        fail(str(error))
        raise typer.Exit(1) from None
    tokens = sum(len(s.tokens) for s in sentences)
    if as_json:

        def counts(c: Any) -> dict[str, Any]:
            return _prf(c.precision, c.recall, c.f1, gold=c.gold, predicted=c.predicted, correct=c.true_positives)

        _print_json(
            {
                "eval": "ner",
                "gold": str(gold),
                "sentences": len(sentences),
                "tokens": tokens,
                "context": context,
                "micro": counts(result.micro),
                "types": {name: counts(c) for name, c in result.by_type.items()},
            }
        )
        return
    where = "sentences alone" if context <= 1 else f"documents of {context} sentences"
    print_scores(Console(), f"{gold.name}: {len(sentences)} sentences, {tokens} tokens ({where})", result)


@eval_app.command("resolve")
def resolve_cli(
    gold: Annotated[Path, typer.Argument(help="Hand-labelled mention pairs (tests/data/resolution_pairs.tsv).")],
    corpus: Annotated[Path, typer.Option(help="JSONL holding the articles of the pairs.")] = Path(
        "../shared/data/corpus/demo_ar_news_200.jsonl"
    ),
    as_json: JsonOption = False,
) -> None:
    """Precision and recall of same-entity links between mention pairs."""
    from khabar.evaluation.resolve import score_pairs

    try:
        result = score_pairs(gold, corpus)
    except (KhabarError, OSError) as error:
        fail(str(error))
        raise typer.Exit(1) from None
    if as_json:
        counts = {
            "right_links": result.true_positives,
            "wrong_links": result.false_positives,
            "missed_links": result.false_negatives,
            "right_separations": result.true_negatives,
            "unclear": result.unclear,
            "not_found": result.not_found,
        }
        _print_json(
            {"eval": "resolve", "gold": str(gold), **_prf(result.precision, result.recall, result.f1, **counts)}
        )
        return
    console = Console()
    console.print(
        f"same-entity links  precision {result.precision:.1%}  recall {result.recall:.1%}  F1 {result.f1:.1%}"
    )
    console.print(
        f"  right links {result.true_positives}, wrong links {result.false_positives}, "
        f"missed links {result.false_negatives}, right separations {result.true_negatives}"
    )
    console.print(f"  pairs labelled unclear {result.unclear}; pairs whose mentions were not found {result.not_found}")


@eval_app.command("quotes")
def quotes_cli(
    gold: Annotated[Path, typer.Argument(help="Hand-labelled articles (tests/data/quotes_gold.jsonl).")],
    split: Annotated[str, typer.Option(help="all, dev (odd articles, for tuning) or test (even ones).")] = "all",
    as_json: JsonOption = False,
) -> None:
    """Span precision, recall and F1 of quotes, and speaker accuracy where the text names the speaker."""
    from khabar.evaluation.quotes import score_quotes

    try:
        result = score_quotes(gold, split=split)
    except (KhabarError, OSError) as error:
        fail(str(error))
        raise typer.Exit(1) from None
    if as_json:
        _print_json(
            {
                "eval": "quotes",
                "gold": str(gold),
                "split": split,
                **_prf(result.precision, result.recall, result.f1, gold_quotes=result.gold,
                       found=result.predicted, matched=result.matched),
                "exact_f1": result.exact_f1,
                "speaker_accuracy": result.speaker_accuracy,
                "speakers_named": result.speakers_named,
                "speakers_right": result.speakers_right,
                "unknown_gold": result.unknown_gold,
                "unknown_kept": result.unknown_kept,
            }
        )  # fmt: skip
        return
    console = Console()
    console.print(f"quotes             gold {result.gold}, found {result.predicted}, matched {result.matched}")
    console.print(
        f"spans (overlap)    precision {result.precision:.1%}  recall {result.recall:.1%}  F1 {result.f1:.1%}"
    )
    console.print(f"spans (exact)      F1 {result.exact_f1:.1%}")
    console.print(
        f"speaker accuracy   {result.speaker_accuracy:.1%} ({result.speakers_right}/{result.speakers_named} "
        "matched quotes with a named speaker)"
    )
    console.print(f"unknown speakers   kept unknown {result.unknown_kept}/{result.unknown_gold}")


@eval_app.command("events")
def events_cli(
    gold: Annotated[
        Path, typer.Argument(help="The arabic_event_gsr folder, or a JSONL file of sentences labelled assault/protest.")
    ] = Path("../shared/data/events/arabic_event_gsr"),
    limit: Annotated[int | None, typer.Option(help="Score only the first N sentences of each file.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Precision, recall and F1 of ASSAULT and PROTEST detection; actor and target overlap on the span gold."""
    from khabar.evaluation.events import score_event_sentences, score_events

    try:
        score = score_events if gold.is_dir() else score_event_sentences
        result = score(gold, limit=limit)
    except (KhabarError, OSError) as error:
        fail(str(error))
        raise typer.Exit(1) from None
    if as_json:
        detection, main = (
            {
                kind: _prf(d.precision, d.recall, d.f1, tp=d.true_positives, fp=d.false_positives,
                           fn=d.false_negatives, tn=d.true_negatives)
                for kind, d in confusions.items()
            }
            for confusions in (result.detection, result.main)
        )  # fmt: skip
        spans = {
            kind: {
                "trigger": _share(s.triggered, s.gold),
                "actor": _share(s.actors_right, s.actors_gold),
                "target": _share(s.targets_right, s.targets_gold),
            }
            for kind, s in result.spans.items()
        }
        _print_json(
            {"eval": "events", "gold": str(gold), "limit": limit, "detection": detection, "main": main, "spans": spans}
        )
        return
    console = Console()
    for title, confusions in (("any event", result.detection), ("main events (background left out)", result.main)):
        console.print(title)
        for kind, d in confusions.items():
            console.print(
                f"  {kind:8s} precision {d.precision:.1%}  recall {d.recall:.1%}  F1 {d.f1:.1%}"
                f"  (tp {d.true_positives}, fp {d.false_positives}, fn {d.false_negatives}, tn {d.true_negatives})"
            )
    for kind, spans in result.spans.items():
        console.print(
            f"{kind:8s} spans: trigger found for {spans.triggered}/{spans.gold} gold events; actor named "
            f"{spans.actors_right}/{spans.actors_gold}, target named {spans.targets_right}/{spans.targets_gold}"
        )
