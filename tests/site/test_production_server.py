"""The documented production server: check --deploy is clean, gunicorn serves pages and hashed static
files through WhiteNoise, and media is never served raw except public images."""

from __future__ import annotations

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="sanad.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{tmp_path / 'sanad.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        **extra,
    )
    return env


def manage(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_deploy_check_is_clean_under_the_documented_production_environment(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_documents_and_records_under_media_are_never_served_raw(client, settings):
    default_storage.save("documents/secret.pdf", ContentFile(b"%PDF-1.4 secret"))
    default_storage.save("records/2026/evidence.pdf", ContentFile(b"%PDF-1.4 evidence"))
    name = default_storage.save("images/logo.txt", ContentFile(b"image rendition"))
    assert client.get("/media/documents/secret.pdf").status_code == 404
    assert client.get("/media/records/2026/evidence.pdf").status_code == 404
    assert client.get("/media/images/../documents/secret.pdf").status_code == 404
    assert client.get(f"/media/{name}").status_code == 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="server smoke test runs once, in the SQLite run"
)
def test_gunicorn_serves_the_admin_login_and_hashed_static_files(tmp_path):
    # Behind the proxy that terminates TLS: the proxy says https, so no redirect loop on loopback.
    env = production_env(tmp_path, SECURE_PROXY_SSL_HEADER="1", WEB_CONCURRENCY="2")
    port = free_port()
    env["SANAD_BIND"] = f"127.0.0.1:{port}"
    assert manage(env, "migrate", "--no-input", "-v", "0").returncode == 0
    assert manage(env, "collectstatic", "--no-input", "-v", "0").returncode == 0
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        status, headers, body = fetch(base + "/admin/login/")
        page = body.decode()
        assert status == 200 and headers["Strict-Transport-Security"].startswith("max-age=")
        assert 'dir="rtl"' in page
        hashed = re.search(r'/static/([^"?]+\.[0-9a-f]{12}\.css)', page)
        assert hashed, "admin CSS is linked under a hashed name"
        status, headers, body = fetch(f"{base}/static/{hashed.group(1)}")
        assert status == 200 and body
        assert "immutable" in headers.get("Cache-Control", "")
        plain = http.client.HTTPConnection("127.0.0.1", port, timeout=10)  # no proxy header: sent to https
        plain.request("GET", "/admin/login/", headers={"Host": "127.0.0.1"})
        redirect = plain.getresponse()
        assert redirect.status == 301 and redirect.getheader("Location").startswith("https://")
        plain.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
