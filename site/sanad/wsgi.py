"""WSGI entry point; puts site/ on the import path like manage.py does."""

import os
import sys
from pathlib import Path

_SITE = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(_SITE), str(_SITE.parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanad.settings.production")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
