"""Profile validation: the values trial criteria are compared with must be real values."""

from __future__ import annotations

import pytest

from trials_db.profile import NEVER, Profile, ProfileError, valid_edss


@pytest.mark.parametrize(
    "value, ok",
    [
        (0, True),
        (0.5, False),
        (1.0, True),
        (3.3, False),
        (3.5, True),
        (10, True),
        (12, False),
        (-1, False),
    ],
)
def test_edss_scale(value, ok):
    assert valid_edss(value) is ok


@pytest.mark.parametrize(
    "fields, words",
    [
        ({"age": 200}, "age"),
        ({"edss": 12}, "EDSS"),
        ({"edss": 0.5}, "EDSS"),
        ({"ms_subtype": "XYZ"}, "ms_subtype"),
        ({"sex": "other"}, "sex"),
        ({"prior_therapies": ["unicornumab"]}, "unknown therapy"),
        ({"edss_range": [6.0, 4.0]}, "edss_range"),
        ({"agee": 30}, "unknown profile field"),
    ],
)
def test_invalid_values_are_refused_with_a_reason(fields, words):
    with pytest.raises(ProfileError, match=words):
        Profile.from_dict(fields)


def test_json_round_trip_and_derived_facts():
    p = Profile.from_dict(
        {
            "age": 50,
            "sex": "male",
            "months_since_last_relapse": "never",
            "prior_therapies": ["fingolimod"],
            "failed_therapies": ["fingolimod", "teriflunomide"],
            "edss_range": [4.0, 5.5],
        }
    )
    assert p.months_since_last_relapse == NEVER
    assert p.is_pregnant is False and p.is_breastfeeding is False
    assert set(p.prior_therapies) == {"fingolimod", "teriflunomide"}  # a failed one was taken
    assert p.edss_bounds == (4.0, 5.5)
    again = Profile.from_dict(p.to_dict())
    assert again == p
