"""Each module-level name of the project's code is bound once: a rule written twice under one
name (a pattern, a table) silently replaces the first everywhere, even where the first was
meant, which is how two date rules of patient_text.py were lost for several sessions."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(
    p
    for d in ("trials_db", "bot", "review", "web", "scripts", "benchmarks")
    for p in (ROOT / d).rglob("*.py")
)


def _bound_twice(path: Path) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
    return sorted(n for n, k in names.items() if k > 1)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_level_name_is_bound_twice(path):
    assert _bound_twice(path) == []


def test_the_check_finds_a_name_bound_twice(tmp_path):
    built = tmp_path / "m.py"
    built.write_text("import re\n_A = re.compile('x')\ndef f():\n    return _A\n_A = 1\n")
    assert _bound_twice(built) == ["_A"]
