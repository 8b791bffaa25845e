"""Treatments (trials_db/criteria/therapies.py): taken ever, now, in a washout, failed, or naive."""

from __future__ import annotations

import re

import pytest

from tests.criteria.reading import abstains, facts, known_gap, reviews
from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import FALSE, REVIEW, TRUE
from trials_db.eligibility import EXCLUSION, GENERAL, INCLUSION
from trials_db.lexicon import load as load_lexicon
from trials_db.matching.evaluate import (
    NEEDS_REVIEW,
    RuleCriterion,
    TrialRules,
    evaluate_trial,
    with_list_head_windows,
)
from trials_db.facts import message_facts
from trials_db.profile import Profile, ProfileError

INC, E = INCLUSION, EXCLUSION
_LEX = load_lexicon()


def D(*names: str) -> frozenset[str]:
    """Generic drug names; a lexicon class stands for all its members."""
    return frozenset(d for n in names for d in (_LEX.members(n) if n in _LEX.classes else [n]))


def therapies(text: str, kind: str) -> list[tuple[str, frozenset[str]]]:
    """Each therapy fact as ("therapy excludes within_months=6", {drugs}), class names left out."""
    out = []
    for fact in facts(text, kind):
        m = re.match(r"(therapy|therapyfailure) (requires|excludes)(.*)", fact)
        if m:
            keys = re.findall(r" (\w+)=(.*?)(?= \w+=|$)", m.group(3))
            rest = "".join(f" {k}={v}" for k, v in keys if k not in ("drugs", "classes"))
            drugs = D(*dict(keys).get("drugs", "").split(",")) - {""}
            out.append((f"{m.group(1)} {m.group(2)}{rest}", drugs))
    return sorted(out, key=str)


STEROIDS, MABS, DMT = D("corticosteroid"), D("monoclonal_antibody"), D("dmt")
FAILED_LIST = D(
    "interferon",
    "glatiramer acetate",
    "dimethyl fumarate",
    "teriflunomide",
    "fingolimod",
    "ozanimod",
    "cladribine",
    "siponimod",
    "ofatumumab",
    "natalizumab",
)


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        (
            "treatment with DMT during the last 12 months",
            E,  # NCT00492570
            [("therapy excludes within_months=12", DMT)],
        ),
        (
            "have received Imuran or methotrexate in the last 3 months",
            E,  # NCT00618527
            [("therapy excludes within_months=3", D("azathioprine", "methotrexate"))],
        ),
        (
            "have received corticosteroids within 30 days prior to study start",
            E,  # NCT00618527
            [("therapy excludes within_months=1", STEROIDS)],
        ),
        (
            "Be at least 4 weeks away from a corticosteroid bolus",
            INC,  # NCT04694534
            [("therapy excludes within_months=0.9231", STEROIDS)],
        ),
        (
            "No clinical relapses or use of steroid treatment during the 4 weeks before the "
            "enrolment.",
            INC,
            [("therapy excludes within_months=0.9231", STEROIDS)],
        ),  # NCT04875832
        (
            "Any prior treatment with cladribine, cyclophosphamide, total lymphoid irradiation, "
            "T cell or T cell receptor products, or any therapeutic monoclonal antibody, except "
            "natalizumab",
            E,
            [("therapy excludes", D("cladribine", "cyclophosphamide") | MABS - {"natalizumab"})],
        ),
        (
            "exacerbation-free (and no use of corticosteroids) for 6 weeks prior",
            INC,  # NCT03051646
            [("therapy excludes within_months=1.3846", STEROIDS)],
        ),
        (
            "without treatment with natalizumab for the last 3 months",
            INC,  # built
            [("therapy excludes within_months=3", D("natalizumab"))],
        ),
        # How long a drug has been taken is no washout window: it is taken now.
        (
            "Must have been receiving interferon-beta-1a or interferon-beta-1b for a minimum of 12 "
            "months prior to screening",
            INC,  # NCT00493116
            [("therapy requires current=True", D("interferon beta-1a", "interferon beta-1b"))],
        ),
        (
            "Participants of the MAGNIFY Multiple Sclerosis (MS) trial who received at least a "
            "single dose of cladribine tablets",
            INC,
            [("therapy requires", D("cladribine"))],
        ),  # NCT04783935
        (
            "have received rituximab within 6 months prior to screening",
            E,  # built: a window still is
            [("therapy excludes within_months=6", D("rituximab"))],
        ),
        # NCT02525874: a list head names no drug; its items are then read one by one.
        ("Prior treatment with any of the following:", E, []),
        ("cladribine", E, [("therapy excludes", D("cladribine"))]),
        (
            "The candidate is a DMF-naïve patient",
            INC,  # NCT02343159
            [("therapy excludes", D("dimethyl fumarate"))],
        ),
        (
            "Treatment naive patients with relapsing-remitting multiple sclerosis",
            INC,  # NCT03561402
            [("therapy excludes", DMT)],
        ),
        (
            "Treatment with another monoclonal antibody, including but not limited to natalizumab, "
            "alemtuzumab, daclizumab.",
            E,
            [("therapy excludes", MABS)],
        ),  # NCT04458688
        ("Failed 2 or more DMTs.", E, [("therapyfailure excludes count=2", DMT)]),  # NCT04458688
        (
            "Have experienced at least one relapse (while on Avonex) within the 12 months prior "
            "to randomization.",
            INC,  # NCT00030966: a relapse while on the drug says it failed, not that it is taken
            [("therapyfailure requires", D("interferon beta-1a"))],
        ),
        (
            "At least 1 relapse despite treatment with a disease-modifying therapy",
            INC,  # built
            [("therapyfailure requires", DMT)],
        ),
        (
            "Treatment failure (either ≥ 1 relapse, ≥ 1 new T2 lesion, ≥ one gadolinium enhanced "
            "lesion or EDSS deterioration) with at least one of MS disease modifying therapy as "
            "Interferon-β, Glatiramer acetate (Copaxone), Dimethyl fumarate (Tecfidera), "
            "Teriflunomide (Aubagio), Fingolimod (Gilenya), Ozanimod (Zeposia), "
            "Cladribine (Mavenclad), Siponimod (Mayzent), Ofatumumab (Kesimpta), or "
            "Natalizumab (Tysabri) for more than 6 months",
            INC,
            [("therapyfailure requires", FAILED_LIST)],
        ),  # NCT05532943
        (
            "Prescribed Tysabri (Natalizumab) or any other MS medication",
            INC,  # NCT05172466
            [("therapy requires current=True", DMT)],
        ),
        (
            "Subjects currently prescribed Campath or Lemtrada",
            E,  # NCT02200718
            [("therapy excludes current=True", D("alemtuzumab"))],
        ),
        (
            "Prior treatment with an anti-CD20 agent",
            E,
            [("therapy excludes", D("anti_cd20"))],
        ),  # built
        # Drugs named, but not as treatments taken: antibodies to a drug, the mother's treatment.
        (
            "NAB titre >or equal to 20 via CPE assay or >or equal to 100 via MxA Protein assay "
            "measured at least 24 hours after last interferon-beta injection on two consecutive "
            "tests at least 3 months apart",
            INC,
            [],
        ),  # NCT00493116
        (
            "Perinatal complications such as cerebral bleeding, neonatal intensive care with "
            "ventilation, prenatal therapy with glucocorticoids except for an MS relapse",
            E,
            [],
        ),  # NCT04832269
        # Other medicines (drugs.yml other_medicines) are read like MS treatments...
        (
            "No concurrent intravenous immune globulin",
            INC,  # NCT00004744
            [("therapy excludes current=True", D("intravenous immunoglobulin"))],
        ),
        (
            "Use of cannabis, marijuana, or THC in the last two weeks",
            E,  # NCT00260741
            [("therapy excludes within_months=0.4615", D("cannabis"))],
        ),
        (
            "Concomitant treatment with carvedilol, propranolol or metformin.",
            E,  # NCT02143167
            [("therapy excludes current=True", D("carvedilol", "propranolol", "metformin"))],
        ),
        (
            "Chemotherapy: No concomitant chemotherapy",
            INC,  # NCT00004816: the heading is a label, the negation after it excludes
            [("therapy excludes current=True", D("cytotoxic"))],
        ),
        (
            "Immune-supressor treatment the last 6 months before the inclusion",
            E,  # NCT00261326 (its own spelling)
            [("therapy excludes within_months=6", D("immunosuppressant"))],
        ),
        # ...but a drug named as a sign of another problem is not a treatment taken.
        (
            "Past history of abuse of recreational drugs, including marijuana and alcohol in the "
            "last year",
            E,  # NCT00260741
            [],
        ),
        ("History of or currently meets DSM-IV criteria for dependence on cannabis", E, []),
        ("counter indications to aspirin use: history of confirmed peptic ulcer", E, []),
        ("Malignancy/previous chemotherapy treatment for neoplastic disease", E, []),
        pytest.param(
            "Have been treated with Avonex for at least the 12 months prior to randomization",
            INC,
            [("therapy requires current=True", D("interferon beta-1a"))],  # NCT00030966
            marks=known_gap(
                "read as 'took Avonex in the last 12 months'; it means on Avonex "
                "now, for 12 months"
            ),
        ),
        (
            "Current use of cyclophosphamide, mitoxanthrone, or cladribine",
            E,  # NCT00260741 (its spelling)
            [
                (
                    "therapy excludes current=True",
                    D("cyclophosphamide", "mitoxantrone", "cladribine"),
                )
            ],
        ),
        (
            "Current use of baclofen or tizanidine",
            E,
            [("therapy excludes current=True", D("baclofen", "tizanidine"))],
        ),
        (
            "any therapeutic monoclonal antibody, with the exception of natalizumab or "
            "daclizumab",
            E,  # NCT02525874, under "Prior treatment with any of the following:"
            [("therapy excludes", MABS - {"natalizumab", "daclizumab"})],
        ),
        (
            "any DMT except interferon beta-1a, glatiramer acetate or teriflunomide",
            E,  # built: each drug of the list after "except" is left out
            [
                (
                    "therapy excludes",
                    DMT - D("interferon beta-1a", "glatiramer acetate", "teriflunomide"),
                )
            ],
        ),
        (
            "Previous treatment with B-cell depleting therapies (e.g. rituximab, ocrelizumab)",
            E,  # built: the class in the plural, its list given as examples
            [("therapy excludes", D("anti_cd20"))],
        ),
        (
            "Treatment with dimethyl fumarate or teriflunomide within 3 months before Day 1 "
            "(teriflunomide requires accelerated elimination)",
            E,  # built: how a washout is done does not hide the washout
            [("therapy excludes within_months=3", D("dimethyl fumarate", "teriflunomide"))],
        ),
        pytest.param(
            "Concurrent use of 4-aminopyridine or dalfampridine (medications which can alter "
            "SSEP) and unwilling to discontinue it for 2 days prior to SSEP testing.",
            E,
            [("therapy excludes current=True", D("dalfampridine"))],  # NCT04539002
            marks=known_gap(
                "'for 2 days prior to SSEP testing' (how long to stop) is read as "
                "a 2-day washout"
            ),
        ),
    ],
)
def test_reads_the_treatments(text, kind, expected):
    assert therapies(text, kind) == sorted(expected, key=str)


def test_a_list_head_window_applies_to_its_items():  # NCT02525874
    head = (
        "Treatment with any of the following medications or procedures within 6 months prior "
        "to Baseline (Day 1):"
    )
    item = with_list_head_windows([(E, head), (E, "azathioprine")])[1]
    assert therapies(item, E) == [("therapy excludes within_months=6", D("azathioprine"))]


WASHOUT = (
    "Treatment with mitoxantrone, teriflunomide, fingolimod, natalizumab, azathioprine, "
    "cyclosporine, methotrexate or mycophenolate mofetil 1 year prior to baseline"
)
OFF_FINGOLIMOD = dict(prior_therapies=["fingolimod"], current_therapy="none")
NATALIZUMAB_BEFORE = dict(prior_therapies=["natalizumab"], current_therapy="ocrelizumab")
OCRELIZUMAB_3_MONTHS_AGO = dict(
    prior_therapies=["ocrelizumab"],
    current_therapy="none",
    months_since_last_therapy={"ocrelizumab": 3},
)


@pytest.mark.parametrize(
    "text, kind, profile, verdict",
    [
        # NCT01684761
        (WASHOUT, E, dict(OFF_FINGOLIMOD, months_since_last_therapy={"fingolimod": 18}), FALSE),
        (WASHOUT, E, dict(OFF_FINGOLIMOD, months_since_last_therapy={"fingolimod": 6}), TRUE),
        ("Concurrent use of natalizumab", E, NATALIZUMAB_BEFORE, FALSE),  # built
        ("Prior use of natalizumab", E, NATALIZUMAB_BEFORE, TRUE),  # built
        # built: "No ..." with a window, listed as an exclusion: recent treatment excludes.
        (
            "No treatment with ocrelizumab within 6 months before screening",
            E,
            OCRELIZUMAB_3_MONTHS_AGO,
            TRUE,
        ),
    ],
)
def test_verdict_for_a_patient(text, kind, profile, verdict):
    assert parse_criterion(text, kind).evaluate(Profile(**profile)) == verdict


STEROIDS_A_YEAR_AGO = dict(months_since_steroids=12)
STEROIDS_2_WEEKS_AGO = dict(months_since_steroids=0.5)


# Built: how steroids were used that a profile cannot say (chronic, local, an exception the
# rule does not read) never tells someone whose last course was long ago that they don't fit.
@pytest.mark.parametrize(
    "text, kind",
    [
        ("Chronic use of systemic corticosteroids", E),
        ("Patients requiring chronic corticosteroid therapy", E),
        ("Topical or inhaled corticosteroids", E),
        ("Systemic corticosteroids within 30 days, except topical steroids", E),
        ("Last corticosteroid dose at least 30 days before screening", INC),
        (
            "Treatment with systemic steroids during the 4 weeks prior to baseline, "
            "except for relapse treatment",
            E,
        ),
    ],
)
def test_a_steroid_course_long_ago_is_never_a_misfit(text, kind):
    failed = FALSE if kind == INCLUSION else TRUE
    assert parse_criterion(text, kind).evaluate(Profile(**STEROIDS_A_YEAR_AGO)) != failed


@pytest.mark.parametrize(
    "text, kind, verdict",
    [
        # built: "at least 30 days before" is the least time since the last dose
        ("Last corticosteroid dose at least 30 days before screening", INC, FALSE),
        # built: a route that is allowed leaves the rest of the sentence read
        (
            "Corticosteroid treatment within 30 days of randomization (inhaled and topical "
            "steroids are allowed)",
            E,
            TRUE,
        ),
    ],
)
def test_a_recent_steroid_course_is_still_read(text, kind, verdict):
    assert parse_criterion(text, kind).evaluate(Profile(**STEROIDS_2_WEEKS_AGO)) == verdict


ONE_DMT = dict(prior_therapies=["glatiramer acetate"], current_therapy="none")
TWO_DMTS = dict(prior_therapies=["glatiramer acetate", "fingolimod"], current_therapy="none")
NO_DMT = dict(prior_therapies=[], current_therapy="none")
ONE_FAILED = dict(ONE_DMT, failed_therapies=["glatiramer acetate"])
TWO_FAILED = dict(TWO_DMTS, failed_therapies=["glatiramer acetate", "fingolimod"])


@pytest.mark.parametrize(
    "text, kind, profile, verdict",
    [
        # built: how many drugs is not read, so one drug is no "fits" and no "doesn't fit"
        ("Previously treated with at least 2 DMTs", INC, ONE_DMT, REVIEW),
        ("Previously treated with at least 2 DMTs", INC, NO_DMT, FALSE),
        # built: "have never received" is treatment-naive
        ("Patients who have never received a DMT", INC, ONE_DMT, FALSE),
        ("Patients who have never received a DMT", INC, NO_DMT, TRUE),
        # built: a count of drugs as an exclusion; one drug taken must not exclude
        ("Previously treated with more than 3 DMTs", E, ONE_DMT, REVIEW),
        ("Treatment with 3 or more DMTs within the last 2 years", E, ONE_DMT, REVIEW),
        ("No more than 2 prior DMTs", INC, ONE_DMT, REVIEW),
        # built: how many failed is held by the failure leaf
        ("Patients who have failed more than 3 DMTs", E, ONE_FAILED, FALSE),
        ("Patients who have failed at least 2 DMTs", INC, ONE_FAILED, FALSE),
        ("Patients who have failed at least 2 DMTs", INC, TWO_FAILED, TRUE),
        ("Inadequate response to ≥2 disease-modifying therapies", INC, TWO_FAILED, TRUE),
        ("Failure of more than one prior DMT", INC, ONE_FAILED, FALSE),
        ("Failure of no more than 2 prior DMTs", INC, ONE_FAILED, REVIEW),
    ],
)
def test_how_many_treatments_and_none(text, kind, profile, verdict):
    assert parse_criterion(text, kind).evaluate(Profile(**profile)) == verdict


# Built: how long a drug was taken, right before it ("12 months of treatment with X"), is no
# washout window; as an exclusion, having taken the drug leaves how long to the study team.
@pytest.mark.parametrize(
    "text, kind, profile, verdict",
    [
        ("Patients with at least 12 months of treatment with natalizumab", INC, ONE_DMT, FALSE),
        (
            "Patients with at least 12 months of treatment with natalizumab",
            INC,
            dict(prior_therapies=["natalizumab"], current_therapy="natalizumab"),
            REVIEW,
        ),
        ("Treated with at least 6 months of fingolimod", INC, TWO_DMTS, REVIEW),
        ("More than 12 months of treatment with natalizumab", E, NO_DMT, FALSE),
        (
            "More than 12 months of treatment with natalizumab",
            E,
            dict(prior_therapies=["natalizumab"], current_therapy="none"),
            REVIEW,
        ),
        ("Use of natalizumab for at least 2 years", E, NO_DMT, FALSE),
        (
            "Use of natalizumab for at least 2 years",
            E,
            dict(prior_therapies=["natalizumab"], current_therapy="none"),
            REVIEW,
        ),
        # a window still is one
        (
            "Treatment with natalizumab within 6 months of screening",
            E,
            dict(
                prior_therapies=["natalizumab"],
                current_therapy="none",
                months_since_last_therapy={"natalizumab": 3},
            ),
            TRUE,
        ),
    ],
)
def test_how_long_a_drug_was_taken(text, kind, profile, verdict):
    assert parse_criterion(text, kind).evaluate(Profile(**profile)) == verdict


@pytest.mark.parametrize(
    "text, kind, profile",
    [
        (
            "Antibody-positive to interferon beta",
            E,  # built: antibodies, not a treatment taken
            dict(prior_therapies=["interferon beta-1a"], current_therapy="interferon beta-1a"),
        ),
        (
            "Patients who may have received natalizumab",
            INC,  # built
            dict(prior_therapies=[], current_therapy="none"),
        ),
        (  # built: a willingness to stop is no requirement to be on a treatment now
            "Patients must be willing to discontinue their current DMT",
            INC,
            dict(prior_therapies=[], current_therapy="none"),
        ),
        (  # built: why it was stopped is not in the profile
            "Patients who discontinued fingolimod due to adverse events",
            E,
            dict(prior_therapies=["fingolimod"], current_therapy="none"),
        ),
        (  # built: a candidate for a drug has not taken it
            "Patients who are candidates for treatment with natalizumab",
            E,
            dict(prior_therapies=["natalizumab"], current_therapy="none"),
        ),
        (  # built: "only" these drugs before is no exclusion of them
            "Treatment-naive or having received only interferon beta or glatiramer acetate",
            INC,
            dict(prior_therapies=["interferon beta-1a"], current_therapy="interferon beta-1a"),
        ),
    ],
)
def test_a_doubtful_sentence_is_abstained_on(text, kind, profile):
    failed = FALSE if kind == INCLUSION else TRUE
    assert parse_criterion(text, kind).evaluate(Profile(**profile)) != failed
    assert therapies(text, kind) == [] and abstains(text, kind)


# Other medicines: the bot never asks about them, so a criterion about them is the study team's,
# whatever the patient said about their MS treatments; an MS drug beside them still counts.
IVIG_OR_MITOXANTRONE = "Treatment with IVIG or mitoxantrone within 6 months before screening"


@pytest.mark.parametrize(
    "text, profile, verdict",
    [
        (
            "Ongoing use of bisphosphonates",
            dict(prior_therapies=[], current_therapy="none"),
            REVIEW,
        ),
        ("Statin treatment for other disease", NATALIZUMAB_BEFORE, REVIEW),
        (IVIG_OR_MITOXANTRONE, dict(prior_therapies=[], current_therapy="none"), REVIEW),
        (
            IVIG_OR_MITOXANTRONE,
            dict(
                prior_therapies=["mitoxantrone"],
                current_therapy="none",
                months_since_last_therapy={"mitoxantrone": 2},
            ),
            TRUE,
        ),
    ],
)
def test_other_medicines_are_left_to_the_study_team(text, profile, verdict):
    assert parse_criterion(text, E).evaluate(Profile(**profile)) == verdict


def test_other_medicines_are_never_a_profile_treatment():
    assert not set(_LEX.drugs) & set(_LEX.other_medicines)
    with pytest.raises(ProfileError):
        Profile(prior_therapies=["statins"])
    said = message_facts("I take metformin and a statin, and Ocrevus since 2020", None, None, {})
    assert said["prior_therapies"] == ["ocrelizumab"]


def test_the_patient_is_told_the_study_team_checks_other_medicines():
    text = "Ongoing use of bisphosphonates"
    criterion = RuleCriterion(E, 1, text, parse_criterion(text, E))
    rules = TrialRules("NCT00000000", "Built study", "RECRUITING", [criterion], True)
    result = evaluate_trial(rules, Profile(prior_therapies=[]))
    (criterion,) = result.criteria
    assert criterion.status == NEEDS_REVIEW
    assert "other medicines" in criterion.explanation
    assert criterion.topics == ["other_medicines"]


# A failure itself denied is not a failure (built after the robustness benchmark): each of
# these was read as requiring failed treatments, the opposite of what it says.
@pytest.mark.parametrize(
    "text",
    [
        "Has not failed 2 or more DMTs",
        "No prior failure of 2 or more DMTs",
        "Not failed more than one DMT",
        "Never had a treatment failure on interferon beta",
    ],
)
def test_a_denied_failure_is_left_to_the_team(text):
    assert facts(text, INC) == []
    assert reviews(text, INC)  # the study team reads it


# Built after the second probe set: disease activity on a drug is its failure, not its use
# (read as use, everyone who took the drug was turned away).
@pytest.mark.parametrize(
    "text, kind, expected",
    [
        ("Disease activity on cladribine", E, "therapyfailure excludes drugs=cladribine"),
        (
            "Patients whose MS remained active despite mitoxantrone",
            E,
            "therapyfailure excludes drugs=mitoxantrone",
        ),
        (
            "Lack of efficacy on two or more S1P receptor modulators",
            E,
            "therapyfailure excludes drugs=fingolimod,siponimod,ozanimod,ponesimod "
            "classes=s1p_modulator count=2",
        ),
    ],
)
def test_activity_despite_a_drug_is_its_failure(text, kind, expected):
    assert facts(text, kind) == [expected]


def test_naive_as_one_way_in_of_two_is_left_to_the_team():
    text = "Treatment-naive patients or patients who stopped a DMT for reasons other than efficacy"
    assert [f for f in facts(text, INC) if f.startswith("therapy")] == []
    assert reviews(text, INC)
    assert facts("Treatment-naive patients", INC)[0].startswith("therapy excludes")


def test_a_failure_said_with_a_negation_is_still_a_failure():
    assert facts("Patients who did not respond to interferon beta", INC)[0].startswith(
        "therapyfailure requires"
    )


# Two sentences in one criterion (an inline list the splitter left whole): the words of one
# must not be read into the drugs of the other. Built after the robustness benchmark joined
# neighbouring dev criteria; each was read with the other sentence's window, "currently" or
# "failed" before.
@pytest.mark.parametrize(
    "text, kind",
    [
        ("Failed 2 or more DMTs. Treatment with immunosuppressant agents.", E),
        ("Relapse of MS within 1 month before infusion. With anti-CD20 therapy", E),
        ("Exacerbation within 30 days prior to screening. Current use of cladribine", E),
        ("Prescribed Tysabri or any other MS medication. Natalizumab-naïve", INC),
    ],
)
def test_one_sentence_is_not_read_into_another_sentences_drugs(text, kind):
    """An exclusion's sentences are each read alone (each a bar: since probes52); elsewhere the
    team reads them."""
    tree = parse_criterion(text, kind)
    if kind == E:
        alone = {f for s in re.split(r"(?<=\.)\s+", text) for f in facts(s, kind)}
        assert {f for f in facts(text, kind) if f.startswith("therapy")} <= alone
        return
    assert [f for f in facts(text, kind) if f.startswith("therapy")] == []
    assert any(
        "sentence" in (leaf.source or "")
        for leaf, _ in tree.leaves()
        if type(leaf).__name__ == "Review"
    )


def test_a_second_sentence_about_the_same_drug_is_still_read():
    text = (
        "Has received a course of high dose oral or intravenous steroids within 3 months of "
        "study entry. The use of low dose and/or topical steroids will not act as an exclusion."
    )
    assert facts(text, E) == [
        "therapy excludes drugs=methylprednisolone,prednisone,dexamethasone,corticotropin "
        "classes=corticosteroid within_months=3"
    ]


def test_not_received_for_a_time_is_a_washout():
    # built after the second probe set
    text = "Has not received oral or IV steroids for at least 1 month before screening"
    assert [f for f in facts(text, INC) if "within_months=1" in f]


# Built after the fourth probe set: each group of an exclusion with its own window is read with
# it; a time near the drug that no rule read leaves it to the team; a lab value after a drug is
# no treatment rule.
def test_each_group_of_an_exclusion_keeps_its_own_window():
    text = "Ocrelizumab or rituximab within 12 months, or any S1P modulator within 8 weeks"
    got = facts(text, EXCLUSION)
    assert got[0] == "therapy excludes drugs=ocrelizumab,rituximab within_months=12"
    assert got[1].startswith("therapy excludes drugs=fingolimod") and got[1].endswith(
        "within_months=1.8462"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Fingolimod stopped less than 2 months ago",
        "Subjects whose therapy with fingolimod was interrupted since less than 2 months",
        "Serum IgG below the lower limit of normal after rituximab treatment",
        # in an inclusion a "No" heads only the first group: the team reads it
        "No interferon beta within 4 weeks, or fingolimod within 8 weeks",
    ],
)
def test_a_time_or_a_lab_value_beside_a_drug_is_not_ever_taken(text):
    kind = INCLUSION if text.startswith("No ") else EXCLUSION
    assert not [f for f in facts(text, kind) if f.startswith("therapy ")]
    assert abstains(text, kind) or "treatment_change" in reviews(text, kind)


def test_a_drug_at_any_time_beside_another_in_a_window_keeps_its_own_time():
    # built after the fifth probe set: one window for both would read "at any time" as 6 months
    # (it was left to the team); since parser 27 each group is read with its own time
    text = "Cyclophosphamide at any time, or siponimod in the past 6 months"
    assert facts(text, EXCLUSION) == [
        "therapy excludes drugs=cyclophosphamide",
        "therapy excludes drugs=siponimod within_months=6",
    ]


def test_a_time_since_the_last_dose_is_a_window_of_use():
    assert facts("Less than 6 months since the last infusion of natalizumab", EXCLUSION) == [
        "therapy excludes drugs=natalizumab within_months=6"
    ]


def test_a_failure_defined_by_relapses_or_lesions_keeps_both_options():
    # a patient whose failure showed on MRI alone still fits: the relapse count is one option
    text = (
        "Inadequate response to dimethyl fumarate, defined as at least 1 relapse or at least 2 "
        "new T2 lesions in the past 12 months"
    )
    tree = parse_criterion(text, INCLUSION)
    no_relapse = Profile(
        prior_therapies=["dimethyl fumarate"],
        failed_therapies=["dimethyl fumarate"],
        months_since_last_relapse=30,
        relapses_past_2_years=0,
    )
    assert tree.evaluate(no_relapse) != FALSE


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        # built after the fifth probe set: "an anti-CD20 antibody" names a class of drugs
        (
            "Prior treatment with an anti-CD20 antibody",
            EXCLUSION,
            "therapy excludes drugs=ocrelizumab,ofatumumab,ublituximab,rituximab classes=anti_cd20",
        ),
        (
            "Treatment failure with natalizumab, an anti-CD20 antibody, or an S1P modulator",
            INCLUSION,
            "therapyfailure requires drugs=natalizumab,ocrelizumab,ofatumumab,ublituximab,"
            "rituximab,fingolimod,siponimod,ozanimod,ponesimod classes=anti_cd20,s1p_modulator",
        ),
    ],
)
def test_an_antibody_that_is_a_drug_class(text, kind, expected):
    assert expected in facts(text, kind)


def test_antibodies_against_a_drug_are_still_not_its_use():
    assert facts("Presence of anti-natalizumab antibodies", EXCLUSION) == []


@pytest.mark.parametrize(
    "text",
    [
        # built after the fifth probe set, from the second's dev part: an inclusion that opens
        # by denying the drugs it names
        "Patients must not have received cladribine, alemtuzumab or autologous haematopoietic "
        "stem cell transplantation",
        "None of the following at any time: alemtuzumab; cladribine; mitoxantrone",
        "Must not have been treated with alemtuzumab",
    ],
)
def test_an_inclusion_that_denies_its_drugs(text):
    got = facts(text, INCLUSION)
    assert any(f.startswith("therapy excludes") and "alemtuzumab" in f for f in got), got
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(prior_therapies=["alemtuzumab"])) == FALSE
    assert tree.evaluate(Profile(prior_therapies=[])) != FALSE


def test_an_exclusion_that_denies_its_drugs_is_left_to_the_team():
    # "must not have received X" listed as an exclusion may be written either way
    assert abstains("Patients must not have received natalizumab", EXCLUSION)


def test_an_exclusions_washout_list_one_drug_per_line():
    # each line's drug with its own window, any one of them excludes (had abstained)
    text = (
        "Use of the following medications in the specified windows before randomization:\n"
        "  - natalizumab within 6 months\n  - fingolimod within 2 months"
    )
    assert facts(text, "exclusion") == [
        "therapy excludes drugs=natalizumab within_months=6",
        "therapy excludes drugs=fingolimod within_months=2",
    ]


def test_a_lettered_list_items_marker_ends_no_sentence():
    text = "Prior treatment with any of the following:\n  a. alemtuzumab\n  b. cladribine"
    assert facts(text, "exclusion") == ["therapy excludes drugs=alemtuzumab,cladribine"]


def test_a_washout_said_as_an_exception_or_as_too_short():
    assert facts(
        "Any anti-CD20 antibody, unless the last dose was more than 12 months before screening",
        "exclusion",
    ) == [
        "therapy excludes drugs=ocrelizumab,ofatumumab,ublituximab,rituximab classes=anti_cd20"
        " within_months=12"
    ]
    assert facts(
        "Treatment with natalizumab, unless stopped more than 6 months before screening",
        "exclusion",
    ) == ["therapy excludes drugs=natalizumab within_months=6"]
    assert facts("Washout from alemtuzumab of less than 24 months", "exclusion") == [
        "therapy excludes drugs=alemtuzumab within_months=24"
    ]


def test_not_treatment_naive_is_treated_and_naive_beside_prior_use_is_left_to_the_team():
    # "not treatment-naive" had been read as naive, so an exclusion of treated people
    # excluded the untreated ones
    assert [
        f.split(" drugs=")[0] for f in facts("Patients who are not treatment-naive", "exclusion")
    ] == ["therapy excludes"]
    assert facts("Patients not naive to ocrelizumab") == ["therapy requires drugs=ocrelizumab"]
    assert facts("Patients must be naive to ocrelizumab") == ["therapy excludes drugs=ocrelizumab"]
    text = (
        "Prior exposure to B-cell depleting therapy; patients must be naive to ocrelizumab, "
        "ofatumumab, ublituximab and rituximab"
    )
    # since the thirty-third session each sentence is read on its own: the bar on prior
    # B-cell depletion and the requirement to be naive to its drugs say the same thing
    got = facts(text, "exclusion")
    assert got and all(f.startswith("therapy excludes drugs=ocrelizumab,ofatumumab") for f in got)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the field's abbreviations and short units
        ("Prior TERI or DMF w/in 3 mo", "drugs=teriflunomide,dimethyl fumarate within_months=3"),
        (
            "Tx w/ MTX, AZA or MMF in past 6 mo",
            "drugs=methotrexate,azathioprine,mycophenolate mofetil within_months=6",
        ),
        ("CYC or MITX at any time", "drugs=cyclophosphamide,mitoxantrone"),
        ("Prior NTZ within 6 months", "drugs=natalizumab within_months=6"),
        # "the past month" is one month: not steroids ever
        (
            "Patients with steroids in the last month",
            "drugs=methylprednisolone,prednisone,dexamethasone,corticotropin classes=corticosteroid"
            " within_months=1",
        ),
    ],
)
def test_abbreviations_short_units_and_one_unit_windows(text, expected):
    assert facts(text, EXCLUSION) == [f"therapy excludes {expected}"]


@pytest.mark.parametrize(
    "text",
    [
        # a permission excludes no one: each had excluded the people it allows
        "Prior use of interferon beta is permitted",
        "Use of glatiramer acetate is allowed up to the day of randomization",
        "Interferon beta, glatiramer acetate: no washout required",
    ],
)
def test_a_treatment_the_criterion_permits_is_no_bar(text):
    assert facts(text, EXCLUSION) == []
    assert "treatment_change" in reviews(text, EXCLUSION)
    tree = parse_criterion(text, EXCLUSION)
    patient = Profile(prior_therapies=["interferon beta-1a", "glatiramer acetate"])
    assert tree.evaluate(patient) != TRUE


def test_a_bar_said_with_permitted_stays_a_bar():
    assert facts("Prior use of natalizumab is not permitted", EXCLUSION) == [
        "therapy excludes drugs=natalizumab"
    ]
    assert facts(
        "Restricted treatment whereby no use in 50 days prior to enrollment visit is permitted:"
        " systemic steroids.",
        EXCLUSION,
    )
    # "allowed if stopped ≥ 8 weeks before": a washout
    assert facts(
        "Prior therapy with fingolimod is allowed if stopped ≥ 8 weeks before baseline"
    ) == ["therapy excludes drugs=fingolimod within_months=1.8462"]


def test_naive_or_none_lately_is_none_in_that_time():
    # naive alone had turned away people treated long ago, whom "or no DMT within 6 months"
    # lets in; the naive are inside that looser way in, so it is the reading (probes38)
    text = "Treatment-naive, or no DMT within the 6 months before screening"
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(prior_therapies=["interferon beta-1a"])) != FALSE
    assert (
        tree.evaluate(Profile(prior_therapies=["fingolimod"], current_therapy="fingolimod"))
        == FALSE
    )
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) == TRUE


def test_local_steroids_said_not_to_exclude_read_no_steroid_course():
    text = "Topical, intra-articular, intranasal or ophthalmic corticosteroids are not excluded"
    assert not [f for f in facts(text, EXCLUSION) if f.startswith("therapy")]
    # a systemic course beside local ones allowed is still read
    both = "Systemic corticosteroids within 30 days; topical steroids are allowed"
    assert any(f.startswith("therapy excludes") for f in facts(both, EXCLUSION))


def test_any_dose_of_a_drug_is_whether_it_was_taken():
    text = "Any dose of oral or IV corticosteroids in the 4 weeks prior to baseline"
    assert any("within_months" in f for f in facts(text, EXCLUSION))


def test_never_exposed_to_a_class_under_inclusion_bars_it():
    text = "Never previously exposed to any anti-CD20 monoclonal antibody"
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(prior_therapies=["ocrelizumab"])) == FALSE
    assert tree.evaluate(Profile(prior_therapies=["interferon beta-1a"])) != FALSE


def test_the_s1p_class_by_its_chemical_name():
    text = "Any previous treatment with a sphingosine-1-phosphate receptor modulator"
    assert facts(text, EXCLUSION) == [
        "therapy excludes drugs=fingolimod,siponimod,ozanimod,ponesimod classes=s1p_modulator"
    ]


def test_the_last_dose_before_the_first_study_dose_is_a_washout():
    text = (
        "Received the last dose of fingolimod, siponimod, ozanimod or ponesimod fewer than 6 weeks "
        "prior to first study dose"
    )
    tree = parse_criterion(text, EXCLUSION)
    assert tree.evaluate(Profile(prior_therapies=["fingolimod"], current_therapy="fingolimod")) == (
        TRUE
    )


@pytest.mark.parametrize(
    "text",
    [
        # built after probes11: the drug now is certain, how steadily the team checks
        "Currently receiving natalizumab and on a stable dosing regimen for at least 6 months",
        "Receiving natalizumab at the dose approved in the local label (300 mg every 4 weeks)",
    ],
)
def test_a_drug_taken_now_at_a_stable_dose_is_read_with_the_dose_left_to_the_team(text):
    assert facts(text, INCLUSION) == ["therapy requires drugs=natalizumab current=True"]
    assert reviews(text, INCLUSION) == ["treatment_change"]
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(current_therapy="fingolimod")) == FALSE  # not on it: no
    assert tree.evaluate(Profile(current_therapy="natalizumab")) == REVIEW  # on it: the dose


def test_a_stable_dose_without_the_drug_taken_now_is_left_to_the_team():
    assert facts("Stable dose of fingolimod", INCLUSION) == []


@pytest.mark.parametrize(
    "text",
    ["Free of corticosteroids for 4 weeks prior to baseline", "No natalizumab for 6 months"],
)
def test_free_of_a_drug_for_a_time_is_a_washout(text):
    # built after probes11: none within that time, as an inclusion
    got = facts(text, INCLUSION)
    assert len(got) == 1 and got[0].startswith("therapy excludes") and "within_months" in got[0]
    # listed as an exclusion, which way it goes is not certain: the team reads it
    assert facts(text, EXCLUSION) == []


def test_a_semicolon_list_reads_each_drug_with_its_own_time():
    tree = parse_criterion(
        "Cladribine at any time; alemtuzumab at any time; mitoxantrone within the past 5 years; "
        "cyclophosphamide within 2 years",
        E,
    )
    assert facts("Cladribine at any time; mitoxantrone within the past 5 years", E) == [
        "therapy excludes drugs=cladribine",
        "therapy excludes drugs=mitoxantrone within_months=60",
    ]
    # cladribine long ago still excludes; mitoxantrone 6 years ago does not
    assert tree.evaluate(Profile(prior_therapies=["cladribine"], current_therapy="none")) == TRUE
    six_years = Profile(
        prior_therapies=["mitoxantrone"],
        current_therapy="none",
        months_since_last_therapy={"mitoxantrone": 72},
    )
    assert tree.evaluate(six_years) == FALSE
    head = parse_criterion(
        "Prior use of the following at any time: alemtuzumab, cladribine; or within 12 months: "
        "rituximab, ocrelizumab",
        E,
    )
    two_years = Profile(
        prior_therapies=["ocrelizumab"],
        current_therapy="none",
        months_since_last_therapy={"ocrelizumab": 24},
    )
    assert head.evaluate(two_years) != TRUE


def test_lettered_items_with_their_times_in_brackets():
    tree = parse_criterion(
        "Prior treatment with: a) alemtuzumab (any time); b) natalizumab (within 6 months); "
        "c) fingolimod (within 2 months)",
        E,
    )
    long_ago = dict(current_therapy="none", months_since_last_therapy={"natalizumab": 12})
    assert tree.evaluate(Profile(prior_therapies=["natalizumab"], **long_ago)) == FALSE
    assert tree.evaluate(Profile(prior_therapies=["alemtuzumab"], current_therapy="none")) == TRUE


@pytest.mark.parametrize(
    "text",
    [
        "Stable for at least 6 months on one of the following: interferon beta-1a, "
        "glatiramer acetate",
        "On stable treatment with one of the following: interferon beta-1a, glatiramer acetate",
    ],
)
def test_stable_on_one_of_a_list_is_on_it_now(text):
    tree = parse_criterion(text, INC)
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) == FALSE
    on_it = Profile(prior_therapies=["glatiramer acetate"], current_therapy="glatiramer acetate")
    assert tree.evaluate(on_it) == REVIEW  # the time on it is the team's to check


def test_stable_if_taking_it_requires_no_one_to_take_it():
    tree = parse_criterion(
        "On a stable dose of dalfampridine for at least 3 months, if taking it", INC
    )
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) != FALSE


@pytest.mark.parametrize(
    "text",
    [
        "Lack of prior exposure to any anti-CD20 monoclonal antibody",
        "Absence of prior treatment with an anti-CD20 monoclonal antibody",
    ],
)
def test_lack_of_prior_exposure_is_never_having_had_it(text):
    tree = parse_criterion(text, INC)
    had_it = Profile(prior_therapies=["ocrelizumab"], current_therapy="none")
    assert tree.evaluate(had_it) == FALSE
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) != FALSE


@pytest.mark.parametrize(
    "text, months",
    [
        # built after probes16: each fact has its own time, and "off"/"free of" for that long
        ("No relapse in the last 6 months and no steroids in the last 3 months", 3),
        (
            "No relapses for the previous 6 months and no steroid treatment for the previous "
            "3 months",
            3,
        ),
        ("Free of any systemic steroid therapy for at least 1 month", 1),
    ],
)
def test_steroids_with_their_own_time_beside_a_relapse_window(text, months):
    assert [f for f in facts(text, INC) if f.startswith("therapy")] == [
        "therapy excludes drugs=methylprednisolone,prednisone,dexamethasone,corticotropin "
        f"classes=corticosteroid within_months={months}"
    ]


def test_off_a_drug_for_a_time_is_not_having_taken_it_within_that_time():
    tree = parse_criterion("Off interferon beta and glatiramer acetate for at least 14 days", INC)
    assert (
        tree.evaluate(
            Profile(prior_therapies=["glatiramer acetate"], current_therapy="glatiramer acetate")
        )
        == FALSE
    )
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) == TRUE


def test_a_washout_of_half_lives_or_a_time_whichever_is_longer_is_at_least_that_time():
    text = "Siponimod, ozanimod or ponesimod within 5 half-lives or 1 month, whichever is longer"
    assert "therapy excludes drugs=siponimod,ozanimod,ponesimod within_months=1" in facts(text, E)
    # whichever is shorter could be less than the time said: not read as it
    shorter = "Siponimod within 5 half-lives or 1 month, whichever is shorter"
    assert not [f for f in facts(shorter, E) if f.startswith("therapy")]


def test_a_failure_to_stop_a_drug_is_no_failure_of_the_drug():
    # built after probes16: it had excluded everyone whose fingolimod had failed
    text = "Failure to discontinue fingolimod at least 6 weeks before baseline"
    assert not [f for f in facts(text, E) if f.startswith("therapy_failure")]


def test_must_not_be_currently_receiving_is_a_bar_on_the_drug_now():
    tree = parse_criterion("Patients must not be currently receiving any DMT", INC)
    assert (
        tree.evaluate(Profile(prior_therapies=["fingolimod"], current_therapy="fingolimod"))
        == FALSE
    )
    assert tree.evaluate(Profile(prior_therapies=["fingolimod"], current_therapy="none")) != FALSE
    # as an exclusion it is a double negative: the team reads it
    assert abstains("Patients must not be currently receiving any DMT", E)


def test_a_washout_table_gives_each_row_its_own_time():
    text = (
        "Washout requirements: interferon beta or glatiramer acetate 4 weeks; fumarates 4 weeks; "
        "S1P modulators 8 weeks; anti-CD20 6 months"
    )
    tree = parse_criterion(text, E)
    assert [f.split(" within_months=")[1] for f in facts(text, E)] == [
        "0.9231",
        "0.9231",
        "1.8462",
        "6",
    ]
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) == FALSE
    on_ocrevus = Profile(prior_therapies=["ocrelizumab"], current_therapy="ocrelizumab")
    assert tree.evaluate(on_ocrevus) == TRUE  # taken now: within every window
    rows = "The following washouts apply: natalizumab 3 months, fingolimod 2 months"
    inclusion = parse_criterion("Required washout: fingolimod 2 months, natalizumab 3 months", INC)
    assert len(facts(rows, E)) == 2
    assert inclusion.evaluate(Profile(prior_therapies=[], current_therapy="none")) == TRUE
    assert (
        inclusion.evaluate(Profile(prior_therapies=["fingolimod"], current_therapy="fingolimod"))
        == FALSE
    )


@pytest.mark.parametrize(
    "text, person, verdict",
    [  # built: stable on a drug now, the drug named after "treatment with" or "any"
        ("Stable on treatment with ocrelizumab ≥ 12 months", {"current_therapy": "none"}, FALSE),
        ("Stable on any approved DMT for at least 6 months", {"current_therapy": "none"}, FALSE),
        # a second way in, "or untreated": never a not_met for the untreated
        (
            "On a stable dose of teriflunomide 14 mg for at least 3 months, or untreated for "
            "at least 3 months",
            {"current_therapy": "none", "prior_therapies": []},
            REVIEW,
        ),
    ],
)
def test_stable_on_a_drug_now(text, person, verdict):
    assert parse_criterion(text, INCLUSION).evaluate(Profile(**person)) == verdict


def test_a_clause_that_permits_other_treatments_is_read_around():
    text = (
        "Treatment-naive with respect to MS disease-modifying drugs; previous corticosteroids "
        "for relapses are permitted"
    )
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) == TRUE
    assert tree.evaluate(Profile(prior_therapies=["fingolimod"])) == FALSE
    # a permission for a drug the rule bars, with its own washout: the team reads it
    tree = parse_criterion(
        "No prior DMT; interferon beta is permitted if stopped 3 months before", INCLUSION
    )
    assert tree.evaluate(Profile(prior_therapies=["interferon beta-1a"])) == REVIEW


def test_steroids_said_to_be_no_dmt_in_brackets_change_nothing():
    tree = parse_criterion(
        "Any previous DMT exposure (corticosteroids for relapse are not considered a DMT)",
        EXCLUSION,
    )
    assert tree.evaluate(Profile(prior_therapies=["glatiramer acetate"])) == TRUE
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) == FALSE


@pytest.mark.parametrize(
    "text",
    [  # built: the drug is the time of another event, which the profile does not hold
        "History of PML during natalizumab or fingolimod therapy",
        "Hepatitis B reactivation during prior ocrelizumab or rituximab treatment",
    ],
)
def test_an_event_during_a_drug_bars_no_one_for_the_drug(text):
    tree = parse_criterion(text, EXCLUSION)
    assert tree.evaluate(Profile(prior_therapies=["natalizumab", "ocrelizumab"])) == REVIEW


@pytest.mark.parametrize(
    "text, expected",
    [  # built: a head that gives each row its own period, without the word "washout"
        (
            "Prior therapies within these windows: ocrelizumab or rituximab - 12 months; "
            "cladribine - 24 months",
            [
                "therapy excludes drugs=ocrelizumab,rituximab within_months=12",
                "therapy excludes drugs=cladribine within_months=24",
            ],
        ),
        (
            "The following within the stated periods prior to randomization: natalizumab "
            "(3 months); alemtuzumab (any time)",
            [
                "therapy excludes drugs=natalizumab within_months=3",
                "therapy excludes drugs=alemtuzumab",
            ],
        ),
        # a row that may be turned around ("unless") is no table: the rule reads it otherwise
        (
            "Within these windows: dimethyl fumarate, 4 weeks; teriflunomide, 3.5 months unless "
            "accelerated elimination was done",
            None,
        ),
    ],
)
def test_a_table_of_periods_without_the_word_washout(text, expected):
    got = facts(text, EXCLUSION)
    if expected is None:
        assert "therapy excludes drugs=teriflunomide within_months=3.5" not in got
    else:
        assert got == expected


@pytest.mark.parametrize(
    "text, expected",
    [  # built: an exclusion that is nothing but rows, each time after a colon, bar or dash
        (
            "Siponimod: 10 days; Fingolimod: 6 weeks",
            [
                "therapy excludes drugs=siponimod within_months=0.3333",
                "therapy excludes drugs=fingolimod within_months=1.3846",
            ],
        ),
        (
            "Mitoxantrone - ever; Azathioprine, methotrexate | 6 months",
            [
                "therapy excludes drugs=mitoxantrone",
                "therapy excludes drugs=azathioprine,methotrexate within_months=6",
            ],
        ),
        (
            "Cladribine tablets: 24 months; any BTK inhibitor: 30 days before randomization",
            [
                "therapy excludes drugs=cladribine within_months=24",
                "therapy excludes drugs=tolebrutinib,evobrutinib,fenebrutinib "
                "classes=btk_inhibitor within_months=1",
            ],
        ),
        (
            "Glatiramer acetate - 14 days",
            ["therapy excludes drugs=glatiramer acetate within_months=0.4667"],
        ),
        # a row that ends in an exception the profile cannot check is no table read here
        ("Natalizumab: 6 months; Teriflunomide: 3.5 months (or 11 days after elimination)", None),
        # words before the first drug are no table's head
        ("Patients who took natalizumab: 6 months", None),
    ],
)
def test_an_exclusion_that_is_only_a_table_of_washouts(text, expected):
    got = facts(text, EXCLUSION)
    if expected is None:
        assert "therapy excludes drugs=teriflunomide within_months=3.5" not in got
        assert "therapy excludes drugs=natalizumab within_months=6" not in got
    else:
        assert got == expected
    if expected is not None:  # as an inclusion, rows without a head are not read as a table
        assert parse_criterion(text, INC).to_json() != parse_criterion(text, E).to_json()


def test_a_tables_time_point_after_its_last_row_changes_nothing():
    text = (
        "Washout: natalizumab 3 months, fingolimod 2 months before the first dose of study "
        "treatment (see Appendix 2)"
    )
    assert facts(text, EXCLUSION) == [
        "therapy excludes drugs=natalizumab within_months=3",
        "therapy excludes drugs=fingolimod within_months=2",
    ]


def test_a_washout_not_completed_and_a_minimum_interval_are_table_heads():
    for text in (
        "Required washout not completed for the following: fingolimod (≥ 2 months), "
        "natalizumab (≥ 3 months)",
        "Therapy | Minimum interval before Day 1 - fingolimod | 2 months; natalizumab | 3 months",
    ):
        assert facts(text, EXCLUSION) == [
            "therapy excludes drugs=fingolimod within_months=2",
            "therapy excludes drugs=natalizumab within_months=3",
        ]
    text = (
        "Time since last dose of prior DMT, as listed: fingolimod ≥ 2 months; "
        "natalizumab ≥ 3 months"
    )
    tree = parse_criterion(text, INC)
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) == TRUE
    recent = Profile(prior_therapies=["fingolimod"], months_since_last_therapy={"fingolimod": 1})
    assert tree.evaluate(recent) == FALSE


def test_at_any_time_ends_a_group_as_a_window_does():
    # built: each group of an exclusion with its own time, "at any time" one of them
    text = "Prior treatment with alemtuzumab at any time, or natalizumab within the last 6 months"
    assert facts(text, EXCLUSION) == [
        "therapy excludes drugs=alemtuzumab",
        "therapy excludes drugs=natalizumab within_months=6",
    ]
    # two windows over one span are no groups: "within 6 months at any time" is read otherwise
    assert facts("Natalizumab or fingolimod ever, or within 6 months", EXCLUSION) != [
        "therapy excludes drugs=natalizumab,fingolimod",
        "therapy excludes within_months=6",
    ]


def test_a_failure_of_any_drug_of_a_kind_denied_is_no_failure_at_all():
    # built after probes22: "not failed any" leaves no count to allow, so it is read exactly
    tree = parse_criterion("Not previously failed any S1P receptor modulator", INC)
    assert tree.evaluate(Profile(prior_therapies=["fingolimod"], failed_therapies=[])) == TRUE
    assert (
        tree.evaluate(Profile(prior_therapies=["fingolimod"], failed_therapies=["fingolimod"]))
        == FALSE
    )
    # a count denied still allows fewer: the team reads it
    assert parse_criterion("Has not failed 2 DMTs", INC).to_json()["type"] == "review"


def test_refractory_and_lack_of_efficacy_say_a_failure():
    tree = parse_criterion("Refractory to at least one interferon beta product", INC)
    assert tree.to_json()["type"] == "failure"
    tree = parse_criterion("Failed at least 2 DMTs because of lack of efficacy", INC)
    assert tree.to_json()["type"] == "failure" and tree.to_json()["count"] == 2
    # a reason that is no failure stays with the team
    assert (
        parse_criterion("Failed at least 2 DMTs due to adverse events", INC).evaluate(
            Profile(prior_therapies=["fingolimod"], failed_therapies=[])
        )
        == REVIEW
    )


@pytest.mark.parametrize(
    "text, drug",
    [  # a drug by its mechanism, when it is the only MS drug of that kind
        ("Any previous anti-CD52 therapy", "alemtuzumab"),
        ("Treatment with anti-α4-integrin antibody within 6 months", "natalizumab"),
        ("Prior dihydroorotate dehydrogenase inhibitor therapy", "teriflunomide"),
    ],
)
def test_a_drug_named_by_its_mechanism(text, drug):
    tree = parse_criterion(text, E).to_json()
    assert tree["type"] == "therapy" and tree["drugs"] == [drug]


def test_a_denial_denied_is_read_plainly():
    # built after probes24: "Not without prior exposure to X" had been read as never exposed
    assert facts("Not without prior exposure to ocrelizumab") == facts(
        "Prior exposure to ocrelizumab"
    )
    assert facts("Not never treated with a DMT") == facts("Treated with a DMT")


def test_a_drug_at_a_stable_dose_is_taken_now():
    # built after probes24: "Treatment with X at a stable dose for ≥ 6 months" was left unread
    tree = parse_criterion(
        "Treatment with fingolimod, siponimod or ozanimod at a stable dose for ≥ 6 months at "
        "screening",
        INCLUSION,
    )
    assert tree.evaluate(Profile(current_therapy="siponimod")) == REVIEW  # how long: the team
    assert tree.evaluate(Profile(current_therapy="none", prior_therapies=["fingolimod"])) == FALSE
    # without "stable", a time on a drug may be past: not read as now
    assert "current" not in " ".join(facts("Treated with dimethyl fumarate for at least 12 months"))


def test_naive_or_off_for_a_time_turns_away_no_one_treated_long_ago():
    # built after probes24: "or off all DMTs for at least 6 months" was left unread, so naive
    # alone turned away people who stopped years ago
    tree = parse_criterion("Treatment-naïve or off all DMTs for at least 6 months", INCLUSION)
    stopped = Profile(prior_therapies=["interferon beta-1a"], current_therapy="none")
    assert tree.evaluate(stopped) != FALSE


@pytest.mark.parametrize(
    "text, expected",
    [  # built after probes26: an exception that is a washout, told two more ways
        (
            "Previous treatment with cladribine, unless more than 4 years have passed since the "
            "last course",
            ["therapy excludes drugs=cladribine within_months=48"],
        ),
        (
            "Any use of fingolimod or ozanimod, except where stopped at least 8 weeks before "
            "baseline",
            ["therapy excludes drugs=fingolimod,ozanimod within_months=1.8462"],
        ),
    ],
)
def test_an_exception_that_is_a_washout(text, expected):
    assert facts(text, E) == expected


def test_highly_active_disease_despite_a_course_is_a_failure():
    assert facts(
        "Highly active disease despite a full and adequate course of interferon beta", INC
    )[0].startswith("therapyfailure requires")


@pytest.mark.parametrize(
    "text",
    [  # built after probes25: naive as one way in of two
        "On a stable dose of a DMT for 6 months, or treatment-naive",
        "Patients must be on a stable dose of an injectable DMT for 6 months, but treatment-naive "
        "patients are also eligible",
        "Treatment-naive or previously treated with interferon",
        # built after the last session: a permission past a semicolon or ", and"
        "Participants on any DMT; treatment-naive patients are also eligible",
        "Participants on any DMT, and treatment-naive patients may also participate",
    ],
)
def test_naive_beside_another_way_in_bars_no_one(text):
    tree = parse_criterion(text, INC)
    on_it = Profile(prior_therapies=["interferon beta-1a"], current_therapy="interferon beta-1a")
    assert tree.evaluate(on_it) != FALSE


def test_naive_to_a_list_still_reads_the_list():
    # NCT03796611: "or" joins what the person is naive to, not two ways in
    read = facts("naïve of any immune therapy or steroid intake", GENERAL)
    assert any(f.startswith("therapy excludes") and "corticosteroid" in f for f in read)


def test_a_use_said_accepted_is_no_bar():
    # NCT06179134: "(Cannabis use is accepted)" had been read as excluding cannabis
    assert not [
        f
        for f in facts(
            "Use of illicit drugs, amphetamines, barbiturates, etc. (Cannabis use is accepted)", E
        )
        if "cannabis" in f
    ]


@pytest.mark.parametrize(
    "text, kind, expected",
    [  # built after probes28
        # "no more than 6 months before" is a most: the drug taken within it, not a washout
        (
            "Currently receiving an anti-CD20 therapy, with the last dose given no more than 6 "
            "months before screening",
            INC,
            "therapy requires",
        ),
        # "at the time of screening" is now, not an event the drug is the time of
        ("Current use of natalizumab at the time of screening", E, "therapy excludes"),
        # "been off all DMTs for at least 3 months": a washout
        (
            "Must have been off all disease-modifying therapies for at least 3 months before "
            "randomisation",
            INC,
            "therapy excludes",
        ),
    ],
)
def test_windows_said_as_a_most_an_off_or_a_time_point(text, kind, expected):
    read = facts(text, kind)
    assert len(read) == 1 and read[0].startswith(expected)
    if "no more than" in text:
        tree = parse_criterion(text, kind)
        recent = Profile(
            current_therapy="ocrelizumab", months_since_last_therapy={"ocrelizumab": 3}
        )
        assert tree.evaluate(recent) != FALSE


@pytest.mark.parametrize(
    "text",
    [  # built after probes30: the study's first dose is a date, not a drug started
        "Interferon beta (Avonex, Rebif, Betaseron) or glatiramer acetate (Copaxone) within 30 "
        "days of the first dose",
        "Fingolimod within 2 months before first dose",
        "Fingolimod within 2 months before the first dose of study drug",
    ],
)
def test_a_washout_to_the_first_study_dose(text):
    tree = parse_criterion(text, E)
    assert [f for f in facts(text, E) if f.startswith("therapy")] and not reviews(text, E)
    treated = Profile(current_therapy="fingolimod", prior_therapies=["fingolimod"])
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) == FALSE
    if "Fingolimod" in text:
        assert tree.evaluate(treated) == TRUE


def test_the_first_dose_of_a_named_drug_is_still_starting_it():
    assert reviews("Received the first dose of ocrelizumab within 6 months", E)


def test_naive_to_one_drug_treated_with_another():
    # probes27 (dev): "naive to ocrelizumab who have previously received rituximab" had read
    # both drugs as never taken, telling the very people it asks for that they don't fit
    text = "Patients naive to ocrelizumab who have previously received rituximab"
    tree = parse_criterion(text, INC)
    assert tree.evaluate(Profile(prior_therapies=["rituximab"], current_therapy="none")) == TRUE
    assert tree.evaluate(Profile(prior_therapies=["ocrelizumab"], current_therapy="none")) == FALSE


def test_a_bracketed_permission_for_the_naive_is_no_bar():
    # probes27 (dev): the bracket had turned the bar into "naive to natalizumab excludes"
    text = (
        "Any exposure to natalizumab within the last 6 months (patients naive to natalizumab "
        "are eligible)"
    )
    tree = parse_criterion(text, E)
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) != TRUE
    recent = Profile(
        prior_therapies=["natalizumab"],
        current_therapy="natalizumab",
    )
    assert tree.evaluate(recent) == TRUE


def test_drugs_that_cannot_be_stopped_are_the_teams_to_read():
    # probes10 (dev): with the study's first dose read as a date, the condition was left unread
    text = (
        "Use of QT-prolonging drugs or beta-blockers that cannot be stopped before the first dose"
    )
    assert reviews(text, E) and not [f for f in facts(text, E) if f.startswith("therapy")]


def test_a_failure_count_at_most_one_beside_naive_is_the_teams():
    # probes31 (dev): "no more than one" had been read as "at least one failure"; a person
    # with one DMT taken and none failed was told the study does not fit
    text = "Treatment-naive, or failure of no more than one previous DMT"
    tree = parse_criterion(text, INC)
    assert tree.evaluate(Profile(prior_therapies=["fingolimod"], failed_therapies=[])) == REVIEW
    # a least is still read, beside naive
    tree = parse_criterion("Treatment-naive, or failure of at least two previous DMTs", INC)
    one = Profile(prior_therapies=["fingolimod"], failed_therapies=["fingolimod"])
    assert tree.evaluate(one) == FALSE


def test_responded_inadequately_is_a_failure_not_a_use():
    # probes31 (dev): anyone who had taken ocrelizumab had been barred
    tree = parse_criterion("Patients who responded inadequately to ocrelizumab or ofatumumab", E)
    assert tree.evaluate(Profile(prior_therapies=["ocrelizumab"], failed_therapies=[])) == FALSE
    failed = Profile(prior_therapies=["ocrelizumab"], failed_therapies=["ocrelizumab"])
    assert tree.evaluate(failed) == TRUE


@pytest.mark.parametrize("kind", [INC, E])
@pytest.mark.parametrize(
    "text",
    [
        "Prior natalizumab is permitted if it was stopped more than 3 months before screening",
        "Prior natalizumab is allowed if the last infusion was given more than 3 months ago",
    ],
)
def test_a_permission_with_its_washout_bars_the_drug_within_that_time(text, kind):
    # probes34 (start set): the permission had sent every such line to the team
    tree = parse_criterion(text, kind)
    recent = Profile(prior_therapies=["natalizumab"], current_therapy="natalizumab")
    never = Profile(prior_therapies=[], current_therapy="none")
    bars = TRUE if kind == E else FALSE  # an exclusion met, or an inclusion failed
    assert tree.evaluate(recent) == bars
    assert tree.evaluate(never) != bars


def test_local_steroids_let_in_by_a_bracket_leave_the_bar_read():
    # probes34 (start set) and NCT02784210: the bracket's "are permitted" had been a cue left
    # unread, so the line went to the team
    text = "Oral or intravenous glucocorticoids within the past 4 weeks (inhaled and topical "
    text += "steroids are permitted)"
    tree = parse_criterion(text, E)
    assert tree.evaluate(Profile(months_since_steroids=0.5)) == TRUE
    assert tree.evaluate(Profile(months_since_steroids=6)) == FALSE


def test_a_drug_free_time_is_none_within_it():
    tree = parse_criterion("Steroid-free for at least 1 month prior to baseline", INC)
    assert tree.evaluate(Profile(months_since_steroids=0.5)) == FALSE
    assert tree.evaluate(Profile(months_since_steroids=3)) == TRUE
    assert reviews("Steroid-free for at least 1 month prior to baseline", E)


def test_loss_of_efficacy_is_a_failure_not_a_use():
    # probes34 (start set): anyone who had taken ocrelizumab had been barred
    tree = parse_criterion("Loss of efficacy of ocrelizumab (Ocrevus)", E)
    assert tree.evaluate(Profile(prior_therapies=["ocrelizumab"], failed_therapies=[])) == FALSE


def test_none_of_the_items_on_the_same_line_as_their_head():
    # probes36: "None of the following ...: a relapse, ..." had required a recent relapse
    text = (
        "None of the following in the 3 months before Day 1: a clinical relapse, systemic "
        "corticosteroids, natalizumab"
    )
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(months_since_last_relapse=12, relapses_past_2_years=1)) != FALSE
    assert tree.evaluate(Profile(months_since_last_relapse=1, relapses_past_2_years=1)) == FALSE


def test_each_drug_with_its_own_window_is_the_teams():
    # probes36: the last window (9 months) had been read for all three drugs
    text = (
        "Exposure to ocrelizumab ≤ 6 months, ofatumumab ≤ 4 weeks or rituximab ≤ 9 months "
        "before Day 1"
    )
    assert therapies(text, EXCLUSION) == []
    assert "uncertain_reading" in reviews(text, EXCLUSION)


def test_neither_nor_at_any_time_bars_both():
    text = "Neither natalizumab nor an anti-CD20 agent at any time"
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(prior_therapies=["natalizumab"], current_therapy="none")) == FALSE
    assert tree.evaluate(Profile(prior_therapies=["fingolimod"], current_therapy="none")) != FALSE


def test_washouts_said_in_more_shapes():
    # probes38: each had been read without its window, its negation or its own time
    text = "Treatment with steroids or ACTH within the month prior to entry"
    tree = parse_criterion(text, EXCLUSION)
    assert tree.evaluate(Profile(months_since_steroids=8)) == FALSE
    assert tree.evaluate(Profile(months_since_steroids=0.5)) == TRUE
    text = (
        "Patients who have NOT been treated with any immunomodulating therapy (interferon, "
        "glatiramer) during the previous 3 months"
    )
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) != FALSE
    assert tree.evaluate(Profile(prior_therapies=["glatiramer acetate"])) != TRUE
    text = "Previous exposure to mitoxantrone at any time, or to cyclophosphamide within 2 years"
    tree = parse_criterion(text, EXCLUSION)
    assert tree.evaluate(Profile(prior_therapies=["mitoxantrone"], current_therapy="none")) == TRUE
    assert tree.evaluate(Profile(prior_therapies=["fingolimod"], current_therapy="none")) != TRUE


def test_a_washout_for_those_treated_and_naive_or_off_lately():
    text = (
        "Participants previously treated with ocrelizumab must have received their last "
        "infusion at least 9 months before baseline"
    )
    tree = parse_criterion(text, INCLUSION)
    assert (
        tree.evaluate(Profile(prior_therapies=["ocrelizumab"], current_therapy="ocrelizumab"))
        == FALSE
    )
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) != FALSE
    tree = parse_criterion(
        "Treatment-naive, or off all disease-modifying therapy for at least 12 months", INCLUSION
    )
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) == TRUE
    assert (
        tree.evaluate(Profile(prior_therapies=["fingolimod"], current_therapy="fingolimod"))
        == FALSE
    )
    # stopped at a time not told: not turned away
    assert tree.evaluate(Profile(prior_therapies=["fingolimod"], current_therapy="none")) != FALSE
    text = (
        "Has never received alemtuzumab, and has not received natalizumab in the 6 months "
        "before baseline"
    )
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(prior_therapies=["natalizumab"], current_therapy="none")) != FALSE
    assert tree.evaluate(Profile(prior_therapies=["alemtuzumab"], current_therapy="none")) == FALSE


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the dose "given" and its "final" infusion "took place": the same washout exception
            "Prior treatment with ocrelizumab, unless the last dose was given more than 12 months "
            "before Day 1",
            ["therapy excludes drugs=ocrelizumab within_months=12"],
        ),
        (
            "Exposure to natalizumab at any point, except where the final infusion took place "
            "over six months before screening",
            ["therapy excludes drugs=natalizumab within_months=6"],
        ),
        (  # "d" for days, as tables write it
            "Steroids (IV/PO) ≤30 d before randomization",
            [
                "therapy excludes drugs=methylprednisolone,prednisone,dexamethasone,corticotropin "
                "classes=corticosteroid within_months=1"
            ],
        ),
    ],
)
def test_washout_exceptions_and_short_units(text, expected):
    assert facts(text, "exclusion") == expected


@pytest.mark.parametrize(
    "text, kind",
    [
        # probes44 (start set): a lab rule for the patients of one treatment
        (
            "Absolute lymphocyte count ≥ 800/µL at screening in patients previously treated with "
            "fingolimod or siponimod",
            INCLUSION,
        ),
        (
            "Serum IgG below the lower limit of normal in patients previously treated with an "
            "anti-CD20 therapy",
            "exclusion",
        ),
    ],
)
def test_a_rule_for_the_patients_of_one_treatment_is_no_need_for_it(text, kind):
    # it had read "treated with fingolimod" as a need for everyone: a false not_met
    assert facts(text, kind) == []
    tree = parse_criterion(text, kind)
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) != FALSE


def test_a_least_and_a_most_time_since_the_last_dose():
    # probes49's dev part: "At least 12 weeks but no more than 6 months since the last
    # natalizumab infusion" barred everyone with an infusion in the last 6 months
    text = "At least 12 weeks but no more than 6 months since the last natalizumab infusion"
    tree = parse_criterion(text, INC)
    p = Profile(
        prior_therapies=["natalizumab"],
        current_therapy="none",
        months_since_last_therapy={"natalizumab": 4},
    )
    assert tree.evaluate(p) != FALSE
    assert reviews(text, E)  # as a bar: which way is not certain


@pytest.mark.parametrize(
    "text",
    [
        "No more than 6 months since the last dose of fingolimod",
        "Not more than 3 months since stopping natalizumab",
    ],
)
def test_no_more_than_is_a_bound_not_a_denial(text):
    assert not any(f.startswith("therapy excludes") for f in facts(text, INC))


def test_no_prior_drug_within_a_window_is_no_bar_on_it_ever():
    assert facts("No prior fingolimod within 6 months", INC) == [
        "therapy excludes drugs=fingolimod within_months=6"
    ]
    assert facts("No prior fingolimod", INC) == ["therapy excludes drugs=fingolimod"]


def test_a_bar_on_two_drugs_taken_both_is_left_to_the_team():
    text = "Prior treatment with both natalizumab and alemtuzumab, in either order"
    tree = parse_criterion(text, E)
    assert tree.evaluate(Profile(prior_therapies=["natalizumab"])) != TRUE  # one is not both
    assert reviews(text, E)
    assert facts("Prior natalizumab and alemtuzumab", E) == [
        "therapy excludes drugs=natalizumab,alemtuzumab"
    ]


def test_numbers_with_a_half_in_words():
    assert facts("Alemtuzumab within the last two and a half years", E) == [
        "therapy excludes drugs=alemtuzumab within_months=30"
    ]


def test_each_sentence_of_an_exclusion_bars_on_its_own_unless_a_later_one_lets_people_in():
    """Built after probes52: two sentences, two bars (any one excludes); a later sentence that
    permits ("may be included") leaves the whole to the study team."""
    two = "Prior alemtuzumab. Treatment with natalizumab within the last 3 months."
    assert facts(two, EXCLUSION) == [
        "therapy excludes drugs=alemtuzumab",
        "therapy excludes drugs=natalizumab within_months=3",
    ]
    assert (
        facts("Prior alemtuzumab. Those treated with cladribine may be included.", EXCLUSION) == []
    )


def test_a_joined_off_is_a_washout_and_a_bare_off_abstains():
    """Built after probes53: "..., and off all DMTs for N" is none within N; "currently off all
    DMTs" (no time) is a denial the rule does not read, so the team checks it."""
    got = facts("Not currently pregnant, and off all DMTs for at least 3 months", INCLUSION)
    assert any(f.startswith("therapy excludes") and f.endswith("within_months=3") for f in got)
    assert abstains("Currently off all DMTs", INCLUSION)


def test_a_window_past_another_fact_is_that_facts():
    """Built after probes54: the relapse's window is no washout of the drug before it."""
    assert facts(
        "On fingolimod, with the most recent relapse more than 6 months before screening"
    ) == ["relapses excludes months=6", "therapy requires drugs=fingolimod current=True"]
    # a window shared by the facts of one phrase stays shared
    shared = facts("Relapse or use of corticosteroids within 30 days", EXCLUSION)
    assert any("corticosteroid" in f and f.endswith("within_months=1") for f in shared)


def test_a_bound_said_with_a_denial_and_day_minus_spans():
    """Built after probes54: "no fewer than 14 days since" is at least 14 days, never a denial
    of the drug; "from Day -60 to Day -1" is the 60 days before the first dose."""
    got = facts("No fewer than 14 days since the last dose of systemic corticosteroids")
    assert got == [
        "therapy excludes drugs=methylprednisolone,prednisone,dexamethasone,corticotropin "
        "classes=corticosteroid within_months=0.4667"
    ]
    got = facts("Systemic corticosteroids from Day -60 to Day -1 inclusive", EXCLUSION)
    assert got[0].endswith("within_months=2")
    assert facts("EDSS not exceeding 5.5") == ["edss requires max=5.5"]


def test_denial_heads_and_later_earlier_bounds_said_another_way():
    """Built after probes55: "devoid of", "free from" are "free of"; a last dose "not later
    than 8 weeks before Day 1" is at least 8 weeks before (a washout), never a requirement."""
    got = facts("Devoid of any disease-modifying treatment during the 12 months before screening")
    assert len(got) == 1 and got[0].startswith("therapy excludes") and "within_months=12" in got[0]
    assert facts("Patients free from relapses for more than 3 years before screening", EXCLUSION)[
        0
    ].startswith("relapses requires")
    got = facts("Last dose of natalizumab not later than 8 weeks before Day 1")
    assert got[0].startswith("therapy excludes drugs=natalizumab")
    assert facts("Diagnosis not earlier than 12 months before screening") == [
        "diseaseduration requires max=1"
    ]


def test_a_permission_said_as_no_barrier_and_naive_defined_by_a_window():
    """Built after probes56: "Having received a DMT in the past is not a barrier to
    participation" lets people in (it asked for a DMT); "DMT-naive (defined as no DMT in the 24
    months before screening)" asks what its definition says."""
    assert facts("Having received a DMT in the past is not a barrier to participation") == []
    assert facts("Prior treatment with interferon does not preclude enrolment") == []
    got = facts("DMT-naive (defined as no DMT in the 24 months before screening)")
    assert len(got) == 1 and got[0].startswith("therapy excludes") and "within_months=24" in got[0]
    got = facts("DMT-naive (defined as never having received any DMT)")
    assert len(got) == 1 and "within_months" not in got[0]


def test_a_time_of_another_subject_or_fact_is_not_the_drugs():
    """Built after probes58: a window said of vaccinations in a clause of its own, or of the
    relapse before the drug, is no washout of the drug; a drug that only marks when ("before
    the first ofatumumab injection") is no fact of the patient's."""
    got = facts(
        "Currently receiving ocrelizumab; all scheduled vaccinations must be completed at "
        "least 2 weeks before Day 1"
    )
    assert got == ["therapy requires drugs=ocrelizumab current=True"]
    got = facts(
        "Has received ocrelizumab, and completed a COVID-19 vaccine course more than 4 weeks ago"
    )
    assert got == ["therapy requires drugs=ocrelizumab"]
    assert (
        facts("Live vaccines within 6 weeks before the first ofatumumab injection", EXCLUSION) == []
    )
    got = facts(
        "The most recent relapse began 30 days before randomisation, and any steroid course "
        "ended at least 2 weeks before randomisation"
    )
    assert any(f.startswith("therapy excludes") and "within_months=0.46" in f for f in got)
    # (a window shared by a relapse and the drug after it stays the drug's)
    got = facts("No relapse and no steroids in the 30 days before screening")
    assert any(f.startswith("therapy excludes") and "within_months=1" in f for f in got)


def test_each_clause_with_its_own_time_and_untreated_for_a_time():
    """Built after probes58: "Off fingolimod for at least 2 months and off natalizumab for at
    least 3 months" gives each drug its window; "Untreated for at least 6 months with any DMT"
    and "Treatment-naive for the last 6 months" bar DMTs in that time, not ever."""
    got = facts("Off fingolimod for at least 2 months and off natalizumab for at least 3 months")
    assert got == [
        "therapy excludes drugs=fingolimod within_months=2",
        "therapy excludes drugs=natalizumab within_months=3",
    ]
    got = facts("Untreated for at least 6 months with any DMT")
    assert len(got) == 1 and got[0].startswith("therapy excludes") and "within_months=6" in got[0]
    got = facts("Treatment-naive for the last 6 months")
    assert len(got) == 1 and got[0].startswith("therapy excludes") and "within_months=6" in got[0]
    # alternatives keep their own times: as an exclusion each bars; as an inclusion the team reads
    got = facts("Natalizumab within the last 3 months or alemtuzumab at any time", EXCLUSION)
    assert sorted(got) == [
        "therapy excludes drugs=alemtuzumab",
        "therapy excludes drugs=natalizumab within_months=3",
    ]
    assert facts("Either natalizumab within the last 3 months or alemtuzumab at any time") == []


def test_treatment_naive_in_a_clause_of_its_own_is_naive_to_dmts_only():
    # built after probes61 (a dev set this session): the naive word had been read into the
    # steroids of the next clause ("never had steroids"), and the DMT-naive rule was lost
    text = "treatment-naive; no steroid course within the last 2 weeks"
    assert facts(text, INCLUSION) == [
        "therapy excludes drugs=" + ",".join(load_lexicon().members("dmt")) + " classes=dmt",
        "therapy excludes drugs=methylprednisolone,prednisone,dexamethasone,corticotropin "
        "classes=corticosteroid within_months=0.4615",
    ]
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(prior_therapies=[], months_since_steroids=7)) == TRUE
    assert tree.evaluate(Profile(prior_therapies=["fingolimod"], months_since_steroids=7)) == FALSE
