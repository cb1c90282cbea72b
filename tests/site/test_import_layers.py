"""The layers run one way, and stay so: no import circle among the modules of the four source trees, models
and rules import no services, views, forms or notices, and records' core imports nothing from evaluation.

The graph is read from the source (``ast``), so an import inside a function counts as much as one at the
top of a module: moving an import into a function hides a circle from Python, not from this test.
Migrations, demo loaders and tests are left out (they sit on top of everything).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TREES = ("procedures", "records", "search", "site")
LEFT_OUT = ("migrations", "tests", "opensearch-node", "demo_data")

LAYERS_ABOVE = {"services", "views", "forms", "notices"}


def module_name(path: Path) -> str:
    # site/ is on sys.path: site/accounts/roles.py is ``accounts.roles``.
    site = ROOT / "site"
    rel = path.relative_to(site if path.is_relative_to(site) else ROOT)
    parts = list(rel.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_modules() -> dict[str, Path]:
    modules = {}
    for tree in TREES:
        for path in (ROOT / tree).rglob("*.py"):
            parts = path.relative_to(ROOT).parts
            if any(part in LEFT_OUT or part.startswith("demo") for part in parts):
                continue
            modules[module_name(path)] = path
    return modules


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of the trees it imports, wherever in the module the import stands."""
    modules = source_modules()

    def known(name: str) -> str | None:
        while name:
            if name in modules:
                return name
            name = name.rpartition(".")[0]
        return None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str | None] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(known(alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package
                    for _ in range(node.level - 1):
                        anchor = anchor.rpartition(".")[0]
                    base = f"{anchor}.{base}" if base else anchor
                # ``from package import module`` imports the module; ``from module import name`` the module.
                targets.update(known(f"{base}.{alias.name}") or known(base) for alias in node.names)
        graph[name] = {target for target in targets if target and target != name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def describe(component: list[str], graph: dict[str, set[str]]) -> str:
    members = set(component)
    edges = [f"    {a} -> {b}" for a in component for b in sorted(graph[a] & members)]
    return f"{len(component)} modules: {', '.join(component)}\n" + "\n".join(edges)


def is_models_or_rules(name: str) -> bool:
    parts = name.split(".")
    if "management" in parts:
        return False  # a command named …_rules runs services; it is not a rules module
    return "models" in parts or parts[-1] == "rules" or parts[-1].endswith("_rules")


def is_layer_above(name: str) -> bool:
    parts = name.split(".")
    if "models" in parts or "management" in parts:
        return False  # e.g. records.evaluation.models.notices holds the notices' model
    last = parts[-1]
    return last in LAYERS_ABOVE or any(
        last.startswith(f"{layer}_") or last.endswith(f"_{layer}") for layer in LAYERS_ABOVE
    )


@pytest.fixture(scope="module")
def graph():
    return import_graph()


def test_the_graph_sees_imports_inside_functions():
    # A lazy import is an edge too: procedures.finish imports its models only inside the function.
    assert "procedures.models" in import_graph()["procedures.finish"]


def test_circles_are_found_with_their_edges():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c"]]
    assert "    c -> a" in describe(["a", "b", "c"], graph)


def test_no_import_circle_among_the_four_trees(graph):
    found = circles(graph)
    assert not found, "Import circles:\n" + "\n".join(describe(c, graph) for c in found)


def test_models_and_rules_import_no_services_views_forms_or_notices(graph):
    found = [
        f"{name} -> {target}"
        for name in sorted(graph)
        if is_models_or_rules(name)
        for target in sorted(graph[name])
        if is_layer_above(target)
    ]
    assert not found, "Models and rules importing the layers above them:\n" + "\n".join(found)


def test_records_core_imports_nothing_from_evaluation(graph):
    def evaluation(name: str) -> bool:
        return name == "records.evaluation" or name.startswith("records.evaluation.")

    found = [
        f"{name} -> {target}"
        for name in sorted(graph)
        if (name == "records" or name.startswith("records.")) and not evaluation(name)
        for target in sorted(graph[name])
        if evaluation(target)
    ]
    assert not found, "Records' core importing evaluation:\n" + "\n".join(found)
