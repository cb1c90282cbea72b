"""The records and evaluation writes, reads and screens stay in small modules that import one way (issue 15)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPLIT = ["records/services", "records/evaluation/services", "records/evaluation/views"]


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at module level or inside a function (``from a import b`` gives a.b too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def reaches(names: set[str], module: str) -> bool:
    return any(name == module or name.startswith(module + ".") for name in names)


@pytest.mark.parametrize("reader", ["records/evaluation/notices.py", "records/evaluation/queries.py"])
def test_notices_and_the_evaluation_reads_do_not_import_the_evaluation_services(reader):
    names = imported_modules(ROOT / reader)
    assert not reaches(names, "records.evaluation.services")
    assert not reaches(names, "records.evaluation.views")


def test_the_evaluation_reads_do_not_import_the_notices():
    assert not reaches(imported_modules(ROOT / "records/evaluation/queries.py"), "records.evaluation.notices")


@pytest.mark.parametrize("folder", SPLIT)
def test_split_modules_stay_under_600_lines(folder):
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (ROOT / folder).glob("*.py")}
    assert len(sizes) > 2
    assert {name: n for name, n in sizes.items() if n >= 600} == {}


@pytest.mark.parametrize("folder", SPLIT)
def test_split_modules_import_no_module_inside_a_function(folder):
    """Each split module imports at module level; an import inside a function would hide a circle."""
    hidden = []
    for path in (ROOT / folder).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                hidden += [
                    f"{path.name}:{inner.lineno}"
                    for inner in ast.walk(node)
                    if isinstance(inner, (ast.Import, ast.ImportFrom))
                ]
    assert hidden == []


def test_the_split_packages_offer_every_name_they_list():
    from records import services as records_services
    from records.evaluation import queries, services, views

    for package in (records_services, services, views):
        assert [name for name in package.__all__ if not hasattr(package, name)] == []
    assert services.progress is queries.progress


def test_every_view_the_admin_urls_name_is_offered_by_the_views_package():
    from records.evaluation import views

    hooks = ast.parse((ROOT / "records/evaluation/wagtail_hooks.py").read_text(encoding="utf-8"))
    named = {
        node.attr
        for node in ast.walk(hooks)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "views"
    }
    assert len(named) > 10
    assert sorted(name for name in named if not callable(getattr(views, name, None))) == []
