"""gunicorn's configuration for Sanad: `gunicorn -c gunicorn.conf.py` from the repository root.

Workers from the CPU count (2 × cores + 1, gunicorn's own advice), each with a few threads so a slow
download does not hold a whole process. Everything can be overridden from the environment.
"""

import multiprocessing
import os

wsgi_app = "sanad.wsgi:application"
pythonpath = "site"  # the project package lives in site/ (see manage.py)
bind = os.environ.get("SANAD_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then, with jitter so they do not restart together
max_requests_jitter = 200
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
