"""Command line: ``python -m trials_db import|fetch|list|show ...`` over the store at
TRIALS_DB_URL."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any, Callable, Sequence

from .config import SHIPPED_TRIALS_DIR
from .store import count_trials, get_trial, list_trials, make_engine, session_factory

Handler = Callable[[argparse.Namespace], int]


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def _statuses(values: list[str] | None) -> list[str]:
    return [s.strip().upper() for v in values or [] for s in v.split(",") if s.strip()]


def _sessions(args: argparse.Namespace):
    return session_factory(make_engine(args.db))


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_paths

    sessions = _sessions(args)
    if args.if_empty:
        with sessions() as session:
            existing = count_trials(session)
        if existing:
            if not args.json:
                print(f"The store already holds {existing} trials: nothing imported.")
            else:
                _print_json({"skipped": True, "existing": existing})
            return 0
    paths = args.paths or [str(SHIPPED_TRIALS_DIR)]
    report = import_paths(sessions, paths, progress=None if not args.no_progress else False)
    if args.json:
        _print_json(
            {
                "files": report.files,
                "seen": report.seen,
                "inserted": report.inserted,
                "updated": report.updated,
                "problems": [p.__dict__ for p in report.problems],
            }
        )
    else:
        print(report.summary())
    return 1 if report.problems else 0


def cmd_fetch(args: argparse.Namespace) -> int:
    from .fetcher import API_URL, FetchError, fetch_and_import

    sessions = _sessions(args)

    def on_page(number: int, page: dict, report) -> None:
        total = page.get("totalCount")
        if not args.json:
            print(
                f"page {number}: {len(page['studies'])} studies"
                + (f" (of {total})" if total else "")
                + f", {report.imported} imported so far",
                file=sys.stderr,
            )

    try:
        report = asyncio.run(
            fetch_and_import(
                sessions,
                args.condition,
                _statuses(args.status),
                args.base_url or API_URL,
                page_size=args.page_size,
                max_pages=args.max_pages,
                on_page=on_page,
            )
        )
    except FetchError as exc:
        print(f"Fetch failed: {exc}", file=sys.stderr)
        return 2
    if args.json:
        _print_json(
            {
                "pages": report.files,
                "seen": report.seen,
                "inserted": report.inserted,
                "updated": report.updated,
                "problems": [p.__dict__ for p in report.problems],
            }
        )
    else:
        print(report.summary().replace("file(s)", "page(s)"))
    return 1 if report.problems else 0


def cmd_list(args: argparse.Namespace) -> int:
    from .render import location_text, status_text, trial_to_dict

    with _sessions(args)() as session:
        trials = list_trials(
            session,
            status=_statuses(args.status),
            country=args.country,
            with_criteria=True if args.with_criteria else None,
            limit=args.limit,
        )
        if args.json:
            _print_json([trial_to_dict(t, with_criteria=False) for t in trials])
            return 0
        for t in trials:
            where = location_text(t.sites[0]) if t.sites else "location not given"
            flag = "" if t.has_criteria else "  [criteria not available]"
            print(f"{t.nct_id}  {status_text(t.overall_status):<24} {t.display_title[:70]}")
            print(f"{'':13}{where[:80]}{flag}")
        print(f"{len(trials)} trial(s).", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .render import trial_to_dict, trial_to_text

    found: list[Any] = []
    missing = []
    with _sessions(args)() as session:
        for nct in args.nct_ids:
            trial = get_trial(session, nct)
            if trial is None:
                missing.append(nct)
            elif args.json:
                found.append(trial_to_dict(trial))
            else:
                found.append(trial_to_text(trial))
    if args.json:
        _print_json(found[0] if len(args.nct_ids) == 1 and found else found)
    else:
        print("\n\n".join(found))
    for nct in missing:
        print(f"No trial {nct} in the store.", file=sys.stderr)
    return 1 if missing else 0


def cmd_match(args: argparse.Namespace) -> int:
    from .matching import load_rules, match_profile
    from .profile import Profile, ProfileError

    try:
        with open(args.profile, encoding="utf-8") as fh:
            profile = Profile.from_dict(json.load(fh))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"Cannot read the profile {args.profile}: {exc}", file=sys.stderr)
        return 2
    except (ProfileError, TypeError) as exc:
        print(f"The profile is not valid: {exc}", file=sys.stderr)
        return 2
    place = within_km = None
    if args.near:
        from .geo import resolve_place

        place = resolve_place(args.near)
        if place is None:
            print(
                f"I can't place {args.near!r}: try a city with its state or country, "
                "or a US ZIP code.",
                file=sys.stderr,
            )
            return 2
        profile.home = (place.lat, place.lon)
        profile.country = profile.country or place.country
        print(f"Near {place.label}.", file=sys.stderr)
    if args.within:
        within_km = _distance_km(args.within)
        if within_km is None or place is None:
            print("--within needs --near and a distance such as 100mi or 150km.", file=sys.stderr)
            return 2
    with _sessions(args)() as session:
        rules = load_rules(session, statuses=_statuses(args.status))
    results = match_profile(rules, profile, limit=None if within_km is not None else args.limit)
    if within_km is not None:
        kept = [r for r in results if r.nearest_site and r.nearest_site["distance_km"] <= within_km]
        print(
            f"{len(results) - len(kept)} stud"
            f"{'y' if len(results) - len(kept) == 1 else 'ies'} left out: "
            f"no open site placed within {args.within}.",
            file=sys.stderr,
        )
        results = kept[: args.limit] if args.limit else kept
    if args.json:
        rows = []
        for r in results:
            row = {
                "nct_id": r.nct_id,
                "verdict": r.verdict,
                "criteria": [c.to_dict() for c in r.criteria],
            }
            if place is not None:
                row["nearest_site"] = r.nearest_site
            rows.append(row)
        _print_json(rows)
        return 0
    from .render import status_text

    marks = {"met": "+", "not_met": "x", "unknown": "?", "needs_review": "~"}
    from .geo import distance_text

    for r in results:
        print(f"{r.nct_id}  {r.verdict:<17} {status_text(r.overall_status):<22} {r.title[:60]}")
        if place is not None:
            site = r.nearest_site
            fields = (site["facility"], site["city"], site["country"]) if site else ()
            print(
                f"{'':13}"
                + (
                    f"nearest open site: {', '.join(x for x in fields if x)}"
                    f" ({distance_text(site['distance_km'], place.country)})"
                    if site
                    else "no open site could be placed"
                )
            )
        print(
            f"{'':13}met {r.count('met')}, not met {r.count('not_met')}, "
            f"unknown {r.count('unknown')}, team checks {r.count('needs_review')}"
        )
        if args.details:
            for c in r.criteria:
                print(f"{'':15}{marks[c.status]} [{c.kind}] {c.explanation}")
    print(
        f"{len(results)} trial(s). Legend: + met, x not met, ? unknown, ~ the study team checks.",
        file=sys.stderr,
    )
    return 0


def _distance_km(text: str) -> float | None:
    """ "100mi" / "100 miles" / "150km" -> kilometres."""
    from .geo import travel_limit_km

    return travel_limit_km(
        text.replace("mi", " miles") if text.strip().lower().endswith("mi") else text
    )


def cmd_coverage(args: argparse.Namespace) -> int:
    from .matching.coverage import coverage_report, format_report

    with _sessions(args)() as session:
        report = coverage_report(session)
    if args.json:
        _print_json(report)
    else:
        print(format_report(report))
    return 0


def build_parser(
    extra: Callable[[argparse._SubParsersAction], None] | None = None,
) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m trials_db",
        description="The MS clinical-trial store: import, fetch, list and show trials.",
    )
    parser.add_argument(
        "--db",
        help="SQLAlchemy URL of the store (default: $TRIALS_DB_URL "
        "or the SQLite file data/trials.db)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", help="import CT.gov API v2 JSON files or folders")
    p.add_argument("paths", nargs="*", help="files or folders (default: the shipped trials)")
    p.add_argument("--if-empty", action="store_true", help="do nothing if the store has trials")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("fetch", help="fetch studies from the ClinicalTrials.gov API v2 and import")
    p.add_argument("--condition", default="multiple sclerosis")
    p.add_argument("--status", action="append", help="e.g. RECRUITING (repeat or comma-separate)")
    p.add_argument("--page-size", type=int, default=100)
    p.add_argument("--max-pages", type=int)
    p.add_argument("--base-url", help="API endpoint (default: the public API)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_fetch)

    p = sub.add_parser("list", help="list trials")
    p.add_argument("--status", action="append", help="e.g. RECRUITING (repeat or comma-separate)")
    p.add_argument("--country", help="only trials with a site in this country")
    p.add_argument("--with-criteria", action="store_true", help="only trials with eligibility text")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show trials with their criteria")
    p.add_argument("nct_ids", nargs="+", metavar="NCT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("match", help="match a patient profile (JSON file) against the trials")
    p.add_argument("--profile", required=True, help="JSON file with the profile's fields")
    p.add_argument("--status", action="append", help="only trials with this status (repeatable)")
    p.add_argument("--limit", type=int)
    p.add_argument("--details", action="store_true", help="show every criterion's explanation")
    p.add_argument(
        "--near", help='where the person lives: "Boston, MA", "Berlin, Germany", a US ZIP code'
    )
    p.add_argument(
        "--within", help='only studies with an open site this close to --near: "100mi", "150km"'
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_match)

    p = sub.add_parser("coverage", help="what the criteria parser understood, over all trials")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_coverage)

    from .alerts.cli import add_commands as add_alert_commands

    add_alert_commands(sub)  # refresh, alerts (trials_db/alerts)
    if extra is not None:
        extra(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # e.g. piped into head
        return 0
