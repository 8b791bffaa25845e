"""Treatments: taken ever, now, within a window (washouts), failed, or never (naive).

Drugs are named by generic, brand or class (lexicon); framings that ask something other than
whether the drug was taken (allergy, label, starting a drug) go to the study team.
"""

from __future__ import annotations

import re

from ..eligibility import EXCLUSION, INCLUSION
from ..lexicon import load as load_lexicon
from . import quantities as q
from .nlp import BULLET, MARKER_WORD, Mention
from .predicates import All, Any_, Node, Not, Review, Therapy, TherapyFailure
from .reader import HEADING, UNLESS, Reader
from .scope import Cue


_REVIEW_FRAMES = re.compile(
    r"\b(allerg\w*|hypersensitiv\w*|intoleran\w*|contraindicat\w*|label|smpc|spc|"
    r"summary of product|indication|eligible for|positive for|antibod\w* (to|against)|"
    r"anti-(?!cd\d+\b)\w+ antibod\w*|claims?|index|initiat\w*|starting|started|start|first dose|"
    r"decision to|during (the )?study|during pregnancy|cohort|program|switched|either no|"
    r"change|changes|stable|dose of|preclude\w*|prenatal|perinatal|maternal|mothers?|long-term|"
    # ("at the time of screening" is now, which the reading holds)
    r"(?:at the )?time of(?!\s+(?:the\s+)?(?:screening|enrol\w*|randomi[sz]ation|baseline|"
    r"study entry|entry|(?:signing (?:the )?)?(?:informed )?consent|inclusion)\b)|"
    r"placebo|randomi[sz]ed in|accessing|access|additional|indicated|"
    # "drugs that cannot be stopped before the first dose": whether they can is the team's
    r"(?:cannot|can ?not|can't|could not|unable to) be (?:stopped|discontinued|withdrawn|held)|"
    r"lower than|shorter than|exposure lower|for less than|for fewer than|"
    # a drug named as a sign of another problem: abuse or dependence, cancer treated before
    r"abuse|dependen\w*|addict\w*|misuse|recreational|counter[- ]?indicat\w*|neoplas\w*|"
    r"malignan\w*|cancer|"
    # an event the drug is the time of: "History of PML during natalizumab therapy", "Hepatitis
    # B reactivation during prior ocrelizumab"
    r"pml|leukoencephalopathy|reactivation|toxicit\w*|"
    # how much or how long: a profile holds whether and when, not a regular or chronic use
    r"chronic\w*|regular(ly)?|daily use)\b",
    re.I,
)
# Steroids given locally ("topical or inhaled corticosteroids") are not the courses a profile
# holds; a sentence that allows them ("topical steroids are allowed") still reads the rest.
_LOCAL_STEROIDS = re.compile(
    r"\b(topical|inhaled|intra-?articular|nasal|ophthalmic|eye drops)\b", re.I
)
_ALLOWED = re.compile(
    r"\b(allowed|permitted|acceptable|except\w*|exception|other than|excluding|will not|"
    r"are not|is not|not excluded|not exclusionary)\b",
    re.I,
)
# A treatment the criterion permits ("Prior use of interferon beta is permitted", "Use of
# glatiramer acetate is allowed up to the day of randomization", "no washout required"): it
# neither excludes nor is required, and a permission with a condition is the team's to read.
# Not "is not allowed" (a bar), nor local steroids allowed beside systemic ones (read apart).
_PERMITTED = re.compile(
    r"(?<!not )(?<!n't )\b(?:is|are|will be|may be|be|remains?)\s+(?:also\s+)?"
    r"(?:allowed|permitted|acceptable)\b"
    # not "allowed if stopped ≥ 8 weeks before baseline": a washout, read as one
    r"(?!\s+(?:only\s+)?(?:if|provided(?: that)?|as long as)\s+(?:it\s+was\s+|they\s+were\s+|"
    r"(?:the\s+)?(?:last|final|most\s+recent)\s+(?:treatment\s+)?(?:dose|course|infusion|injection)\s+"
    r"(?:was\s+)?)?(?:stopped|discontinued|withdrawn|ceased|given|completed|taken))|"
    r"\bno wash-?out(?:\s+period)?\s+(?:is\s+)?(?:required|needed|necessary)\b|"
    r"\b(?:is|are)\s+not\s+exclusionary\b|"
    # "Having received a DMT in the past is not a barrier to participation", "does not
    # preclude enrolment"
    r"\b(?:is|are)\s+not\s+(?:an?\s+)?(?:barrier|obstacle|bar|reason for exclusion|"
    r"exclusion criterion)\b|"
    r"\b(?:does|do|will)\s+not\s+(?:exclude|preclude|prevent|bar)\s+(?:from\s+)?(?:the\s+)?"
    r"(?:participation|participant|patient|subject|enrol\w*|entry|inclusion|randomi[sz]ation)",
    re.I,
)
# A permission with its condition: "is permitted if stopped 3 months before".
_PERMITTED_IF = re.compile(
    r"\b(?:is|are|will be|may be|be)\s+(?:also\s+)?(?:allowed|permitted|acceptable)\s+"
    r"(?:only\s+)?(?:if|provided|as long as)\b",
    re.I,
)
# "except for relapse treatment", "unless ...": a condition the drug rule does not read; a
# drug or a local route named there is read ("except topical steroids", "except natalizumab").
_EXCEPT = re.compile(
    r"\b(?:except(?: for| when| if| in)?|unless|with the exception of|apart from|excluding)\s+",
    re.I,
)


def _other_window_before(text: str, window: re.Match, ms: list[Mention]) -> re.Match | None:
    """A bound of another length after a drug and before ``window`` ("ocrelizumab ≤ 6 months,
    ofatumumab ≤ 4 weeks or rituximab ≤ 9 months"): each drug then has its own window."""
    months = q.to_months(window.group(1), window.group(2))
    return next(
        (
            e
            for e in re.finditer(r"[<≤]\s*" + q.NUM + r"\s*" + q.UNIT, text[: window.start()])
            if q.to_months(e.group(1), e.group(2)) != months
            and any(m.start < e.start() for m in ms)
        ),
        None,
    )


# A drug "free" for a time after its name: "steroid-free for at least 1 month", "DMT-free for the
# past 6 months".
_DRUG_FREE = re.compile(
    r"\s*-?\s*free\s+(?:for|during|in|over)\s+(?:at least\s+|a minimum of\s+|more than\s+|"
    r"(?:the\s+)?(?:last|past|previous|preceding)\s+)?" + q.NUM + r"\s*" + q.UNIT + r"\b",
    re.I,
)
# Free of the drugs named after it, for a time said first: "Untreated for at least 6 months with
# any DMT", "treatment-free for 3 months from fingolimod".
_UNTREATED_FOR = re.compile(
    r"\b(?:untreated|treatment[- ]free|therapy[- ]free|not (?:been )?treated)\s+for\s+"
    r"(?:at least\s+|a minimum of\s+|the\s+)?(?:last\s+|past\s+|previous\s+)?"
    + q.NUM
    + r"\s*"
    + q.UNIT
    + r"\s+(?:with|by|on|from)\s+(?:any\s+|all\s+|an?\s+)?$",
    re.I,
)
# A drug that only marks when ("... within 6 weeks before the first ofatumumab injection", "prior
# to the first dose of ocrelizumab"): the study's own treatment, no fact of the patient's.
_ANCHOR_BEFORE = re.compile(
    r"\b(?:before|prior to|after|following|until|preceding)\s+(?:the\s+)?(?:first|initial|1st|"
    r"start of|initiation of)\s+(?:(?:dose|infusion|injection|administration)\s+of\s+)?$",
    re.I,
)
# The subject of a clause with its own time that is no treatment of the patient's ("...; all
# scheduled vaccinations must be completed at least 2 weeks before Day 1", "..., and completed a
# COVID-19 vaccine course more than 4 weeks ago"): that time is not the drugs'.
# A time with its unit: "6 months", "4 weeks".
_A_TIME = re.compile(q.NUM + r"\s*" + q.UNIT, re.I)
_OTHER_SUBJECT = re.compile(
    r"\b(?:vaccin\w*|immuni[sz]ations?|surger\w*|surgical|operations?|procedures?|"
    r"transfusions?|mri|scans?|biops\w*|lumbar punctures?|x-rays?|laborator\w*|labs?|tests?)\b",
    re.I,
)


def _free_for(
    r: Reader,
    drugs: list[str],
    classes: list[str],
    months: float,
    source: str,
    span: tuple[int, int],
) -> None:
    """A washout said as a time free of the drugs: as an inclusion, none of them in that time;
    listed as an exclusion it is unclear which way it bars, so the team reads it."""
    if r.kind == EXCLUSION:
        r.reviews.append("treatment_change")
    else:
        r.leaves.append(
            Not(Therapy(drugs=drugs, classes=classes, within_months=months, source=source))
        )
    r.take(*span)


def _window_of_use(text: str) -> re.Match[str] | None:
    """The first window of use in ``text`` ("within 6 months", "less than 6 months since the
    last infusion of X")."""
    return _WINDOW_OF_USE.search(text) or re.search(
        # "Less than 6 months since the last infusion of X": since the drug, a window of use
        r"[<≤]?\s*"
        + q.NUM
        + r"\s*"
        + q.UNIT
        + r"\s*(?:prior to|before|of|since (?:the |their )?(?:last|final|most recent)\b)\b",
        text,
        re.I,
    )


def _other_subject_clauses(text: str, ms: list[Mention]) -> list[tuple[int, int]]:
    """The clauses (after a semicolon or ", and") that name no drug and speak of something
    else with a time of its own: spans to leave out of the drugs' reading."""
    cuts = [0] + [m.end() for m in re.finditer(r";|,\s*and\b", text)] + [len(text)]
    spans = []
    for a, b in zip(cuts[1:-1], cuts[2:]):
        piece = text[a:b]
        if (
            not any(a <= m.start < b for m in ms)
            and _OTHER_SUBJECT.search(piece)
            and _A_TIME.search(piece)
        ):
            spans.append((a, b))
    return spans


# "at least 30 days before screening": the least time since the drug, not a window of use.
_AT_LEAST_BEFORE = re.compile(
    # (not "no more than 6 months before": a most, the drug taken within the window)
    r"(?:at least|(?<!\bno )(?<!\bnot )(?:more|greater|longer) than|no less than|not less than|>|≥|"
    r"a minimum of|minimum of|over)\s*$",
    re.I,
)
# Not a denial but a bound: the "no" of "no more than 6 months since the last dose".
_NOT_A_BOUND = r"(?!\s+(?:more|less|fewer|later|earlier|longer|shorter|greater|sooner)\s+than\b)"
# The negation that opens a criterion ("No concurrent X", "Chemotherapy: No ..."): excludes X.
_OPENING_NO = re.compile(
    rf"(?:{HEADING.pattern})?\s*(no|not|without|free of)\b" + _NOT_A_BOUND, re.I
)
# The same, at the very start of the line.
_NO_FIRST = re.compile(r"\s*(no|not|without|free of)\b" + _NOT_A_BOUND, re.I)
_FAILURE = re.compile(
    # not "failure to discontinue fingolimod", "failed to comply": a failure to act
    r"\b(treatment failure|failure(?!\s+to\b)|failed(?!\s+to\b)|fail(?!\s+to\b)|"
    r"suboptimal response|inadequate response|"
    r"(?:lack|loss) of (efficacy|response)|breakthrough|did not respond|non-?respon\w*|refractory|"
    # "disease activity on cladribine", "MS remained active despite mitoxantrone"
    r"(disease |clinical |radiological |mri |inflammatory )?activity (on|despite|while on)|"
    r"active (despite|while on|on)|despite (treatment|therapy)|insufficient response|"
    r"(?<=active )(disease|ms) despite|"  # "highly active disease despite a full course of"
    r"(not|inadequately|insufficiently|poorly) respon\w*|"
    r"respon\w* (inadequately|insufficiently|poorly|sub-?optimally)|"
    # "at least one relapse (while on Avonex)": the drug did not stop relapses
    r"(relaps\w*|exacerbations?|attacks?)\s*\(?\s*(while|whilst) (on|taking|receiving|"
    r"being treated with|under)|(relaps\w*|exacerbations?) despite)\b",
    re.I,
)
# A failure itself denied ("has not failed 2 DMTs", "no prior treatment failure"), unlike a
# failure said with a negation ("did not respond", "non-responder"): the count it allows is
# not held by a failure leaf, so the study team reads it.
# What a denied failure is of: "any" drug of the kind, which leaves no count to allow.
_ANY_DRUG_OF = re.compile(r"[^.;]{0,30}?\bany\s+(?:(?:prior|previous|other)\s+)?$", re.I)
_FAILURE_DENIED = re.compile(
    r"\b(?:no|not|never|without|n't)\s+(?:(?!and\b|or\b)[\w-]+\s+){0,2}?"
    r"(?:fail\w*|treatment failure|suboptimal response|inadequate response|breakthrough)",
    re.I,
)
_CURRENT = re.compile(
    r"\b(currently|current|taking|receiving|being treated|prescribed|ongoing|already on|"
    r"concomitant|concurrent|on treatment with|on therapy with|on)\b[^.;]{0,100}$",
    re.I,
)
_EVER = re.compile(
    r"\b(prior|previous(ly)?|history of|ever|treated with|treatment with|exposure|exposed|"
    r"received|use of|used|with|at any time)\b",
    re.I,
)
# A criterion that opens by denying the drugs it names: "No prior X", "Patients must not have
# received X", "None of the following at any time: X; Y".
# "Patients must not", "should never": what a criterion forbids its people.
_MUST_NOT_HEAD = r"(?:(?:patients|subjects|participants)\s+)?(?:must|should|shall|may)\s+"
_DENIED_OPENING = re.compile(
    # ... "Never previously exposed to any anti-CD20 monoclonal antibody"
    r"\s*(?:no|not|never|neither|without|free of|none of(?: the following)?|lack of|absence of|"
    # "Patients who have NOT been treated with any immunomodulating therapy (...)"
    r"(?:(?:patients|subjects|participants|individuals|those)\s+(?:who|that)\s+)?(?:have|has)\s+"
    r"(?:not|never)\s+(?:ever\s+|previously\s+|been\s+)*(?:received|taken|used|treated with|"
    r"exposed to|had)|"
    + _MUST_NOT_HEAD
    + r"(?:not|never)\s+(?:have\s+)?(?:ever\s+|previously\s+|been\s+)*"
    r"(?:received|taken|used|treated with|exposed to|had))\b" + _NOT_A_BOUND,
    re.I,
)
_MUST_NOT = re.compile(
    r"\s*" + _MUST_NOT_HEAD + r"(not)\s+(?:be\s+)?(?=currently|concurrently|receiving|taking|on)",
    re.I,
)
# The study's first dose, a date: "prior to first study dose", "the first dose of study drug",
# "within 30 days of the first dose" (not "the first dose of ocrelizumab", a drug started).
_FIRST_STUDY_DOSE = re.compile(
    r"\bfirst (?:study|trial) (?:dose|drug|treatment)\b|"
    r"\bfirst dose of (?:the )?(?:study|trial|investigational) \w+|"
    r"(?:(?<=\bof )|(?<=\bbefore )|(?<=\bto ))(?:the\s+)?first dose\b(?!\s+of\b)",
    re.I,
)
_STUDY_START = re.compile(r"\b(?:study|trial) start\b|\bstart of (?:the )?(?:study|trial)\b", re.I)
# A washout written as the time since the last dose: "at least 4 weeks away from a steroid bolus".
_SINCE = re.compile(
    r"(?:at least|≥|(?<!\bno )(?<!\bnot )more than|>|a minimum of|minimum of)\s*"
    + q.NUM
    + r"\s*"
    + q.UNIT
    # "At least 12 weeks must have elapsed since the last ocrelizumab infusion"
    + r"\s+(?:(?:must |should |will )?(?:have |has )?(?:elapsed|passed)\s+)?"
    + r"(?:since|away from|after|from)\b[^.;]{0,40}$",
    re.I,
)
# A least and a most time since the last dose: "at least 12 weeks but no more than 6 months
# since the last natalizumab infusion" (none within the first, some within the second).
_SINCE_RANGE = re.compile(
    r"(?:at least|≥|more than|>|a minimum of|minimum of)\s*"
    + q.NUM
    + r"\s*"
    + q.UNIT
    + r",?\s+(?:but|and)\s+(?:no more than|not more than|less than|at most|up to|within|<|≤)\s*"
    + q.NUM
    + r"\s*"
    + q.UNIT
    + r"\s+(?:(?:must |should |will )?(?:have |has )?(?:elapsed|passed)\s+)?"
    + r"(?:since|after|from)\b[^.;]{0,40}$",
    re.I,
)
_PRIOR_USE = re.compile(
    r"\b(?:prior|previous|past)\s+(?:exposure|use|treatment|therapy)\b[^.;]*[.;]", re.I
)
_NAIVE = re.compile(
    r"treatment[- ]na[iï]ve|drug[- ]na[iï]ve|na[iï]ve|\bno prior\b|\bnever (been )?treated\b"
    r"|\b(?:have|has) never (?:received|taken|used|had)\b",
    re.I,
)
# A clause that says only that: "treatment-naive", "; DMT-naive;".
_ONLY_NAIVE = re.compile(r"\W*(?:(?:ms\s+)?(?:treatment|drug|dmt|therapy)[- ]na[iï]ve)\W*", re.I)
# A use said after a naive word, of other drugs: "naive to ocrelizumab who have previously
# received rituximab".
_USED_AFTER_NAIVE = re.compile(
    r"\b(?:who|that|and|but)\s+(?:have|has|had)\s+(?:previously\s+|already\s+|also\s+|been\s+)?"
    r"(?:received|taken|used|been (?:treated|exposed))\b(?:\s+(?:with|to))?",
    re.I,
)
# A clause in brackets that lets naive patients in, beside an exclusion's bar: "Any exposure
# to natalizumab within the last 6 months (patients naive to natalizumab are eligible)".
_NAIVE_PERMITTED = re.compile(
    r"\(\s*[^()]*?\bna[iï]ve\b[^()]*?\b(?:are|is|remain)\s+(?:also\s+)?"
    r"(?:eligible|permitted|allowed|acceptable)\b[^()]*\)",
    re.I,
)
# What a naive word is naive to, when that is every DMT: "with respect to MS disease-modifying
# drugs".
_NAIVE_TO_DMT = re.compile(
    r"\s*(?:with respect to|with regard to|to|for)\s+(?:any\s+|all\s+)?(?:ms\s+)?"
    r"(?:disease[- ]modifying|dmts?|immunomodulatory)(?:\s+(?:drugs?|therap\w*|treatments?|"
    r"agents?|medications?))?",
    re.I,
)
# "... or no DMT within the 6 months before screening": a second way in, with a window.
_OR_NONE_LATELY = re.compile(
    # ... "or off all DMTs for at least 6 months", "or free of any DMT for 3 months"
    r"\bor\s+(?:(?:have|has|had|been)\s+)?(?:no|not|without|none|off|free (?:of|from))\b"
    r"[^.;]{0,60}?"
    r"\b(?:within|in the (?:last|past|previous)|for at least|since)\b",
    re.I,
)
# Naive said after another way in ("..., or treatment-naive", "..., but naive patients"), or
# before one ("Treatment-naive or previously treated with interferon").
_OR_THEN_NAIVE = re.compile(r"\b(?:or|and/or|but|however)\b[^.;]{0,24}$", re.I)
_NAIVE_OR = re.compile(r"[^.;]{0,30}?\bor\b", re.I)
# "... or patients who ...", "... or those previously treated": a second group of people.
_OR_OTHER_PEOPLE = re.compile(
    r"\bor\s+(?:\w+\s+)?(?:patients?|subjects?|participants?|those|people|persons?|individuals?)\b",
    re.I,
)
# "at least 2 DMTs", "more than 3 prior therapies", "no more than 1 DMT": how many different
# drugs, right before the drugs named (a number of months or doses is no count of drugs).
_COUNT_WORDS = (
    r"(?:prior|previous|different|approved|other|the following|these|(?:ms |disease[- ]modifying )?"
    r"(?:treatments?|therapies|drugs|dmts?|lines? of))\b"
)
# What may stand between the count and the drugs: "more than 2 prior disease-modifying".
_COUNT_GAP = re.compile(r"(?:\s*(?:of\s+(?:the\s+)?|[(,-]\s*)?" + _COUNT_WORDS + r")*\W*", re.I)
_DRUG_COUNT = re.compile(
    r"\b(?P<rel>no more than|not more than|at most|up to|a maximum of|maximum of|fewer than|"
    r"less than|at least|a minimum of|minimum of|more than|greater than|over|in excess of)\s+"
    r"(?P<n>\d+|one\b)|(?P<sym>[≤≥<>])\s*(?P<sn>\d+)|\b(?P<orn>\d+)\s+or more\b",
    re.I,
)
_AT_MOST = {"no more than": 0, "not more than": 0, "at most": 0, "up to": 0, "a maximum of": 0}
_AT_MOST |= {"maximum of": 0, "≤": 0, "fewer than": -1, "less than": -1, "<": -1}
_MORE_THAN = ("more than", "greater than", "over", "in excess of", ">")


# A window of use: "within 12 months", "in the past 8 weeks".
_WINDOW_OF_USE = re.compile(
    r"(?:within|in|during|over)\s+(?:the\s+)?(?:last|past|previous|preceding|prior)?\s*"
    + q.NUM
    + r"\s*"
    + q.UNIT,
    re.I,
)


def drug_count(before: str) -> tuple[int | None, int | None]:
    """(fewest, most) different drugs a count right before the drug mention asks for."""
    for m in _DRUG_COUNT.finditer(before):
        gap = before[m.end() :]
        if not _COUNT_GAP.fullmatch(gap):
            continue
        if m.group("orn"):
            return int(m.group("orn")), None
        rel = (m.group("rel") or m.group("sym")).lower()
        n = int(m.group("sn") or (1 if m.group("n").lower() == "one" else m.group("n")))
        if rel in _AT_MOST:
            return None, n + _AT_MOST[rel]
        return (n + 1 if rel in _MORE_THAN else n), None
    return None, None


# "at least 12 months of treatment with natalizumab": how long it was taken, right before it.
_USE_LENGTH = re.compile(
    r"(?:(?:at least|more than|a minimum of|minimum of|≥|>|over)\s*)?\d+(?:\.\d+)?\s*"
    r"(?:months?|years?|weeks?)\s+(?:of|on)\s+(?:(?:continuous|stable|uninterrupted|"
    r"consecutive)\s+)?(?:(?:treatment|therapy|use|exposure|dosing)\s+(?:with|to|of)\s+)?",
    re.I,
)
_THERAPY_DURATION = re.compile(
    r"\bfor (?:at least|more than|a minimum of|≥|over|>)?\s*(?:the\s+)?\d+(?:\.\d+)?\s*"
    r"(?:months?|years?|weeks?)"
    r"(?: or more)?|\bcontinuously\b|\bnot longer than\b",
    re.I,
)


def _drug_sets(r: Reader, ms: list[Mention]) -> tuple[list[str], list[str]]:
    """Drugs (expanded from classes) and the classes named; "except X" removes X.

    A class followed by its own list ("immunomodulatory drugs (Avonex, Copaxone, or Rebif)",
    "therapy as Interferon-β, ... or Natalizumab") means just those drugs; a list given as
    examples ("e.g.", "such as", "including") keeps the whole class.
    """
    lex = load_lexicon()
    drugs: list[str] = []
    classes: list[str] = []
    excluded: set[str] = set()
    excepting = False  # inside "except X, Y or Z": each drug of the list is left out
    for i, m in enumerate(ms):
        before = r.norm[max(0, m.start - 25) : m.start]
        between = r.norm[ms[i - 1].end : m.start] if i else ""
        if m.label == "DRUG":
            names = [m.key]
        else:
            after = r.norm[m.end : m.end + 20]
            listed = any(x.label == "DRUG" for x in ms[i + 1 :])
            if (
                listed
                and re.match(r"\s*(\(|as\b|:)", after, re.I)
                and not re.match(
                    r"\s*\(?\s*(e\.?\s?g\.?|such as|including|like|i\.e\.)", after, re.I
                )
            ):
                continue
            names = list(lex.members(m.key))
        excepting = bool(
            re.search(
                r"\b(except(?: for)?|excepting|with the exception of|other than|excluding|"
                r"apart from|besides)\s+(\w+\s+){0,2}$",
                before,
                re.I,
            )
            or (excepting and re.fullmatch(r"\s*(,|and|or|nor|/)?\s*(or|and)?\s*", between))
        )
        if excepting:
            excluded.update(names)
            continue
        if m.label == "DRUG_CLASS":
            classes.append(m.key)
        drugs.extend(n for n in names if n not in drugs)
    drugs = [d for d in drugs if d not in excluded]
    classes = [c for c in dict.fromkeys(classes) if not set(lex.members(c)) & excluded]
    return drugs, classes


# A sentence end inside one criterion (an inline list the splitter left whole: "Failed 2 or
# more DMTs. Treatment with immunosuppressants"); not the dot of "e.g." or "i.e.".
_SENTENCE_END = re.compile(
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bno)\.\s+(?=[A-Za-z(])", re.I
)


def sentences(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of the sentences of ``text``."""
    starts = [
        0,
        *(
            m.end()
            for m in _SENTENCE_END.finditer(text)
            # "\n  a. alemtuzumab\n  b. cladribine": a list item's marker, no sentence's end
            if not re.fullmatch(rf"\s*{MARKER_WORD}", text[: m.start()].split("\n")[-1])
        ),
    ]
    return [(a, b) for a, b in zip(starts, [*starts[1:], len(text)])]


# Words by which a later sentence of an exclusion lets people in or narrows the bar before it.
_PERMITS = re.compile(
    r"\b(?:may|can|could|allowed|permitted|acceptable|eligible|included|enrolled|except|unless|"
    r"provided|however|instead|only|not apply|does not|do not|exempt|rather|same|apply|applies|"
    r"above|previous|this|these|those|such|it|them)\b",
    re.I,
)


def read(r: Reader) -> None:
    """The treatment facts of the criterion. The rule reads all its drugs as one group, with
    one window, one "currently", one "failed": when different drugs are named in different
    sentences (an inline list the splitter left whole: "Failed 2 or more DMTs. Treatment with
    immunosuppressants"), one sentence's words would be read into the other's drugs, so the
    facts read are left to the study team instead; so are facts that change when the
    sentences naming no drug are left out."""
    ms = [
        m
        for m in r.of("DRUG", "DRUG_CLASS")
        if not re.search(r"\banti-\s*$", r.norm[max(0, m.start - 6) : m.start], re.I)
        and not _ANCHOR_BEFORE.search(r.norm[max(0, m.start - 50) : m.start])
    ]
    norm = r.norm
    for a, b in _other_subject_clauses(norm, ms):
        norm = norm[:a] + " " * (b - a) + norm[b:]
    spans = sentences(norm)
    named = [frozenset(m.key for m in ms if a <= m.start < b) for a, b in spans]
    # A sentence that names no drug should say nothing about them ("Relapse within 1 month.
    # Prior anti-CD20 therapy"): read again with such sentences blanked (positions kept), the
    # facts must be the same, or the study team reads them.
    text = "".join(
        norm[a:b] if keys or not ms else " " * (b - a) for (a, b), keys in zip(spans, named)
    )
    named = [keys for keys in named if keys]
    groups = _windowed_groups(r, ms) if r.kind == EXCLUSION else None
    if groups is not None:
        # "(a) interferon beta within 4 weeks; (b) fingolimod within 8 weeks": each group of an
        # exclusion is read with its own window (any one of them excludes)
        for a, b in groups:
            part = " " * a + r.norm[a:b] + " " * (len(r.norm) - b)
            _read(r, part, [m for m in ms if a <= m.start < b])
        return
    if r.kind != EXCLUSION and (parts := _denied_clauses(r, ms)):
        # "Has never received alemtuzumab, and has not received natalizumab in the 6 months
        # before baseline": each denial with its own drugs and time, all required
        for a, b in parts:
            part = " " * a + r.norm[a:b] + " " * (len(r.norm) - b)
            _read(r, part, [m for m in ms if a <= m.start < b])
        return
    if _washout_table(r, ms):
        return
    if parts := _own_time_clauses(r, ms):
        # "Last natalizumab infusion more than 3 months ago, last steroid dose more than 1 month
        # ago": each clause's drugs with their own time
        for a, b in parts:
            part = " " * a + r.norm[a:b] + " " * (len(r.norm) - b)
            _read(r, part, [m for m in ms if a <= m.start < b])
        return
    apart = _naive_clause_apart(r, ms)
    if apart is not None:
        # "treatment-naive; no steroid course within the last 2 weeks": naive to DMTs in its own
        # clause, and the steroids with their own time (not "never had steroids")
        a, b = apart
        dmt = list(load_lexicon().members("dmt"))
        r.leaves.append(Not(Therapy(drugs=dmt, classes=["dmt"], source=r.norm[a:b].strip(" ;"))))
        r.take(a, b)
        _read(r, r.norm[:a] + " " * (b - a) + r.norm[b:], ms)
        return
    own = [(a, b) for (a, b) in spans if any(a <= m.start < b for m in ms)]
    if (
        r.kind == EXCLUSION
        and len(set(named)) >= 2
        and len(own) == len(named)
        and not any(_PERMITS.search(r.norm[a:b]) for a, b in spans[1:])
    ):
        # "Prior alemtuzumab. Prior cladribine is also exclusionary if the last dose was within
        # 2 years.": each sentence a bar of its own, read with its own words (any one excludes);
        # not when a later sentence permits or excepts ("... may be included")
        for a, b in own:
            part = " " * a + r.norm[a:b] + " " * (len(r.norm) - b)
            _read(r, part, [m for m in ms if a <= m.start < b])
        return
    before = len(r.leaves)
    blanked: list[Node] | None = None
    if text != norm and len(set(named)) < 2:  # two sentences' drugs decide without it
        saved = (list(r.leaves), list(r.reviews), list(r.used))
        _read(r, text, ms)
        blanked = r.leaves[before:]
        r.leaves, r.reviews, r.used = saved
    _read(r, norm, ms)
    if len(r.leaves) == before:
        return
    if len(set(named)) >= 2:
        why = "treatments named in separate sentences: " + "; ".join(
            ", ".join(sorted(keys)) for keys in named
        )
    elif blanked is not None and _facts(blanked) != _facts(r.leaves[before:]):
        why = "words from a sentence that names no treatment change what is read"
    else:
        return
    del r.leaves[before:]
    r.leaves.append(Review(topic="uncertain_reading", source=why[:200]))


# A table of washouts: "The following washouts apply: natalizumab 3 months, fingolimod 2
# months", "Washout requirements: interferon beta or glatiramer acetate 4 weeks; fumarates 4
# weeks". Each group of drugs is followed by its own time.
# The head may also say that each row has its own time without the word "washout": "The
# following within the stated periods prior to randomization: natalizumab (3 months); ...",
# "Prior therapies within these windows: ...", "for at least the following periods: ...".
_WASHOUT_HEAD = re.compile(
    r"\bwash-?\s?outs?\b(?:\s+(?:periods?|requirements?|times?))?|"
    r"\b(?:within|in|for)\s+(?:at least\s+)?(?:the|these)\s+(?:(?:stated|specified|given|"
    r"following|listed|indicated|respective)\s+)?(?:periods?|windows?|time ?frames?|intervals?|"
    r"times?)\b(?:\s+(?:given|stated|specified|listed|shown|below|as follows))?|"
    r"\band (?:their )?windows\b|\bminimum (?:intervals?|times?)\b|"
    r"\btime since (?:the )?last (?:dose|administration|infusion)\b[^.;:]{0,40}?\bas listed\b",
    re.I,
)
# "Required washout not completed for the following: ...": the washout's own denial, no turn.
_WASHOUT_NOT_DONE = re.compile(r"\bnot (?:been |yet )?(?:completed|met|finished)\b", re.I)
# A row's time: "natalizumab (3 months)", "rituximab - 12 months", "mitoxantrone, 5 years",
# "dimethyl fumarate >= 1 month"; or "(ever)", "(any time)": any use at all.
# The words a row may put between its drug and its time ("Cladribine tablets: 24 months").
_ROW_FORM = r"(?:\s+(?:tablets?|infusions?|injections?|oral|iv|sc))*"
_TIME_OF_ROW = re.compile(
    _ROW_FORM
    + r"[\s:(=,|-]*(?:(?:>=|≥|at least)\s*)?(?:(?:within|in the (?:last|past))\s+)?"
    + q.NUM
    + r"\s*"
    + q.UNIT
    + r"\b\)?|"
    + _ROW_FORM
    + r"[\s:(=,|-]*(?:ever|(?:at )?any time)\b\)?",
    re.I,
)
_ROW_JOIN = re.compile(r"(?:\s*(?:,|/|\bor\b|\band\b)\s*)*", re.I)
# A table's row without a drug of the lexicon ("plasmapheresis - 2 months;"), and what may
# stand between one row's time and the next row's drug ("; any BTK inhibitor: 30 days").
_ROW_MARK = r"(?:\(?[a-z0-9]\)\s*|[a-z0-9][.)]\s+)?"  # "b) fingolimod, 8 weeks"
_OTHER_ROW = re.compile(
    r"[\s;,.]*"
    + _ROW_MARK
    + r"[a-z][a-z /-]{0,40}?[:|(,-]\s*"
    + q.NUM
    + r"\s*"
    + q.UNIT
    + r"\b\)?",
    re.I,
)
# The word that joins one row to the next: "; or", ", and".
_ROW_JOINED = re.compile(r"[\s;,.]*(?:(?:and/or|and|or)\s+)?", re.I)
# Words after a row's time that could change the row: "(or 11 days after accelerated
# elimination)", "unless ...", "if ...". Other words ("before the first dose of study
# treatment", "(see Appendix 2)") change nothing.
_ROW_TURN = re.compile(
    r"\b(?:or|unless|except|if|after|provided|whichever|but|however|only|until|till)\b", re.I
)
# A headless table starts at its first drug: "Siponimod: 10 days; Ozanimod: 3 months".
_TABLE_LEAD = re.compile(r"\W*(?:(?:any|prior|previous|use of|treatment with)\s+)*", re.I)
# A row's time said as a table says it: after a colon, a bar, a dash or a bracket.
_TABLE_SEP = re.compile(r"\s*(?:[:|(]|-\s)")
_ROW_FORM_AT = re.compile(_ROW_FORM, re.I)


def _row_gap(text: str) -> bool:
    """Whether ``text``, between one row's time and the next row's drug, holds only rows of
    things that are not drugs, the joining word, and words that could change no row ("; b)
    any", "; prior")."""
    at = 0
    while m := _OTHER_ROW.match(text, at):
        at = m.end()
    return _ROW_TURN.search(text, _ROW_JOINED.match(text, at).end()) is None


def _washout_table(r: Reader, ms: list[Mention]) -> bool:
    """Read a washout table as one window per row: as an exclusion, each row's drugs within
    its time exclude; as an inclusion, none of them may be taken within it. Only when every
    drug after the head belongs to a row that ends with its time, and no word of "no",
    "unless" or "except" could turn a row around."""
    head = _WASHOUT_HEAD.search(r.norm)
    # Without a head, an exclusion that is nothing but rows, each time set off by a colon, a
    # bar, a dash or a bracket, is a table too: "Siponimod: 10 days; Ozanimod: 3 months".
    headless = head is None and r.kind == EXCLUSION and bool(ms)
    if headless and not _TABLE_LEAD.fullmatch(r.norm[: ms[0].start]):
        return False
    start = head.end() if head else 0
    rows_ms = [m for m in ms if (head or headless) and m.start >= start]
    if (
        not rows_ms
        or (len(rows_ms) < 2 and not headless)
        or re.search(
            r"\b(?:no|not|unless|except|excluding|other than|permitted|allowed)\b",
            _WASHOUT_NOT_DONE.sub(" ", r.norm[start:]),
            re.I,
        )
    ):
        return False
    rows: list[tuple[list[Mention], re.Match]] = []
    current: list[Mention] = []
    for i, m in enumerate(rows_ms):
        current.append(m)
        last = i + 1 == len(rows_ms)
        after = r.norm[m.end : len(r.norm) if last else rows_ms[i + 1].start]
        time = _TIME_OF_ROW.match(after)
        if time:
            if headless and not _TABLE_SEP.match(_ROW_FORM_AT.sub("", time.group(0), count=1)):
                return False
            rest = after[time.end() :]
            if _ROW_TURN.search(rest) if last else not _row_gap(rest):
                return False  # words after a row's time that could change it
            rows.append((current, time))
            current = []
        elif not _ROW_JOIN.fullmatch(after):
            return False  # words between two drugs of one row: not a table read here
    if current or len(rows) < (1 if headless else 2):
        return False
    for row, time in rows:
        drugs, classes = _drug_sets(r, row)
        leaf = Therapy(
            drugs=drugs,
            classes=classes,
            within_months=q.to_months(time.group(1), time.group(2)) if time.group(1) else None,
            source=r.norm[row[0].start : row[-1].end + time.end()],
        )
        r.leaves.append(leaf if r.kind == EXCLUSION else Not(leaf))
        r.take(row[0].start, row[-1].end + time.end())
    lead = r.norm[: rows_ms[0].start]
    if head is None or not re.search(r"\d", lead):
        r.take(0, rows_ms[0].start)  # its head, or a headless table's lead words
    else:
        r.take(head.start(), rows_ms[0].start)
    return True


def _windowed_groups(r: Reader, ms: list[Mention]) -> list[tuple[int, int]] | None:
    """The spans of a list whose groups of drugs each end with their own window ("X or Y within
    4 weeks; Z within 8 weeks"), when the windows differ and every group names a drug."""
    by_semicolons = _semicolon_groups(r, ms)
    if by_semicolons is not None:
        return by_semicolons
    # "at any time" ends a group as a window does: "alemtuzumab at any time, or natalizumab
    # within the last 6 months"
    windows = sorted(
        [
            (w.start(), w.end(), q.to_months(w.group(1), w.group(2)))
            for w in _WINDOW_OF_USE.finditer(r.norm)
        ]
        + [(a.start(), a.end(), None) for a in _ANY_TIME.finditer(r.norm)]
    )
    if any(a < b_end for (_, b_end, _), (a, _, _) in zip(windows, windows[1:])):
        return None  # two time words over one span
    months = {w[2] for w in windows}
    if len(windows) < 2 or len(months) < 2 or any(m.start >= windows[-1][1] for m in ms):
        return None
    bounds = [0] + [w[1] for w in windows]
    spans = list(zip(bounds, bounds[1:]))
    if not all(any(a <= m.start < b for m in ms) for a, b in spans):
        return None
    for _, b in spans[:-1]:  # each group follows the last as a list item
        first = min(m.start for m in ms if b <= m.start)
        if not _NEXT_GROUP.fullmatch(r.norm[b:first]):
            return None
    return spans


# "At any time" said of a drug's use: its time is ever.
_AT_ANY_TIME = re.compile(r"\b(?:at any time|at any point|ever)\b", re.I)
_ANY_TIME = re.compile(r"\b(?:at )?any time\b|\bever\b", re.I)


def _semicolon_groups(r: Reader, ms: list[Mention]) -> list[tuple[int, int]] | None:
    """The items of a list cut by semicolons that each name drugs and their own time, before
    or after them, the times not all the same ("Cladribine at any time; mitoxantrone within
    the past 5 years"; "at any time: alemtuzumab, cladribine; or within 12 months: rituximab")."""
    cuts = [m.start() for m in re.finditer(r";", r.norm) if not _inside_brackets(r.norm, m.start())]
    if not cuts:
        return None
    bounds = [0] + [c + 1 for c in cuts] + [len(r.norm)]
    spans = list(zip(bounds, bounds[1:]))
    times = []
    for a, b in spans:
        if not any(a <= m.start < b for m in ms):
            return None
        window = _WINDOW_OF_USE.search(r.norm, a, b)
        ever = _ANY_TIME.search(r.norm, a, b)
        if (window is None) == (ever is None):
            return None  # no time of its own, or two
        times.append(q.to_months(window.group(1), window.group(2)) if window else None)
    return spans if len(set(times)) > 1 else None


# A time counted from something other than now: "30-60 days prior to the follow-up MRI".
_OTHER_ANCHOR = re.compile(r"\b(?:follow[- ]?up|after|post)\b", re.I)


def _own_time_clauses(r: Reader, ms: list[Mention]) -> list[tuple[int, int]] | None:
    """The clauses of a criterion joined by commas, semicolons or "and" (never "or") that each
    name drugs with a time of their own, the times not all the same ("Last natalizumab
    infusion more than 3 months ago, last steroid dose more than 1 month ago"; "Off fingolimod
    for at least 2 months and off natalizumab for at least 3 months")."""
    text = r.norm
    cuts = [
        m
        for m in re.finditer(r"[,;]\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", text)
        if not _inside_brackets(text, m.start())
    ]
    if (
        not cuts
        or len(ms) < 2
        or len(sentences(text)) > 1
        or _OTHER_ANCHOR.search(text)
        or _PERMITS.search(text)
        or _PERMITTED_IF.search(text)
    ):
        return None  # (one sentence, no permission, its times all counted back from now)
    clauses: list[list[int]] = []  # [start, end, has a drug, has a time]
    at = 0
    for cut in [*cuts, None]:
        end = cut.start() if cut else len(text)
        drug = any(at <= m.start < end for m in ms)
        timed = (
            _A_TIME.search(text, at, end) is not None or _ANY_TIME.search(text, at, end) is not None
        )
        if clauses and not clauses[-1][3]:  # a clause runs on until it has its time
            clauses[-1][1], clauses[-1][2] = end, clauses[-1][2] or drug
            clauses[-1][3] = timed
        else:
            clauses.append([at, end, int(drug), int(timed)])
        if cut is not None and re.search(r"\bor\b", cut.group(0)) and any(c[2] for c in clauses):
            return None  # "X within 3 months or Y at any time": alternatives, read elsewhere
        at = cut.end() if cut else len(text)
    own = [(a, b) for a, b, drug, timed in clauses if drug]
    if len(own) < 2 or not all(timed for a, b, drug, timed in clauses if drug):
        return None
    times = {
        m.group(0)
        for a, b in own
        for m in [_A_TIME.search(text, a, b) or _ANY_TIME.search(text, a, b)]
        if m
    }
    return own if len(times) > 1 else None


# A second denial joined to the first: ", and has not received", "; and no".
_AND_DENIED = re.compile(
    r"[,;]?\s+and\s+(?=(?:(?:has|have)\s+)?(?:not|never|no)\b)|;\s*(?=(?:no|not|never)\b)", re.I
)


def _denied_clauses(r: Reader, ms: list[Mention]) -> list[tuple[int, int]] | None:
    """The spans of a criterion made of denials each opening its own clause and naming its own
    drugs ("Has never received X, and has not received Y in the 6 months before baseline")."""
    if not _DENIED_OPENING.match(r.norm):
        return None
    cuts = [m for m in _AND_DENIED.finditer(r.norm) if not _inside_brackets(r.norm, m.start())]
    if not cuts:
        return None
    bounds = [0] + [c.end() for c in cuts] + [len(r.norm)]
    spans = list(zip(bounds, bounds[1:]))
    if not all(any(a <= m.start < b for m in ms) for a, b in spans):
        return None
    return spans


def _naive_clause_apart(r: Reader, ms: list[Mention]) -> tuple[int, int] | None:
    """The span of a clause of an inclusion that says only "treatment-naive" (or "DMT-naive"),
    cut by semicolons from the clauses that name drugs; None if there is none."""
    if r.kind == EXCLUSION or not ms:
        return None
    bounds = [0] + [m.end() for m in re.finditer(";", r.norm)] + [len(r.norm)]
    for a, b in zip(bounds, bounds[1:]):
        clause = r.norm[a:b]
        if _ONLY_NAIVE.fullmatch(clause) and not any(a <= m.start < b for m in ms):
            return a, b
    return None


def _inside_brackets(text: str, at: int) -> bool:
    """Whether position ``at`` lies inside round brackets."""
    return text[:at].count("(") > text[:at].count(")")


# What may stand between one group's window and the next group's drug: ", or (b) any".
# ", or (b) any", a new line's marker ("\n  - ", "\n  b. ").
_NEXT_GROUP = re.compile(
    rf"[\s,;]*(?:and/or|or|and)?\s*(?:\(?[a-z0-9]\)\s*|{BULLET}\s*|[a-z0-9][.)]\s+)?"
    r"(?:(?:any|other|prior|previous|"
    r"treatment with|use of|an?|the)\s+)*",
    re.I,
)


def _facts(nodes: list[Node]) -> list:
    """What the nodes say, without the words they were read from."""

    def strip(data):
        if isinstance(data, dict):
            return {k: strip(v) for k, v in data.items() if k != "source"}
        if isinstance(data, list):
            return [strip(v) for v in data]
        return data

    return [strip(n.to_json()) for n in nodes]


# An exception that is a washout: ", unless the last dose was more than 12 months before
# screening", "unless stopped at least 6 months prior to Day 1".
_LAST_GIVEN = r"(?:dose|infusion|injection|administration|treatment|course)(?:\s+of\s+(?:it|them))?"
_MORE_THAN_A_TIME = (
    r"(?:more than|at least|over|>|≥|greater than)\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>days?|"
    r"weeks?|months?|years?)"
)
_UNLESS_LONG_AGO = re.compile(
    rf",?\s*{UNLESS}\s+(?:(?:the\s+)?(?:last|final|most\s+recent)\s+{_LAST_GIVEN}"
    r"\s+(?:was|is|occurred|had been|has been|took place)?"
    r"(?:\s+(?:given|administered|received|taken))?|"
    r"(?:it\s+was\s+|they\s+were\s+)?(?:stopped|discontinued))\s*"
    + _MORE_THAN_A_TIME
    + r"\s+(?:before|prior to|ago)\b(?:\s+(?:screening|baseline|"
    r"randomi[sz]ation|enrol+ment|day 1|the first dose(?: of study (?:drug|treatment))?))?",
    re.I,
)

# ... and the time told first: ", unless more than 4 years have passed since the last course".
_UNLESS_PASSED = re.compile(
    rf",?\s*{UNLESS}\s+{_MORE_THAN_A_TIME}\s+(?:have|has)\s+"
    rf"(?:passed|elapsed|gone by)\s+since\s+(?:the\s+)?(?:last|final|most recent)\s+{_LAST_GIVEN}",
    re.I,
)


_SHORT_WASHOUT = re.compile(
    r"\bwash-?out\s+(?:period\s+)?(?:from|of|after|following)\s+(?P<mid>[^.;,]{1,60}?)"
    r"(?P<tail>\s+(?:of\s+)?(?:less than|<|shorter than|under|fewer than)\s*"
    r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>days?|weeks?|months?|years?))\b",
    re.I,
)


# "within 5 half-lives or 1 month, whichever is longer": the stated time is the shortest the
# window can be, so as an exclusion it bars no one the study would take.
_HALF_LIVES_OR = re.compile(
    r"\b\d+\s*(?:x\s*)?(?:elimination\s+)?half[- ]?lives?(?:\s*\([^()]*\))?\s*,?\s*or\s+"
    r"(?=(?:the\s+)?"
    + q.NUM
    + r"\s*"
    + q.UNIT
    + r"[^.;]{0,30}\bwhichever is (?:longer|greater)\b)",
    re.I,
)


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts: its "; " or ". " (-1 when it is the first)."""
    return max(text.rfind(";", 0, pos), text.rfind(". ", 0, pos))


def _local_steroids_let_in(
    r: Reader, text: str, ms: list[Mention], permitted: re.Match
) -> tuple[str, list[Mention]] | None:
    """A bracket that lets in local steroids beside a bar on steroids given by mouth or vein
    ("Oral or IV glucocorticoids within 4 weeks (inhaled and topical steroids are permitted)"):
    no course the profile holds, so the bar is read without it. None otherwise."""
    bracket = next(
        (b for b in re.finditer(r"\([^()]*\)", text) if b.start() < permitted.start() < b.end()),
        None,
    )
    if bracket is None or not _LOCAL_STEROIDS.search(bracket.group(0)):
        return None
    steroids = set(load_lexicon().members("corticosteroid"))
    kept = [m for m in ms if m.end <= bracket.start()]
    inside = [m for m in ms if bracket.start() <= m.start < bracket.end()]
    if not kept or len(kept) + len(inside) != len(ms):
        return None
    if not set(_drug_sets(r, kept)[0]) <= steroids or not set(_drug_sets(r, inside)[0]) <= steroids:
        return None
    r.mark_read(Cue.IRRELEVANT, bracket.start(), bracket.end())
    r.take(bracket.start(), bracket.end())
    blank = " " * len(bracket.group(0))
    return text[: bracket.start()] + blank + text[bracket.end() :], kept


def _permitted_apart(
    r: Reader, text: str, ms: list[Mention], permitted: re.Match
) -> tuple[str, list[Mention]] | None:
    """A clause of its own that permits other treatments than the rule before it bars or asks
    for ("Treatment-naive to DMTs; previous corticosteroids for relapses are permitted"): it
    takes no one out, so the rule is read without it (text blanked there, its mentions left
    out). None when the clause shares a drug with the rule, or the rule follows it."""
    start = _clause_start(text, permitted.start())
    stop = re.search(r"[;.]", text[permitted.end() :])
    end = permitted.end() + stop.start() if stop else len(text)
    if start < 0:
        return None
    kept = [m for m in ms if m.end <= start]
    allowed = [m for m in ms if start < m.start < end]
    if not allowed or len(kept) + len(allowed) != len(ms):
        return None
    naive = not kept and _NAIVE.search(text, 0, start)  # "Treatment-naive; steroids permitted"
    if not kept and not naive:
        return None
    barred = set(_drug_sets(r, kept)[0]) if kept else set(load_lexicon().members("dmt"))
    if barred & set(_drug_sets(r, allowed)[0]):
        return None
    r.take(start, end)
    return text[:start] + " " * (end - start) + text[end:], kept


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# "both" right before the first drug: "with both natalizumab and alemtuzumab".
_BOTH = re.compile(r"\bboth\s+(?:[a-z-]+\s+){0,3}$", re.I)


def _read(r: Reader, text: str, ms: list[Mention]) -> None:
    """The treatment facts of ``text`` (the criterion, its drug-less sentences blanked so that
    positions hold), from the drug mentions ``ms``."""
    if len(ms) > 1 and (
        # "X, Y or Z at least 1, 1 and 3.5 months before, respectively": a window per drug, in
        # order, which one reading for all would get wrong
        (_RESPECTIVELY.search(text) and len(re.findall(q.NUM, text)) > 1)
        # "Prior treatment with both natalizumab and alemtuzumab": a bar on the two together,
        # which one reading per drug would turn into a bar on each
        or (r.kind == EXCLUSION and _BOTH.search(text, 0, ms[0].start))
    ):
        r.reviews.append("treatment_change")  # the team reads it
        for m in ms:
            r.take(m.start, m.end)
        return
    if r.kind == EXCLUSION:
        text = _HALF_LIVES_OR.sub(lambda m: " " * len(m.group(0)), text)
        for let_in in _NAIVE_PERMITTED.finditer(text):
            inside = [m for m in ms if let_in.start() <= m.start < let_in.end()]
            if inside and len(inside) < len(ms):  # the bar is read without its permission
                ms = [m for m in ms if m not in inside]
                r.take(let_in.start(), let_in.end())
                text = text[: let_in.start()] + " " * len(let_in.group(0)) + text[let_in.end() :]
    for washout in _PERMITTED_IF.finditer(text):
        if not _PERMITTED.match(text, washout.start()):
            # "is permitted if it was stopped more than 3 months before": a washout, read below
            # as one, so the permission is no unread cue
            r.mark_read(Cue.IRRELEVANT, washout.start(), washout.end())
    permitted = _PERMITTED.search(text)
    if permitted and re.search(
        r"\b(?:no|not|never|none)\b", re.split(r"[.;:]", text[: permitted.start()])[-1], re.I
    ):
        permitted = None  # "no use in 50 days prior to enrollment is permitted": a bar
    allowed_if = _PERMITTED_IF.search(text)
    if allowed_if and ms:
        cut = _clause_start(text, allowed_if.start())
        if cut >= 0 and any(m.end <= cut for m in ms) and any(m.start > cut for m in ms):
            # "No prior DMT; interferon beta is permitted if stopped 3 months before": an
            # exception with its own washout to the bar before it, which one reading would lose
            r.reviews.append("treatment_change")
            for m in ms:
                r.take(m.start, m.end)
            r.take(allowed_if.start(), allowed_if.end())
            return
    local = _local_steroids_let_in(r, text, ms, permitted) if ms and permitted else None
    if local is not None:  # "glucocorticoids within 4 weeks (inhaled and topical are permitted)"
        text, ms = local
        permitted = None
    apart = _permitted_apart(r, text, ms, permitted) if ms and permitted else None
    if apart is not None:  # "...; previous corticosteroids for relapses are permitted"
        text, ms = apart
        permitted = None
    if ms and permitted and not _LOCAL_STEROIDS.search(text):
        r.reviews.append("treatment_change")
        for m in ms:
            r.take(m.start, m.end)
        r.take(*permitted.span())
        return
    if not ms:
        untreated = re.search(
            r"\bon no (ms )?treatment|\bnot on any (ms )?treatment|\buntreated (ms|patients)",
            text,
            re.I,
        )
        if untreated:
            dmt = list(load_lexicon().members("dmt"))
            r.leaves.append(
                Not(Therapy(drugs=dmt, classes=["dmt"], current=True, source=untreated.group(0)))
            )
            r.take(untreated.start(), untreated.end())
            return
        naive = _NAIVE.search(text)
        if naive and re.search(
            r"treatment|therapy|drug|dmt",
            naive.group(0) + text[naive.end() : naive.end() + 20],
            re.I,
        ):
            dmt = list(load_lexicon().members("dmt"))
            leaf = Therapy(drugs=dmt, classes=["dmt"], source=naive.group(0))
            # "not treatment-naive": treated, the denial denied
            r.leaves.append(leaf if r.denial_denied(naive.start()) else Not(leaf))
            r.take(naive.start(), naive.end())
            what = _NAIVE_TO_DMT.match(text, naive.end())
            if what:  # "Treatment-naive with respect to MS disease-modifying drugs"
                r.take(what.start(), what.end())
        return
    for m in ms:
        r.take(m.start, m.end)
    for last in [*_UNLESS_LONG_AGO.finditer(text), *_UNLESS_PASSED.finditer(text)]:
        # "X, unless the last dose was more than 12 months before screening": X within 12
        # months (positions kept)
        said = f"within {last.group('n')} {last.group('unit')}"
        text = text[: last.start()] + said.ljust(len(last.group(0))) + text[last.end() :]
        r.take(last.start(), last.end())
    for short in _SHORT_WASHOUT.finditer(text):
        # "Washout from alemtuzumab of less than 24 months": alemtuzumab within 24 months
        said = f"within {short.group('n')} {short.group('unit')}"
        tail = short.start("tail")
        text = (
            text[: short.start()]
            + " " * (short.start("mid") - short.start())
            + text[short.start("mid") : tail]
            + said.ljust(short.end() - tail)
            + text[short.end() :]
        )
        r.take(short.start(), short.start("mid"))
        r.take(tail, short.end())
    heading = HEADING.match(text)
    if heading and any(m.start >= heading.end() for m in ms):
        ms = [m for m in ms if m.start >= heading.end()]
    text = _STUDY_START.sub(lambda m: " " * len(m.group(0)), text)  # "prior to study start": a date
    starting = re.search(r"\binitiat\w*|\bstart(s|ed|ing)?\b|\bswitch\w*", text, re.I)
    either = re.search(r"\beither\b.*\bor\b", text, re.I) and not _FAILURE.search(text)
    if (starting or either) and not (_NAIVE.search(text) and _FAILURE.search(text)):
        r.reviews.append("treatment_change")
        return
    # "receiving fingolimod, according to the drug's SmPC": how it is given, not whether.
    framed = re.sub(
        r"\b(?:according to|as per|in line with|in accordance with)\b[^.;]*", " ", text, flags=re.I
    )
    # "received at least one dose of X", "any dose of X": whether it was taken, not which dose;
    # "the last dose of X fewer than 6 weeks prior to first study dose": when it was taken.
    framed = re.sub(
        r"\b(?:at least (?:1|a single|one)|any|(?:the )?last) dose of\b", " ", framed, flags=re.I
    )
    for first in _FIRST_STUDY_DOSE.finditer(text):
        r.take(first.start(), first.end())  # a date in the study, read
    framed = _FIRST_STUDY_DOSE.sub(" ", framed)
    if _current_and_stable(r, text, framed, ms):
        return
    if re.search(r"\bother than (ms|multiple sclerosis)\b", text, re.I) or (
        _REVIEW_FRAMES.search(framed) and not _FAILURE.search(text) and not _NAIVE.search(text)
    ):
        r.reviews.append("treatment_change")  # allergy, label, starting or changing a drug...
        return
    drugs, classes = _drug_sets(r, ms)
    if not drugs:
        return
    free = _DRUG_FREE.match(text, ms[-1].end)
    if free and len(ms) == 1:
        # "Steroid-free for at least 1 month prior to baseline": none within that time; listed
        # as an exclusion it is unclear which way, so the team reads it
        if r.kind == EXCLUSION:
            r.reviews.append("treatment_change")
        else:
            months = q.to_months(free.group(1), free.group(2))
            r.leaves.append(
                Not(
                    Therapy(
                        drugs=drugs,
                        classes=classes,
                        within_months=months,
                        source=text[ms[0].start : free.end()],
                    )
                )
            )
        r.take(ms[0].start, free.end())
        return
    steroids_only = set(drugs) <= set(load_lexicon().members("corticosteroid"))
    local_only = steroids_only and all(
        _LOCAL_STEROIDS.search(re.split(r"[.;]", text[max(0, m.start - 60) : m.start])[-1])
        for m in ms
    )  # "Topical, intra-articular or ophthalmic corticosteroids are not excluded": no course
    if (
        _unread_exception(text, ms)
        or (steroids_only and _LOCAL_STEROIDS.search(text) and not _ALLOWED.search(text))
        or local_only
    ):
        r.reviews.append("treatment_change")
        return
    source = text[ms[0].start : ms[-1].end]
    denied = _FAILURE_DENIED.search(text)
    fewest, most = drug_count(text[max(0, ms[0].start - 80) : ms[0].start])
    if (
        denied
        and fewest is None
        and most is None
        and denied.end() <= ms[0].start
        and _ANY_DRUG_OF.match(text, denied.end(), ms[0].start)
    ):
        # "Not previously failed any S1P receptor modulator", "no history of treatment failure
        # on any prior DMT": no failure at all, which a failure leaf denied holds exactly
        r.leaves.append(Not(TherapyFailure(drugs=drugs, classes=classes, source=source)))
        r.take(denied.start(), ms[-1].end)
        return
    if denied:
        r.leaves.append(
            Review(
                topic="uncertain_reading",
                source=f'"{denied.group(0)}": a negation applies to the failure'[:200],
            )
        )
        r.take(*denied.span())
        return
    if steroids_only:
        # How steroids were given, and a sentence allowing low-dose or topical use, are read.
        for m in re.finditer(
            r"\b(high[- ]dose|low[- ]dose|oral|intravenous|iv|topical|a course of|course of|"
            r"systemic|total daily dose)\b|\bthe use of [^.]*\bwill not\b[^.]*\.?",
            text,
            re.I,
        ):
            r.take(m.start(), m.end())

    # "at least 12 months of treatment with X": how long X was taken, right before it.
    use_lengths = [
        d for d in _USE_LENGTH.finditer(text) if any(0 <= x.start - d.end() <= 2 for x in ms)
    ]

    def note_duration() -> None:
        spans = [d.span() for d in _THERAPY_DURATION.finditer(text)]
        spans += [d.span() for d in use_lengths]
        for start, end in spans:
            r.take(start, end)
        if not spans:
            return
        if r.kind == EXCLUSION and r.leaves:
            # "More than 12 months of natalizumab" excludes: having taken it is not enough, so
            # the drug and how long it was taken go together (taken, the team checks how long).
            r.leaves.append(All([r.leaves.pop(), Review(topic="duration")]))
        else:
            r.reviews.append("duration")

    if re.search(r"\bon no\b", text, re.I):  # "On no treatment for MS"
        r.leaves.append(Not(Therapy(drugs=drugs, classes=classes, current=True, source=source)))
        r.take(*re.search(r"\bon no\b", text, re.I).span())
        return
    naive = _NAIVE.search(text)
    lately = _OR_NONE_LATELY.search(text, naive.end()) if naive else None
    if naive and lately:
        # "Treatment-naive, or no DMT within the 6 months before screening": the looser way in
        # decides (naive alone would turn away people treated long ago), and it holds the
        # naive too: none of those drugs in that time
        span = re.match(
            r"\s*(?:the\s+)?(?:last\s+|past\s+|previous\s+)?" + q.NUM + r"\s*" + q.UNIT,
            text[lately.end() :],
            re.I,
        )
        later = [
            m for m in ms if lately.start() < m.start < lately.end() + (span.end() if span else 0)
        ]
        if (
            span
            and r.kind != EXCLUSION
            and later
            and len(later) == len([m for m in ms if m.start > naive.end()])
        ):
            within = q.to_months(span.group(1), span.group(2))
            kinds, named = _drug_sets(r, later)
            r.leaves.append(
                Not(Therapy(drugs=kinds, classes=named, within_months=within, source=source))
            )
            r.take(naive.start(), lately.end() + span.end())
            return
        r.reviews.append("treatment_change")
        return
    if naive and _OR_OTHER_PEOPLE.search(text, naive.end()) and not _FAILURE.search(text):
        # "Treatment-naive patients or patients who stopped a DMT for reasons other than
        # efficacy": naive is one way in of two, and the other is not read.
        r.reviews.append("treatment_change")
        return
    if naive and _FAILURE.search(text):
        # "either treatment-naive or ... a suboptimal response to IFN or GA": two ways in.
        failed_ms = [m for m in ms if m.start >= naive.end()] or ms
        least, at_most = drug_count(text[max(0, failed_ms[0].start - 80) : failed_ms[0].start])
        if at_most is not None:
            # "Treatment-naive, or failure of no more than one previous DMT": a most the
            # failure leaf cannot hold
            r.reviews.append("treatment_change")
            return
        dmt = list(load_lexicon().members("dmt"))
        r.leaves.append(
            Any_(
                [
                    Not(Therapy(drugs=dmt, classes=["dmt"], source=naive.group(0))),
                    TherapyFailure(
                        drugs=drugs, classes=classes, count=max(least or 1, 1), source=source
                    ),
                ]
            )
        )
        r.reviews.append("treatment_change")
        return
    if naive and any(c.cue == Cue.IRRELEVANT for c in r.reading.cues_over(*naive.span())):
        # "Participants on any DMT; treatment-naive patients are also eligible": a permission
        # over naive makes it one more way in, never a bar on the drugs named before it
        r.reviews.append("treatment_change")
        return
    then = _NAIVE_OR.match(text, naive.end()) if naive else None
    if (
        naive
        and (
            (
                _OR_THEN_NAIVE.search(text, 0, naive.start())
                and any(m.start < naive.start() for m in r.of("DRUG", "DRUG_CLASS"))
            )
            or (
                # "Treatment-naive or previously treated with interferon": the drug is the other
                # way in, not a bar
                then is not None
                and not naive.group(0).lower().startswith("no")
                # not "naive of any immune therapy or steroid intake": what it is naive to
                and not re.match(r"\s*(?:of|to|for|with respect to)\b", text[naive.end() :], re.I)
                and any(m.start >= then.end() for m in r.of("DRUG", "DRUG_CLASS"))
                # ("..., or having received only interferon": the cue there abstains on its own)
                and not any(r.cues_of(m) for m in r.of("DRUG", "DRUG_CLASS"))
            )
        )
    ):
        # "On a stable dose of a DMT for 6 months, or treatment-naive": naive is the other way
        # in, beside the drug rule (said with a permission, the check above has it)
        r.reviews.append("treatment_change")
        return
    used = _USED_AFTER_NAIVE.search(text, naive.end()) if naive else None
    if (
        used
        and any(naive.end() <= m.start < used.start() for m in ms)
        and any(m.start >= used.end() for m in ms)
    ):
        # "naive to ocrelizumab who have previously received rituximab": naive to the first,
        # treated with the second (an exclusion saying so is not certain: the team reads it)
        if r.kind == EXCLUSION:
            r.reviews.append("treatment_change")
            return
        before = [m for m in ms if m.start < used.start()]
        after = [m for m in ms if m.start >= used.end()]
        for part, negated in ((before, True), (after, False)):
            d, c = _drug_sets(r, part)
            said = text[part[0].start : part[-1].end]
            leaf = Therapy(drugs=d, classes=c, source=said)
            r.leaves.append(Not(leaf) if negated else leaf)
        r.take(naive.start(), naive.end())
        r.take(used.start(), used.end())
        return
    if naive and r.kind == EXCLUSION and _PRIOR_USE.search(text, 0, naive.start()):
        # "Prior exposure to B-cell therapy; patients must be naive to ...": an exclusion that
        # says both the use and the naive: which one excludes is not certain
        r.reviews.append("treatment_change")
        return
    if naive:
        # "No prior fingolimod within 6 months": none in that window, not none ever
        lately = (
            _WINDOW_OF_USE.match(text[ms[-1].end :].lstrip(" ,"))
            if naive.group(0).lower().startswith("no")
            else None
        )
        leaf = Therapy(
            drugs=drugs,
            classes=classes,
            within_months=q.to_months(lately.group(1), lately.group(2)) if lately else None,
            source=source,
        )
        if lately:
            at = ms[-1].end + len(text[ms[-1].end :]) - len(text[ms[-1].end :].lstrip(" ,"))
            r.take(at, at + lately.end())
        r.leaves.append(leaf if r.denial_denied(naive.start()) else Not(leaf))  # "not naive to X"
        for m in _NAIVE.finditer(text):
            r.take(m.start(), m.end())
        return
    if _FAILURE.search(text):
        if most is not None:  # "failed no more than 2 DMTs": a most the leaf cannot hold
            r.reviews.append("treatment_change")
            return
        count = fewest or 1  # number words are digits here
        r.leaves.append(
            TherapyFailure(drugs=drugs, classes=classes, count=max(count, 1), source=source)
        )
        for m in _FAILURE.finditer(text):
            # "failed at least 2 DMTs because of lack of efficacy": the reason is the failure
            why = re.search(
                r"\b(?:because of|due to|owing to|secondary to)\s+(?:an?\s+)?$",
                text[: m.start()],
                re.I,
            )
            if why:  # that reason cue is read: the failure leaf says it
                r.mark_read(Cue.REASON, why.start(), m.end())
            r.take(why.start() if why else m.start(), m.end())
        note_duration()
        return
    if most is not None or ((fewest or 1) > 1 and r.kind == EXCLUSION):
        # "treated with more than 3 DMTs" excludes, "no more than 2 prior DMTs": one drug taken
        # says nothing either way, and a yes/no reading of the class would exclude it.
        r.reviews.append("treatment_change")
        return
    # "(and no use of corticosteroids) for 6 weeks prior": free of the drug for a time, a washout.
    free = re.search(
        r"\b(?:no|without)\s+(?:use|treatment|intake|courses?|administration)\s+(?:of|with)\s+$"
        # "Free of corticosteroids for 4 weeks prior to baseline", "No steroids for 30 days"
        # "Must have been off all DMTs for at least 3 months"
        # "not pregnant, and off all DMTs for 3 months": a joined "off" is the same washout
        r"|(?:^\W*no|\b(?:and|or)\s+no|\bfree\s+(?:of|from)|(?:^\W*|\b(?:and|or)\s+|,\s*)off"
        r"|\b(?:been|be|is|are|remain(?:ed)?|stay(?:ed)?)\s+off)\s+(?:(?:any|all)\s+)?"
        r"(?:(?:oral|iv|intravenous|systemic|high[- ]dose)\s+(?:or\s+)?)*$"
        # "has not received oral or IV steroids for at least 1 month": free of them that long
        r"|\b(?:not|never)\s+(?:received|taken|used|had|been (?:treated with|given))\s+(?:any\s+)?"
        r"(?:(?:oral|iv|intravenous|systemic|high[- ]dose)\s+(?:or\s+)?)*$",
        text[max(0, ms[0].start - 40) : ms[0].start],
        re.I,
    )
    free_for = re.match(
        # "Free of any systemic steroid therapy for at least 1 month"
        r"[\s)]*(?:(?:treatments?|therapy|therapies|use|courses?)\s+)?"
        r"for\s+(?:at least\s+|a minimum of\s+)?(?:the\s+)?(?:last\s+|past\s+|previous\s+)?"
        + q.NUM
        + r"\s*"
        + q.UNIT,
        text[ms[-1].end :],
        re.I,
    )
    untreated = _UNTREATED_FOR.search(text[max(0, ms[0].start - 80) : ms[0].start])
    if untreated is not None:
        # "Untreated for at least 6 months with any DMT": free of the drugs that long
        start = max(0, ms[0].start - 80) + untreated.start()
        months = q.to_months(untreated.group(1), untreated.group(2))
        _free_for(r, drugs, classes, months, text[start : ms[-1].end], (start, ms[-1].end))
        return
    if free and free_for:  # ("No use of X for 6 weeks" as an exclusion: unclear)
        start = max(0, ms[0].start - 40) + free.start()
        end = ms[-1].end + free_for.end()
        months = q.to_months(free_for.group(1), free_for.group(2))
        _free_for(r, drugs, classes, months, text[start:end], (start, end))
        return
    span = _SINCE_RANGE.search(text[: ms[0].start])
    if span is not None:
        if r.kind == EXCLUSION:
            r.reviews.append("treatment_change")  # a span since the drug, as a bar: unclear
        else:
            source = text[span.start() : ms[-1].end]
            least, most = (
                q.to_months(span.group(1), span.group(2)),
                q.to_months(span.group(3), span.group(4)),
            )
            r.leaves.append(
                Not(Therapy(drugs=drugs, classes=classes, within_months=least, source=source))
            )
            r.leaves.append(
                Therapy(drugs=drugs, classes=classes, within_months=most, source=source)
            )
        r.take(span.start(), span.end())
        return
    since = _SINCE.search(text[: ms[0].start])
    if since is not None:  # "At least 30 days since corticosteroids": a washout
        months = q.to_months(since.group(1), since.group(2))
        source = text[since.start() : ms[-1].end]
        _free_for(r, drugs, classes, months, source, (since.start(), since.end()))
        return
    # How long the drug has been taken ("receiving X for at least 12 months prior to
    # screening", "at least 12 months of treatment with X") is not a washout window.
    unwindowed = _THERAPY_DURATION.sub(lambda d: " " * len(d.group(0)), text)
    for d in use_lengths:
        unwindowed = unwindowed[: d.start()] + " " * len(d.group(0)) + unwindowed[d.end() :]
    # "No relapse in the last 6 months and no steroids in the last 3 months": of two windows,
    # one another rule read with its own fact is not the drugs' window
    others = unwindowed
    for a, b in r.used:
        if not any(a <= m.start < b for m in ms):
            others = others[:a] + " " * (b - a) + others[b:]
    windows = len(list(_WINDOW_OF_USE.finditer(unwindowed)))
    if windows > 1 and len(list(_WINDOW_OF_USE.finditer(others))) == 1:
        unwindowed = others
    window = _window_of_use(unwindowed)
    if (
        window is not None
        and window.end() <= ms[0].start
        and re.search(r"[,;]", text[window.end() : ms[0].start])
        and not others[window.start() : window.end()].strip()
        and any(  # the fact it is said of comes first (not a list's head: "Within 30 days: ...")
            f.label in ("RELAPSE", "EDSS", "PREGNANCY", "BREASTFEEDING")
            and f.end <= window.start()
            and not re.search(r"[,;:]", text[f.end : window.start()])
            for f in r.found
        )
    ):
        # "The most recent relapse began 30 days before ..., and any steroid course ended at
        # least 2 weeks before ...": the first window is the relapse's, read by its own rule
        own = _window_of_use(others)
        if own is not None:  # (not "... for a relapse in that period": the same window)
            window, unwindowed = own, others
    if (
        window is not None
        and any(
            f.label in ("RELAPSE", "EDSS", "PREGNANCY", "BREASTFEEDING")
            and ms[-1].end < f.start < window.start()
            and re.search(r"[,;]", text[ms[-1].end : f.start])
            # (not "Has not received steroids, and has not had a relapse, in the 30 days before":
            # a comma before the window shares it)
            and not re.search(r"[,;]", text[f.end : window.start()])
            for f in r.found
        )
    ):
        # a fact of its own between the drug and the window, past a comma: the window is that
        # fact's ("On fingolimod, with the last relapse more than 6 months before screening")
        window = None
    if window is None:
        # "... allowed if the last course was completed more than 24 months ago": a least time
        # since the drug (only that: "stopped less than 2 months ago" is left to the team)
        ago = re.search(r"[<≤]?\s*" + q.NUM + r"\s*" + q.UNIT + r"\s*ago\b", unwindowed, re.I)
        if ago and _AT_LEAST_BEFORE.search(unwindowed[max(0, ago.start() - 20) : ago.start()]):
            window = ago
    if window is not None and _AT_LEAST_BEFORE.search(
        unwindowed[max(0, window.start() - 20) : window.start()]
    ):
        allowed_if = _PERMITTED_IF.search(unwindowed, 0, window.start())
        if r.kind == EXCLUSION and allowed_if and all(m.start < allowed_if.start() for m in ms):
            # "Prior cladribine is allowed if the last course was completed more than 24 months
            # ago", as an exclusion: what it bars is the drug within that time
            r.leaves.append(
                Therapy(
                    drugs=drugs,
                    classes=classes,
                    within_months=q.to_months(window.group(1), window.group(2)),
                    source=source,
                )
            )
        elif r.kind == EXCLUSION:
            r.reviews.append("treatment_change")  # a least time since, listed as an exclusion
        else:  # "last steroid dose at least 30 days before screening": none within 30 days
            r.leaves.append(
                Not(
                    Therapy(
                        drugs=drugs,
                        classes=classes,
                        within_months=q.to_months(window.group(1), window.group(2)),
                        source=source,
                    )
                )
            )
        r.take(max(0, window.start() - 20), window.end())
        return
    ever = _AT_ANY_TIME.search(unwindowed[: window.start()]) if window is not None else None
    if (
        ever is not None
        and any(m.start < ever.start() for m in ms)
        and any(ever.end() <= m.start < window.start() for m in ms)
    ):
        # "Cyclophosphamide at any time, or siponimod in the past 6 months": the first drug's
        # time is "ever", the window is the second's; one reading for both would get it wrong
        _each_its_own(r, "time", ever, window, ms)
        return
    ever_after = _AT_ANY_TIME.search(unwindowed, window.end()) if window is not None else None
    if (
        ever_after is not None
        and any(m.start < window.start() for m in ms)
        and any(window.end() <= m.start < ever_after.start() for m in ms)
        and not any(m.start >= ever_after.end() for m in ms)
    ):
        # "Natalizumab within the last 3 months or alemtuzumab at any time": the window is the
        # first drug's, "at any time" the second's
        _each_its_own(r, "time", window, ever_after, ms)
        return
    earlier = _other_window_before(unwindowed, window, ms) if window is not None else None
    if earlier is not None:
        # "ocrelizumab ≤ 6 months, ofatumumab ≤ 4 weeks or rituximab ≤ 9 months before Day 1":
        # each drug has its own window; the last one for all would bar too many
        _each_its_own(r, "window", earlier, window, ms)
        return
    later = _WINDOW_OF_USE.search(unwindowed, window.end()) if window is not None else None
    if (
        later is not None
        and q.to_months(later.group(1), later.group(2))
        != q.to_months(window.group(1), window.group(2))
        and any(window.end() <= m.start < later.start() for m in ms)
    ):
        # "Ocrelizumab within 12 months, or any S1P modulator within 8 weeks": each group has
        # its own window, which one reading for all would get wrong
        _each_its_own(r, "window", window, later, ms)
        return
    if window is not None:
        leaf = Therapy(
            drugs=drugs,
            classes=classes,
            within_months=q.to_months(window.group(1), window.group(2)),
            source=source,
        )
        # (an exclusion that denies is left to the double-negation rule: "No prior X" there)
        denied = _DENIED_OPENING.match(text) if r.kind != EXCLUSION else _NO_FIRST.match(text)
        r.leaves.append(Not(leaf) if denied else leaf)
        r.take(window.start(), window.end())
        note_duration()
        return
    current = _CURRENT.search(text[: ms[0].start]) or re.search(r"\bcurrently\b", text, re.I)
    if current and not re.search(
        r"\b(previously or currently|prior(?!\s+to\b)|previous|ever)\b", text, re.I
    ):
        leaf = Therapy(drugs=drugs, classes=classes, current=True, source=source)
        opening = _OPENING_NO.match(text[: ms[0].start]) or (
            # "Patients must not be currently receiving any DMT" (as an exclusion, a double
            # negative the team reads)
            _MUST_NOT.match(text[: ms[0].start]) if r.kind != EXCLUSION else None
        )
        r.leaves.append(Not(leaf) if opening else leaf)  # "No concurrent X": X now excludes
        if opening:
            r.take(opening.start(1), opening.end(1))
        r.take(current.start(), current.end())
        note_duration()
        return
    if (
        _EVER.search(text[max(0, ms[0].start - 40) : ms[0].start])
        or r.kind == EXCLUSION
        # "Neither natalizumab nor an anti-CD20 agent at any time": the time after the drugs
        or (
            _DENIED_OPENING.match(text)
            and re.search(
                r"\b(?:at any time|at any point|ever|previously)\b", text[ms[-1].end :], re.I
            )
        )
    ):
        span = next(
            (
                t
                for t in re.finditer(q.NUM + r"\s*" + q.UNIT, unwindowed, re.I)
                if not any(a <= t.start() < b for a, b in r.used)
                and any(abs(t.start() - m.end) <= 60 or abs(m.start - t.end()) <= 60 for m in ms)
                and not re.search(r"\b(?:old|of age)\b", unwindowed[t.end() : t.end() + 8])
            ),
            None,
        )
        if span is not None:
            # "fingolimod stopped less than 2 months ago": a time no rule read, which a reading
            # of "ever taken" would drop
            r.leaves.append(
                Review(
                    topic="uncertain_reading", source=f"a time not read with it: {span.group(0)}"
                )
            )
            return
        leaf: Node = Therapy(drugs=drugs, classes=classes, source=source)
        if (fewest or 1) > 1:
            r.reviews.append("treatment_change")  # one of them is read; how many, the team
        # (an exclusion that denies is left to the double-negation rule: "No prior X" there)
        denied = _DENIED_OPENING.match(text) if r.kind != EXCLUSION else _NO_FIRST.match(text)
        r.leaves.append(Not(leaf) if denied else leaf)
        for m in _EVER.finditer(text):
            r.take(m.start(), m.end())
        note_duration()
        return
    r.reviews.append("treatment_change")


# A drug the person must be on now, then how steadily or how long: "Currently receiving
# natalizumab and on a stable dosing regimen for at least 6 months", "Stable on current DMT for
# at least 24 weeks", "Receiving dimethyl fumarate at the dose approved in the local label".
_CURRENT_BEFORE = re.compile(
    r"(?:\bcurrently\s+(?:receiving|on|taking|treated\s+with|using)|^\W*receiving|^\W*on|"
    r"\bcurrent\s+(?:treatment|therapy)\s+with|\bstable\s+on(?:\s+(?:their|a|the))?\s+current|"
    r"\bmust\s+be\s+(?:on|receiving)|"
    # "Stable for at least 6 months on one of the following:", "On stable treatment with"
    # "Stable on treatment with ocrelizumab", "Stable on any approved DMT"
    r"\bstable\s+(?:for\s+(?:at least\s+|≥\s*)?\d+\s+\w+\s+)?on"
    r"(?:\s+(?:one|1) of the following|\s+(?:treatment|therapy)\s+with|\s+any(?:\s+approved)?)?:?|"
    r"^\W*on\s+(?:a\s+)?stable\s+(?:dose|treatment|therapy|regimen)\s+(?:with|of)"
    r"(?:\s+(?:one|1) of the following)?:?)\s+(?:an?\s+|the\s+)?$",
    re.I,
)
_TREATED_WITH = re.compile(r"^\W*(?:treatment|treated|therapy)\s+with\s+(?:an?\s+|the\s+)?$", re.I)
_STABILITY = re.compile(
    r"\bstable\b(?:\s+(?:dos\w+|regimen|dosing regimen|treatment|therapy))*|\bdosing regimen\b|"
    r"\bat the (?:\w+ ){0,3}dose\b(?: approved)?(?: in the (?:local )?label)?|"
    r"\bfor (?:at least|≥|a minimum of|more than|the last) (?:\d+ )?(?:weeks?|months?|years?)\b|"
    r"\([^()]*\bmg\b[^()]*\)",
    re.I,
)


def _current_and_stable(r: Reader, text: str, framed: str, ms: list[Mention]) -> bool:
    """Reads an inclusion that takes people on a drug now and asks how steadily (the team
    checks that part): the drug now is certain, its dose or time on it is not. Whether it did."""
    if r.kind != INCLUSION or _FAILURE.search(text) or _NAIVE.search(text):
        return False
    current = _CURRENT_BEFORE.search(text[: ms[0].start])
    if current is None and re.search(r"\bstable\b", text[ms[-1].end :], re.I):
        # "Treatment with fingolimod at a stable dose for ≥ 6 months": a dose stable up to now
        current = _TREATED_WITH.search(text[: ms[0].start])
    if current is None or not _STABILITY.search(framed):
        return False
    rest = _STABILITY.sub(" ", framed)
    # "..., if taking it": only those who take it, which is no requirement to
    if _REVIEW_FRAMES.search(rest) or re.search(
        # "..., or untreated for at least 3 months": a second way in
        r"\b(?:no|not|never|without|if|where applicable|untreated|unexposed)\b",
        text,
        re.I,
    ):
        return False
    drugs, classes = _drug_sets(r, ms)
    if not drugs:
        return False
    r.leaves.append(
        Therapy(drugs=drugs, classes=classes, current=True, source=text[ms[0].start : ms[-1].end])
    )
    r.reviews.append("treatment_change")
    r.take(current.start(), current.end())
    for m in _STABILITY.finditer(text):
        r.take(m.start(), m.end())
    return True


def _each_its_own(
    r: Reader, what: str, first: re.Match, second: re.Match, ms: list[Mention]
) -> None:
    """A criterion whose drugs each have their own time ("X at any time, or Y in the past 6
    months"), which one reading for all would get wrong. As an exclusion of two groups, each
    right before its own time and nothing else timed between, each group is a bar of its own;
    otherwise the team reads it."""
    groups = [
        [m for m in ms if m.start < first.start()],
        [m for m in ms if first.end() <= m.start < second.start()],
    ]
    times = [first if first.re.groups >= 2 else None, second if second.re.groups >= 2 else None]
    if (
        r.kind == EXCLUSION
        and all(groups)
        and sum(map(len, groups)) == len(ms)
        and re.search(r"\b(?:or|and|;)\W", r.norm[first.end() : groups[1][0].start] + " ")
        and not re.search(q.NUM + r"\s*" + q.UNIT, r.norm[first.end() : second.start()], re.I)
    ):
        for group, time in zip(groups, times):
            drugs, classes = _drug_sets(r, group)
            r.leaves.append(
                Therapy(
                    drugs=drugs,
                    classes=classes,
                    within_months=q.to_months(time.group(1), time.group(2)) if time else None,
                    source=r.norm[group[0].start : group[-1].end],
                )
            )
        r.take(first.start(), second.end())
        return
    r.leaves.append(
        Review(
            topic="uncertain_reading",
            source=f"each treatment has its own {what}: {first.group(0)}; {second.group(0)}",
        )
    )
    r.take(first.start(), second.end())


def _unread_exception(text: str, ms: list[Mention]) -> bool:
    """Whether an "except ..." or "unless ..." clause names something other than a drug or a
    local route of steroids ("except for relapse treatment"): the rule cannot read it."""
    for m in _EXCEPT.finditer(text):
        if any(0 <= x.start - m.end() <= 15 for x in ms):
            continue
        if _LOCAL_STEROIDS.match(text, m.end()) or re.match(
            r"(?:the\s+|for\s+)?(?:use of\s+)?(?:topical|inhaled|local)", text[m.end() :], re.I
        ):
            continue
        return True
    return False
