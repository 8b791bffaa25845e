"""A patient's profile: the facts trial criteria turn on, every one optional.

A missing fact (None) makes the criteria that need it ``unknown``, never met or failed.
Also accepted as JSON (``Profile.from_dict``), with the same field names.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from .lexicon import load as load_lexicon

SUBTYPES = ("RRMS", "SPMS", "PPMS", "CIS", "RIS")
SEXES = ("female", "male")
NEVER = math.inf  # months_since_last_relapse for someone who never had a relapse
NO_THERAPY = "none"  # current_therapy of someone taking no MS treatment now


class ProfileError(ValueError):
    """A profile value that is not allowed; the message is fit to show a user."""


def valid_edss(value: float) -> bool:
    """EDSS is 0, then 1.0 to 10 in steps of 0.5 (0.5 is not a score on the scale)."""
    return value == 0 or (1.0 <= value <= 10.0 and float(value * 2).is_integer())


@dataclass
class Profile:
    age: float | None = None
    sex: str | None = None
    ms_subtype: str | None = None
    edss: float | None = None
    edss_is_estimate: bool = False
    edss_range: tuple[float, float] | None = None  # an estimate's low and high ends
    prior_therapies: list[str] | None = None  # canonical generic names; [] = none
    failed_therapies: list[str] | None = (
        None  # those that failed or were stopped for lack of effect
    )
    current_therapy: str | None = None
    # The brand the person named a therapy by, when not its best-known one ({"interferon beta-1a":
    # "Rebif"}): results call it so ("interferon beta-1a (Rebif)", not "(Avonex)"). Never matched
    # on.
    therapy_names: dict[str, str] = field(default_factory=dict)
    months_since_last_therapy: dict[str, float] = field(default_factory=dict)
    months_since_last_relapse: float | None = None  # math.inf: never had one
    months_since_steroids: float | None = (
        None  # last steroid course (e.g. for a relapse); inf: never
    )
    relapses_past_2_years: int | None = None
    years_since_diagnosis: float | None = None
    pregnant: bool | None = None
    breastfeeding: bool | None = None
    country: str | None = None
    home: tuple[float, float] | None = None  # (lat, lon) of where the person lives, if said

    def __post_init__(self) -> None:
        self.validate()

    # Facts that follow from others: a man is neither pregnant nor breastfeeding.
    @property
    def is_pregnant(self) -> bool | None:
        return False if self.sex == "male" else self.pregnant

    @property
    def is_breastfeeding(self) -> bool | None:
        return False if self.sex == "male" else self.breastfeeding

    @property
    def edss_bounds(self) -> tuple[float, float] | None:
        """(low, high) of what we know about the EDSS: a point, an estimated range, or None."""
        if self.edss_range is not None:
            return self.edss_range
        if self.edss is not None:
            return (self.edss, self.edss)
        return None

    def therapies_taken(self) -> set[str] | None:
        """Every therapy the person has taken, current one included; None if we don't know."""
        if self.prior_therapies is None and self.current_therapy is None:
            return None
        taken = set(self.prior_therapies or ())
        if self.current_therapy and self.current_therapy != NO_THERAPY:
            taken.add(self.current_therapy)
        return taken

    def months_since(self, drug: str) -> float | None:
        """Months since the person last took ``drug``: 0 if they take it now, None if unknown."""
        if self.current_therapy == drug:
            return 0.0
        return self.months_since_last_therapy.get(drug)

    def validate(self) -> None:
        if self.age is not None and not (0 <= self.age <= 120):
            raise ProfileError(f"age must be between 0 and 120, not {self.age}")
        if self.sex is not None and self.sex not in SEXES:
            raise ProfileError(f"sex must be female or male, not {self.sex!r}")
        if self.ms_subtype is not None and self.ms_subtype not in SUBTYPES:
            raise ProfileError(f"ms_subtype must be one of {', '.join(SUBTYPES)}")
        if self.edss is not None and not valid_edss(self.edss):
            raise ProfileError(f"EDSS must be 0 or 1.0 to 10 in steps of 0.5, not {self.edss}")
        if self.home is not None:
            lat, lon = self.home
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ProfileError(f"home must be (latitude, longitude), not {self.home}")
        if self.edss_range is not None:
            lo, hi = self.edss_range
            if not (valid_edss(lo) and valid_edss(hi) and lo <= hi):
                raise ProfileError(
                    f"edss_range must be two EDSS values, low first: {self.edss_range}"
                )
            self.edss_range = (float(lo), float(hi))
        drugs = load_lexicon().drugs
        for name in (
            *(self.prior_therapies or ()),
            *(self.failed_therapies or ()),
            *([self.current_therapy] if self.current_therapy not in (None, NO_THERAPY) else []),
            *self.months_since_last_therapy,
        ):
            if name not in drugs:
                raise ProfileError(f"unknown therapy {name!r}: use a generic name from the lexicon")
        for name, brand in self.therapy_names.items():
            if name not in drugs or brand not in drugs[name].brands:
                raise ProfileError(f"{brand!r} is not a brand name of {name!r} in the lexicon")
        if self.failed_therapies and self.prior_therapies is not None:
            missing = (
                set(self.failed_therapies) - set(self.prior_therapies) - {self.current_therapy}
            )
            if missing:
                self.prior_therapies = [*self.prior_therapies, *sorted(missing)]
        for value, name in (
            (self.months_since_last_relapse, "months_since_last_relapse"),
            (self.months_since_steroids, "months_since_steroids"),
            (self.years_since_diagnosis, "years_since_diagnosis"),
        ):
            if value is not None and value < 0:
                raise ProfileError(f"{name} cannot be negative")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Profile":
        """Build from JSON-like data; unknown keys are an error (a typo would hide a fact)."""
        known = {f for f in cls.__dataclass_fields__}
        extra = set(data) - known
        if extra:
            raise ProfileError(f"unknown profile field(s): {', '.join(sorted(extra))}")
        values = dict(data)
        for key in ("months_since_last_relapse", "months_since_steroids"):
            if values.get(key) == "never":
                values[key] = NEVER
        if values.get("edss_range") is not None:
            values["edss_range"] = tuple(values["edss_range"])
        if values.get("home") is not None:
            values["home"] = tuple(float(v) for v in values["home"])
        for key in ("months_since_last_therapy", "therapy_names"):
            if values.get(key) is None:
                values[key] = {}
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("months_since_last_relapse", "months_since_steroids"):
            if data[key] == NEVER:
                data[key] = "never"
        if data["edss_range"] is not None:
            data["edss_range"] = list(data["edss_range"])
        if data["home"] is not None:
            data["home"] = list(data["home"])
        return data
