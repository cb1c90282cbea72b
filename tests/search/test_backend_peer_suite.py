"""modelsearch's own backend test suite passes against Sanad's backend (issue 3 §6).

The peer suite needs modelsearch's test app and settings, so it runs as its own pytest process with
``tests.search.peer.settings``, on the database this suite runs on (``DATABASE_URL`` is passed on).
Excluded tests are named with their reasons in ``tests/search/peer/peer_backends.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO.parent / "shared" / "peer" / "modelsearch" / "search.json"
# The run must be real: on either database well over a hundred of the peer's tests apply.
MINIMUM_PASSED = 100

pytestmark = pytest.mark.skipif(
    not FIXTURE.exists(),
    reason=f"modelsearch's test fixture is not at {FIXTURE} (CI clones the repository with shared/ beside it)",
)


def test_modelsearch_backend_suite_passes_against_sanads_backend():
    command = [
        sys.executable,
        "-m",
        "pytest",
        "tests/search/peer",
        "--ds=tests.search.peer.settings",
        "-o",
        "python_files=peer_*.py",
        "-p",
        "no:randomly",
        "--create-db",
        "-q",
        "-rs",
    ]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    run = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=1800)
    output = run.stdout + run.stderr
    summary = output.strip().splitlines()[-1] if output.strip() else ""
    assert run.returncode == 0, output[-6000:]
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed.group(1)) >= MINIMUM_PASSED, summary
    assert not re.search(r"\d+ (failed|errors?)\b", summary), summary
