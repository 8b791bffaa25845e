"""Sex restrictions: "Women only", "Males" as an exclusion.

A sex word that is the subject of a sentence about fertility restricts nothing.
"""

from __future__ import annotations

import re

from ..eligibility import EXCLUSION, INCLUSION
from .predicates import Sex
from .reader import Reader


# A sex word that opens a sentence about fertility is its subject, not a restriction: "Female
# subjects of childbearing potential must use contraception", "males unable to meet the above".
_SEX_AS_SUBJECT = re.compile(
    r"child[- ]?bearing|potential|fertil|contracepti|birth control|pregnan|"
    r"menopaus|steril|vasectom|partner|unable to meet|the above|father|sperm|conceiv|condom",
    re.I,
)


# A clause that picks some of the people a sex word names: "... who plan", "... with a partner".
_WHO_CLAUSE = (
    r"\s*(?:patients|subjects|participants|volunteers)?\s*(?:who|that|whose|if|unless|with)\b"
)


# Both sexes named: no restriction, in either section ("Males or females aged 18 to 50").
_BOTH_SEXES = (
    r"(?:(?:fe)?males? (?:and|or|and/or|&) (?:fe)?males?|(?:wo)?m[ae]n (?:and|or|and/or|&) "
    r"(?:wo)?m[ae]n|both sexes|either sex)"
)


# The people a sex word names, said not to be taken: "are not eligible", "are excluded".
_BARRED = re.compile(
    r"\s+(?:are|is|will be|shall be)\s+(?:not\s+(?:eligible|allowed|permitted|included|"
    r"enrolled|accepted)|excluded|ineligible)\b|"
    r"\s+(?:(?:may|can|will|shall)\s*not|cannot|can't)\s+(?:be\s+)?"
    r"(?:enrol\w*|participate|join|included|take part)\b"
)


# What a rule asks of the people it names: "must use", "agree to", "willing to".
_DUTY = re.compile(
    r"\b(?:must|should|shall|needs? to|required|requirements?|agrees?|agreeing|willing|has to|"
    r"have to)\b"
)


# Some of the women only, whom the rule is about: "of childbearing potential" (not "if of
# childbearing potential", which says when a further rule applies).
_SOME_WOMEN = re.compile(
    r"(?<!\bif )\bof (?:child[- ]?bearing|reproductive) (?:potential|age)\b|"
    r"\b(?:able to|could|can|who may) (?:become|get) pregnant\b"
)


def about_fertility(text: str) -> bool:
    """Whether ``text`` speaks of fertility (childbearing, contraception, pregnancy...), a
    menopause word aside: a sex word before it is the subject of that rule, no restriction."""
    return bool(_SEX_AS_SUBJECT.search(re.sub(r"\w*menopaus\w*", " ", text)))


def read(r: Reader) -> None:
    t = r.norm.strip().lower().rstrip(".")
    only = re.match(r"^((?:fe)?males?|wom[ae]n|m[ae]n)\s+only\b", t)
    if only and r.kind == INCLUSION:  # "Women only, aged 20 to 45, premenopausal"
        female = only.group(1).startswith(("f", "w"))
        r.leaves.append(Sex(allowed=["female" if female else "male"], source=r.norm[: only.end()]))
        r.take(0, only.end())
        return
    # A form's field: "Sex: Female", "Gender: male only", "Sex: Female Age: 18 to 45 years"
    # (the age rule reads the rest); "Sex: all" or "both" restricts nothing.
    field = re.search(
        r"(?:^|[|;]\s*)(?P<field>(?:sex|gender|sexes eligible(?: for (?:the )?study)?)\s*[:=]\s*"
        r"(?:(both|all|any|either)\b|"
        r"(females?|women|woman|males?|men|man)(?:\s+only)?\b(?!\s*(?:and|or|/|&)\s*\w)))",
        t,
    )
    if field and r.kind == INCLUSION:
        if field.group(3):
            female = field.group(3).startswith(("f", "w"))
            r.leaves.append(
                Sex(
                    allowed=["female" if female else "male"],
                    source=r.norm[field.start("field") : field.end()],
                )
            )
        r.take(field.start(), field.end())
        return
    # A sex word heading the criterion, then its age: "Female, age > 18", "Females, 18-45
    # years, premenopausal", "Post-menopausal women aged 45-70". The age rule reads the rest.
    head = re.match(
        r"^(?:(?:post|pre|peri)[- ]?menopausal\s+)?(females?|women|woman|males?|men|man)"
        r"(?=\s*[,;:]\s*(?:(?:age|aged)\b|\d)|"
        r"\s+(?:aged?|between|from|over|older than|above|under|younger than)\s"
        r"|\s*[<>≥≤]|\s+\d)",
        t,
    )
    # ... not when the rest is about fertility ("Women, aged 18 to 45, must use contraception":
    # the rule is for the women, and takes men too); "premenopausal" after it is a further
    # requirement of the women the criterion takes
    # ... but "Women aged 18-45 who are pregnant", "Female, 18-50, using contraception if of
    # childbearing potential" take women only: no one is told what they must do
    rest = t[head.end() :] if head else ""
    duty = about_fertility(rest) and (_DUTY.search(rest) or _SOME_WOMEN.search(rest))
    if head and r.kind == INCLUSION and not duty:
        female = head.group(1).startswith(("f", "w"))
        r.leaves.append(Sex(allowed=["female" if female else "male"], source=r.norm[: head.end()]))
        r.take(0, head.end())
        return
    # "Men, and women who are pregnant or nursing" as an exclusion: every man; the pregnancy
    # rule reads the women's part
    men = re.match(r"^(males?|men)\s*,\s*(?:and|or)\s+(?:females?|wom[ae]n)\s+(?:who|that)\b", t)
    if men and r.kind == EXCLUSION:
        r.leaves.append(Sex(allowed=["male"], source=r.norm[: men.end(1)]))
        r.take(0, men.end(1))
        return
    # "Participants who are female": the people of the line named by their sex
    who_are = re.match(
        r"^(?:participants|patients|subjects|individuals|persons|people)\s+(?:who are|of)\s+"
        r"(female|male|women|men)(?:\s+(?:sex|gender))?$",
        t,
    )
    if who_are:
        female = who_are.group(1).startswith(("f", "w"))  # (an exclusion turns it)
        r.leaves.append(Sex(allowed=["female" if female else "male"], source=r.norm))
        r.take(0, len(r.norm))
        return
    # "Female participants with a positive pregnancy test, and all male participants" as an
    # exclusion: every man; the pregnancy rule reads the women's part
    all_men = re.search(
        r"(?:^|,\s*|\band\s+)all\s+(?:males?|men|male (?:participants|patients|subjects))\s*$", t
    )
    if all_men and r.kind == EXCLUSION:
        r.leaves.append(Sex(allowed=["male"], source=r.norm[all_men.start() :]))
        r.take(all_men.start(), len(r.norm))
    if _SEX_AS_SUBJECT.search(t):
        return  # the pregnancy and contraception rules read the rest
    if r.kind == INCLUSION:
        # "Women only", "Male patients only", "Female subjects with RRMS": the same words for
        # either sex (a bare "Women"/"Men" restricts only when it is the whole criterion).
        m = re.match(
            r"^((?:fe)?male (?:participants|patients|pts|subjects|volunteers|sex|gender)|"
            r"(?:fe)?males?|"
            r"wom[ae]n|"
            r"m[ae]n)(?:\s+only)?\b",
            t,
        )
        if m and re.match(
            r"\s+(?:must|should|shall|will|agrees?|needs? to|ha(?:s|ve) to)\b", t[m.end() :]
        ):
            m = None  # "Male participants must use condoms ...": a rule for them, not only them
        barred = m and _BARRED.match(t[m.end() :])
        if barred:
            # "Female participants are not eligible; men aged 40 to 65 ...": the other sex only
            female = m.group(1).startswith(("f", "w"))
            r.leaves.append(
                Sex(
                    allowed=["male" if female else "female"],
                    source=r.norm[: m.end() + barred.end()],
                )
            )
            r.take(0, m.end() + barred.end())
            m = None
        if m and (m.end() == len(t) or " " in m.group(1)):
            female = m.group(1).startswith(("f", "w"))
            r.leaves.append(Sex(allowed=["female" if female else "male"], source=r.norm[: m.end()]))
            r.take(0, m.end())
        m = re.match(
            rf"^{_BOTH_SEXES}(?:\s+(?:patients|subjects|participants|adults|volunteers))?\b", t
        )
        if m:
            r.take(0, m.end())  # no restriction: nothing left to check
    elif r.kind == EXCLUSION:
        # "Women", "Female patients" listed as an exclusion
        if re.match(
            r"^(females?|women|female (?:participants|patients|subjects|volunteers|sex|gender))$", t
        ):
            r.leaves.append(Sex(allowed=["female"], source=r.norm))
            r.take(0, len(r.norm))
        m = re.match(r"^(males?|men)(?: or intersex)?\b", t)
        if m and re.match(_WHO_CLAUSE, t[m.end() :]):
            m = None  # "Male patients who plan ...": some men, said by the clause the team reads
        if m and not re.match(_BOTH_SEXES, t):  # "Males or females younger than 18": no sex rule
            r.leaves.append(Sex(allowed=["male"], source=r.norm[: m.end()]))
            r.take(0, len(r.norm))  # the rest says why ("... requiring a uterus")
