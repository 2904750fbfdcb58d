"""``khabar train ner``: fit the named-entity tagger on BIO training files and print the dev score."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from khabar.cli._console import fail
from khabar.errors import KhabarError

train_app = typer.Typer(help="Train a model from annotated data.", no_args_is_help=True)
DEFAULT_NER_DATA = Path("../shared/data/ner")
DEV_SHARE = 0.1


def print_scores(console: Console, title: str, result) -> None:
    """A table of entity-level precision, recall and F1 per type and micro-averaged."""
    console.print(f"[bold]{title}[/]")
    console.print(f"  {'type':6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>6s}")
    for name, counts in [*result.by_type.items(), ("micro", result.micro)]:
        console.print(f"  {name:6s} {counts.precision:6.1%} {counts.recall:6.1%} {counts.f1:6.1%} {counts.gold:6d}")


@train_app.command("ner")
def train_ner_cli(
    data: Annotated[
        Path, typer.Option(help="Folder with anercorp/ and aqmar/ (../shared/data/ner).")
    ] = DEFAULT_NER_DATA,
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the model (.npz).")] = Path("ner.npz"),
    aqmar: Annotated[bool, typer.Option(help="Add AQMAR's training file (Wikipedia) to ANERcorp's.")] = False,
    c1: Annotated[float, typer.Option(help="L1 penalty.")] = 0.05,
    c2: Annotated[float, typer.Option(help="L2 penalty.")] = 0.05,
    iterations: Annotated[int, typer.Option(help="L-BFGS iterations.")] = 150,
    refit: Annotated[bool, typer.Option(help="After scoring on dev, refit on all training data.")] = True,
    context: Annotated[
        bool,
        typer.Option(help="Use the context statistics of unlabeled news (off for the first pass that builds them)."),
    ] = True,
) -> None:
    """Train the NER model on ANERcorp train (its last 10% held out as dev), then refit on all of it."""
    from khabar.ner.bio import read_bio
    from khabar.ner.features import FeatureExtractor
    from khabar.ner.train import TrainingOptions, evaluate, train

    console = Console()
    try:
        sentences = read_bio(data / "anercorp" / "ANERCorp_CamelStyle_train.txt")
        extra = read_bio(data / "aqmar" / "train.txt") if aqmar else []
        # The last tenth, not a random sample: sentences of one article must not be on both sides.
        cut = len(sentences) - int(len(sentences) * DEV_SHARE)
        fit, dev = sentences[:cut] + extra, sentences[cut:]
        options = TrainingOptions(c1=c1, c2=c2, max_iterations=iterations)
        extractor = FeatureExtractor(context=context)
        model = train(fit, options, extractor=extractor, log=console.print)
        print_scores(console, f"dev (last 10% of ANERcorp train, {len(dev)} sentences)", evaluate(model, dev))
        if refit:
            model = train(sentences + extra, options, extractor=extractor, log=console.print)
        model.save(out)
    except (KhabarError, OSError) as error:
        fail(str(error))
        raise typer.Exit(1) from None
    console.print(f"model written to {out}")
