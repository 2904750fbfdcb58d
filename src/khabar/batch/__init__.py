"""Batch analysis at scale: many articles into partitioned Parquet tables, on all cores or on a Dask cluster.

    from khabar.batch import run_batch

    report = run_batch(["articles.jsonl.gz"], "out/", workers=8)           # all cores of this machine
    report = run_batch(["articles.jsonl.gz"], "out/", engine="dask",       # the same job on a Dask cluster
                       scheduler="tcp://scheduler:8786")

Modules, one job each: :mod:`~khabar.batch.inputs` (inputs cut into partitions), :mod:`~khabar.batch.tables`
(the tables' schemas and a document's rows), :mod:`~khabar.batch.worker` (one partition, on any engine),
:mod:`~khabar.batch.layout` (the output folder, atomic writes, the manifest and done markers),
:mod:`~khabar.batch.entities` (cross-article entity resolution of the output), :mod:`~khabar.batch.local` and
:mod:`~khabar.batch.cluster` (the engines: processes here, or Dask), :mod:`~khabar.batch.run` (a job).
"""

from khabar.batch.inputs import DEFAULT_PARTITION_SIZE
from khabar.batch.run import BatchProgress, BatchReport, make_engine, run_batch
from khabar.batch.tables import SCHEMAS, TABLES

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "SCHEMAS",
    "TABLES",
    "BatchProgress",
    "BatchReport",
    "make_engine",
    "run_batch",
]
