"""Turn a criterion's words into a predicate tree (see predicates.py), once, at import.

Rules, not guesses: a fact is read only where the wording is clear (EntityRuler mentions
plus number patterns next to them), one module per fact (age, sex, ms_type, edss, duration,
relapses, therapies, pregnancy), each reading a :class:`~.reader.Reader`. Whatever else the
criterion says becomes a ``Review`` leaf, so the study team checks it and nothing is silently
dropped; facts under a cue their rule did not read are abstained on (abstain.py).
"""

from __future__ import annotations

import re

from ..eligibility import EXCLUSION, INCLUSION
from . import age, duration, edss, limited_rule, ms_type, pregnancy, relapses, sex, therapies
from .abstain import (
    abstain,
    contrast_reach,
    double_negation,
    leading_negation_reach,
    opening_negation,
)
from .frame import frame_of_exclusion
from .predicates import (
    Age,
    All,
    Any_,
    Contraception,
    Leaf,
    Node,
    Not,
    Relapses,
    Review,
    Sex,
    Subtype,
    Therapy,
    TherapyFailure,
    _Range,
)
from .reader import Reader
from .review_topics import leftover_words, review_topics

# 2: scope layer and abstain rule; 3: one module per fact, more cues, washouts;
# 4: cue scopes for ages and durations; 5: the disease itself, test results, durations of use;
# 6: a relapse while on a drug (or despite it) is that drug's failure; 7, 8: wrapped lines,
# onset minimum; 9: other medicines (statins, cannabis, IVIG...) left to the study team,
# "No concurrent X", each drug of an "except" list; 10: "Current use of", "Adult patients" (18+),
# symptom medicines (fampridine, baclofen...) among the other medicines; 14: surface forms
# (spacing, case, hyphens, list markers), an opening "No" (or "Lack of") over its sentence,
# denied failures, "none of:" lists, "No relapse" exclusions only in short windows, MS named
# as the frame of an exclusion, one sentence not read into the drugs of another; 15: years after
# duration words are no age, disease activity on a drug is its failure, naive as one way in of
# two, negated upper bounds ("no higher than"), either sex's "... patients only", a nearer
# negation opening a new list item ends a farther cue's scope; 16: a most of relapses as the
# denial of one more, "has not received X for N months" as a washout, "Under 65 ..." opening a
# criterion, years before "since diagnosis" are no age, "No <course>" as a whole inclusion; 17:
# an opening "No" after the criterion's own heading, an exception cut short by a relative clause,
# no relapse count from a decimal; 18: a negated list head denies each item, both sexes named
# restrict no one, a course excepted from the one named before it, "EDSS > 6 or < 1", an
# elliptical second relapse count ("or ≥2 in the prior 2 years"), "positive serum β-hCG"; 19: a
# denial denied ("not treatment-naive", "not been relapse-free"), a relapse-free period shorter
# than its window, "w/o", an exclusion saying both prior use and naive left to the team; 20:
# an age at onset said after its bound, "≥ 10 and < 18 years of age", "Female patients" as an
# exclusion, the field's drug abbreviations (TERI, MTX, AZA...), "w/in", "6 mo", "8 wks", "the
# past month" as one month; 21: a treatment the criterion permits ("is permitted", "no washout
# required") left to the team, "six point five"; 22: "treatment-naive, or no DMT within 6
# months" left to the team; 23: a most since onset ("no more than 10 years prior") and both
# bounds, "not exceeding", same-field limits no one meets together as cohorts' alternatives,
# "between 1 and 4 relapses" to the team, a list of counts in windows, a relapse on treatment
# defining a failure, "planning a pregnancy, or breastfeeding", local steroids not excluded,
# "any dose of", "Age at screening between 10 and < 18", "up to and including 65 years of age";
# 24: "Never previously exposed to X" under inclusion, "the last dose of X fewer than 6 weeks
# prior to first study dose", the S1P class by its chemical name; 25: a menopause word before a
# sex heading an age, "Females, 18-45 years", "Men, and women who are pregnant" as an exclusion,
# a change in EDSS named before the scale, the time since the last relapse compared, a drug
# taken now at a stable dose, a criterion or clause about a caregiver, partner or guardian; 26:
# "unwillingness to use contraception" denies it, "2.0 (inclusive) to 7.0 (exclusive)",
# "18-≤60", counts after a "Relapses:" label, the time since the first symptom, "MS of at least
# 2 years' duration", a clause permitting other treatments read around, a permission with its
# own washout for a barred drug to the team, "stable on treatment with X" or "or untreated";
# 27: a table of periods with a head such as "within these windows" (rows "(any time)" too),
# an age's time point between its bounds ("at consent and"), "current age" beside an onset, two
# bounds of the time since diagnosis, onset in brackets, a definition holding a bracket, "at
# any time" ending a group of drugs as a window does; 28: a relapse's definition (in a bracket
# after the word, or a sentence of its own) read around, "not failed any X" as no failure,
# "refractory to" and "because of lack of efficacy" as a failure; 29: a form's "Sex:", "Disease
# duration:" and "Pregnancy test: positive" fields, a sign after "diagnosis" ("> 15 years ago"),
# drugs by their mechanism (anti-CD52, anti-α4-integrin, DHODH
# inhibitor), and pseudo cues ("non-active") covering nothing; 30: a denial denied at once ("not
# without", "not never", "not unwilling", "no lack of") read plainly, a count inside a count
# ("of which at least 1 in the last 12 months", "and at least 2 in 24 months") required too,
# "2 or more" no alternative, a window read once lent to no other relapse, "One relapse or
# fewer", "18 ≤ age ≤ 50" and "2.0 ≤ EDSS ≤ 5.5", two EDSS steps ("6.0 or 6.5"), a drug at a
# stable dose taken now, an MS course with its definition ("Active SPMS, defined as ...") one
# condition; 31: "with at least one of them in the last 12 months", an activity letter before a
# course ("aSPMS", "nrSPMS"), a bracket before "of any type except", "Female sex" (no shipped
# tree changed); 32: the onset of an attack ("a relapse with onset within 14 days") is no
# disease duration, "unless using contraception" asks for it, a need to come ("likely to
# require") is no treatment taken, "at least one of which occurred in" a count inside a count,
# "sixty-five" and "eighteen (18)" one number, washouts told as "unless more than 4 years have
# passed since the last course" or "except where stopped", "active disease despite" a failure
# (no shipped tree changed); 33: a bar said after its facts ("Patients with PPMS are not
# eligible", "... cannot participate") abstains under Inclusion and restates the heading under
# Exclusion; a permission ("breastfeeding women may participate", "... are also eligible",
# "Cannabis use is accepted") is no condition; naive beside another way in ("on a stable DMT,
# or treatment-naive", "treatment-naive or previously treated with interferon") bars no one
# (one shipped tree changed: NCT06179134's accepted cannabis no longer excludes); 34: a
# permission over "treatment-naive" past a semicolon, "rMS", "no more than 6 months before" a
# most (not a washout), "at the time of screening" now, "been off all DMTs for 3 months", "over
# 18 and under 65 years", "EDSS below 2 or above 6" two bars, "not using ... birth control"
# (birth control no control group; "not using" reaches eight words) (one shipped tree changed:
# NCT01854359's "agreeing to ... birth control" asks for contraception, beside a review); 35:
# washout tables without a head, "over the age of 21", a
# course an exclusion lets in, "MS for less than a decade", a failure count "no more than one"
# beside naive (one shipped tree changed: NCT04458688's "treatment naive, or suboptimal
# response to no more than one DMT" is the team's to read, not "at least one failure"); 36: a
# permission with its washout ("is permitted if it was stopped more than 3 months before",
# "allowed if the last course was completed more than 24 months ago"), local steroids let in
# by a bracket, "steroid-free for at least 1 month", "loss of efficacy" a failure (one shipped
# tree changed: NCT02784210's "systemic steroids in previous 30 days (non-systemic ... is
# acceptable)" no longer sends the bracket to the team); 37: "none of the following ...:" with
# its items on the same line, a window per drug ("X ≤ 6 months, Y ≤ 4 weeks"), "neither X nor
# Y at any time", "not diagnosed with PPMS", "MS of any course, including CIS", the age at
# diagnosis, a clause for the people of some age, "Male participants must ..." (one shipped tree
# changed: NCT03961204's "first clinical demyelinating event" may be called relapsing MS today,
# so RRMS is the team's, not a "doesn't fit"); 38: "within the month prior to entry" a
# window of 1, "Patients who have NOT been treated with X during ...", "previously treated with
# X must have received their last infusion at least N before", "treatment-naive, or off all
# DMT for at least N", denials with their own drugs and times, and two groups of an exclusion
# each with its own time (one shipped tree changed: NCT03910738's "relapses in the year"
# keeps its reading, its source now "in the 1 year"); 39: drug codes and abbreviations (BG-12,
# BG00012, CLAD, ALEM, SIPO, BAF312), an abbreviation the criterion defines as something else
# ("Radiotherapy (RTX)"), a relapse cap said after the relapse word, pseudo-relapses, "N-month
# period", "Label: none for N", an exclusion's sentences each a bar of its own (one shipped
# tree changed: NCT02555215's "remain on BG00012
# treatment" now requires dimethyl fumarate)
# 40: a bound said with a denial is read as the plain bound ("no fewer than 14 days since",
# "not exceeding 5.5"; NCT00004814's EDSS source now says "at most 5"), a joined "and off all
# DMTs for N" is a washout, "currently off" is a cue, a window past another fact is that fact's
# 41: under Exclusion, a line whose own sentence states a requirement ("All women of
# child-bearing potential must have a negative pregnancy test") is read sentence by sentence.
# 42: a line about healthy controls or volunteers is theirs ("Accepts Healthy Volunteers: No
# Criteria" and NCT03796611's "control who signed consent" are left to the team as "other", not
# as diagnosis and consent); a part labelled for them is dropped; set notation is a bound; a
# count of relapses by a sign is said in words; a signed window in brackets is a window.
PARSER_VERSION = 42
# The fact rules, in the order they read a criterion (sex first: its sentence may be about
# fertility).
FACTS = (sex, age, ms_type, edss, duration, relapses, therapies, pregnancy)
# A rule for the patients of one treatment, said after the rule: "Absolute lymphocyte count ≥
# 800/µL in patients previously treated with fingolimod": the drug is whom it binds, not what
# everyone must have had.
_SUBGROUP_AFTER = re.compile(
    r"(?<=\w)[\s,]+in\s+(?:participants|patients|subjects|those|people)\s+"
    r"(?:who\s+(?:were|are|have been|had)\s+)?(?:previously\s+|currently\s+|already\s+)?"
    r"(?:treated with|exposed to|receiving|given)\b",
    re.I,
)
# A criterion that applies to a subgroup only ("In RRMS participants who are already on
# natalizumab, ..."): whether it applies is for the study team; it can fail no one here.
_SUBGROUP = re.compile(
    r"\s*(?:in|for|among)\s+[\w\s/()-]{0,40}?\b(?:participants|patients|subjects|people|individuals)"
    r"\s+(?:who|that|already|currently)\b|"
    # "Patients previously treated with ocrelizumab must have B-cell counts ...": a rule for them
    r"\s*(?:participants|patients|subjects|people|those)\s+(?:who (?:were|are|have been) )?"
    r"(?:previously|currently|already)\s+(?:treated|receiving|on)\b[^.;]{0,60}\bmust\b"
    # (not "... must have received their last infusion at least 9 months before baseline": a
    # washout of that drug, which the therapy reader reads)
    r"(?!\s+(?:have\s+)?(?:received|had|completed|stopped|discontinued|taken)\b[^.;]{0,40}?"
    r"(?:at least|≥|a minimum of|more than|>)\s*\d)",
    re.I,
)


# Someone other than the patient: a caregiver, a study partner, a legal representative, a parent
# or guardian. A criterion about them says nothing of the patient's profile ("Caregivers who
# themselves have a diagnosis of MS", "Legally authorised representative aged 18 years or
# over"); the numbers of a clause about them inside another are not the patient's ("EDSS 6.0 to
# 7.5, with a caregiver who is at least 21 years old"), and the team checks that clause.
_OTHER_PERSON = (
    r"(?:care ?givers?|care partners?|carers?|study partners?|informants?|companions?|"
    r"legal(?:ly)?[- ](?:authori[sz]ed[- ])?representatives?|LARs?|"
    r"(?:parents?|(?:legal )?guardians?)(?:\s*(?:or|and|/)\s*(?:legal )?guardians?)?)"
)
# The people a study takes beside those with MS: "Healthy controls who ...", "Control
# participants with a relative with MS", "Healthy volunteer arm: ..."
_CONTROLS = (
    r"(?:healthy\s+(?:volunteers?|controls?|subjects?|participants?|individuals?|adults?)|"
    r"(?:control|comparison|reference)\s+(?:participants?|subjects?|groups?|arms?|cohorts?|"
    r"individuals?)|controls?|HCs?|HVs?|non-MS\s+(?:controls?|participants?|subjects?))"
)
_ABOUT_OTHER = re.compile(
    rf"^\W*(?:(?:a|an|the|each|any|one|their)\s+)?(?:[a-z-]+\s+)?(?:{_OTHER_PERSON}|{_CONTROLS})\b",
    re.I,
)
# A part of a line labelled for those other people ("Controls: EDSS > 0; Patients: EDSS >
# 6.5"), and a label for the people with MS, whose part binds the patient.
_OTHER_GROUP_LABEL = re.compile(
    rf"^\W*(?:(?:for\s+)?(?:the\s+)?)(?:[a-z-]+\s+)?(?:{_OTHER_PERSON}|{_CONTROLS})"
    r"(?:\s+(?:arm|group|cohort|only))?\s*:",
    re.I,
)
_PATIENT_LABEL = re.compile(
    r"^\W*(?:for\s+)?(?:the\s+)?(?:ms\s+)?(?:patients?|(?:participants?|people|persons|"
    r"subjects?)\s+with\s+(?:ms|multiple\s+sclerosis)|pwms|ms\s+(?:group|arm|cohort|"
    r"participants?|patients?))(?:\s+(?:arm|group|cohort|only))?\s*:",
    re.I,
)
# A line about the study, its sponsor or a drug, not about the person: "The sponsor is a company
# that markets fingolimod", "Ocrelizumab is approved for relapsing and primary progressive MS",
# "The study will compare ozanimod with placebo".
_STUDY_SUBJECT = (
    r"^\W*(?:(?:the|this|our)\s+(?:sponsor|study|trial|protocol|company|drug|medicine|"
    # a drug by its stem ("ocrelizumab", "fingolimod", "tolebrutinib"); not "-ide"/"-ate",
    # which English words share ("Candidate is able to walk 100 m")
    r"investigational\s+product|study\s+drug)|[a-z]+(?:mab|mod|nib))\s+"
)
_ABOUT_THE_STUDY = re.compile(
    # what the study does, whoever it is done with ("... in people with PPMS")
    _STUDY_SUBJECT + r"(?:will\s+|aims\s+to\s+)?(?:compare|test|evaluate|assess|measure|examine|"
    r"investigate|look\s+at|last|take\s+place|be\s+(?:given|run|conducted|done|held))\w*\b"
    # what it is, when no one is named ("The sponsor is a company that markets fingolimod")
    r"|" + _STUDY_SUBJECT + r"(?:is|are|was|has been|markets|uses|consists|includes\s+\d)\b"
    # (not a rule said of the drug: "Fingolimod is allowed if discontinued ...")
    r"(?!\s+(?:not\b|allowed|permitted|prohibited|forbidden|required|excluded|acceptable|"
    r"accepted|contraindicated|an?\s+exclusion))"
    r"(?![^.;]*\b(?:participants?|patients?|subjects?|people|persons?|individuals?|you|those|"
    r"anyone|women|men)\b)",
    re.I,
)
_OTHER_CLAUSE = re.compile(
    rf"\b(?:with|has|have|having|and)\s+(?:(?:a|an|the|their|one)\s+)?(?:[a-z-]+\s+)?"
    rf"{_OTHER_PERSON}\b[^,;.]*",
    re.I,
)


# A clause after another that binds only the people of some age: "; participants older than 55
# must have an EDSS of 6.0 or less", ", patients aged 50 or over must ...".
_AGED_COHORT_CLAUSE = re.compile(
    r"(?<=[;.,])\s*(?:participants|patients|subjects|those|people|persons|individuals|candidates)"
    r"\s+(?:who are\s+|aged?\s+)?(?:older|younger|over|under|above|below|aged?|≥|>|<|≤)"
    r"[^;.]{0,25}?\d+[^;.]*?\b(?:must|should|need|will|are required|have to|may only)\b[^;.]*",
    re.I,
)


_DEFINITION = re.compile(
    # one bracket may hold another: "(defined as ... lasting >= 24 hours (in the absence of
    # fever))"
    r"\((?:defined as|as defined (?:by|in)|see|refer to)\b(?:[^()]|\([^()]*\))*\)"
    # "(corticosteroids for relapse are not considered a DMT)": steroids are no DMT anyway
    r"|\([^()]*\b(?:steroids?|corticosteroids?|methylprednisolone|prednis\w*|solu-?medrol)\b"
    r"[^()]*\b(?:is|are)\s+not\s+(?:considered|counted|regarded)\s+(?:as\s+)?(?:an?\s+)?"
    r"(?:dmts?|disease[- ]modifying\b[^()]*)\)",
    re.I,
)


# A naive word defined in brackets by a window: the window's rule is the word's meaning.
_NAIVE_DEFINED = re.compile(
    r"\b(?:(?:treatment|dmt|drug|therapy)[- ])?na[iï]ve\s*\(\s*(?:defined as|i\.\s?e\.,?|"
    r"(?:for|in) this (?:study|trial)\s*[:,]?|meaning|that is,?)\s*"
    r"(?P<body>[^()]*\b(?:within|in the (?:last|past|previous|preceding)|before|prior to)\b[^()]*)"
    r"\)",
    re.I,
)


# A naive word with a time: "Treatment-naive for the last 6 months", "DMT-naive in the past
# 12 months" (not "naive for 6 months or more", a bound on the time).
_NAIVE_FOR = re.compile(
    r"\b(?:(?:treatment|dmt|drug|therapy)[- ])?na[iï]ve\s+(?:for|in|during|over)\s+(?:the\s+)?"
    r"(?:last|past|previous|preceding)?\s*(?P<n>\d+)\s*(?P<unit>months?|years?|weeks?|days?)\b"
    r"(?!\s+or\s+(?:more|longer))",
    re.I,
)


def _no_dmt_in(m: re.Match[str]) -> str:
    """A _NAIVE_FOR match said as "no DMT in N unit", padded to its length (or left as it is
    when that would not fit)."""
    said = f"no DMT in {m.group('n')} {m.group('unit')}"
    return said.ljust(len(m.group(0))) if len(said) <= len(m.group(0)) else m.group(0)


# What a relapse means, said in a bracket right after the word ("protocol-defined relapse
# [objective worsening of >= 1 point in one FS ...]", "relapse (new or worsening symptoms lasting
# > 24 hours)") or in a sentence of its own ("Relapse: appearance of a new symptom ...", "A
# relapse is defined as ..."): no demand on the patient, and its "or" joins no alternatives.
_RELAPSE_DEFINED = re.compile(
    r"\b(?:relapses?|attacks?|exacerbations?)\s*"
    r"(?P<said>[\[(][^\[\]()]*\b(?:worsening|symptoms?|lasting|hours|fever|defined)\b[^\[\]()]*"
    r"[\])])"
    r"|(?:^|(?<=[.;]\s))(?P<sentence>(?:an?\s+|the\s+)?(?:relapses?|attacks?|exacerbations?)\s*"
    r"(?::|is defined as|are defined as|defined as|means)\s"
    # what it is made of, not a count asked for ("Relapses: >= 1 in the last 12 months")
    r"(?![^.;]*[≥≤<>]|\W*(?:at least|more than|\d))(?=[^.;]*\b(?:symptoms?|worsening|lasting|hours|"
    r"fever|defined)\b)[^.;]*[.;]?)",
    re.I,
)


def _blank(m: re.Match) -> str:
    """The match with its definition (``said`` or ``sentence``) blanked, positions kept."""
    name = "said" if m.group("said") else "sentence"
    a, b = m.start(name) - m.start(), m.end(name) - m.start()
    whole = m.group(0)
    return whole[:a] + " " * (b - a) + whole[b:]


# A yes/no question and the answer that decides it: "Have you had a relapse in the last 3
# months? If yes, you can't join yet", "... ? Then this study is not right for you" (its "yes"
# bars), "... ? If not, you cannot take part" (its "yes" is needed). Only an answer that says
# nothing more: one that adds a condition ("If yes, you can join once ...") is left as it is.
_ANSWERED_QUESTION = re.compile(
    r"^(?P<question>[^?]{3,}\?)\s*(?:(?P<no>if\s+(?:no|not)\b)|if\s+(?:yes|so)\b|then\b)\W*"
    r"(?:then\s+)?(?:(?:you|we)\s+(?:can ?not|can't|won't|will not|are not able to|may not)"
    r"\s+(?:be able to\s+)?(?:join|take part|participate|be included|enrol\w*)"
    r"|(?:this|the)\s+(?:study|trial)\s+(?:is not|isn't)\s+(?:right\s+|suitable\s+|meant\s+)?"
    r"for you)(?:\s+(?:yet|for now|at this time|right now|now))?\W*$",
    re.I,
)


# A section heading inside one criterion's line: "1. Diagnosis of PPMS. 2. Age 18-65.
# Exclusion: 4. Prior anti-CD20 therapy". What follows it is read under that heading.
_INNER_HEADING = re.compile(
    r"(?:^|(?<=[.;:\n])\s*)\s*(?P<kind>inclusion|exclusion)(?:\s+criteri(?:a|on))?\s*:", re.I
)


def _by_inner_headings(text: str, kind: str) -> Node | None:
    """The line read part by part when a heading inside it changes the section; None if none
    does. An inclusion holds when its own parts hold and the excluding parts do not (and the
    other way round for an exclusion)."""
    heads = list(_INNER_HEADING.finditer(text))
    kinds = [h.group("kind").lower() for h in heads]
    if not heads or all(k == kind for k in kinds):
        return None
    parts = [(kind, text[: heads[0].start()])] if heads[0].start() > 0 else []
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        parts.append((kinds[i], text[head.end() : end]))
    trees = [
        tree if k == kind or isinstance(tree, Review) else Not(tree)
        for k, part in parts
        if part.strip(" .;")
        for tree in [parse_criterion(part, k)]
    ]
    return All(trees) if kind == INCLUSION else Any_(trees)


# A line that says what everyone must have, whatever its heading: "Participants must ...",
# "The study will enrol only participants who ...", "Only patients aged ... will be enrolled".
_REQUIREMENT_STATED = re.compile(
    r"\W*(?:the\s+(?:study|trial)\s+will\s+(?:only\s+)?enrol+\s+(?:only\s+)?"
    r"|only\s+)?(?:participants?|patients?|subjects?|people|individuals)\s+"
    r"(?:(?!who\b|that\b|with\b)\w+\s+){0,3}?(?:must|should|need to|are required to|have to)\b"
    # (not "must not have received X": under Exclusion a double negative, the team's to read)
    r"(?!\s+(?:not|never)\b)"
    r"|\W*the\s+(?:study|trial)\s+will\s+(?:only\s+)?enrol+\s+only\b"
    # ... or of a fact, as its subject: "A diagnosis of MS must have been established at least
    # 1 year before screening", "The EDSS shall be 5.5 or less"
    r"|\W*(?:a|an|the|all|each|every)\s+(?:(?!(?:who|that|which|whom|whose|with|if|unless|"
    r"not|no|when|where)\b)[\w'-]+\s+){1,6}?(?:must|shall|is\s+required\s+to|are\s+required\s+to)\b"
    r"(?!\s+(?:not|never)\b)",
    re.I,
)


def _meaning(node: object) -> object:
    """A tree's JSON without the words it was read from: what it asks, to compare."""
    if isinstance(node, dict):
        return {k: _meaning(v) for k, v in sorted(node.items()) if k != "source"}
    if isinstance(node, list):
        return [_meaning(v) for v in node]
    return node


# The end of one sentence of a line and the start of the next: "...; a shorter ...", "... . All"
_NEXT_SENTENCE = re.compile(r"\s*;\s+|(?<=[a-z)])\.\s+(?=[A-Z])")
# Words that make such a line a bar after all: "... must be excluded", "cannot".
_BARRING_WORDS = re.compile(
    r"\bexclu\w*|\bineligible\b|\bnot\s+(?:be\s+)?eligible\b|\bcannot\b|\bcan'?t\b|"
    r"\bmay\s+not\b|\bnot\s+be\s+(?:enrol+ed|included|randomi[sz]ed)\b",
    re.I,
)
# Why a rule is there, not what it asks: a "Rationale:" or "Background:" to the line's end, a
# bracket that gives a reason ("(older patients are excluded because the risk of PML rises)").
_RATIONALE = re.compile(
    r"\b(?:rationale|reason|background|explanation)\s*:.*$|"
    r"\((?=[^()]*\b(?:because|due to|so that|to ensure|in order to)\b)[^()]*\)",
    re.I | re.S,
)
# A bar on not meeting a requirement the line states: "Patients who do not meet inclusion
# criterion 5 (age 18 to 55 years)", "Failure to fulfil the EDSS requirement (2.0-5.5)".
_REQUIREMENT_UNMET = re.compile(
    r"\W*(?:(?:participants?|patients?|subjects?|people|individuals|those|anyone)\s+)?"
    r"(?:(?:who|that)\s+)?(?:do(?:es)?\s+not|did\s+not|don'?t|doesn'?t|fail(?:s|ed|ing)?\s+to|"
    r"failure\s+to|not)\s+(?:meet|meeting|fulfil+|fulfil+ing|satisfy|satisfying)\b",
    re.I,
)
_NEITHER_NOR = re.compile(r"\bneither\b[^.;]{1,80}\bnor\b", re.I)


# A table's cells in one line: "Age: 18-55 | EDSS: 0-5.5 | Prior DMT: none".
_CELL_BAR = re.compile(r"\s+\|\s+")
# A cell whose value denies its label: "Prior DMT: none", "Relapses in the last 24 months: 0",
# "Pregnant/lactating: No".
_NONE_VALUE = r"none|no|nil|zero"
_DENIED_CELL = re.compile(
    rf"\s*(?P<key>[^:|=]{{2,80}}?)\s*[:=]\s*(?:{_NONE_VALUE}|0|not (?:allowed|permitted))\s*\.?\s*",
    re.I,
)
# A cell whose denial comes with more: "Current DMT: none for ≥ 3 months" (not "EDSS: 0-5.5").
_DENIED_WITH_MORE = re.compile(
    rf"[^:|=]{{2,80}}?[:=]\s*(?:{_NONE_VALUE}|0(?!\s*(?:[-\u2013\u2014.,]|to\b)))\b"
    # (a bound is no denial: "Relapses: no more than 2 in the past year")
    r"(?!\s+(?:more|less|fewer|later|earlier|older|younger|greater|higher|lower|longer|"
    r"shorter|upper|limit|restriction)\b)\s*\S",
    re.I,
)


# One cell whose "none" holds for a time: "Current DMT: none for at least 3 months before
# baseline" (not "Biologic therapy: No prior copolymer 1", whose "no" belongs to its words).
_DENIED_FOR_A_TIME = re.compile(
    r"[^:|=]{2,80}?[:=]\s*(?:none|nil|zero|0)\s+(?:for|within|in|during|since|over|at least)\b",
    re.I,
)


def _by_cells(text: str, kind: str) -> Node | None:
    """A line of key-value cells, each read as the criterion it abbreviates; a cell whose value
    is "none", "no" or "0" is its label's fact denied. None when the line is no such thing."""
    cells = [c for c in _CELL_BAR.split(text) if c.strip(" .;")]
    if len(cells) < 2 and not _DENIED_CELL.fullmatch(text) and not _DENIED_FOR_A_TIME.match(text):
        return None  # (one cell denied for a time, "Current DMT: none for 3 months", is read)
    if not all(re.search(r"[:=]", c) for c in cells):
        return None  # "Steroids | IV methylprednisolone | within 2 months": one rule's parts
    trees: list[Node] = []
    for cell in cells:
        denied = _DENIED_CELL.fullmatch(cell)
        if not denied and _DENIED_WITH_MORE.match(cell):
            # "Current DMT: none for ≥ 3 months": a denial with a condition, for the team
            trees.append(Review(topic="uncertain_reading", source=cell[:200]))
            continue
        # a denied label bars its fact: read as the other section would, then turned over
        other = EXCLUSION if kind == INCLUSION else INCLUSION
        key, side = (denied.group("key"), other) if denied else (cell, kind)
        tree = parse_criterion(key, side)
        trees.append(Not(tree) if denied and not isinstance(tree, Review) else tree)
    if len(trees) == 1:
        return trees[0]
    if all(isinstance(t, Review) for t in trees):
        return None  # "Criterion | Threshold": a header row, read (or not) as the line it is
    return All(trees) if kind == INCLUSION else Any_(trees)


# Any answer after a question ("...? If yes, ..."), for those the pattern above does not read.
_ANSWER = re.compile(r"\?\W*(?:if\s+(?:yes|so|no|not)|then)\b", re.I)
# A form's question with its boxes and the answer that lets a person in: "Has the patient had
# an MS relapse within 30 days before Day 1? ☐ Yes ☐ No (answer must be NO to enrol)".
_FORM_ANSWER = re.compile(
    r"^(?P<question>[^?]{3,}\?)(?:[\s\[\]\u2610\u25a1/]*(?:yes|no|n/?a)\b)*[\s\[\]\u2610\u25a1]*"
    r"[(\[-]?\s*(?:the\s+)?(?:answer\s+)?must\s+(?:be\s+|answer\s+)?[\"'\u201c]?(?P<answer>yes|no)\b"
    r"[\"'\u201d]?\s+(?:to|for|in order to)\s+(?:enrol\w*|enroll\w*|be\s+eligible|be\s+included|"
    r"participate|join|inclusion|proceed)\s*[)\]]?\W*$",
    re.I,
)


def _read_as_answered(question: str, section: str, kind: str) -> Node:
    """A question read under the section its answer gives, turned over where that is not the
    heading it is listed under."""
    tree = parse_criterion(question, section)
    return tree if section == kind or isinstance(tree, Review) else Not(tree)


def _patients_part(text: str) -> str | None:
    """The parts of a line with a part labelled for other people (healthy controls, carers)
    that bind the patient: those before any label and those under a patients' label (blanked
    to spaces); None when no part is labelled for others."""
    parts = re.split(r"(?<=;)|(?<=\n)", text)
    if len(parts) < 2 or not any(_OTHER_GROUP_LABEL.match(p) for p in parts):
        return None
    kept, theirs = [], False
    for part in parts:
        mine = _PATIENT_LABEL.match(part)
        if _OTHER_GROUP_LABEL.match(part) and not mine:
            theirs = True
        elif mine:
            theirs = False
            part = " " * mine.end() + part[mine.end() :]
        kept.append(" " * len(part) if theirs else part)
    return "".join(kept)


def parse_criterion(text: str, kind: str) -> Node:
    """The predicate tree of one criterion. Always returns a tree: ``Review`` if nothing is read.

    The field rules read the criterion; then every fact whose mention lies in the scope of a
    cue its rule did not interpret is abstained on (``Review``, with the reason), and a
    negated fact listed as an exclusion is read by one explicit rule (:func:`double_negation`).
    """
    answered = _ANSWERED_QUESTION.match(text.strip())
    if answered:  # the answer, not the heading, says whether the question's "yes" bars
        section = INCLUSION if answered.group("no") else EXCLUSION
        return _read_as_answered(answered.group("question"), section, kind)
    form = _FORM_ANSWER.match(text.strip())
    if form:  # the answer that lets a person in, not the heading, says what the "yes" does
        section = INCLUSION if form.group("answer").lower() == "yes" else EXCLUSION
        return _read_as_answered(form.group("question"), section, kind)
    if _ANSWER.search(text):  # an answer that says more than that: the team reads it
        return Review(topic="uncertain_reading", source=text[:200])
    sections = _by_inner_headings(text, kind)
    if sections is not None:
        return sections
    if limited_rule.deleted(text):  # "[criterion deleted in Amendment 2]": binds no one
        return Review(topic="other", source=text[:200])
    mine = _patients_part(text)
    if mine is not None:  # "Controls: EDSS > 0; Patients: EDSS > 6.5": the patients' rule
        return (
            parse_criterion(mine, kind)
            if mine.strip()
            else Review(topic="other", source=text[:200])
        )
    label = limited_rule.scope_label(text)
    if label and limited_rule.scope_label(text[label.end() :].split(";", 1)[-1]) is not None:
        # "Cohort 1: SPMS, EDSS 3.0-6.0; Cohort 2: SPMS, EDSS 6.5": every way in, each cohort
        # read on its own; a person fits when one cohort's rule holds, and is barred only when
        # every cohort's bar applies (which cohort they would join is not known)
        parts = [p.strip() for p in text.split(";") if p.strip()]
        labels = [limited_rule.scope_label(p) for p in parts]
        if len(parts) > 1 and all(labels):
            trees = [parse_criterion(p[m.end() :], kind) for p, m in zip(parts, labels)]
            # (not "Adolescent cohort: 12 to 17; ...": there the label says what the number is)
            if all(any(not isinstance(x, Review) for x, _ in t.leaves()) for t in trees):
                return Any_(trees) if kind == INCLUSION else All(trees)
        label = None  # "Adolescent cohort: 12 to 17; adult cohort: 18 to 55": every way in
    if label and limited_rule.for_everyone(label.group(0)):
        # "For all participants, regardless of cohort or country: ...": the rule, for everyone
        return parse_criterion(" " * label.end() + text[label.end() :], kind)
    if label:  # "Cohort B only: ...", "At US sites: ...": for people the profile cannot tell
        return Review(topic="other", source=text[:200])
    cells = _by_cells(text, kind)
    if cells is not None:
        return cells
    parts = _NEXT_SENTENCE.split(text) if kind == EXCLUSION else []
    if len(parts) > 1 and any(
        _REQUIREMENT_STATED.match(p) and not _BARRING_WORDS.search(p) for p in parts
    ):
        # "A diagnosis of MS must have been established at least 1 year before screening; a
        # shorter disease duration renders the patient ineligible": the requirement its own
        # sentence states, each sentence read on its own, any of them a bar
        trees, meanings = [], []
        for p in filter(str.strip, parts):
            tree = parse_criterion(p, kind)
            meaning = _meaning(tree.to_json())
            if meaning not in meanings:  # the same rule said twice ("Treatment-naive
                trees.append(tree)  # participants. Participants must have received a DMT.")
                meanings.append(meaning)
        return trees[0] if len(trees) == 1 else Any_(trees)
    if kind == EXCLUSION and _REQUIREMENT_STATED.match(text) and not _BARRING_WORDS.search(text):
        # "The study will enrol only participants who have never been treated with ...", under
        # the Exclusion heading: a requirement, read as one, then turned over
        tree = parse_criterion(text, INCLUSION)
        return tree if isinstance(tree, Review) else Not(tree)
    unmet = _REQUIREMENT_UNMET.match(text) if kind == EXCLUSION else None
    if unmet:
        # the requirement the line states, read as one (its head blanked), then turned over
        tree = parse_criterion(" " * unmet.end() + text[unmet.end() :], INCLUSION)
        return (
            Review(topic=tree.topic, source=text[:200]) if isinstance(tree, Review) else Not(tree)
        )
    if _ABOUT_OTHER.match(text) or _ABOUT_THE_STUDY.match(text):
        return Review(topic="other", source=text[:200])
    clause = _OTHER_CLAUSE.search(text)
    if clause and re.search(r"\d", clause.group(0)):
        # their numbers are blanked (positions kept), their words stay for the team to read
        said = re.sub(r"\d", " ", clause.group(0))
        text = text[: clause.start()] + said + text[clause.end() :]
    else:
        clause = None
    cohort = _AGED_COHORT_CLAUSE.search(text)
    if cohort:
        # "Age 18 to 65 years; participants older than 55 must have an EDSS of 6.0 or less": a
        # rule for some of the people, by their age; its numbers bind no one else (blanked,
        # positions kept), and the team reads it
        text = text[: cohort.start()] + re.sub(r"\d", " ", cohort.group(0)) + text[cohort.end() :]
    # "DMT-naive (defined as no DMT in the 24 months before screening)": the definition, with
    # its window, is what the word asks (positions kept)
    text = _NAIVE_DEFINED.sub(lambda m: m.group("body").ljust(len(m.group(0))), text)
    # "Treatment-naive for the last 6 months": naive for a time is no DMT in it (positions kept)
    text = _NAIVE_FOR.sub(_no_dmt_in, text)
    # a definition in brackets says what a word means, not what the person must have: read
    # without it (positions kept), "Relapse (defined as new symptoms lasting > 24 hours in the
    # absence of fever) within 30 days"
    r = Reader(
        _RELAPSE_DEFINED.sub(
            _blank,
            _DEFINITION.sub(
                lambda m: " " * len(m.group(0)),
                # the reason for a rule is no rule: "(older patients are excluded because ...)"
                _RATIONALE.sub(lambda m: " " * len(m.group(0)), text),
            ),
        ),
        kind,
    )
    if clause:
        r.reviews.append("other")
    if cohort:
        r.reviews.append("scope")
    tree = _read_fields(r, text, kind)
    tree = abstain(tree, r)
    tree = leading_negation_reach(tree, r)
    tree = contrast_reach(tree, r)
    if kind == EXCLUSION:
        tree = frame_of_exclusion(tree, r)
    if kind == EXCLUSION and opening_negation(r.norm):
        tree = double_negation(tree, r)
    if kind == EXCLUSION and isinstance(tree, Any_) and _NEITHER_NOR.search(r.norm):
        # "who are neither treatment-naive nor currently on interferon": barred only when both
        # hold, not either
        tree = All(list(tree.items))
    return tree


def _cohorts_as_alternatives(leaves: list[Node]) -> list[Node]:
    """Two limits on one number that no one can meet together ("Adolescent cohort: aged 12 to
    17; adult cohort: aged 18 to 55") are the ways in of different cohorts: either will do."""
    out: list[Node] = []
    done: set[int] = set()
    for i, leaf in enumerate(leaves):
        if i in done:
            continue
        same = [
            j
            for j, other in enumerate(leaves)
            if j > i and type(other) is type(leaf) and isinstance(leaf, _Range)
        ]
        group = [leaf] + [leaves[j] for j in same]
        if len(group) > 1 and all(
            _apart(a, b) for k, a in enumerate(group) for b in group[k + 1 :]
        ):
            out.append(Any_(group))
            done.update(same)
        else:
            out.append(leaf)
    return out


def _branch_of_one_course(leaves: list[Node], r: Reader) -> list[Node]:
    """ "Diagnosis of RRMS; or of SPMS with a relapse in the previous 2 years": what follows
    "with" binds only the course it follows, the last alternative, not the others: RRMS, or
    SPMS in some cases, which the team checks (as "relapsing MS" is read). Read as one, it
    barred every RRMS patient without a relapse.
    Only relapses, which make the course active; "RRMS or SPMS with an EDSS of 3-6" is one
    bound for both."""
    courses = [x for x in leaves if isinstance(x, Subtype) and len(x.yes) > 1]
    if len(courses) != 1:
        return leaves
    course, norm = courses[0], r.norm
    # the course mention (the reader's own) offered as an alternative, with a condition of its own
    branch = next(
        (
            m
            for m in r.found
            if m.label == "SUBTYPE"
            and m.key in course.yes
            and _OR_BEFORE.search(norm[: m.start])
            and _WITH_AFTER.match(norm, m.end)
        ),
        None,
    )
    if branch is None:
        return leaves
    with_end = _WITH_AFTER.match(norm, branch.end).end()
    # the relapse said right after "with" (not "RRMS or SPMS with an EDSS of 2.5 to 6.0 and at
    # least one relapse": what follows a bound for all is for all too)
    after = [
        x
        for x in leaves
        if isinstance(x, Relapses)
        and x.source
        and re.fullmatch(r"[a-z\s]{0,20}", norm[with_end : norm.find(x.source, with_end)])
    ]
    if not after:
        return leaves
    branched = Subtype(
        source=course.source,
        yes=[k for k in course.yes if k != branch.key],
        maybe=[*course.maybe, branch.key],
    )
    return [branched] + [x for x in leaves if x is not course and x not in after]


# "or (of) SPMS with ...", "or secondary progressive MS who have had ...": a course offered as
# the last alternative, with a condition of its own.
_OR_BEFORE = re.compile(
    r"\bor\s+(?:of\s+|with\s+|patients with\s+|those with\s+)?(?:an?\s+)?$", re.I
)
_WITH_AFTER = re.compile(r"\s+(?:with|who (?:have|has|had))\b", re.I)


def _apart(a: _Range, b: _Range) -> bool:
    """Whether no value, or a single one, is within both ranges."""
    lo = max(x for x in (a.min, b.min, float("-inf")) if x is not None)
    hi = min(x for x in (a.max, b.max, float("inf")) if x is not None)
    return lo >= hi


def _read_fields(r: Reader, text: str, kind: str) -> Node:
    if (
        re.search(r"excluded from the [\w\s-]{0,40}portions?", r.norm, re.I)
        or _SUBGROUP.match(r.norm)
        or _SUBGROUP_AFTER.search(r.norm)
    ):
        return Review(topic="scope", source=text[:200])
    for fact in FACTS:
        fact.read(r)

    residual = r.residual()
    reviews = list(dict.fromkeys(r.reviews))
    leftover = leftover_words(residual)
    if leftover and not any(isinstance(x, Contraception) for x in r.leaves):
        for topic in review_topics(" ".join(leftover)) or ["other"]:
            if topic not in reviews:
                reviews.append(topic)
    # Activity that a relapse count is an alternative of ("≥1 relapse or ≥2 new T2 lesions").
    activity = [t for t in ("mri", "activity") if t in reviews]
    if any(isinstance(x, TherapyFailure) for x in r.leaves):
        # "(either ≥1 relapse, a new lesion or EDSS deterioration)" defines failure: already read.
        reviews = [t for t in reviews if t not in ("activity", "mri", "tests")]
    if not r.leaves:
        topics = review_topics(r.norm) or reviews or ["other"]
        return Review(topic=topics[0], source=text[:200])

    leaves: list[Node] = list(r.leaves)
    if kind != EXCLUSION:
        leaves = _cohorts_as_alternatives(_branch_of_one_course(leaves, r))
    # Inclusion: several activity requirements ("≥1 relapse in 12 months, ≥2 in 24 months or a
    # new MRI lesion") are alternatives, not all required.
    relapse_reqs = [x for x in leaves if isinstance(x, Relapses)]
    if (
        kind != EXCLUSION
        and (len(relapse_reqs) > 1 or (relapse_reqs and activity))
        and re.search(
            # not the "or" of "2 or more", a bound of one count
            r"\bor\b(?!\s+(?:more|fewer|less|greater)\b)|"
            r"\b(?:one|1) of\b(?!\s+(?:them|these|those|which)\b)|"
            r"\bany of the following\b|\beither\b",
            r.norm,
            re.I,
        )
    ):  # "At least one of the following relapse criteria: 1. ...; 2. ..."
        group: list[Node] = list(relapse_reqs)
        for topic in activity:  # a failure defined by relapses or lesions keeps both options
            group.append(Review(topic=topic))
            if topic in reviews:
                reviews.remove(topic)
        leaves = [x for x in leaves if not isinstance(x, Relapses)] + [Any_(group)]
    review_leaves: list[Node] = [Review(topic=t) for t in reviews]
    items = leaves + review_leaves
    if len(items) == 1:
        return items[0]
    # "X and unwilling to stop it": only both together exclude.
    conjunctive = re.search(r"\band (unwilling|not willing|unable)\b", r.norm, re.I) or (
        # "Active SPMS, defined as a relapse in the 24 months": the course and what makes it
        # active together, not each alone
        any(isinstance(x, Subtype) for x in leaves) and _COURSE_DEFINED.search(r.norm)
    )
    return Any_(items) if kind == EXCLUSION and not conjunctive else All(items)


# An MS course followed by what it means here: "SPMS, defined as", "active disease (i.e."
_COURSE_DEFINED = re.compile(
    r"\b(?:ms|rrms|spms|ppms|sclerosis|disease|course)\s*[,(]?\s*(?:defined as|i\.e\.?|that is)\b",
    re.I,
)


def structured_criteria(
    min_age: float | None,
    max_age: float | None,
    min_text: str | None,
    max_text: str | None,
    sex: str | None,
) -> list[tuple[str, str, Node]]:
    """Criteria from the record's structured fields: (kind, text, tree) for age and sex."""
    out: list[tuple[str, str, Node]] = []
    if min_age is not None or max_age is not None:
        words = (
            " to ".join(t for t in (min_text, max_text) if t)
            if min_text and max_text
            else (f"{min_text} and older" if min_text else f"up to {max_text}")
        )
        out.append(
            (
                "age",
                f"Age: {words} (from the study's record)",
                Age(min=min_age, max=max_age, source=words),
            )
        )
    if sex in ("FEMALE", "MALE"):
        out.append(
            (
                "sex",
                f"Sex: {sex.lower()} only (from the study's record)",
                Sex(allowed=[sex.lower()], source=sex),
            )
        )
    return out


def soften_alternatives(criteria: list[tuple[str, str, Node]]) -> list[Node]:
    """Trial-level reading: criteria that are options of one another cannot fail on their own.

    - after a lead-in such as "any one of the following:" or "are either", the items that
      follow are options;
    - after a lead-in that limits scope ("... will apply to MRI assessments only:"), the
      items that follow apply only to part of the study;
    - two inclusion criteria that cannot both hold (different MS courses; treatment-naive
      versus previously treated) are two groups of the study.
    Each such criterion T becomes Any(T, Review) (or a plain Review for scope limits), so it
    is met or checked by the team, never failed.
    """
    trees = [tree for _, _, tree in criteria]
    mode: dict[str, str | None] = {}
    for i, (kind, text, tree) in enumerate(criteria):
        state = mode.get(kind)
        if state == "options":
            trees[i] = Any_([tree, Review(topic="alternative")])
        elif state == "scope":
            trees[i] = Review(topic="scope", source=text[:200])
        stripped = text.strip().lower()
        if re.search(
            r"(any one of|one of the following|any of the following|are either|either)\W*$",
            stripped,
        ) or (stripped.endswith(":") and re.search(r"\b(one of|either|any of)\b", stripped)):
            mode[kind] = "options"
        elif stripped.endswith(":") and re.search(
            r"\b(only|portion|apply to|applies to)\b", stripped
        ):
            mode[kind] = "scope"

    def top_leaves(node: Node) -> list[tuple[Leaf, bool]]:
        if isinstance(node, All):
            return [
                pair
                for item in node.items
                if not isinstance(item, Any_)
                for pair in top_leaves(item)
            ]
        if isinstance(node, Not) and isinstance(node.item, Leaf):
            return [(node.item, False)]
        if isinstance(node, Leaf):
            return [(node, True)]
        return []

    inclusion = [i for i, (kind, _, _) in enumerate(criteria) if kind == INCLUSION]

    def required(kind: type, values) -> dict[int, set]:
        """Per inclusion criterion (not already options), the values its top leaf of ``kind``
        requires: the MS courses of a Subtype, the sexes of a Sex."""
        return {
            i: set(values(leaf))
            for i in inclusion
            for leaf, pol in top_leaves(trees[i])
            if isinstance(leaf, kind) and pol and not isinstance(trees[i], Any_)
        }

    def apart(sets: dict[int, set]) -> set[int]:
        """The criteria whose values share none with another's: ways in of different groups."""
        return {a for a in sets if any(not sets[a] & sets[b] for b in sets if b != a)}

    naive = {
        i
        for i in inclusion
        for leaf, pol in top_leaves(trees[i])
        if isinstance(leaf, Therapy) and not pol and "dmt" in leaf.classes
    }
    treated = {
        i
        for i in inclusion
        for leaf, pol in top_leaves(trees[i])
        if isinstance(leaf, Therapy) and pol and not leaf.current and "dmt" in leaf.classes
    }
    groups = apart(required(Subtype, lambda leaf: leaf.yes))
    previously = {
        i
        for i in inclusion
        if i not in naive
        and re.search(
            r"\b(treated previously|previously treated|prior (treatment|dmt)"
            r"|previous (disease|dmt|treatment)|switch\w*)",
            criteria[i][1],
            re.I,
        )
    }
    if naive and (treated or previously):
        groups |= naive | treated | previously
    # "Females aged 18-45 ..." and "Males aged 18-60 ...": one way in for each sex
    groups |= apart(required(Sex, lambda leaf: leaf.allowed))
    for i in groups:
        trees[i] = Any_([trees[i], Review(topic="alternative")])
    return trees
