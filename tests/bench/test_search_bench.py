"""The search benchmark runs end to end on a tiny corpus and prints its ratios (no timing asserted)."""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
RATIO = r"\d+\.\d\d×"


def run(*args: str, env: dict | None = None) -> str:
    result = subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def bench(*extra: str) -> str:
    return run(
        "-m", "bench.search_bench", "--size", "300", "--repeat", "3", "--warmup", "1",
        "--stock-repeat", "1", "--timeout", "20", *extra,
    )  # fmt: skip


def check_report(out: str, base: str, *, analysed_again: bool) -> None:
    assert re.search(rf"^\s+{base} table.*\s1\.00×\s+\(baseline\)$", out, re.M), out
    rates = rf"[\d,]+\s+{RATIO}(\s+[\d,]+\s+{RATIO})?"  # documents/s (and per CPU-second on SQLite)
    assert re.search(rf"^\s+Sanad\s+{rates}$", out, re.M), out
    assert re.search(rf"^\s+stock modelsearch\s+{rates}", out, re.M), out
    assert re.search(rf"Sanad / stock: {RATIO}", out), out
    assert "«شاخص‌های» (selective): 1 matching documents raw, 1 Sanad (generated: 1)" in out
    assert "«ارزیابی» (common): 60 matching documents raw, 60 Sanad (generated: 60)" in out
    runs = 4 if analysed_again else 2  # SQLite: never ANALYZEd, then after ANALYZE
    assert len(re.findall(rf"^\s+Sanad\s+[\d.,]+ ms / .* ms\s+{RATIO} / {RATIO}$", out, re.M)) == runs, out
    count = r"^\s+raw count\(\*\)\s+[\d.,]+ ms / .* ms\s+1\.00× / 1\.00×  \(baseline\)$"
    assert len(re.findall(count, out, re.M)) == runs, out
    assert (
        len(re.findall(rf"^\s+Sanad \.count\(\)\s+[\d.,]+ ms / .* ms\s+{RATIO} / {RATIO}$", out, re.M))
        == runs
    )
    stock_latency = rf"^\s+stock modelsearch\s+(.* / .* {RATIO} / {RATIO}|> 20 s \(timed out\))$"
    assert len(re.findall(stock_latency, out, re.M)) == 2, out
    assert re.search(
        rf"^target: Sanad within [\d.]+× of the raw baseline — (met|MISSED) \(.*{RATIO} median", out, re.M
    )
    assert ("after ANALYZE (stock not run again)" in out) is analysed_again


def test_sqlite_run_prints_ratios_and_the_reindex_command_reports_its_rate(tmp_path):
    database = tmp_path / "bench.sqlite3"
    out = bench("--sqlite", str(database), "--keep", "--explain")
    check_report(out, "raw FTS5", analysed_again=True)
    assert "SCAN modelsearch_indexentry_fts VIRTUAL TABLE" in out  # --explain printed Sanad's plan
    assert "Sanad count: SELECT COUNT(*)" in out
    assert database.exists()

    reindexed = run(
        "-m", "django", "bench_reindex", "--chunk-size", "100",
        env={"DJANGO_SETTINGS_MODULE": "bench.settings", "SANAD_BENCH_SQLITE": str(database)},
    )  # fmt: skip
    assert re.fullmatch(r"default: 300 documents in [\d.]+ s, [\d,]+ documents/s\n", reindexed), reindexed


def test_without_keep_the_scratch_file_is_removed(tmp_path):
    database = tmp_path / "bench.sqlite3"
    bench("--sqlite", str(database))
    assert not database.exists()


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs DATABASE_URL=postgres://…"
)
def test_postgres_run_prints_ratios():
    admin = urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres"))
    out = bench("--postgres", "--postgres-url", admin)
    check_report(out, "raw tsvector", analysed_again=False)
    assert "after VACUUM ANALYZE" in out
