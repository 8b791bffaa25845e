"""bot/data/nlu/lookups.yml is a copy of names from trials_db/lexicon (the one source): every
entry must still be a lexicon name, so a name removed or renamed there fails here."""

from __future__ import annotations

import yaml

from trials_db.lexicon import load as load_lexicon

from .conftest import ROOT


def _lexicon_names() -> dict[str, set[str]]:
    lex = load_lexicon()
    drug = {
        n
        for d in lex.drugs.values()
        for n in (d.name, *d.brands, *d.names, *d.misspellings, *d.case_sensitive)
    }
    drug |= {n for c in lex.classes.values() for n in c.names}
    course = {n for s in lex.subtypes.values() for n in (*s.names, *s.case_sensitive)}
    course |= {n for g in lex.groups.values() for n in (*g.names, *g.case_sensitive)}
    country = {n for c in lex.countries.values() for n in (c.name, *c.aliases)}
    return {
        k: {n.lower() for n in v}
        for k, v in (("drug", drug), ("ms_course", course), ("country", country))
    }


def test_every_lookup_entry_is_a_lexicon_name():
    doc = yaml.safe_load((ROOT / "bot" / "data" / "nlu" / "lookups.yml").read_text())["nlu"]
    tables = {
        d["lookup"]: [line[2:].strip() for line in d["examples"].splitlines() if line.strip()]
        for d in doc
    }
    names = _lexicon_names()
    assert set(tables) == set(names)
    for table, entries in tables.items():
        stray = [e for e in entries if e not in names[table]]
        assert not stray, f"lookup {table} has names the lexicon does not: {stray}"
        assert len(entries) > 20
