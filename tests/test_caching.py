"""Bounded per-form caches, and emptying them all without reloading models."""

from __future__ import annotations

import subprocess
import sys

from khabar import analyze
from khabar.batch.worker import load_pipeline, reset_caches
from khabar.caching import BoundedCache, clear_caches
from khabar.resolve.names import word_key


def test_a_bounded_cache_empties_itself_when_full() -> None:
    cache: BoundedCache[str, int] = BoundedCache(3)
    for n, key in enumerate("abc"):
        cache[key] = n
    cache["a"] = 10  # a key already there does not count as a new one
    assert cache == {"a": 10, "b": 1, "c": 2}
    cache["d"] = 3
    assert cache == {"d": 3}


def test_clear_caches_empties_per_form_caches_and_keeps_loaders() -> None:
    cache: BoundedCache[str, int] = BoundedCache(10)
    cache["x"] = 1
    word_key("والعراق")
    assert word_key.cache_info().currsize > 0
    assert clear_caches() >= 2
    assert cache == {} and word_key.cache_info().currsize == 0


def test_a_worker_reset_keeps_its_pipeline_and_its_results() -> None:
    text = "قال وزير الخارجية العراقي فؤاد حسين إن التعاون مع حلف الناتو سيستمر."
    pipeline = load_pipeline(None)
    before = pipeline.analyze(text, published="2021-03-10").to_dict()
    reset_caches()
    assert load_pipeline(None) is pipeline
    assert pipeline.analyze(text, published="2021-03-10").to_dict() == before == analyze(text, "2021-03-10").to_dict()


def test_a_batch_worker_leaves_what_it_loaded_out_of_cycle_collections() -> None:
    # in a process of its own: freezing is for khabar's worker processes, never the caller's
    script = (
        "import gc; from khabar.batch.worker import start_worker; start_worker(); "
        "print(gc.get_freeze_count(), gc.isenabled())"
    )
    frozen, enabled = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(frozen) > 10_000 and enabled == "True"  # the models' objects, and collection still on for the rest
