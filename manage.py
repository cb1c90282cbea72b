#!/usr/bin/env python
"""Django's command-line utility for Sanad."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The project package lives in site/; a package called "site" would be shadowed by the
# standard library's site module, so site/ is a folder on the import path instead.
sys.path.insert(0, str(ROOT / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanad.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
