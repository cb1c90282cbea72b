"""No application module over 600 lines (issue 15): a newcomer reads a module whole. The demo loaders
count too; migrations and the demo's data files (procedures/demo_data/) are left out."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TREES = ("procedures", "records", "search", "site")
LIMIT = 600


def is_application_module(path: Path) -> bool:
    parts = set(path.relative_to(ROOT).parts)
    return not (parts & {"migrations", "demo_data", "opensearch-node"})


def test_no_application_module_is_over_600_lines():
    long = {
        str(path.relative_to(ROOT)): lines
        for tree in TREES
        for path in (ROOT / tree).rglob("*.py")
        if is_application_module(path)
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert not long, f"modules over {LIMIT} lines: {long}"
