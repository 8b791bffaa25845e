"""MS course: which of RRMS, SPMS, PPMS, CIS and RIS a criterion asks for or rules out."""

from __future__ import annotations

import re

from ..eligibility import EXCLUSION, GENERAL, INCLUSION
from ..lexicon import load as load_lexicon
from .predicates import Not, Subtype
from .reader import PERMISSION_RULES, Reader
from .scope import Cue

_ORDER = ("RRMS", "SPMS", "PPMS", "CIS", "RIS")  # the order a Subtype lists its courses in
ALL_SUBTYPES = set(_ORDER)


def _subtype(yes: set[str], maybe: set[str], source: str) -> Subtype:
    """A Subtype leaf of these courses, in the usual order (a course sure is never also maybe)."""
    return Subtype(
        yes=[s for s in _ORDER if s in yes],
        maybe=[s for s in _ORDER if s in maybe - yes],
        source=source,
    )


_DIAGNOSIS_BEFORE = re.compile(
    r"(diagnos\w*(\s+as\s+having)?|definite|confirmed|documented|established|"
    r"(patients|participants|subjects|adults|people|those|children|women|men)\b[^.;,()]{0,25}\bwith)"
    r"\s*(of\s+|with\s+)?(a\s+|the\s+)?(clinically\s+)?(definite\s+)?(pediatric\s+|paediatric\s+|adult\s+)?$",
    re.I,
)
# A criterion that is just the disease, with how it was diagnosed: "Multiple sclerosis",
# "Clinically definite MS.", "Clinically or laboratory-supported definite multiple sclerosis".
_JUST_THE_DISEASE = re.compile(
    r"^\s*((clinically|laboratory[- ]supported|or|and|definite|confirmed|diagnosed|established|"
    r"pediatric|paediatric|adult[- ]onset|a|an)\s+)*$",
    re.I,
)
_MCDONALD_AFTER = re.compile(
    r"^\s*(\(ms\)\s*)?,?\s*(diagnosis\s*)?(as\s+)?(defined\s+|diagnosed\s+|confirmed\s+)?"
    r"((according to|by|based on|as defined by|per|fulfilling|as per)\b[^.;]{0,30}|\(\s*)mcdonald",
    re.I,
)
_ALL_FORMS = re.compile(
    r"\(all forms\)|all (ms )?types|any (type|form) of (ms|multiple sclerosis)", re.I
)


# "MS of any type, except primary progressive", "any form of MS other than PPMS": the disease,
# and the courses named after the exception rule out.
_ANY_EXCEPT = re.compile(
    # ... "MS (McDonald 2010) of any type except": a bracket between the disease and its type
    r"\b(?:(?:ms|multiple sclerosis)\s*(?:\([^()]{0,30}\)\s*)?"
    r"of any (?:type|form|course|subtype|phenotype)|"
    r"any (?:type|form|course|subtype|phenotype) of (?:ms|multiple sclerosis)|"
    r"any (?:ms|multiple sclerosis) (?:type|form|course|subtype|phenotype)|"
    r"all (?:ms )?(?:types|forms))"
    r"\s*,?\s*(?:except(?: for)?|other than|excluding|but not|apart from|with the exception of)\s+",
    re.I,
)


def _any_course_except(r: Reader) -> bool:
    """Reads "MS of any type except X": as an inclusion, MS and not X; as an exclusion ("Any MS
    subtype other than RRMS"), X is required (CIS and RIS, no MS course, left to the team).
    False if not that shape."""
    m = _ANY_EXCEPT.search(r.norm)
    if not m:
        return False
    end = re.search(r"[.;(]|$", r.norm[m.end() :]).start() + m.end()
    named = [x for x in r.of("SUBTYPE") if m.end() <= x.start and x.end <= end]
    if not named:
        return False
    if r.kind != INCLUSION:
        keys = {x.key for x in named}
        r.leaves.append(Not(_subtype(keys, {"CIS", "RIS"} - keys, r.norm[m.start() : end])))
        r.take(m.start(), max(x.end for x in named))
        return True
    r.leaves.append(_subtype({"RRMS", "SPMS", "PPMS"}, {"CIS"}, r.norm[m.start() : m.end()]))
    r.leaves.append(Not(_subtype({x.key for x in named}, set(), ", ".join(x.text for x in named))))
    r.take(m.start(), max(x.end for x in named))  # the words after are other rules' to read
    return True


# A clause that lets people in: "(patients with active SPMS are eligible)", "; SPMS may be
# included", "(CIS allowed)"; not "are not eligible".
_LETS_IN = re.compile(
    r"(?<!not )(?<!n't )\b(?:(?:are|is)\s+(?:also\s+)?)?(?:eligible|allowed|permitted|acceptable|"
    r"accepted)\b|\b(?:may|can)\s+(?:also\s+)?(?:be\s+(?:included|enrolled|eligible)|"
    r"participate|enrol+|join)\b",
    re.I,
)


def _permitted_here(text: str, at: int) -> bool:
    """Whether the clause holding ``at`` (cut by brackets and semicolons) lets its people in."""
    start = max(text.rfind("(", 0, at), text.rfind(";", 0, at))
    if start < 0:
        return False
    ends = [e for e in (text.find(")", at), text.find(";", at)) if e >= 0]
    clause = text[start + 1 : min(ends) if ends else len(text)]
    return _LETS_IN.search(clause) is not None


def read(r: Reader) -> None:
    lex = load_lexicon()
    if _any_course_except(r):
        return
    yes: set[str] = set()
    maybe: set[str] = set()
    sources: list[str] = []
    # "SPMS defined as ..., i.e. ...": the words after explain a course, they ask for none. A
    # parenthesis "(i.e., secondary-progressive)" renames the course just before it: it counts.
    definition_zones = [
        (m.end(), m.end() + 120)
        for m in re.finditer(r"\bdefined as\b|(?<!\()\bi\.e\.", r.norm, re.I)
    ]
    mentions = r.of("SUBTYPE", "SUBTYPE_GROUP")
    sources_of_change = _sources_of_change(r, mentions)
    excepted: set[str] = set()
    excepted_sources: list[str] = []
    for i, m in enumerate(mentions):
        if any(s <= m.start < e for s, e in definition_zones):
            continue
        exception = _excepted_course(r, m, mentions[:i])
        if exception is not None:
            # "Relapsing forms of MS, excluding clinically isolated syndrome": the course named
            # before, without this one
            group = lex.groups.get(m.key) if m.label == "SUBTYPE_GROUP" else None
            excepted |= {m.key} if group is None else set(group.yes) | set(group.maybe)
            excepted_sources.append(m.text)
            r.take(exception.start, exception.end)
            r.take(m.start, m.end)
            continue
        if r.kind == EXCLUSION and (
            _permitted_here(r.norm, m.start)
            or any(c.rule in PERMISSION_RULES for c in r.cues_of(m))
        ):
            # "Relapsing-remitting MS (patients with active SPMS are eligible)": a course the
            # exclusion lets in, not one it bars
            r.take(m.start, m.end)
            continue
        before = r.norm[max(0, m.start - 40) : m.start]
        after = r.norm[m.end : m.end + 80]
        if re.search(r"^\s*in\s+$", r.norm[: m.start], re.I):
            r.reviews.append("scope")  # "In RRMS participants who ...": a condition of a rule
            r.take(m.start, m.end)
            continue
        if m.label == "SUBTYPE_GROUP" and _defined_by_list(r, m, mentions[i + 1 :]):
            r.take(m.start, m.end)
            continue  # "Relapsing MS: RRMS or SPMS": the courses listed say which
        if m.label == "SUBTYPE_GROUP" and _course_named_next(r, m, mentions[i + 1 :]):
            r.take(m.start, m.end)
            continue  # "MS, relapsing-remitting type": the course named next says which
        if m in sources_of_change:
            r.take(m.start, m.end)
            continue  # "RRMS who have converted to SPMS": the course they had, not have
        changed_to = _CHANGED_TO.search(r.norm[max(0, m.start - 60) : m.start])
        if changed_to:
            r.take(max(0, m.start - 60) + changed_to.start(), m.start)
        if changed_to and re.search(r"\b(?:within|last|past|since|ago)\b", r.norm, re.I):
            r.reviews.append("diagnosis")  # when the course changed: the team checks
        if not changed_to and re.search(
            r"other than\s*$|non-\s*$"
            r"|\b(for|treating|treatment of|indicated for|approved for|following the|after the"
            r"|from|to)\s+$",
            before,
            re.I,
        ):
            continue
        if re.search(
            r"\b(no|not|without|never)\s+(history of\s+)?(\w+\s+){0,1}$"
            r"|\bnot\s+(?:have\s+|be\s+|been\s+)?(?:a\s+)?diagnos\w+\s+(?:with|of|as)\s+(?:\w+\s+)?$",
            before,
            re.I,
        ):
            alone = re.fullmatch(
                # "No primary progressive MS", "Not diagnosed with primary progressive MS",
                # "Must not have PPMS"
                r"\s*(?:(?:patients?|subjects?|participants?)\s+)?(?:(?:must|should|does|do|has|have)\s+)?"
                r"(?:no|not)\s+(?:have\s+|be\s+|been\s+)?"
                r"(?:(?:a\s+)?diagnos\w+\s+(?:with|of|as)\s+)?(?:\w+\s+)?"
                + re.escape(m.text)
                + r"\s*(?:forms?|course|type)?\s*(?:of\s+(?:ms|multiple sclerosis))?\s*\.?\s*",
                r.norm,
                re.I,
            )
            # (not "No MS": the healthy controls' rule of a study with an MS arm too)
            if alone and r.kind == INCLUSION and m.key != "ms":
                # "No primary progressive MS", "No progressive form of MS" as the whole of an
                # inclusion: that course excludes (under an exclusion heading the team reads it)
                group = lex.groups.get(m.key) if m.label == "SUBTYPE_GROUP" else None
                if group is None:
                    r.leaves.append(Not(_subtype({m.key}, set(), m.text)))
                else:
                    r.leaves.append(Not(_subtype(set(group.yes), set(group.maybe), m.text)))
                r.take(0, len(r.norm))
                continue
            r.reviews.append("diagnosis")
            r.take(m.start, m.end)
            continue
        if m.label == "SUBTYPE_GROUP" and m.key == "ms":
            just_the_disease = _JUST_THE_DISEASE.match(r.norm[: m.start]) and re.match(
                # "Clinically definite MS of any course": the disease, whatever its course
                r"^\s*(\(ms\))?\s*(,?\s*(of )?any (type|form|course|subtype|phenotype))?"
                r"\s*[.;]?\s*$",
                after,
                re.I,
            )
            diagnostic = (
                _DIAGNOSIS_BEFORE.search(before) or _MCDONALD_AFTER.match(after) or just_the_disease
            )
            if not diagnostic or (
                r.kind != INCLUSION
                and not re.search(r"diagnos\w*\s+(of\s+)?$", before, re.I)
                and not (r.kind == GENERAL and just_the_disease)
            ):
                continue
            if re.match(
                r"^\s*(?:\(ms\)\s*)?(?:was\s+)?(?:made|established|confirmed|given|received)?\s*"
                r"(?:at|after|before|from)\s+(?:the\s+)?age\b",
                after,
                re.I,
            ):
                continue  # "Diagnosis of MS made at the age of 50 or later": when, not whether
            if re.match(
                r"^\s*(relapses?|treatment|therapy|medication|drugs?|care|center|centre|patients?\s+who)",
                after,
                re.I,
            ):
                continue
        if m.label == "SUBTYPE":
            found_yes, found_maybe = {m.key}, set()
            if re.search(
                r"\bany\s+(?:disease\s+|clinical\s+)?(?:types?|forms?|courses?|subtypes?|phenotypes?)"
                r"\b[^.;]{0,12}?\b(?:including|incl\.?|as well as|and also|plus|and)\s*$",
                before,
                re.I,
            ):
                # "MS of any disease course, including CIS": every course, and this one too
                found_yes |= {"RRMS", "SPMS", "PPMS"}
            if m.key == "CIS" and re.match(r"(?:their\s+|a\s+|the\s+)?first\b", m.text, re.I):
                # "a first clinical demyelinating event": today's criteria may already call it
                # relapsing MS (a course the team checks), never a progressive one
                found_maybe.add("RRMS")
            ellipsis = re.search(r"\b(primary|secondary)\s*(?:,|/|or|and|and/or)\s*$", before, re.I)
            if ellipsis and m.key in ("PPMS", "SPMS"):  # "primary or secondary progressive MS"
                found_yes.add("PPMS" if ellipsis.group(1).lower() == "primary" else "SPMS")
                r.take(m.start - len(before) + ellipsis.start(), m.start)
        else:
            group = lex.groups[m.key]
            found_yes, found_maybe = set(group.yes), set(group.maybe)
        window = r.norm[max(0, m.start - 30) : m.end + 40].lower()
        if "SPMS" in found_yes and re.search(
            r"without (disease )?activity|non-active|not active|inactive", window
        ):
            found_yes.discard("SPMS")
            found_maybe.add("SPMS")
        yes |= found_yes
        maybe |= found_maybe
        sources.append(m.text)
        r.take(m.start, m.end)
        if r.kind == INCLUSION and re.search(
            r"(highly active|inflammatory (disease )?activity|\bactive\b)",
            r.norm[max(0, m.start - 30) : m.end + 40],
            re.I,
        ):
            r.reviews.append("activity")
    if yes or maybe:
        for m in re.finditer(r"\bdefined as\b[^.;]*", r.norm, re.I):
            r.take(m.start(), m.end())  # "SPMS defined as ...": explains the course it names
    if _ALL_FORMS.search(r.norm):
        return
    maybe -= yes
    if excepted and (yes or maybe):
        yes, maybe = yes - excepted, maybe - excepted
        r.leaves.append(Not(_subtype(excepted, set(), ", ".join(excepted_sources))))
    if not yes and not maybe:
        return
    if yes | maybe >= ALL_SUBTYPES and not maybe - yes:
        return  # every course: no restriction
    r.leaves.append(_subtype(yes, maybe, ", ".join(sources)))


# What may stand between an exception's cue and the course it excepts, and between the courses
# it lists: "excluding RIS and CIS", "other than primary or secondary progressive".
_EXCEPTED_GAP = re.compile(
    r"(?:\s|,|\bor\b|\band\b|\bnor\b|/|\bfor\b|\bthe\b|\bthose\b|\bwith\b|\bpatients\b|"
    r"\bparticipants\b|\bsubjects\b|\bpeople\b|\ba\b|\ban\b|\bdiagnosis\b|\bof\b)*",
    re.I,
)


def _excepted_course(r: Reader, m, earlier: list):
    """The exception cue ("excluding", "except", "other than") before ``m`` when ``m`` is a
    course excepted from one named earlier in its sentence (inclusions only); else None."""
    if r.kind != INCLUSION or not earlier:
        return None
    start, _ = r.sentence_around(m.start)
    for cue in r.cues_of(m):
        if cue.cue is not Cue.CONTRAST or cue.end > m.start or cue.start < start:
            continue
        if not any(start <= x.end <= cue.start for x in earlier):
            continue
        gap = r.norm[cue.end : m.start]
        for x in earlier:  # the other courses of the same exception list
            if cue.end <= x.start:
                gap = gap.replace(x.text, " ")
        if _EXCEPTED_GAP.fullmatch(gap):
            return cue
    return None


# A change of course: "converted to SPMS", "transition from RRMS to SPMS", "evolved into".
# ... also with the new course right after the word: "patients who have entered the secondary
# progressive phase", "initially relapsing MS that has since become progressive", "whose
# disease is now secondary progressive".
_CHANGE = (
    r"\b(?:convert\w*|conversion|transition\w*|evolv\w*|progressed|became|become|entered|"
    r"(?:is|are|has|have)\s+now)\b"
)
_CHANGED_TO = re.compile(_CHANGE + r"(?:[^.;]{0,45}?\b(?:to|into))?\s+(?:an?\s+|the\s+)?$", re.I)


def _sources_of_change(r: Reader, mentions: list) -> set:
    """The courses a person had before the change a criterion asks for ("RRMS who have
    converted to SPMS", "conversion from RRMS to SPMS"): the profile holds the course now."""
    out = set()
    for change in re.finditer(_CHANGE, r.norm, re.I):
        start, end = r.sentence_around(change.start())
        targets = [
            m
            for m in mentions
            if m.start > change.start()
            and _CHANGED_TO.search(r.norm[max(0, m.start - 60) : m.start])
        ]
        if not targets:
            continue
        out |= {m for m in mentions if start <= m.start < targets[0].start and m not in targets}
    return out


def _course_named_next(r: Reader, group, later: list) -> bool:
    """Whether the disease named in general is qualified by one course right after it: "MS,
    relapsing-remitting type", "MS with a relapsing-remitting course". Not "MS or CIS"."""
    if group.key != "ms" or not later or later[0].label != "SUBTYPE":
        return False
    between = r.norm[group.end : later[0].start]
    after = r.norm[later[0].end : later[0].end + 20]
    return bool(
        re.fullmatch(r"\s*(?:\(ms\)\s*)?(?:,|with|of)\s*(?:an?\s+|the\s+)?", between, re.I)
        and (
            re.match(r"\s*(?:type|form|course|phenotype|subtype)\b", after, re.I)
            or re.search(r"course$", later[0].text, re.I)
        )
    )


def _defined_by_list(r: Reader, group, later: list) -> bool:
    """Whether a group word ("relapsing MS") is followed by its own list of courses: "Relapsing
    MS: RRMS or SPMS", "relapsing MS (RRMS or SPMS)". A list of examples ("including", "such
    as", "e.g.") keeps the whole group."""
    after = r.norm[group.end : group.end + 12]
    if not re.match(r"\s*(\(\w+\)\s*)?[:(]", after) or re.match(
        r"\s*(\(\w+\)\s*)?[:(]\s*(e\.?\s?g|such as|including|like)", after, re.I
    ):
        return False
    _, end = r.sentence_around(group.end + 1)
    return any(x.label == "SUBTYPE" and x.start < end for x in later)
