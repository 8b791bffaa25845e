"""Import ClinicalTrials.gov API v2 JSON files (a study, a page, or a folder of them).

Idempotent: a study already in the store is updated, never duplicated. A malformed record
is skipped and reported at the end; every other record of the same file still lands.
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker
from tqdm import tqdm

from .ctgov import RecordError, TrialRecord, iter_studies, parse_study
from .store import upsert_trials

log = logging.getLogger(__name__)

BATCH_SIZE = 200


@dataclass
class ImportProblem:
    """Where a record (or a whole file) failed, and why."""

    source: str
    detail: str

    def __str__(self) -> str:
        return f"{self.source}: {self.detail}"


@dataclass
class ImportReport:
    files: int = 0
    seen: int = 0
    inserted: int = 0
    updated: int = 0
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.inserted + self.updated

    def summary(self) -> str:
        lines = [
            f"Read {self.seen} record(s) from {self.files} file(s): "
            f"{self.inserted} new, {self.updated} updated, {len(self.problems)} skipped."
        ]
        lines += [f"  skipped {p}" for p in self.problems]
        return "\n".join(lines)


def json_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The JSON files named, and those found (recursively, sorted) in the folders named."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file())
        else:
            yield path


def _label(path: Path, index: int, study: Any) -> str:
    nct = None
    if isinstance(study, dict):
        ident = (
            (study.get("protocolSection") or {})
            if isinstance(study.get("protocolSection"), dict)
            else {}
        )
        ident = ident.get("identificationModule") if isinstance(ident, dict) else None
        if isinstance(ident, dict) and isinstance(ident.get("nctId"), str):
            nct = ident["nctId"]
    return f"{path.name} record {index + 1}" + (f" ({nct})" if nct else "")


def read_records(
    paths: Iterable[str | Path], report: ImportReport
) -> list[tuple[str, TrialRecord]]:
    """Parse every study in the given files; problems go to ``report``, good records are
    returned."""
    records: list[tuple[str, TrialRecord]] = []
    for path in json_files(paths):
        report.files += 1
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            studies = list(iter_studies(document))
        except FileNotFoundError:
            report.problems.append(ImportProblem(str(path), "no such file"))
            continue
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            report.problems.append(ImportProblem(str(path), f"not valid JSON ({exc})"))
            continue
        except RecordError as exc:
            report.problems.append(ImportProblem(str(path), str(exc)))
            continue
        for index, study in enumerate(studies):
            report.seen += 1
            try:
                records.append((_label(path, index, study), parse_study(study)))
            except RecordError as exc:
                report.problems.append(ImportProblem(_label(path, index, study), str(exc)))
    return records


def store_records(
    sessions: sessionmaker,
    records: list[tuple[str, TrialRecord]],
    report: ImportReport,
    progress: bool | None = None,
    batch_size: int = BATCH_SIZE,
) -> None:
    """Upsert records in batches; a batch the database refuses is retried one by one."""
    bar = tqdm(
        total=len(records),
        unit="trial",
        desc="Importing",
        file=sys.stderr,
        disable=(not sys.stderr.isatty()) if progress is None else not progress,
    )
    with bar:
        for start in range(0, len(records), batch_size):
            batch = records[start : start + batch_size]
            try:
                _commit(sessions, [r for _, r in batch], report)
            except SQLAlchemyError:
                for label, record in batch:
                    try:
                        _commit(sessions, [record], report)
                    except SQLAlchemyError as exc:
                        msg = str(getattr(exc, "orig", exc)).splitlines()[0]
                        report.problems.append(ImportProblem(label, f"database refused it: {msg}"))
            bar.update(len(batch))


def _commit(sessions: sessionmaker, records: list[TrialRecord], report: ImportReport) -> None:
    with sessions() as session:
        with session.begin():
            inserted, updated = upsert_trials(session, records)
    report.inserted += inserted
    report.updated += updated


def import_paths(
    sessions: sessionmaker, paths: Iterable[str | Path], progress: bool | None = None
) -> ImportReport:
    """Import every study found under ``paths`` into the store."""
    report = ImportReport()
    records = read_records(paths, report)
    store_records(sessions, records, report, progress=progress)
    return report


def import_documents(
    sessions: sessionmaker, documents: Iterable[tuple[str, Any]], report: ImportReport
) -> None:
    """Import already-loaded JSON documents (pages from the API), labelled for error reports."""
    records: list[tuple[str, TrialRecord]] = []
    for label, document in documents:
        try:
            studies = list(iter_studies(document))
        except RecordError as exc:
            report.problems.append(ImportProblem(label, str(exc)))
            continue
        for index, study in enumerate(studies):
            report.seen += 1
            try:
                records.append((f"{label} record {index + 1}", parse_study(study)))
            except RecordError as exc:
                report.problems.append(ImportProblem(f"{label} record {index + 1}", str(exc)))
    store_records(sessions, records, report, progress=False)
