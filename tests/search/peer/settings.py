"""Django settings for running modelsearch's own backend test suite against Sanad's backends.

modelsearch's test app and settings ship in its package; this module takes them as they are and
changes only the search backend (Sanad's, unless ``SANAD_PEER_BACKEND=stock`` asks for modelsearch's
own, to compare), the fixture directory, and the test database name, so that the peer suite can run
while the main suite holds its own test database.
"""

import os
from pathlib import Path

from modelsearch.test.settings import *  # noqa: F403
from modelsearch.test.settings import DATABASES, INSTALLED_APPS

REPO_DIR = Path(__file__).resolve().parents[3]
# CI clones the repository with shared/ beside it; the fixture is modelsearch's own ``search.json``.
PEER_FIXTURE_DIR = REPO_DIR.parent / "shared" / "peer" / "modelsearch"
FIXTURE_DIRS = [str(PEER_FIXTURE_DIR)]

SANAD_BACKEND = "search.backends.database"
PEER_BACKEND = os.environ.get("SANAD_PEER_BACKEND", "sanad")
MODELSEARCH_BACKENDS = {
    "default": {"BACKEND": "modelsearch.backends.database" if PEER_BACKEND == "stock" else SANAD_BACKEND}
}

# Sanad's search app (normaliser, index version bookkeeping) beside modelsearch's test app.
INSTALLED_APPS = [*INSTALLED_APPS, "search"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["TEST"] = {"NAME": "test_sanad_peer"}
