"""What indexing every adjacent word pair also joined costs in index size (issue 11 §2).

The same texts are indexed twice — as the normaliser writes them (``normalise``) and as the database
backends index them now (``index_text``: the words, then their joined pairs) — in an SQLite FTS5 table
like modelsearch's (default tokenizer) and, with ``--postgres``, as PostgreSQL ``simple`` tsvectors.
Sizes are the FTS5 table's pages (``dbstat``) and the summed ``pg_column_size`` of the vectors.

    python -m bench.compound_cost                          # the five seed documents, paragraph by paragraph
    python -m bench.compound_cost --size 10000             # the bench corpus (bench.corpus)
    python -m bench.compound_cost --size 10000 --postgres  # also PostgreSQL (DATABASE_URL or local postgres)
"""

from __future__ import annotations

import argparse
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from search.normalise import index_text, joined_pairs, normalise

SEEDS = Path(__file__).resolve().parent.parent / "site" / "home" / "demo" / "seeds"


def seed_texts() -> list[str]:
    return [p for path in sorted(SEEDS.glob("*.txt")) for p in path.read_text().split("\n\n") if p.strip()]


def corpus_texts(size: int) -> list[str]:
    from bench.corpus import CorpusSpec, generate

    return [f"{doc.title}\n{doc.body}" for doc in generate(CorpusSpec(size=size))]


def fts5_bytes(texts: Iterable[str]) -> int:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(body)")
    db.executemany("INSERT INTO fts(body) VALUES (?)", ((t,) for t in texts))
    db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    db.commit()
    try:
        (size,) = db.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'fts%'").fetchone()
    except sqlite3.OperationalError:  # SQLite built without dbstat: the whole database
        (pages,) = db.execute("PRAGMA page_count").fetchone()
        (page_size,) = db.execute("PRAGMA page_size").fetchone()
        size = pages * page_size
    return int(size)


def tsvector_bytes(texts: list[str], url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        conn.execute("CREATE TEMP TABLE t (body text)")
        with conn.cursor().copy("COPY t (body) FROM STDIN") as copy:
            for text in texts:
                copy.write_row((text,))
        (size,) = conn.execute("SELECT sum(pg_column_size(to_tsvector('simple', body))) FROM t").fetchone()
    return int(size)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=0, help="bench corpus documents (default: the seeds)")
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args(argv)
    raw = corpus_texts(args.size) if args.size else seed_texts()
    before = [normalise(t) for t in raw]
    after = [index_text(t) for t in raw]
    words = sum(len(t.split()) for t in before)
    pairs = sum(len(joined_pairs(t)) for t in before)
    print(f"{len(raw)} texts, {words} words, {pairs} joined pairs ({pairs / max(1, words):.0%} of words)")
    print(f"text: {sum(map(len, before))} → {sum(map(len, after))} characters")
    b, a = fts5_bytes(before), fts5_bytes(after)
    print(f"SQLite FTS5 index: {b:,} → {a:,} bytes (+{(a - b) / b:.0%})")
    if args.postgres:
        url = os.environ.get("DATABASE_URL", "postgresql://postgres:postgres@127.0.0.1:5432/postgres")
        b, a = tsvector_bytes(before, url), tsvector_bytes(after, url)
        print(f"PostgreSQL tsvectors: {b:,} → {a:,} bytes (+{(a - b) / b:.0%})")


if __name__ == "__main__":
    main()
