"""The computable meaning of a criterion: a small tree of predicates over a patient profile.

A predicate answers one of four truth values. ``UNKNOWN`` means the profile lacks a fact
(asking the patient can settle it); ``REVIEW`` means no profile fact can settle it (the study
team must check). Trees are stored as JSON in ``Criterion.parsed`` and rebuilt with
:func:`from_json`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, ClassVar, Iterator

from ..lexicon import load as load_lexicon
from ..profile import Profile


class Truth(IntEnum):
    """A predicate's answer, ordered so that AND is min()."""

    FALSE = 0
    UNKNOWN = 1
    REVIEW = 2
    TRUE = 3


FALSE, UNKNOWN, REVIEW, TRUE = Truth.FALSE, Truth.UNKNOWN, Truth.REVIEW, Truth.TRUE
TRUTH_NAMES = {t: t.name.lower() for t in Truth}
# OR ranks its inputs differently: one unknown fact may still make it true.
_OR_RANK = {FALSE: 0, REVIEW: 1, UNKNOWN: 2, TRUE: 3}
NOT = {FALSE: TRUE, TRUE: FALSE, UNKNOWN: UNKNOWN, REVIEW: REVIEW}


def all_of(values: list[int]) -> int:
    return min(values) if values else TRUE


def any_of(values: list[int]) -> int:
    return max(values, key=_OR_RANK.__getitem__) if values else FALSE


def edss_values_between(lo: float, hi: float) -> list[float]:
    """The EDSS scores from lo to hi (0, 1.0, 1.5, ... 10; 0.5 is not on the scale)."""
    return [v / 2 for v in range(int(lo * 2), int(hi * 2) + 1) if v != 1]


def fmt_num(value: float) -> str:
    """3.0 -> "3.0" for EDSS-like scores is kept by callers; 20.0 -> "20" for ages and counts."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def fmt_edss(value: float) -> str:
    return f"{value:.1f}" if value else "0"


def fmt_months(months: float) -> str:
    """A span in the unit a person would use: "2 years", "3 months", "4 weeks", "50 days"."""
    if months >= 12 and months % 12 == 0:
        years = int(months // 12)
        return "1 year" if years == 1 else f"{years} years"
    if months >= 1 and abs(months - round(months)) < 0.05:
        n = int(round(months))
        return "1 month" if n == 1 else f"{n} months"
    weeks = months * 52 / 12
    if weeks >= 1 and abs(weeks - round(weeks)) < 0.05:
        n = int(round(weeks))
        return "1 week" if n == 1 else f"{n} weeks"
    days = max(int(round(months * 30)), 1)
    return "1 day" if days == 1 else f"{days} days"


def last_period(months: float) -> str:
    """ "the last month", "the last 3 months", "the last year", "the last 4 weeks"."""
    text = fmt_months(months)
    return "the last " + (text[2:] if text.startswith("1 ") else text)


def _join(items: list[str], word: str = "or") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


class Node:
    """Base of every predicate; subclasses set ``type`` and implement the methods below."""

    type: ClassVar[str]

    def evaluate(self, profile: Profile) -> int:
        raise NotImplementedError

    def fields(self) -> set[str]:
        """Profile fields this predicate reads (used to pick the next question)."""
        return set()

    def to_json(self) -> dict[str, Any]:
        raise NotImplementedError

    def leaves(self) -> Iterator[tuple["Leaf", bool]]:
        """Every leaf with its polarity (False under an odd number of NOTs)."""
        raise NotImplementedError


@dataclass
class All(Node):
    items: list[Node]
    type: ClassVar[str] = "all"

    def evaluate(self, profile: Profile) -> int:
        return all_of([i.evaluate(profile) for i in self.items])

    def fields(self) -> set[str]:
        return set().union(*(i.fields() for i in self.items)) if self.items else set()

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "items": [i.to_json() for i in self.items]}

    def leaves(self):
        for item in self.items:
            yield from item.leaves()


@dataclass
class Any_(All):
    type: ClassVar[str] = "any"

    def evaluate(self, profile: Profile) -> int:
        return any_of([i.evaluate(profile) for i in self.items])


@dataclass
class Not(Node):
    item: Node
    type: ClassVar[str] = "not"

    def evaluate(self, profile: Profile) -> int:
        return NOT[self.item.evaluate(profile)]

    def fields(self) -> set[str]:
        return self.item.fields()

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "item": self.item.to_json()}

    def leaves(self):
        for leaf, polarity in self.item.leaves():
            yield leaf, not polarity


@dataclass
class Leaf(Node):
    """A predicate about one fact. ``condition()`` describes it as "people ..." would."""

    source: str = ""  # the trial's words this was read from

    def leaves(self):
        yield self, True

    def condition(self) -> str:
        raise NotImplementedError

    def fact(self, profile: Profile) -> str | None:
        """What we know from the profile, in the patient's terms; None when we don't know."""
        return None

    def missing(self) -> str:
        """What we would need to ask, for an UNKNOWN."""
        return "I don't know this yet"

    def to_json(self) -> dict[str, Any]:
        data = {"type": self.type}
        for name, f in self.__dataclass_fields__.items():
            value = getattr(self, name)
            if name == "source" and not value:
                continue
            data[name] = list(value) if isinstance(value, tuple) else value
        return data


def _in_range(
    value: float, lo: float | None, hi: float | None, lo_incl: bool, hi_incl: bool
) -> bool:
    if lo is not None and (value < lo or (value == lo and not lo_incl)):
        return False
    if hi is not None and (value > hi or (value == hi and not hi_incl)):
        return False
    return True


@dataclass
class _Range(Leaf):
    min: float | None = None
    max: float | None = None
    min_inclusive: bool = True
    max_inclusive: bool = True

    def contains(self, value: float) -> bool:
        return _in_range(value, self.min, self.max, self.min_inclusive, self.max_inclusive)

    def range_text(self, fmt=fmt_num, unit: str = "") -> str:
        lo, hi = self.min, self.max
        if lo is not None and hi is not None:
            text = f"{fmt(lo)} to {fmt(hi)}"
            if not self.min_inclusive or not self.max_inclusive:
                text = f"between {fmt(lo)} and {fmt(hi)}"
            return text + unit
        if lo is not None:
            return (
                f"{fmt(lo)}{unit} or more" if self.min_inclusive else f"more than {fmt(lo)}{unit}"
            )
        if hi is not None:
            return (
                f"{fmt(hi)}{unit} or less" if self.max_inclusive else f"less than {fmt(hi)}{unit}"
            )
        return "any value"


@dataclass
class Age(_Range):
    type: ClassVar[str] = "age"

    def evaluate(self, profile: Profile) -> int:
        if profile.age is None:
            return UNKNOWN
        if self.min is not None and not self.min_inclusive and profile.age == self.min:
            return REVIEW  # "older than 18": someone who says 18 may be 18 and a half
        return TRUE if self.contains(profile.age) else FALSE

    def fields(self) -> set[str]:
        return {"age"}

    def condition(self) -> str:
        lo, hi = self.min, self.max
        if lo is not None and hi is not None:
            return f"aged {fmt_num(lo)} to {fmt_num(hi)}"
        if lo is not None:
            return (
                f"aged {fmt_num(lo)} or older"
                if self.min_inclusive
                else f"older than {fmt_num(lo)}"
            )
        if hi is not None:
            return (
                f"aged {fmt_num(hi)} or younger"
                if self.max_inclusive
                else f"younger than {fmt_num(hi)}"
            )
        return "of any age"

    def fact(self, profile: Profile) -> str | None:
        return None if profile.age is None else f"you told me you are {fmt_num(profile.age)}"

    def missing(self) -> str:
        return "I don't know your age yet"


@dataclass
class Sex(Leaf):
    allowed: list[str] = field(default_factory=list)
    type: ClassVar[str] = "sex"

    def evaluate(self, profile: Profile) -> int:
        if profile.sex is None:
            return UNKNOWN
        return TRUE if profile.sex in self.allowed else FALSE

    def fields(self) -> set[str]:
        return {"sex"}

    def condition(self) -> str:
        words = {"female": "women", "male": "men"}
        return "who are " + _join([words[s] for s in self.allowed])

    def fact(self, profile: Profile) -> str | None:
        return (
            None
            if profile.sex is None
            else f"you told me you are a {'woman' if profile.sex == 'female' else 'man'}"
        )

    def missing(self) -> str:
        return "I don't know yet if you are a woman or a man"


@dataclass
class Subtype(Leaf):
    yes: list[str] = field(default_factory=list)
    maybe: list[str] = field(default_factory=list)  # only sometimes: the team checks
    type: ClassVar[str] = "subtype"

    def evaluate(self, profile: Profile) -> int:
        if profile.ms_subtype is None:
            return UNKNOWN
        if profile.ms_subtype in self.yes:
            return TRUE
        return REVIEW if profile.ms_subtype in self.maybe else FALSE

    def fields(self) -> set[str]:
        return {"ms_subtype"}

    def condition(self) -> str:
        lex = load_lexicon()
        text = "with " + _join([lex.subtype_label(s) for s in self.yes])
        if self.maybe:
            text += ", and in some cases " + _join([lex.subtype_label(s) for s in self.maybe])
        return text

    def fact(self, profile: Profile) -> str | None:
        if profile.ms_subtype is None:
            return None
        return f"you told me you have {load_lexicon().subtype_label(profile.ms_subtype)}"

    def missing(self) -> str:
        return "I don't know yet which type of MS you have"


@dataclass
class Edss(_Range):
    type: ClassVar[str] = "edss"

    def evaluate(self, profile: Profile) -> int:
        bounds = profile.edss_bounds
        if bounds is None:
            return UNKNOWN
        # An estimated range is decided only if every score in it falls on the same side.
        inside = {self.contains(v) for v in edss_values_between(*bounds)}
        if inside == {True}:
            return TRUE
        if inside == {False}:
            return FALSE
        return UNKNOWN

    def fields(self) -> set[str]:
        return {"edss"}

    def condition(self) -> str:
        lo, hi = self.min, self.max
        if lo is not None and hi is not None:
            return f"with an EDSS score between {fmt_edss(lo)} and {fmt_edss(hi)}"
        if lo is not None:
            return (
                f"with an EDSS score of {fmt_edss(lo)} or more"
                if self.min_inclusive
                else f"with an EDSS score above {fmt_edss(lo)}"
            )
        if hi is not None:
            return (
                f"with an EDSS score of {fmt_edss(hi)} or less"
                if self.max_inclusive
                else f"with an EDSS score below {fmt_edss(hi)}"
            )
        return "with any EDSS score"

    def fact(self, profile: Profile) -> str | None:
        if profile.edss_range is not None and profile.edss_range[0] != profile.edss_range[1]:
            lo, hi = profile.edss_range
            return (
                f"your estimated EDSS is between {fmt_edss(lo)} and {fmt_edss(hi)}. "
                "Your neurologist can tell you your exact score"
            )
        if profile.edss is None:
            return None
        word = "estimated EDSS" if profile.edss_is_estimate else "EDSS"
        return f"your {word} is {fmt_edss(profile.edss)}"

    def missing(self) -> str:
        return "I don't know your EDSS score yet"


@dataclass
class DiseaseDuration(_Range):
    """Years since MS was diagnosed."""

    type: ClassVar[str] = "duration"

    def evaluate(self, profile: Profile) -> int:
        if profile.years_since_diagnosis is None:
            return UNKNOWN
        return TRUE if self.contains(profile.years_since_diagnosis) else FALSE

    def fields(self) -> set[str]:
        return {"years_since_diagnosis"}

    def condition(self) -> str:
        lo, hi = self.min, self.max
        if lo is not None and hi is not None:
            return f"whose MS was diagnosed {fmt_num(lo)} to {fmt_num(hi)} years ago"
        if lo is not None:
            return f"whose MS was diagnosed at least {fmt_months(lo * 12)} ago"
        if hi is not None:
            return f"whose MS was diagnosed within {last_period(hi * 12)}"
        return "diagnosed with MS"

    def fact(self, profile: Profile) -> str | None:
        y = profile.years_since_diagnosis
        if y is None:
            return None
        return (
            f"you were diagnosed about {fmt_months(round(y * 12))} ago"
            if y < 2
            else f"you were diagnosed about {fmt_num(round(y, 1))} years ago"
        )

    def missing(self) -> str:
        return "I don't know yet when you were diagnosed"


@dataclass
class Relapses(Leaf):
    """At least ``count`` relapses in the last ``months`` months."""

    count: int = 1
    months: float = 12
    type: ClassVar[str] = "relapses"

    def evaluate(self, profile: Profile) -> int:
        last = profile.months_since_last_relapse
        if last is not None and last > self.months:
            return FALSE
        if self.count <= 1:
            if last is None:
                return (
                    FALSE if profile.relapses_past_2_years == 0 and self.months <= 24 else UNKNOWN
                )
            return TRUE
        if profile.relapses_past_2_years is not None and self.months == 24:
            return TRUE if profile.relapses_past_2_years >= self.count else FALSE
        if (
            profile.relapses_past_2_years is not None
            and self.months > 24
            and profile.relapses_past_2_years >= self.count
        ):
            return TRUE
        if (
            profile.relapses_past_2_years is not None
            and self.months < 24
            and profile.relapses_past_2_years < self.count
        ):
            return FALSE
        return UNKNOWN

    def fields(self) -> set[str]:
        return (
            {"months_since_last_relapse"}
            if self.count <= 1
            else {"months_since_last_relapse", "relapses_past_2_years"}
        )

    def condition(self) -> str:
        if self.count <= 1:
            return f"who had a relapse in {last_period(self.months)}"
        return f"who had at least {self.count} relapses in {last_period(self.months)}"

    def fact(self, profile: Profile) -> str | None:
        last = profile.months_since_last_relapse
        parts = []
        if last is not None:
            parts.append(
                "you told me you have never had a relapse"
                if last == float("inf")
                else f"your last relapse was about {fmt_months(last)} ago"
                if last >= 1
                else "you had a relapse in the last few weeks"
            )
        if self.count > 1 and profile.relapses_past_2_years is not None:
            n = profile.relapses_past_2_years
            parts.append(f"you had {n} relapse{'' if n == 1 else 's'} in the last 2 years")
        return " and ".join(parts) or None

    def missing(self) -> str:
        return (
            "I don't know how many relapses you had recently"
            if self.count > 1
            else "I don't know yet when your last relapse was"
        )


@dataclass
class Therapy(Leaf):
    """Has taken one of these (ever, within ``within_months``, or right now if ``current``)."""

    drugs: list[str] = field(default_factory=list)  # already expanded from classes
    classes: list[str] = field(default_factory=list)  # as the trial named them, for wording
    within_months: float | None = None
    current: bool = False
    type: ClassVar[str] = "therapy"

    def evaluate(self, profile: Profile) -> int:
        # Steroid courses are not "MS treatments" people list: they have their own question.
        # Other medicines (statins, cannabis...) are never asked: the study team checks them.
        steroids = [d for d in self.drugs if d in _steroids()]
        other = [d for d in self.drugs if d in _other_medicines()]
        listed = [d for d in self.drugs if d not in steroids and d not in other]
        parts = []
        if listed or not (steroids or other):
            parts.append(self._evaluate_listed(listed, profile))
        if steroids:
            parts.append(self._evaluate_steroids(steroids, profile))
        if other:
            parts.append(REVIEW)
        return any_of(parts)

    @property
    def other_only(self) -> bool:
        """Names only medicines the bot never asks about (drugs.yml other_medicines)."""
        return bool(self.drugs) and all(d in _other_medicines() for d in self.drugs)

    def _evaluate_steroids(self, steroids: list[str], profile: Profile) -> int:
        listed = profile.therapies_taken() or set()
        if any(d in listed for d in steroids):
            return self._evaluate_listed(steroids, profile)
        months = profile.months_since_steroids
        if months is None:
            return UNKNOWN
        if months == float("inf"):
            return FALSE
        if self.current:
            return TRUE if months == 0 else FALSE
        return TRUE if self.within_months is None or months <= self.within_months else FALSE

    def _evaluate_listed(self, drugs: list[str], profile: Profile) -> int:
        taken = profile.therapies_taken()
        if taken is None:
            return UNKNOWN
        hits = [d for d in drugs if d in taken]
        if self.current:
            if profile.current_therapy is None:
                return FALSE if not hits else UNKNOWN
            return TRUE if profile.current_therapy in drugs else FALSE
        if not hits:
            return FALSE
        if self.within_months is None:
            return TRUE
        months = [profile.months_since(d) for d in hits]
        if any(m is not None and m <= self.within_months for m in months):
            return TRUE
        return FALSE if all(m is not None for m in months) else UNKNOWN

    def fields(self) -> set[str]:
        """The profile facts that settle it; steroid courses have their own question only."""
        steroids = [d for d in self.drugs if d in _steroids()]
        asked = [d for d in self.drugs if d not in _other_medicines()]
        fields: set[str] = set()
        if self.other_only:
            return fields
        if len(steroids) < len(asked) or not steroids:
            fields.add("prior_therapies")
            if self.current:
                fields.add("current_therapy")
            elif self.within_months is not None:
                fields.add("months_since_last_therapy")
        if steroids:
            fields.add("months_since_steroids")
        return fields

    def what(self) -> str:
        lex = load_lexicon()
        named = [lex.class_label(c) for c in self.classes]
        covered = {d for c in self.classes for d in lex.members(c)}
        named += [lex.display_name(d) for d in self.drugs if d not in covered]
        if len(named) > 4:  # a long list is hard to read: how many, and the first of them
            return f"one of {len(named)} listed medicines, such as {named[0]}"
        return _join(named)

    def condition(self) -> str:
        if self.current:
            return f"who are taking {self.what()} now"
        if self.within_months is not None:
            return f"who took {self.what()} in {last_period(self.within_months)}"
        return f"who have taken {self.what()}"

    def fact(self, profile: Profile) -> str | None:
        if self.other_only:
            return None
        taken = profile.therapies_taken()
        steroid_only = all(d in _steroids() for d in self.drugs)
        if steroid_only and not (taken or set()) & set(self.drugs):
            months = profile.months_since_steroids
            if months is None:
                return None
            if months == float("inf"):
                return "you told me you have not had steroid treatment"
            return (
                f"you told me your last steroid treatment was about {fmt_months(months)} ago"
                if months >= 1
                else "you told me you had steroid treatment in the last few weeks"
            )
        if taken is None:
            return None
        lex = load_lexicon()
        hits = [d for d in self.drugs if d in taken]
        if not hits:
            return (
                "you told me you have not taken any MS treatment"
                if not taken
                else "as far as you told me, you have not taken any of these"
            )
        names = _join([lex.display_name(d) for d in hits], "and")
        if self.current:
            if profile.current_therapy is None:
                return None
            if profile.current_therapy in self.drugs:
                return f"you told me you take {lex.display_name(profile.current_therapy)} now"
            return f"you told me you have taken {names} but are not taking it now"
        if self.within_months is not None:
            known = [(d, profile.months_since(d)) for d in hits]
            recent = [d for d, m in known if m is not None and m <= self.within_months]
            if recent:
                recent_names = _join([lex.display_name(d) for d in recent], "and")
                return f"you told me you took {recent_names} recently"
            if all(m is not None for _, m in known):
                return f"you told me you took {names}, but longer ago than that"
            return None
        return f"you told me you have taken {names}"

    def missing(self) -> str:
        if all(d in _steroids() for d in self.drugs):
            return "I don't know yet when you last had steroid treatment"
        if self.current:
            return f"I don't know yet if you take {self.what()} now"
        if self.within_months is not None:
            return f"I don't know yet when you last took {self.what()}"
        return "I don't know yet which MS treatments you have taken"


def _steroids() -> set[str]:
    return set(load_lexicon().members("corticosteroid"))


def _other_medicines() -> dict:
    return load_lexicon().other_medicines


@dataclass
class TherapyFailure(Leaf):
    """At least ``count`` of these treatments failed (or were stopped because they did not work)."""

    drugs: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    count: int = 1
    type: ClassVar[str] = "failure"

    def evaluate(self, profile: Profile) -> int:
        failed = profile.failed_therapies
        if failed is None:
            return (
                FALSE
                if profile.prior_therapies == [] and profile.current_therapy in (None, "none")
                else UNKNOWN
            )
        return TRUE if len(set(failed) & set(self.drugs)) >= self.count else FALSE

    def fields(self) -> set[str]:
        return {"prior_therapies", "failed_therapies"}

    def condition(self) -> str:
        what = Therapy(drugs=self.drugs, classes=self.classes).what()
        many = "at least one" if self.count == 1 else f"at least {self.count}"
        return f"who found that {many} of these did not work for them: {what}"

    def fact(self, profile: Profile) -> str | None:
        failed = profile.failed_therapies
        if failed is None:
            return (
                "you told me you have not taken any MS treatment"
                if profile.prior_therapies == []
                else None
            )
        lex = load_lexicon()
        hits = [d for d in self.drugs if d in failed]
        if hits:
            hit_names = _join([lex.display_name(d) for d in hits], "and")
            return f"you told me {hit_names} did not work for you"
        return "as far as you told me, none of these stopped working for you"

    def missing(self) -> str:
        return "I don't know yet if an MS treatment stopped working for you"


@dataclass
class Pregnant(Leaf):
    type: ClassVar[str] = "pregnant"

    def evaluate(self, profile: Profile) -> int:
        value = profile.is_pregnant
        return UNKNOWN if value is None else (TRUE if value else FALSE)

    def fields(self) -> set[str]:
        return {"sex", "pregnant"}

    def condition(self) -> str:
        return "who are pregnant"

    def fact(self, profile: Profile) -> str | None:
        if profile.sex == "male":
            return "you told me you are a man"
        value = profile.pregnant
        return (
            None
            if value is None
            else ("you told me you are pregnant" if value else "you told me you are not pregnant")
        )

    def missing(self) -> str:
        return "I don't know yet if you are pregnant"


@dataclass
class Breastfeeding(Leaf):
    type: ClassVar[str] = "breastfeeding"

    def evaluate(self, profile: Profile) -> int:
        value = profile.is_breastfeeding
        return UNKNOWN if value is None else (TRUE if value else FALSE)

    def fields(self) -> set[str]:
        return {"sex", "breastfeeding"}

    def condition(self) -> str:
        return "who are breastfeeding"

    def fact(self, profile: Profile) -> str | None:
        if profile.sex == "male":
            return "you told me you are a man"
        value = profile.breastfeeding
        return (
            None
            if value is None
            else (
                "you told me you are breastfeeding"
                if value
                else "you told me you are not breastfeeding"
            )
        )

    def missing(self) -> str:
        return "I don't know yet if you are breastfeeding"


@dataclass
class Contraception(Leaf):
    """Use of contraception during the study: a conversation with the team, not a fact we ask."""

    type: ClassVar[str] = "contraception"

    def evaluate(self, profile: Profile) -> int:
        return REVIEW

    def condition(self) -> str:
        return "who use birth control during the study"


@dataclass
class Review(Leaf):
    """Something no profile fact settles (labs, MRI, other illnesses, the investigator's view)."""

    topic: str = "other"
    type: ClassVar[str] = "review"

    def evaluate(self, profile: Profile) -> int:
        return REVIEW

    def condition(self) -> str:
        return "who meet this"


NODE_TYPES: dict[str, type[Node]] = {
    cls.type: cls
    for cls in (
        All,
        Any_,
        Not,
        Age,
        Sex,
        Subtype,
        Edss,
        DiseaseDuration,
        Relapses,
        Therapy,
        TherapyFailure,
        Pregnant,
        Breastfeeding,
        Contraception,
        Review,
    )
}


def from_json(data: dict[str, Any]) -> Node:
    """Rebuild a predicate tree stored by ``Node.to_json``."""
    cls = NODE_TYPES[data["type"]]
    if cls in (All, Any_):
        return cls([from_json(i) for i in data["items"]])
    if cls is Not:
        return Not(from_json(data["item"]))
    kwargs = {k: v for k, v in data.items() if k != "type"}
    return cls(**kwargs)
