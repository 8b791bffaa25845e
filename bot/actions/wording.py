"""How results read for a patient: short, warm sentences; the study team decides."""

from __future__ import annotations

from collections import Counter
from typing import Any

from trials_db.criteria.review_topics import REVIEW_TOPIC_WORDS
from trials_db.matching import TrialResult
from trials_db.matching.evaluate import ELIGIBLE, NOT_ELIGIBLE, POSSIBLY_ELIGIBLE
from trials_db.fields import missing_words
from trials_db.geo import distance_text
from trials_db.render import status_text

FINAL_WORD = "Remember, this isn't medical advice: the study team makes the final decision."
VERDICT_WORDS = {
    ELIGIBLE: "Looks likely",
    POSSIBLY_ELIGIBLE: "Might fit",
    NOT_ELIGIBLE: "Doesn't fit",
}
MISSING_WORDS = missing_words()  # "I don't know {missing}": trials_db/lexicon/profile_fields.yml


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# How a review topic reads in "the study team will check ..." (the criteria's topics, and
# the few kinds of fact that need the team rather than the person).
TOPIC_WORDS = {
    **REVIEW_TOPIC_WORDS,
    "contraception": "contraception during the study",
    "subtype_maybe": "whether your type of MS fits",
    "age_limit": "your exact age",
}


def review_topics(result: TrialResult) -> list[str]:
    """What the team will check, as a few plain phrases (most frequent first), from the
    criteria's topics as data."""
    counts: Counter = Counter()
    for c in result.criteria:
        if c.status == "needs_review":
            for topic in c.topics:
                if topic != "other":
                    counts[TOPIC_WORDS.get(topic, TOPIC_WORDS["other"])] += 1
    return [w for w, _ in counts.most_common()]


def why_line(result: TrialResult) -> str:
    """One line on why, for the results list."""
    if result.verdict == NOT_ELIGIBLE:
        first = next(c for c in result.criteria if c.status == "not_met")
        return first.explanation
    if result.verdict == POSSIBLY_ELIGIBLE:
        order = list(MISSING_WORDS)
        missing = sorted(
            {f for c in result.criteria if c.status == "unknown" for f in c.fields},
            key=lambda f: order.index(f) if f in order else len(order),
        )
        words = [MISSING_WORDS.get(f, f) for f in missing][:3]
        return (
            "Nothing rules you out so far, but I don't know " + _join(words) + "."
            if words
            else "Nothing rules you out so far, but I'm missing some information."
        )
    topics = review_topics(result)
    checks = result.count("needs_review")
    line = "You meet everything I could check."
    if checks:
        line += f" The study team will check {checks} more thing{'s' if checks != 1 else ''}"
        line += f", such as {_join(topics[:2])}." if topics else "."
    return line


def where_line(
    result: TrialResult,
    home_country: str | None = None,
    travel_km: float | None = None,
    home_known: bool = False,
) -> str:
    """The nearest open site and its distance when we know where the person lives; else the
    study's first places. A study with no open site in range says so."""
    if not home_known:
        return "; ".join(result.locations[:2]) or "location not listed"
    site = result.nearest_site
    if site is None:
        return "no open site I could place on a map"
    place = ", ".join(p for p in (site.get("facility"), site.get("city"), site.get("country")) if p)
    text = f"nearest open site: {place}, {distance_text(site['distance_km'], home_country)}"
    if travel_km is not None and site["distance_km"] > travel_km:
        text += " (farther than you said you would travel)"
    return text


def trial_line(
    n: int,
    result: TrialResult,
    home_country: str | None = None,
    travel_km: float | None = None,
    home_known: bool = False,
) -> str:
    where = where_line(result, home_country, travel_km, home_known)
    return (
        f"{n}. {result.title} ({result.nct_id})\n"
        f"   {VERDICT_WORDS[result.verdict]} · {status_text(result.overall_status)} · {where}\n"
        f"   {why_line(result)}"
    )


def summary(results: list[TrialResult], total: int) -> str:
    counts = Counter(r.verdict for r in results)
    lines = [
        f"I checked {total} stud{'y' if total == 1 else 'ies'} that are open to new participants:"
    ]
    lines.append(
        f"• {counts[ELIGIBLE]} look{'s' if counts[ELIGIBLE] == 1 else ''} likely for you "
        "(the study team still checks some things)"
    )
    lines.append(f"• {counts[POSSIBLY_ELIGIBLE]} might fit, but I'm missing some information")
    lines.append(
        f"• {counts[NOT_ELIGIBLE]} {'doesn' if counts[NOT_ELIGIBLE] == 1 else 'don'}'t fit"
    )
    return "\n".join(lines)


def details(result: TrialResult, involves: list[str] | None = None) -> str:
    """What you meet / don't / what I still need / what the team checks, for one study, and
    what taking part involves (from its record)."""
    where = "; ".join(result.locations[:3]) or "location not listed"
    parts = [f"{result.title} ({result.nct_id})", f"{status_text(result.overall_status)} · {where}"]
    sections = (
        ("What you meet", "met"),
        ("What doesn't fit", "not_met"),
        ("What I still need to know", "unknown"),
    )
    for title, status in sections:
        items = list(dict.fromkeys(c.explanation for c in result.criteria if c.status == status))
        if items:
            parts.append(f"{title}:\n" + "\n".join(f"• {e}" for e in items[:8]))
    topics = review_topics(result)
    if topics:
        parts.append("What the study team will check:\n" + "\n".join(f"• {t}" for t in topics))
    if involves:
        parts.append("What taking part involves:\n" + "\n".join(f"• {t}" for t in involves))
    parts.append(f"More about this study: https://clinicaltrials.gov/study/{result.nct_id}")
    parts.append(FINAL_WORD)
    return "\n\n".join(parts)


def result_record(result: TrialResult) -> dict[str, Any]:
    """What the coordinators see later: the trial and its criteria as explained at the time."""
    return {
        "nct_id": result.nct_id,
        "title": result.title,
        "verdict": result.verdict,
        "overall_status": result.overall_status,
        "location": "; ".join(result.locations[:3]) or None,
        "nearest_site": result.nearest_site,
        "criteria": [c.to_dict() for c in result.criteria],
    }
