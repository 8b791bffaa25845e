"""The built criteria probes (tests/gold/criteria_probes.yml) and their benchmark.

The probes were written by a writer who saw neither the parser nor the shipped trials; a third
is held out by a fixed rule. These tests check the file's shape and hold the parser to what
was measured: false not_met (a patient who fits, told they don't) may only go down.
"""

from __future__ import annotations

import pytest

from benchmarks.criteria_accuracy import FIELDS, class_key
from trials_db.lexicon import load as load_lexicon
from benchmarks.criteria_probes import held_out_ids, load_probes, score

CLASSES = set(load_lexicon().classes)

# Measured on all 260 probes (2026-12-04), totals only.
MOST_FALSE_NOT_MET = 3  # 5 when first scored; 3 after the fixes made on the dev part
LEAST_PRECISION, LEAST_RECALL = 0.89, 0.73


@pytest.mark.parametrize(
    "name, least",
    [
        ("probes", 250),
        ("probes2", 200),
        ("probes3", 160),
        ("probes4", 160),
        ("probes5", 160),
        ("probes6", 160),
        ("probes7", 160),
        ("probes8", 160),
        ("probes9", 160),
        ("probes10", 160),
        ("probes11", 160),
        ("probes12", 160),
        ("probes13", 160),
        ("probes14", 160),
        ("probes15", 160),
        ("probes16", 160),
        ("probes17", 160),
        ("probes18", 160),
        ("probes19", 160),
        ("probes20", 160),
        ("probes21", 160),
        ("probes22", 160),
        ("probes23", 160),
        ("probes24", 160),
        ("probes25", 160),
        ("probes26", 160),
        ("probes27", 160),
        ("probes28", 160),
        ("probes29", 160),
        ("probes30", 160),
        ("probes31", 160),
        ("probes32", 160),
        ("probes33", 160),
        ("probes34", 160),
        ("probes35", 160),
        ("probes36", 160),
        ("probes37", 160),
        ("probes38", 160),
        ("probes39", 160),
        ("probes40", 160),
        ("probes41", 160),
        ("probes42", 160),
        ("probes43", 160),
        ("probes44", 160),
        ("probes45", 160),
        ("probes46", 160),
        ("probes47", 160),
        ("probes48", 160),
        ("probes49", 160),
        ("probes50", 160),
        ("probes51", 160),
        ("probes52", 160),
        ("probes53", 160),
        ("probes54", 160),
        ("probes55", 160),
        ("probes56", 160),
        ("probes57", 160),
        ("probes58", 160),
        ("probes59", 160),
        ("probes60", 160),
        ("probes61", 160),
        ("probes62", 160),
        ("probes63", 160),
    ],
)
def test_the_probes_are_well_formed_and_a_third_is_held_out(name, least):
    probes = load_probes(part="all", name=name)
    assert len(probes) >= least
    assert len({p["id"] for p in probes}) == len(probes)
    for p in probes:
        assert p["section"] in ("inclusion", "exclusion"), p["id"]
        for r in p.get("readings") or []:
            assert r["field"] in FIELDS, p["id"]
            assert r["polarity"] in ("requires", "excludes"), p["id"]
            for cls in r.get("classes") or []:  # a class the scorer cannot widen reads as no drug
                assert class_key(cls) in CLASSES, (p["id"], cls)
    held = held_out_ids(probes)
    assert len(held) == len(probes) // 3
    parts = [load_probes(part=part, name=name) for part in ("dev", "held_out")]
    assert len(parts[0]) + len(parts[1]) == len(probes)


def test_the_parser_reads_the_probes_at_least_as_well_as_measured():
    overall = score(part="all")["overall"]
    assert overall["false_not_met"] <= MOST_FALSE_NOT_MET
    assert overall["precision"] >= LEAST_PRECISION
    assert overall["recall"] >= LEAST_RECALL


# Each later probe set's floor, scored on all of it: (most false not_met, least precision, least
# recall). The comment above each says what the set holds and how it was first scored.
PROBE_FLOORS = {
    # criteria_probes2.yml, first scored all 200 before any change: precision .864, recall .588,
    # 0 false not_met of 152 (1 more once an adult age is known)
    "probes2": (0, 0.86, 0.58),
    # criteria_probes3.yml, first scored all 160 at the end of the session that wrote it, before
    # any change made for it: precision .855, recall .699, 3 false not_met of 103
    "probes3": (3, 0.85, 0.69),
    # criteria_probes4.yml, first scored all 160 at the start of the session that wrote it,
    # before any change made for it: precision .878, recall .777, 1 false not_met of 101
    "probes4": (1, 0.87, 0.77),
    # criteria_probes5.yml, first scored all 160 at the start of the session that wrote it,
    # before any change made for it: precision .915, recall .713, 0 false not_met of 110
    "probes5": (0, 0.91, 0.71),
    # criteria_probes6.yml, first scored all 160 at the start of the session that wrote it,
    # before any change made for it: precision .824, recall .560, 1 false not_met of 87; .947,
    # .651 and 0 once a negated list head denied its items (and with the two sides of an
    # exclusion's range scored as the one range it requires)
    "probes6": (0, 0.94, 0.64),
    # criteria_probes7.yml, written in the same session as probes6 and first scored all 160 at
    # its end, after every change of that session and none made for it: precision .865, recall
    # .722, 3 false not_met of 95 (all three in the held-out part, not looked at)
    "probes7": (3, 0.86, 0.72),
    # criteria_probes9.yml, written in the same session as probes8 and first scored all 160 at
    # its end, after every change of that session and none made for it: precision .973, recall
    # .802, 1 false not_met of 110 (in the held-out part, not looked at)
    "probes9": (1, 0.97, 0.8),
    # criteria_probes10.yml (cohorts, time since events, doses, other medicines, lifetime bars,
    # response definitions, relapse-count alternatives, men and age edges), written 2026-12-05
    # and first scored all 160 before any change made for it: precision .805, recall .667, 2
    # false not_met of 74. The dev part after the changes it showed: .865, .750, 0 (from .826,
    # .633, 2); .873, .800, 0 once "never exposed", "the last dose of X ... prior to first
    # study dose" and the S1P class's chemical name were read. Its held-out part, scored once
    # at the end of the session, totals only: .781, .758, 0; all 160: .839, .785, 0.
    "probes10": (0, 0.835, 0.78),
    # criteria_probes11.yml (plans, study partners, other scales, current or prior use, label
    # and region, sub-items, absences under inclusion, units), written in the same session as
    # probes10 and first scored all 160 at its end, after every change of that session and
    # none made for it: precision .908, recall .683, 1 false not_met of 80 (in the held-out
    # part, not looked at). All 160 after the next session's changes on its dev part (a
    # caregiver's or guardian's criterion left to the team, a drug taken now at a stable dose,
    # free of a drug for a time): .949, .743, 1.
    "probes11": (1, 0.945, 0.74),
    # criteria_probes12.yml (subgroup rules, cross references, relapse-free periods, trial
    # drugs, steroid routes, EDSS timing, age and sex phrasings, therapy counts), written
    # 2026-12-05 (tenth session) and first scored all 160 before any change made for it:
    # precision .939, recall .795, 0 false not_met (held-out part .950, .792, 0). After the
    # changes its dev part showed: all .959, .897, 0 (held-out part, totals only: .952, .833, 0).
    "probes12": (0, 0.955, 0.89),
    # criteria_probes13.yml (colon and table forms, British spelling, long compound sentences,
    # investigator judgement, pregnancy tests and contraception, days and weeks, MS type with
    # activity, odd drug names), written in the same session and first scored all 160 at its
    # end, after every change and none made for it: precision .897, recall .753, 1 false not_met
    # of 115 (in the held-out part, not looked at); the dev part .901, .788, 0. .896, .747, 1
    # once a sex word heading a fertility rule ("Women, aged 18 to 45, must use contraception")
    # was no longer read as "women only".
    "probes13": (1, 0.89, 0.745),
    # criteria_probes14.yml (negated exclusions, per-item windows, symbols and numbers, either/or,
    # timing of assessment, prior trials and investigational drugs, definitions in brackets, sex
    # and age edge cases), written 2026-12-05 (eleventh session) and first scored all 160 before
    # any change made for it: precision .952, recall .797, 2 false not_met (both in the
    # held-out part, not looked at); dev part .986, .793, 0. After the changes its dev part
    # showed (semicolon lists with their own times, stable on one of a list, a least then a
    # most, bracketed definitions): all .954, .845, 2; dev .988, .870, 0.
    "probes14": (2, 0.95, 0.84),
    # criteria_probes15.yml (MS abbreviations, MRI and biomarker traps, exceptions, steroid
    # forms, therapy counts and failures, EDSS with functional systems, ages in other units,
    # washout tables), written in the same session and first scored all 160 at its end, after
    # every change and none made for it: precision .910, recall .617, 1 false not_met of 90
    # (dev part .911, .622, 1). .923, .626, 0 once an age in months ("Children aged less than
    # 24 months", its false not_met) was no longer read in years.
    "probes15": (0, 0.92, 0.62),
    # criteria_probes16.yml (nested sub-bullets, prior trials, relapse-free periods, EDSS
    # change, therapy counts, "whichever is longer" washouts, age and sex together, negation
    # scope traps), written at the start of the next session (2026-12-05, twelfth) and first
    # scored all 160 before any change: precision .882, recall .678, 3 false not_met of 90.
    # .922, .777, 2 at that session's end (the 2 left are in the held-out part, not looked at).
    "probes16": (2, 0.92, 0.77),
    # criteria_probes17.yml (partners and contraception, other demyelinating diseases,
    # diagnosis dates, steroid windows, drug classes by mechanism, relative clauses, translated
    # protocols, signs and units), written in the same session and first scored all 160 at its
    # end, after every change and none made for it: precision .850, recall .744, 1 false
    # not_met of 109 (in its dev part). .858, .752, 0 once a footnote mark after a short unit
    # ("Steroids within 4 wks.¹", its false not_met) no longer hid the window.
    "probes17": (0, 0.85, 0.75),
    # criteria_probes18.yml (treatment-naive wording, and/or, abbreviated drug names, inclusive
    # and exclusive bounds, performance-test and infection traps, stable doses, legacy format),
    # written at the start of the next session and first scored all 160 before any change:
    # precision .883, recall .771, 1 false not_met of 98. .927, .856, 1 once its dev part was
    # worked on (the false not_met is in its held-out part, not looked at).
    "probes18": (1, 0.92, 0.85),
    # criteria_probes19.yml (lactation and postpartum, onset against current age, shared
    # trailing windows, screening and baseline timing, failure definitions, intolerance, plain
    # language protocols, mixed-field sentences), written in the same session and first scored
    # all 160 at its end, after every change and none made for it: precision .901, recall .773,
    # 0 false not_met of 107.
    "probes19": (0, 0.9, 0.77),
    # criteria_probes20.yml (conditional criteria, nested brackets, cross references, disease
    # activity, diagnostic criteria versions, EDSS and functional systems, washout lists, ages
    # at time points), written at the start of the fourteenth session and scored all 160 before
    # any change: precision .881, recall .645, 1 false not_met; after it .909, .870, 1 (in the
    # held-out part, which was not looked at).
    "probes20": (1, 0.9, 0.86),
    # criteria_probes21.yml (legacy wording, negative inclusions, relapse windows in months and
    # days, contraception and pregnancy tests, vaccines and infections, prior trials, drug
    # classes and mechanisms, mixed-field sentences), written in the same session and first
    # scored all 160 at its end, after every change and none made for it: precision .946,
    # recall .789, 0 false not_met of 85.
    # .949, .842, 0 after the next session's work on its dev part (held-out part: .973, .900)
    "probes21": (0, 0.945, 0.84),
    # criteria_probes22.yml (relapse definitions, table rows, functional systems, children,
    # "unless" exceptions, lab values, pregnancy plans, failed-therapy counts), written at the
    # start of the fifteenth session and scored all 160 before any change: precision .918,
    # recall .776, 3 false not_met; after it .943, .853, 1 (in the held-out part, scored once
    # at the end: .892, .805, 1). On 2026-12-08 (thirty-sixth) the rewrite of relapse counts
    # written with a sign ("Relapses ≥ 2 in the last 24 months") changed one reading of its
    # held-out third from right to wrong (.961, .853 -> .951, .845, false not_met unchanged, 0);
    # that third stays unread, so the floor says what was measured.
    "probes22": (1, 0.945, 0.84),
    # criteria_probes23.yml (investigator discretion, anchor points, diagnostic criteria
    # versions, abbreviations, several sentences, steroid windows, relapse or MRI activity,
    # sex-specific wording), written in the same session and first scored all 160 at its end,
    # after every change and none made for it: precision .908, recall .798, 1 false not_met of 99;
    # .929, .847, 0 in the next session (its one false not_met, "One relapse or fewer" listed as
    # an exclusion, was in the dev part).
    "probes23": (0, 0.92, 0.84),
    # criteria_probes24.yml (open-label extensions, active and non-active progressive MS, range
    # punctuation, weight and vitals traps, combined relapse counts, stable DMT durations, other
    # scales, double negatives), written at the start of the session of 2026-12-06 and first
    # scored all 160 before any change: precision .875, recall .733, 2 false not_met; after
    # that session's changes .916, .829, 0 (held-out part .912, .756, 0).
    "probes24": (0, 0.91, 0.82),
    # criteria_probes25.yml (contrasts, footnote marks, age at onset, B-cell depletion wording,
    # contraception specifics, relapses during screening, stem cells and irradiation, number
    # words), written in the same session and first scored all 160 at its end, after every
    # change and none made for it: precision .831, recall .793, 0 false not_met of 70.
    # After the next session's changes (2026-12-06, eighteenth): .887, .816, 0.
    "probes25": (0, 0.88, 0.81),
    # criteria_probes26.yml (future and hypothetical wording, "unless" exceptions, washouts in
    # weeks, days and half-lives, ages written many ways, relapse counts with windows, failure
    # versus intolerance, sex and pregnancy traps, EDSS subscores and other numbers), written at
    # the start of the session of 2026-12-06 (eighteenth) and first scored all 160 before any
    # change: precision .894, recall .778, 0 false not_met of 90; after that session's changes
    # .928, .833, 0.
    "probes26": (0, 0.92, 0.83),
    # criteria_probes27.yml (British spelling, paediatric trials, lettered sub-items under a list
    # head, either/or, "documented" and "history of", naive to named drugs, look-alike diseases,
    # several rules in one sentence), written in the same session and first scored all 160 at
    # its end, after every change and none made for it: precision .925, recall .780, 3 false
    # not_met of 107 (MS type 1, therapy 2): a floor, not a target.
    "probes27": (3, 0.92, 0.78),
    # criteria_probes28.yml (concurrent versus prior use, EDSS bounds written many ways, list
    # heads, "No ..." under Exclusion, MS types spelled many ways, brands and classes, pregnancy
    # and sex, ages), written at the start of the session of 2026-12-06 (nineteenth) and first
    # scored all 160 before any change: precision .935, recall .772, 2 false not_met of 121;
    # after that session's changes .976, .819, 0; .968, .819, 0 after the twenty-fourth
    # session's (one more therapy reading, in the held-out third, which I did not look at: dev
    # part unchanged); .961, .826, 0 after the thirty-first session's (an exclusion's sentences
    # each read as a bar: one more right and one more wrong therapy reading, again in the
    # held-out third, not looked at; dev part unchanged, and the rule adds recall elsewhere).
    "probes28": (0, 0.96, 0.81),
    # criteria_probes29.yml (permissions and exceptions, relapse-free periods, failure versus
    # intolerance, disease duration, investigator judgement, washouts, pregnancy and lactation,
    # several facts in one sentence), written in the same session and first scored all 160 at
    # its end, after every change and none made for it: precision .960, recall .874, 0 false
    # not_met of 72.
    # (.952 precision since the session of 2026-12-06 (twenty-first) read "Prior treatment with
    # alemtuzumab (ever), cladribine (ever) or an anti-CD20 antibody (within 12 months)" as a
    # table, one reading per row where the writer grouped two rows: a scoring artifact)
    "probes29": (0, 0.95, 0.87),
    # criteria_probes30.yml (several rules in one sentence, EDSS written many ways, MS types
    # with McDonald versions, "No/Absence/Lack/Inability" under Exclusion, brands and washouts
    # in days and weeks, sex and contraception, ages), written at the start of the session of
    # 2026-12-06 (twentieth) and first scored all 160 before any change: precision .947, recall
    # .772, 0 false not_met of 115; after that session's changes .955, .790, 0.
    "probes30": (0, 0.95, 0.79),
    # criteria_probes31.yml (relapse windows with MRI alternatives, failure definitions,
    # progressive MS with or without activity, disease duration, pregnancy and lactation,
    # steroids and investigational drugs, history versus now and other people), written in the
    # same session and first scored all 160 at its end, after every change and none made for
    # it: precision .821, recall .774, 1 false not_met of 99 (MS type): a floor, not a target;
    # .856, .815, 0 once a course an exclusion lets in, "responded inadequately" and a failure
    # count "no more than one" beside naive were read (next session).
    "probes31": (0, 0.85, 0.81),
    # criteria_probes32.yml (washout tables, class words, bounds wording, negations under
    # Exclusion, mixed lines), written at the start of the session of 2026-12-06 (twenty-first)
    # and first scored all 160 before any change: precision .956, recall .712, 0 false not_met
    # of 114; .928, .843, 0 once washout tables without a head were read (each row its own
    # reading, so rows the writer grouped by time count as extra: a scoring artifact).
    "probes32": (0, 0.92, 0.84),
    # criteria_probes33.yml (lettered sub-lists, history versus now, MS type wording, disease
    # duration and onset, pregnancy and sex), written in the same session and first scored all
    # 160 at its end, after every change and none made for it: precision .898, recall .767, 0
    # false not_met of 109: a floor, not a target.
    "probes33": (0, 0.89, 0.76),
    # criteria_probes34.yml (failure and response wording, prior/current/washout in prose,
    # steroids and relapses, "No ..." lines under both headings, mixed lines and numbers that
    # are not the fact), written at the start of the session of 2026-12-06 (twenty-second) and
    # first scored all 160 before any change: precision .902, recall .678, 0 false not_met of
    # 114; .922, .718, 0 once a permission with its washout, local steroids let in by a
    # bracket, "steroid-free for", "loss of efficacy" and "18-50 years (inclusive)" were read.
    "probes34": (0, 0.91, 0.71),
    # criteria_probes35.yml (age and sex wording, EDSS wording, MS type with modifiers and
    # doubt, disease duration and onset, pregnancy, breastfeeding and contraception), written in
    # the same session and first scored all 160 at its end, after every change and none made for
    # it: precision .833, recall .820, 2 false not_met of 99 (age, MS type): a floor, not a
    # target; .869, .828, 0 as a dev set the next session, once a clause for the people of some
    # age and "MS of any course, including CIS" were read.
    "probes35": (0, 0.86, 0.82),
    # criteria_probes36.yml (washouts in many shapes, relapse windows and counts, "No ..." lines
    # under both headings, EDSS formats, lines with several facts), written at the start of the
    # session of 2026-12-06 (twenty-third) and first scored all 160 before any change:
    # precision .922, recall .729, 1 false not_met; .928, .738, 0 once "none of the following
    # ...:" with its items on the same line, a window per drug and "neither X nor Y at any
    # time" were read.
    "probes36": (0, 0.92, 0.73),
    # criteria_probes37.yml (MS type with negation, doubt and contrast, prior versus current
    # use, pregnancy and contraception, disease duration and onset, prose and inline numbered
    # lists), written in the same session and first scored all 160 at its end, after every
    # change and none made for it: precision .867, recall .668, 1 false not_met of 116 (MS
    # type): a floor, not a target.
    "probes37": (1, 0.86, 0.66),
    # criteria_probes38.yml (age and sex limits, EDSS with conditions, washout tables and
    # classes, relapse-free periods and steroids, old CT.gov style), written at the start of the
    # session of 2026-12-06 (twenty-fourth) and first scored all 160 before any change:
    # precision .939, recall .755, 2 false not_met (steroids, therapy); .956, .798, 0 once "within
    # the month prior", "patients who have NOT been treated with", a washout for those
    # previously treated, "naive, or off all DMT for N" and per-group times were read.
    "probes38": (0, 0.95, 0.79),
    # criteria_probes39.yml (negation and doubt across fields, pregnancy and lactation, therapy
    # failure, disease duration and diagnosis, lines with several facts), written in the same
    # session and first scored all 160 at its end, after every change and none made for it:
    # precision .879, recall .685, 2 false not_met of 102 (MS type): a floor, not a target.
    # Worked on in the next session as a dev set: .913, .705, 0 once a bar said after its facts
    # in an inclusion ("... cannot take part") and a permission said after them ("... are not
    # excluded") were read.
    "probes39": (0, 0.91, 0.70),
    # criteria_probes40.yml (unless, except and provided that; symbols and abbreviations;
    # relapse activity definitions; current and stable therapy; lines with three facts), written
    # at the start of the session of 2026-12-06 (twenty-fifth) and first scored all 160 before
    # any change: precision .962, recall .778, 1 false not_met (steroids, "≤30 d"); .964, .820,
    # 0 once "d" for days, "pts ≥18 & ≤45 yrs", a range of relapse counts and a "final
    # infusion took place" washout exception were read.
    "probes40": (0, 0.96, 0.81),
    # criteria_probes41.yml (MS types with qualifiers, cross-referenced lines, steroid and ACTH
    # details, children and older adults, plain-language recruitment text), written in the same
    # session and first scored all 160 at its end, after every change and none made for it:
    # precision .787, recall .624, 3 false not_met of 79 (MS type, disease duration, relapses):
    # a floor, not a target. Worked on in the next session as a dev set: .831, .634, 0 once
    # "not yet" denied what follows it, a bound said after its time ("MS for 10 years or
    # less") and a question read by its answer ("...? If yes, you can't join yet") were read.
    "probes41": (0, 0.83, 0.63),
    # criteria_probes42.yml (per-drug washout lines, time on the current therapy, walking and
    # EDSS anchors, pregnancy, contraception and lactation, inline numbered and joined lists),
    # written at the start of the session of 2026-12-06 (twenty-sixth) and first scored all 160
    # before any change: precision .919, recall .673, 2 false not_met (EDSS, therapy, both from
    # a heading inside a line); .935, .685, 0 once such a heading set the section of what
    # follows it.
    "probes42": (0, 0.93, 0.68),
    # criteria_probes43.yml (diagnostic criteria versions, age or EDSS by subgroup, failure
    # definitions, timing anchors, biosimilars, generics and old brands), written in the same
    # session and first scored all 160 at its end, after every change and none made for it:
    # precision .911, recall .686, 1 false not_met of 87 (MS type): a floor, not a target.
    "probes43": (1, 0.91, 0.68),
    # criteria_probes44.yml (lab rules beside profile facts, defined terms and abbreviations,
    # semicolons and "and/or", administrative lines, relapse definitions and qualified windows),
    # written at the start of the session of 2026-12-06 (twenty-seventh) and first scored all
    # 160 before any change: precision .937, recall .770, 0 false not_met; .954, .763 once a
    # relapse said of the last course ("RRMS; or SPMS with a relapse") bound only it (in maybe,
    # as "relapsing MS" is read, which the gold writes as [RRMS, SPMS]) and a lab rule "in
    # patients previously treated with X" was no need for X.
    "probes44": (0, 0.95, 0.76),
    # criteria_probes45.yml (sex and reproductive status, exception words, flattened tables,
    # progression definitions, units and typography), written in the same session and first
    # scored all 160 at its end, after every change and none made for it: precision .835,
    # recall .627, 5 false not_met of 97 (the same on the code before the session): a floor,
    # not a target. Worked on in the next session as a dev set: .892, .665, 0 once key-value
    # cells ("Prior DMT: none"), UK shorthand windows ("4/52") and "a fortnight" were read.
    "probes45": (0, 0.89, 0.66),
    # criteria_probes46.yml (footnotes and asterisks, neither/nor and without, doses, routes and
    # regimens, population descriptions, label and regulatory references), written at the
    # start of the session of 2026-12-07 (twenty-eighth) and first scored all 160 before any
    # change: precision .868, recall .702, 4 false not_met of 100; .922, .718, 1 (in its
    # held-out third, not read) once a footnote's exception, a line about the study, a
    # requirement under the Exclusion heading and "neither ... nor" there were read.
    "probes46": (1, 0.92, 0.71),
    # criteria_probes47.yml (immune therapies beyond DMTs, age phrasing, wrapped and broken
    # lines, relapse recovery and stability, compound type-EDSS-relapse lines), written in the
    # same session and first scored all 160 at its end, after every change and none made for
    # it: precision .924, recall .756, 1 false not_met of 94 (the same on the code before the
    # session): a floor, not a target. Worked on in the next session as a dev set: .931, .762,
    # 0 once a heading on its own line inside an item turned what follows.
    "probes47": (0, 0.93, 0.76),
    # criteria_probes48.yml (at-least-one-of lists, cross-references, documentation and
    # evidence, numbers that are no profile facts, explanatory and rationale text), written at
    # the start of the session of 2026-12-07 (twenty-ninth) and first scored all 160 before any
    # change: precision .848, recall .812, 1 false not_met of 107; .862, .826, 0 once a bar on
    # not meeting a stated requirement and a rule's reason were read.
    "probes48": (0, 0.86, 0.82),
    # criteria_probes49.yml (windows anchored to other events, site, cohort and amendment
    # rules, other demyelinating conditions, numbers in words, treatment sequences and
    # switches), written in the same session and first scored all 160 at its end, after every
    # change and none made for it: precision .820, recall .568, 0 false not_met of 69 (the
    # same on the code before the session): a floor, not a target. Worked on in the next session
    # as a dev set: .900, .614, 0 once deleted criteria, cohort and site labels, counts in
    # brackets and numbers with a half were read.
    "probes49": (0, 0.9, 0.61),
    # criteria_probes50.yml (conditional requirements, per-drug windows, MS type abbreviations
    # and activity, negatively phrased inclusions, disease activity definitions), written at the
    # start of the session of 2026-12-07 (thirtieth) and first scored all 160 before any
    # change: precision .858, recall .620, 2 false not_met of 104; .879, .614, 0 once windows
    # given "respectively", "failure to have received" and a worsening "in the absence of
    # relapses" were left to the team.
    "probes50": (0, 0.87, 0.61),
    # criteria_probes51.yml (drug classes named by mechanism, and/or combinations, EDSS
    # phrasings, disease duration phrasings, inline labels), written in the same session and
    # first scored all 160 at its end, after every change and none made for it: precision .893,
    # recall .697, 2 false not_met of 115 (the code before the session: .894, .710, 2). Worked on
    # in the next session as a dev set (its held-out third still unread): .900, .697, 1 once
    # "Label: none for N months" was left to the team.
    "probes51": (1, 0.9, 0.69),
    # criteria_probes52.yml (drug abbreviations and codes, stopping and switching verbs,
    # calendar-period windows, criteria in several sentences, patient report and clinician
    # judgement), written at the start of the session of 2026-12-07 (thirty-first) and first
    # scored all 160 before any change: precision .875, recall .611, 0 false not_met of 87;
    # .923, .667, 0 once drug codes, abbreviations defined as something else, "N calendar
    # months", "N-month period", pseudo-relapses and an exclusion's sentences were read.
    "probes52": (0, 0.92, 0.66),
    # criteria_probes53.yml (pregnancy and lactation timing, steroid windows by purpose,
    # relapse-free and stability periods, nested brackets and lettered lists, age and sex
    # combined), written in the same session and first scored all 160 at its end, after every
    # change and none made for it: precision .920 (.9195), recall .696, 2 false not_met of 76 (the
    # same on the code before the session): a floor, not a target. Worked on in the next
    # session as a dev set (its held-out third still unread): .931, .704, 1 once "..., and off
    # all DMT for N", a sex said not eligible and bounds said with a denial were read.
    "probes53": (1, 0.93, 0.7),
    # criteria_probes54.yml (bound words, therapy tense and aspect, relapse counts over several
    # windows, functional systems beside the EDSS, sex words that define no population), written
    # at the start of the session of 2026-12-07 (thirty-second) and first scored all 160 before
    # any change: precision .891, recall .642, 6 false not_met of 110; .930, .721, 2 once a sex
    # said not to be eligible, a window past another fact, bounds said with a denial ("no fewer
    # than"), "from Day -60 to Day -1", "and none in the last 30 days" and a cap inside a count
    # ("of which no more than one") were read.
    "probes54": (2, 0.92, 0.72),
    # criteria_probes55.yml (absence, lack and inability; combination and add-on therapy; typos;
    # phrasing translated from other languages; preceding and leading-up windows), written in
    # the same session, none of its items looked at and no change made for it; scored all 160
    # after the session's first batch of changes and again at its end, after every change:
    # precision .856, recall .510, 5 false not_met of 119 both times (the same on the code
    # before the session): a floor, not a target. Worked on in the next session as a dev set
    # (its held-out third still unread): .902, .550, 1 once "devoid of", "free from" and "not
    # later than N before" were read.
    "probes55": (1, 0.9, 0.54),
    # criteria_probes56.yml (modal and legal phrasing, relative-clause heads, "whichever is
    # longer" windows, ages at onset and diagnosis, treatment-naive and -experienced), written
    # at the start of the session of 2026-12-07 (thirty-third) and first scored all 160 before
    # any change: precision .916, recall .702, 2 false not_met of 95; .937, .718, 1 once a
    # requirement in its own sentence under Exclusion, "is not a barrier" and a naive word
    # defined by a window were read.
    "probes56": (1, 0.93, 0.71),
    # criteria_probes57.yml (examples and "such as" lists, older terminology, counts of prior
    # therapies, intervals from an event, reasons for stopping), written in the same session,
    # none of its items looked at and no change made for it; scored all 160 at its end, after
    # every change: precision .946, recall .680, 0 false not_met of 80 (the same on the code
    # before the session): a floor, not a target. Worked on in the next session as a dev set
    # (its held-out third still unread): .962, .738, 0 once "secondary chronic progressive",
    # "copolymer-1", "Campath-1H" and "at least 6 months since the most recent relapse" were
    # read.
    "probes57": (0, 0.96, 0.73),
    # criteria_probes58.yml (inclusive and exclusive bounds, course modifiers, exposures that
    # are no DMT beside DMTs, the investigator's judgement, several windows in one line),
    # written at the start of the session of 2026-12-07 (thirty-fourth) and first scored all
    # 160 before any change: precision .817, recall .671, 5 false not_met of 119; .899, .769, 1
    # (in its unread held-out third) once a vaccine's time, a drug that only marks when, each
    # clause's own time, "relapsing or progressive MS", "one relapse or under" and "strictly"
    # were read.
    "probes58": (1, 0.89, 0.76),
    # criteria_probes59.yml (screening and baseline anchors, contraception and pregnancy
    # durations, EDSS with functional systems and walking, "or" between different facts,
    # negated heads and lists), written in the same session, none of its items looked at and no
    # change made for it; scored all 160 at its end, after every change: precision .900, recall
    # .667, 2 false not_met of 93 (.899, .659, 2 on the code before the session): a floor, not
    # a target. Worked on in the next session as a dev set (its held-out third still unread): 0
    # false not_met in its dev part, with no change made for it.
    "probes59": (2, 0.89, 0.66),
    # criteria_probes60.yml (tick-box and question forms, hedged numbers, spelling variants, the
    # course with its onset and transition, lines for two cohorts), written at the start of the
    # session of 2026-12-07 (thirty-fifth) and first scored all 160 before any change: precision
    # .781, recall .654, 2 false not_met; .782, .713, 0 once the course changed to, a form's
    # "answer must be NO to enrol", "gravid", relapse-onset MS and one rule per cohort were read
    # (each cohort's reading is scored as its own leaf, which costs precision).
    "probes60": (0, 0.78, 0.71),
    # criteria_probes61.yml (one line with facts of both polarities, ages at consent and birth
    # dates, escalation and de-escalation, bare noun phrases, past and present status), written
    # in the same session, none of its items looked at and no change made for it; scored all 160
    # at its end, after every change: precision .886, recall .629, 5 false not_met (the same on
    # the code before the session): a floor, not a target. Worked on in the next session as a
    # dev set (its held-out third still unread): .899, .633, 3 (0 in its dev part) once a
    # "treatment-naive" clause of its own and a negative pregnancy test listed as a bar were read.
    "probes61": (3, 0.89, 0.63),
    # criteria_probes62.yml (set and interval notation, lines for healthy controls and carers,
    # earlier trials and investigational drugs, MRI and CSF findings beside the profile's facts,
    # lines that lean on a neighbouring line), written at the start of the session of 2026-12-08
    # (thirty-sixth) and first scored all 160 before any change: precision .806, recall .550, 3
    # false not_met; .880, .629, 0 once set notation, the logic signs, lines and labelled parts
    # for healthy controls, relapse counts with a sign, a count after the score, a person named
    # in a bracket and a closed interval were read (its held-out third still unread).
    "probes62": (0, 0.87, 0.62),
    # criteria_probes63.yml (how severe a relapse was and how it was treated, vaccines and
    # infections beside drug windows, lines for one sex, doses and cumulative exposure,
    # comparative and superlative bounds), written in the same session, none of its items looked
    # at and no change made for it; scored all 160 at its end, after every change: precision
    # .892, recall .623, 0 false not_met (the same on the code before the session): a floor,
    # not a target.
    "probes63": (0, 0.89, 0.62),
}


@pytest.mark.parametrize("name", list(PROBE_FLOORS))
def test_the_parser_reads_each_probe_set_at_least_as_well_as_measured(name):
    most_false_not_met, least_precision, least_recall = PROBE_FLOORS[name]
    overall = score(part="all", name=name)["overall"]
    assert overall["false_not_met"] <= most_false_not_met
    assert overall["precision"] >= least_precision
    assert overall["recall"] >= least_recall


def test_the_parser_reads_the_eighth_probe_sets_dev_part_at_least_as_well_as_measured():
    # criteria_probes8.yml, first scored all 160 at the start of the session that wrote it,
    # before any change made for it: precision .747, recall .694, 9 false not_met of 83. Its dev
    # part: .789, .692, 5 false not_met; .875, .754, 0 once a denial denied ("not
    # treatment-naive", "have not been relapse-free") and a short relapse-free period were read;
    # .949, .862 with ages at onset, signed age ranges, abbreviations and one-unit windows;
    # .951, .892 once an exclusion's sentences were read one by one (2026-12-07, thirty-third:
    # "Prior exposure to B-cell depleting therapy; patients must be naive to ocrelizumab, ..."
    # now reads both sentences, the same bar twice, one of them counted as an extra reading)
    overall = score(part="dev", name="probes8")["overall"]
    assert overall["false_not_met"] == 0
    assert overall["precision"] >= 0.95
    assert overall["recall"] >= 0.85
    # all 160 at the end of that session (its held-out part scored once, totals only: .676,
    # .697, 3 false not_met): .859, .806, 3
    overall = score(part="all", name="probes8")["overall"]
    assert overall["false_not_met"] <= 3
    assert overall["precision"] >= 0.85
    assert overall["recall"] >= 0.8
