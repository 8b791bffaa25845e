"""The scope layer and the abstain rule (trials_db/criteria/scope.py, parser.parse_criterion).

One sentence per case, built to the kinds of wording issue 10 lists: a cue no field rule
interprets makes the reading "the study team will check" (with the reason), never the opposite.
"""

from __future__ import annotations

import pytest

from tests.criteria.reading import abstains, facts
from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import FALSE, REVIEW, TRUE, UNKNOWN, Not, Review
from trials_db.criteria.scope import Cue, read
from trials_db.eligibility import EXCLUSION, GENERAL, INCLUSION
from trials_db.profile import Profile


def cues(text: str) -> dict[str, set[Cue]]:
    r = read(text)
    return {m.text: {c.cue for c in cs} for m, cs in zip(r.mentions, r.cues)}


def reviews(node) -> list[Review]:
    if isinstance(node, Review):
        return [node]
    items = getattr(node, "items", None) or ([node.item] if isinstance(node, Not) else [])
    return [rv for item in items for rv in reviews(item)]


@pytest.mark.parametrize(
    "text, mention, cue",
    [
        ("No pregnant or nursing women", "nursing", Cue.NEGATED),
        ("exacerbation-free for 6 weeks", "exacerbation", Cue.NEGATED),
        ("any form of MS other than relapsing-remitting", "relapsing-remitting", Cue.CONTRAST),
        ("uncertain or unconfirmed MS", "MS", Cue.UNCERTAIN),
        ("planning to become pregnant", "pregnant", Cue.HYPOTHETICAL),
        ("relapses during a previous pregnancy", "relapses", Cue.HISTORICAL),
        ("mother treated with natalizumab", "natalizumab", Cue.OTHER_PERSON),
        ("neutralizing antibodies to interferon beta", "interferon beta", Cue.OTHER_RELATION),
        ("non relapsing MS", "relapsing MS", Cue.NEGATED),
        # built: a willingness to stop, a restriction to "only" some drugs, being a candidate
        # for a drug and why one was stopped are not the profile's facts
        ("willing to discontinue their current DMT", "DMT", Cue.HYPOTHETICAL),
        ("having received only interferon beta", "interferon beta", Cue.CONTRAST),
        ("candidates for treatment with natalizumab", "natalizumab", Cue.OTHER_RELATION),
        ("discontinued fingolimod due to adverse events", "fingolimod", Cue.REASON),
    ],
)
def test_each_cue_covers_the_fact_it_speaks_of(text, mention, cue):
    assert cue in cues(text)[mention]


@pytest.mark.parametrize(
    "text",
    [
        "At least one relapse during the previous 12 months",  # a window, not a past event
        "Women of child-bearing potential who are pregnant",  # "who" ends "potential"
        "EDSS of 3.0 to 6.5 due to MS",  # a cause that is no reason for stopping a drug
    ],
)
def test_no_cue_where_none_applies(text):
    assert all(not c for c in cues(text).values())


def status(text: str, kind: str, **facts) -> int:
    return parse_criterion(text, kind).evaluate(Profile(**facts))


# Issue 10, kind 1: negation, doubt or contrast around an MS type.
@pytest.mark.parametrize(
    "text, kind",
    [
        ("non relapsing MS", INCLUSION),
        # ("any form of MS other than relapsing-remitting" as an exclusion is now read, the
        # contrast interpreted: RRMS kept, other courses barred; test_ms_type.py)
        ("uncertain or unconfirmed MS", EXCLUSION),
        ("relapses during a previous pregnancy", EXCLUSION),
    ],
)
def test_a_person_with_rrms_is_never_failed_on_words_the_rules_do_not_understand(text, kind):
    # (a person with RRMS is not failed by the contrast read either)
    if kind == EXCLUSION:
        other = status("any form of MS other than relapsing-remitting", kind, ms_subtype="RRMS")
        assert other != TRUE
    value = status(text, kind, ms_subtype="RRMS", pregnant=False, months_since_last_relapse=24)
    failed = FALSE if kind != EXCLUSION else TRUE
    assert value != failed
    assert reviews(parse_criterion(text, kind))


# Issue 10, kind 2: "No ..." listed as an exclusion, both directions.
def test_no_recent_relapse_as_an_exclusion_excludes_a_recent_relapse():
    tree = parse_criterion("No relapse in the 30 days before screening", EXCLUSION)
    assert tree.evaluate(Profile(months_since_last_relapse=0.5)) == TRUE  # excluded
    assert tree.evaluate(Profile(months_since_last_relapse=6)) == FALSE  # not excluded
    assert tree.evaluate(Profile()) == UNKNOWN


def test_no_recent_relapse_as_an_inclusion_means_the_same_person_fits():
    tree = parse_criterion("No relapse in the 30 days before screening", INCLUSION)
    assert tree.evaluate(Profile(months_since_last_relapse=0.5)) == FALSE
    assert tree.evaluate(Profile(months_since_last_relapse=6)) == TRUE


def test_another_no_exclusion_is_left_to_the_study_team_with_its_reason():
    tree = parse_criterion("No prior treatment with a disease modifying therapy", EXCLUSION)
    assert tree.evaluate(Profile(prior_therapies=[])) == REVIEW
    assert tree.evaluate(Profile(prior_therapies=["fingolimod"])) == REVIEW
    assert "listed as an exclusion" in reviews(tree)[0].source


# Issue 10, kind 5: negated lists.
def test_not_pregnant_or_nursing_in_a_list_without_headings_is_a_requirement_not_to_be():
    tree = parse_criterion("No pregnant or nursing women", GENERAL)
    assert tree.evaluate(Profile(sex="female", pregnant=False, breastfeeding=False)) == TRUE
    assert tree.evaluate(Profile(sex="female", pregnant=False, breastfeeding=True)) == FALSE


def test_a_negated_pregnancy_inside_an_exclusion_is_not_read_as_a_status():
    text = "Pregnancy, lactation, and those who are not pregnant but unwilling to use contraception"
    tree = parse_criterion(text, EXCLUSION)
    assert tree.evaluate(Profile(sex="female", pregnant=False, breastfeeding=False)) != TRUE


def test_antibodies_to_a_drug_are_not_having_taken_it():
    tree = parse_criterion("antibody-positive to interferon", EXCLUSION)
    assert tree.evaluate(Profile(prior_therapies=["interferon beta-1a"])) != TRUE


def test_a_drug_excepted_by_the_therapy_rule_keeps_the_reading():
    tree = parse_criterion(
        "Taking MS disease modifying treatment other than natalizumab", EXCLUSION
    )
    assert not reviews(tree)
    assert (
        tree.evaluate(Profile(current_therapy="natalizumab", prior_therapies=["natalizumab"]))
        == FALSE
    )


def test_the_reason_names_the_cue_and_the_fact():
    [review] = reviews(parse_criterion("non relapsing MS", INCLUSION))[:1]
    assert (
        review.topic == "uncertain_reading"
        and '"non"' in review.source
        and "relapsing MS" in review.source
    )


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "Treatment with another monoclonal antibody, including but not limited to natalizumab",
            "natalizumab",
        ),
        ("any therapeutic monoclonal antibody, with the exception of natalizumab", "natalizumab"),
        (
            "Conversion treated or not with first line disease modifying therapy",
            "disease modifying therapy",
        ),
    ],
)
def test_cue_words_that_do_not_do_what_they_seem_to(text, mention):
    found = cues(text).get(mention, set())
    assert Cue.NEGATED not in found and Cue.OTHER_RELATION not in found


# A criterion that opens with "No" denies its whole first sentence; ConText's scope stops at
# "who" or after a few words. Built after the robustness benchmark's "No ..." rewrite of the
# dev exclusions: each read the fact as required before the fix (a false not_met for everyone
# who fits).
@pytest.mark.parametrize(
    "text",
    [
        "No female subjects who are currently breastfeeding.",
        "No females that are pregnant or breastfeeding are excluded",
        "No patients who had a relapse 30 days prior to the selected MRI scan date",
        "No experiencing new neurological symptoms, with onset in previous 2 weeks, "
        "attributable to MS relapse",
        "No disease duration of more than 10 years in patients with an EDSS score of 2 or less",
        "No clinical diagnosis: SPMS (Secondary-progressive multiple sclerosis) or PPMS",
    ],
)
def test_a_fact_past_the_reach_of_an_opening_no_is_left_to_the_team(text):
    tree = parse_criterion(text, INCLUSION)
    for leaf, positive in tree.leaves():
        assert isinstance(leaf, Review) or not positive, leaf
    # the reason kept for the team: the opening "No", or a bar said after the fact ("... are
    # excluded", which under Inclusion also turns the fact around)
    assert any(
        "at the start may deny" in rv.source or "(a negation) applies to" in rv.source
        for rv in reviews(tree)
    )


def test_an_opening_no_is_not_stretched_past_its_sentence():
    tree = parse_criterion("No relapse in the last 30 days. EDSS between 2 and 5.5", INCLUSION)
    assert any(type(leaf).__name__ == "Edss" and positive for leaf, positive in tree.leaves())


def test_no_more_than_is_a_bound_not_a_denial():
    tree = parse_criterion(
        "No more than 2 relapses in the last year, patients with RRMS", INCLUSION
    )
    assert not any("at the start may deny" in rv.source for rv in reviews(tree))


# Built after the criteria probes' dev part (each told a patient who fits that they don't).
def test_lack_of_at_the_start_reaches_its_sentence():
    tree = parse_criterion("Lack of prior exposure to at least one approved DMT", EXCLUSION)
    assert all(isinstance(leaf, Review) or not positive for leaf, positive in tree.leaves())


def test_none_of_a_list_after_a_colon_denies_the_list():
    text = "Clinically stable for 30 days prior to screening, meaning none of: relapse, steroid use"
    tree = parse_criterion(text, INCLUSION)
    relapses = [(leaf, pos) for leaf, pos in tree.leaves() if type(leaf).__name__ == "Relapses"]
    assert relapses and all(not positive for _, positive in relapses)


def test_no_relapse_in_a_long_window_listed_as_exclusion_is_left_to_the_team():
    # literally a requirement of disease activity; the "No ..." mistake is sure only for a
    # short stability window
    tree = parse_criterion("No documented relapse within the 24 months before screening", EXCLUSION)
    assert not [leaf for leaf, _ in tree.leaves() if type(leaf).__name__ == "Relapses"]
    short = parse_criterion("No relapse in the 30 days before screening", EXCLUSION)
    assert [leaf for leaf, _ in short.leaves() if type(leaf).__name__ == "Relapses"]


# Built after the third probe set's dev part (each told a patient who fits that they don't).
def test_an_opening_no_after_the_criterions_own_heading_is_still_opening():
    tree = parse_criterion("Prior therapy: No previous alemtuzumab", EXCLUSION)
    assert not [leaf for leaf, positive in tree.leaves() if type(leaf).__name__ == "Therapy"]


def test_an_exception_cut_short_by_a_relative_clause_is_left_to_the_team():
    tree = parse_criterion("Adults of any age except those who are breastfeeding", INCLUSION)
    assert not [leaf for leaf, _ in tree.leaves() if type(leaf).__name__ == "Breastfeeding"]
    assert any("may except" in (leaf.source or "") for leaf, _ in tree.leaves())


@pytest.mark.parametrize(
    "text, kind",
    [
        # built after the third probe set, dev part: a rule for some people and a condition are
        # no requirement nor exclusion of the fact they name
        ("Male patients who plan to father a child during the study", "exclusion"),
        (
            "Patients previously treated with ocrelizumab must have B-cell counts within "
            "normal limits",
            "inclusion",
        ),
        ("When the diagnosis is CIS, at least two T2 lesions on brain MRI are needed", "inclusion"),
    ],
)
def test_a_subgroup_or_a_condition_reads_no_fact(text, kind):
    assert facts(text, kind) == []


def test_without_a_walking_aid_is_no_cue_but_without_a_fact_still_is():
    # "walk 100 m without assistance (EDSS <= 5.5)": the aid is absent, not the score
    aid = read("Able to walk 100 m without assistance (EDSS 5.5 or less)")
    assert not [c for cues in aid.cues for c in cues]
    fact = read("Patients without relapses in the last year")
    assert [c.cue.value for cues in fact.cues for c in cues] == ["NEGATED_EXISTENCE"]


def test_a_negated_list_head_denies_each_item():
    # "must NOT have any of the following:" had left its items read as required (a false
    # "doesn't fit" for every patient without a recent relapse)
    text = (
        "Patients must NOT have any of the following:\n  - relapse in the 30 days before "
        "screening\n  - corticosteroid use in the 30 days before screening"
    )
    assert facts(text) == ["relapses excludes months=1"]
    assert abstains(text)  # the steroid item: its negation is not read by the therapy rule
    tree = parse_criterion(text, "inclusion")
    assert tree.evaluate(Profile(months_since_last_relapse=8, months_since_steroids=8)) != FALSE
    listed = "Participants must have received none of the following:\n- ocrelizumab\n- rituximab"
    assert facts(listed) == [] and abstains(listed)


@pytest.mark.parametrize(
    "text, course",
    [
        # built after probes13: "non-" and "or not" deny or waive the activity, not the course
        ("Non-active primary progressive MS", "PPMS"),
        ("PPMS, active or not active, per the 2013 Lublin phenotype descriptions", "PPMS"),
    ],
)
def test_a_denied_activity_is_no_denied_course(text, course):
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(ms_subtype="RRMS")) == FALSE  # another course: not met
    assert tree.evaluate(Profile(ms_subtype=course)) == REVIEW  # the activity: the team's
    # "non relapsing MS" still abstains: "relapsing" names the course it denies
    assert reviews(parse_criterion("non relapsing MS", INCLUSION))
    assert status("non relapsing MS", INCLUSION, ms_subtype="RRMS") != TRUE


def test_a_pseudo_cue_covers_no_number_of_the_sentence():
    # built after probes21: "non-active SPMS" had made the age and the disease duration abstain
    tree = parse_criterion(
        "Aged 18 or over at consent, PPMS or non-active SPMS, EDSS 4.5-6.5, disease duration "
        "≥ 2 years",
        INCLUSION,
    )
    assert (
        tree.evaluate(Profile(age=16, ms_subtype="PPMS", edss=5, years_since_diagnosis=5)) == FALSE
    )
    assert (
        tree.evaluate(Profile(age=40, ms_subtype="PPMS", edss=5, years_since_diagnosis=1)) == FALSE
    )


def test_a_denial_denied_at_once_is_the_fact_said_plainly():
    # built after probes24 ("not without", "not never", "not unwilling", "no lack of")
    assert facts("Not unwilling to use highly effective contraception") == facts(
        "Willing to use highly effective contraception"
    )
    assert facts("No lack of a confirmed MS diagnosis") == facts("A confirmed MS diagnosis")
    assert facts("Not without prior exposure to ocrelizumab", "exclusion") == facts(
        "With prior exposure to ocrelizumab", "exclusion"
    )


@pytest.mark.parametrize(
    "text",
    [  # built after probes26: a need to come is no treatment taken
        "Likely, in the investigator's judgement, to require an S1P receptor modulator before the "
        "end of the study",
        "Patients who will require treatment with natalizumab during the study",
    ],
)
def test_a_treatment_that_may_be_needed_is_no_treatment_taken(text):
    assert not facts(text, EXCLUSION)
    tree = parse_criterion(text, EXCLUSION)
    # someone who once took the drug is not told the study does not fit
    profile = Profile(prior_therapies=["fingolimod", "natalizumab"], current_therapy="none")
    assert tree.evaluate(profile) != TRUE


@pytest.mark.parametrize(
    "text",
    [  # built after probes25: a bar said after its fact, under Inclusion
        "Patients with primary progressive MS are not eligible",
        "Relapsing MS. Patients with primary progressive MS, however, are not eligible",
        "Patients with PPMS cannot participate",
        "Patients with PPMS will be excluded",
    ],
)
def test_a_bar_said_after_the_fact_never_requires_it(text):
    assert "subtype requires types=PPMS" not in facts(text, INCLUSION)
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(ms_subtype="RRMS")) != FALSE


def test_under_exclusion_the_bar_after_the_fact_restates_the_heading():
    # NCT03193866, exclusion: read as before the rule, the progressive forms exclude
    tree = parse_criterion(
        "Patients with progressive forms of MS at start of therapy are not eligible", EXCLUSION
    )
    assert tree.evaluate(Profile(ms_subtype="PPMS")) == TRUE
    assert tree.evaluate(Profile(ms_subtype="RRMS")) != TRUE


@pytest.mark.parametrize(
    "text, kind, profile",
    [  # built after probes25: a permission is no condition, never its opposite
        (
            "Pregnancy; however, breastfeeding women may participate",
            EXCLUSION,
            Profile(pregnant=False, breastfeeding=True),
        ),
        (
            "Diagnosis of SPMS (relapses in the past 2 years are permitted)",
            INCLUSION,
            Profile(ms_subtype="SPMS", relapses_past_2_years=0, months_since_last_relapse=40),
        ),
    ],
)
def test_a_permission_never_bars_what_it_permits(text, kind, profile):
    tree = parse_criterion(text, kind)
    assert tree.evaluate(profile) == (REVIEW if kind == INCLUSION else FALSE) or (
        tree.evaluate(profile) != (TRUE if kind == EXCLUSION else FALSE)
    )


def test_the_restated_bar_rules_are_named_as_in_the_rules_file():
    # reader.py drops these cues under Exclusion by their rule's literal: one vocabulary, the
    # rules file's
    import json

    from trials_db.criteria.reader import PERMISSION_RULES, RESTATED_BAR_RULES
    from trials_db.criteria.scope import RULES_FILE

    rules = json.loads(RULES_FILE.read_text(encoding="utf-8"))["context_rules"]
    negated = {r["literal"] for r in rules if r["category"] == "NEGATED_EXISTENCE"}
    assert RESTATED_BAR_RULES <= negated
    irrelevant = {r["literal"] for r in rules if r["category"] == "IRRELEVANT"}
    assert PERMISSION_RULES <= irrelevant


# A bar said after its facts in an inclusion ("... cannot take part", "... do not qualify") is
# the exclusion it states; a permission said after them ("... are not excluded") lets them in.
# Built sentences in the shape of criteria_probes39.yml.
@pytest.mark.parametrize(
    "text, kind, expected",
    [
        (
            "Must not have a progressive course: patients with primary or secondary progressive "
            "MS cannot take part",
            INCLUSION,
            ["subtype excludes yes=SPMS,PPMS"],
        ),
        (
            "Patients who failed interferon beta are not eligible",
            INCLUSION,
            [
                "therapyfailure excludes drugs=interferon beta,interferon beta-1a,"
                "peginterferon beta-1a,interferon beta-1b classes=interferon"
            ],
        ),
        ("Patients with PPMS do not qualify", INCLUSION, ["subtype excludes yes=PPMS"]),
        (
            "Relapsing MS patients are not excluded; primary progressive MS is",
            EXCLUSION,
            ["subtype excludes yes=PPMS"],
        ),
    ],
)
def test_a_bar_or_a_permission_said_after_its_facts(text, kind, expected):
    assert facts(text, kind) == expected


def test_a_bar_that_covers_only_part_of_a_reading_is_left_to_the_team():
    # "RRMS only; SPMS ... do not qualify": denying the whole reading would turn away RRMS
    text = "Relapsing MS (i.e., RRMS only; SPMS patients with superimposed relapses do not qualify)"
    assert abstains(text, INCLUSION)
    # a bar on a fact already denied ("have not received ... are not eligible"): the team reads it
    assert abstains("Patients who have not received interferon are not eligible", INCLUSION)


def test_not_yet_denies_what_follows():
    # probes41 (dev): "yet" had ended the scope of "not", so the bar read "SPMS" as barred
    text = "Patients who have not yet transitioned to a secondary progressive course"
    assert abstains(text, EXCLUSION)
    assert not facts(text, EXCLUSION)


@pytest.mark.parametrize(
    "text, kind, expected",
    [  # probes41 (dev): a question and its answer; the answer says whether "yes" bars
        (
            "Have you had a relapse in the last 3 months? If yes, you can't join yet",
            INCLUSION,
            ["relapses excludes months=3"],
        ),
        (
            "Are you pregnant? If so, this study isn't right for you.",
            INCLUSION,
            ["pregnant excludes"],
        ),
        ("Are you 18 or older? If not, you cannot take part", EXCLUSION, ["age requires min=18"]),
    ],
)
def test_a_question_is_read_by_its_answer(text, kind, expected):
    assert facts(text, kind) == expected


def test_an_answer_that_adds_a_condition_is_left_to_the_team():
    text = "Have you had a relapse in the last 3 months? If yes, you can join once it has settled"
    assert abstains(text, INCLUSION)
    assert not facts(text, INCLUSION)


@pytest.mark.parametrize(
    "text, kind, expected",
    [  # probes42 (start set): a heading inside the line changes the section of what follows
        (
            "1. Diagnosis of PPMS. 2. Age 18-65. 3. EDSS 3.0-6.5. Exclusion: 4. Prior anti-CD20 "
            "therapy",
            INCLUSION,
            [
                "age requires min=18 max=65",
                "subtype requires yes=PPMS",
                "edss requires min=3 max=6.5",
                "therapy excludes drugs=ocrelizumab,ofatumumab,ublituximab,rituximab "
                "classes=anti_cd20",
            ],
        ),
        (
            "Exclusion: relapse in the prior 30 days. Inclusion: EDSS 2.0-6.5",
            EXCLUSION,
            ["relapses excludes months=1", "edss requires min=2 max=6.5"],
        ),
    ],
)
def test_a_heading_inside_a_line(text, kind, expected):
    assert facts(text, kind) == expected
