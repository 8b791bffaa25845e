"""What only the study team can check: topics found in the words no fact rule read."""

from __future__ import annotations

import re

# Topics of what only the study team can check, found in what the parser did not read.
REVIEW_TOPICS: list[tuple[str, re.Pattern[str]]] = [
    (topic, re.compile(pattern, re.IGNORECASE))
    for topic, pattern in [
        (
            "consent",
            r"\b(consent|willing|agree|able to (understand|comply|complete|provide|give)|comply)",
        ),
        ("mri", r"\b(mri|magnetic resonance|gadolinium|lesions?|t2|t1)\b"),
        (
            "labs",
            r"\b(laborator\w*|uln|upper limit of normal|blood|creatinine|h(a)?emoglobin|e?gfr"
            r"|alt|ast|hba1c|platelet|lymphocyte|aptt|pt|liver|renal|hepatic|kidney|serolog\w*"
            r"|antibod\w*|vitamin|calcium|test result)\b",
        ),
        (
            "other_conditions",
            r"\b(disease|disorder|infection|cancer|malignan\w*|tumou?r|diabetes|cardiac|heart"
            r"|seizures?|epilep\w*|depressi\w*|psychiatr\w*|psychosis|hiv|hepatitis|neuropath\w*"
            r"|allerg\w*|hypersensitiv\w*|comorbid\w*|illness|condition|syndrome|impairment"
            r"|dementia|stroke|angina|arrhythmi\w*|pressure|abuse|alcohol|suicid\w*|nmosd"
            r"|neuromyelitis|mogad?)\b",
        ),
        (
            "investigator",
            r"\b(investigator|opinion|judg\w*|physician|clinician|not suitable|unsuitable"
            r"|discretion)\b",
        ),
        (
            "other_studies",
            r"\b(investigational|clinical (trials?|stud(y|ies))"
            r"|other (trials?|stud(y|ies)|research)"
            # not "protocol-defined relapse" (what the study counts as one)
            r"|participat\w*|enrolled|protocol(?![- ](?:defined|specified))|registry|index date"
            r"|claims?)\b",
        ),
        (
            "practical",
            r"\b(internet|computer|smartphone|device|app|travel|english|german|language|speak|read"
            r"|insurance|education|school|transport|centre|center|site|email|e-mail|phone)\b",
        ),
        (
            "tests",
            r"\b(score|scale|test|walk\w*|ambulat\w*|questionnaire|t25fw|9hpt|pasat|sdmt|mmse"
            r"|assessment|vision|visual|acuity|cognitiv\w*|strength|spasticity|motricity"
            r"|evaluation)\b",
        ),
        (
            "treatment_change",
            r"\b(change|changes|stable|initiat\w*|start\w*|switch\w*|dose|prescri\w*|label|smpc"
            r"|indication|contraindicat\w*|summary of product|washout|medication|medicines?"
            r"|drugs?|treatment|therapy|vaccin\w*|steroid)\b",
        ),
        (
            "reproductive",
            r"\b(menstrua\w*|menopaus\w*|premenopausal|hysterectomy|child-?bearing|postpartum|menarche|uterus|fertil\w*)\b",
        ),
        ("diagnosis", r"\b(diagnos\w*|mcdonald|criteria)\b"),
        ("age_group", r"\b(pediatric|paediatric|children|adolescents?|adults?|minors?)\b"),
    ]
]
REVIEW_TOPIC_WORDS = {
    "consent": "your consent to the study and its steps",
    "mri": "MRI scans",
    "labs": "blood tests or other lab tests",
    "other_conditions": "your other health problems",
    "investigator": "what the study doctor thinks",
    "other_studies": "your part in other studies",
    "practical": "travel, language, and the phone or computer you use",
    "tests": "the results of tests or checks",
    "treatment_change": "details of your treatment",
    "other_medicines": "other medicines you take or took",
    "reproductive": "your periods and whether you could get pregnant",
    "diagnosis": "how your MS was diagnosed",
    "age_group": "the age group of the study",
    "alternative": "which of the study's groups fits you",
    "uncertain_reading": "a rule that is not clear enough for me to decide",
    "scope": "whether this rule is for you (it covers only part of the study)",
    "duration": "how long you took the treatment",
    "activity": "recent signs that your MS is active",
    "other": "other rules of the study",
}


_BOILERPLATE = re.compile(
    r"\b(patients?|participants?|subjects?|individuals?|persons?|people|who|with|without|have|has|had|having|"
    r"are|is|was|were|be|been|being|the|a|an|of|or|and|to|in|on|for|by|at|as|from|any|all|must|should|"
    r"will|may|can|diagnos\w*|established|documented|confirmed|clinical(ly)?|definite|"
    r"multiple|sclerosis|ms|according|criteria|revised|mcdonald'?s?|\d{4}|et|al|years?|old|age[sd]?|"
    r"prior|before|enrol\w*|enrollment|randomi[sz]ation|screening|baseline|study|entry|visit|day|"
    r"months?|weeks?|days?|last|past|previous|preceding|within|during|over|currently|current|"
    r"treatment|therapy|treated|use|used|taking|receiving|history|previously|those|that|this|these|"
    r"not|no|only|male|female|males|females|men|women|either|both|than|more|less|least|score|"
    r"between|inclusive(ly)?|point|points|such|e\.?g\.?|including|like|etc|other|form|forms|course|"
    r"type|types|disease|documented|diagnosis|infusion|consent|informed|time|date|if|which|there|their|"
    r"his|her|defined|define|modified|experienced|experience|occurred|occur|while|recent|recently|"
    r"numbers?|per|based|updated|fulfilling|fulfil\w*|onset|candidate|adults?|systemic|counter|"
    r"prescription|already|ongoing|immunomodulatory|injections?|thompson|polman|ms-related|"
    r"sign|signed|approved|written|exclude|excluded|free|start|woman|appendix|self-reported|self|reported|"
    r"neurologist|physician-confirmed|neurologist-confirmed|received|receive|products?|yes)\b",
    re.IGNORECASE,
)


def review_topics(residual: str) -> list[str]:
    topics = [topic for topic, pattern in REVIEW_TOPICS if pattern.search(residual)]
    return topics


def leftover_words(residual: str) -> list[str]:
    """Words the parser did not read, beyond glue words, codes and punctuation."""
    rest = re.sub(r"\b\w*\d\w*\b", " ", residual)  # codes such as UMSC01, T2, 9HPT
    rest = _BOILERPLATE.sub(" ", rest)
    rest = re.sub(r"[^A-Za-z]+", " ", rest)
    return [w for w in rest.split() if len(w) > 2]
