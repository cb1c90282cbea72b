"""Recheck Sanad's audit hash chain from an archive bag, with Python alone (no Sanad, no database).

    python3 data/audit/verify_chain.py

Each line of page_log.jsonl / model_log.jsonl is an audit entry as the chain hashes it. Each line of
chain.jsonl is one link: content_sha256 = SHA-256 of the entry's canonical JSON (keys sorted, no spaces,
UTF-8), sha256 = SHA-256(previous_sha256 + content_sha256), the first link following 64 zeros.
Prints each breach and exits 1, or prints the head and exits 0.

زنجیره ممیزی سند را فقط با پایتون وارسی می‌کند؛ هر نقض را چاپ می‌کند و با کد ۱ پایان می‌یابد.
"""

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENESIS = "0" * 64


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def canonical(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def read_jsonl(name: str):
    with (HERE / name).open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def main() -> int:
    entries = {}
    for name in ("page_log.jsonl", "model_log.jsonl"):
        for entry in read_jsonl(name):
            entries[(entry["log"], entry["id"])] = entry
    breaches = []
    previous, expected = GENESIS, 1
    for link in read_jsonl("chain.jsonl"):
        sequence = link["sequence"]
        if sequence != expected:
            breaches.append(f"link {sequence}: expected {expected} (links missing)")
        if link["previous_sha256"] != previous:
            breaches.append(f"link {sequence}: does not follow the link before it")
        if sha256_text(link["previous_sha256"] + link["content_sha256"]) != link["sha256"]:
            breaches.append(f"link {sequence}: its hash does not match")
        entry = entries.pop((link["log_model"], link["log_id"]), None)
        if entry is None:
            breaches.append(f"link {sequence}: entry {link['log_model']} {link['log_id']} is missing")
        elif sha256_text(canonical(entry)) != link["content_sha256"]:
            breaches.append(f"link {sequence}: entry {link['log_model']} {link['log_id']} was changed")
        previous, expected = link["sha256"], sequence + 1
    for kind, log_id in sorted(entries):
        breaches.append(f"entry {kind} {log_id} has no link in the chain")
    for breach in breaches:
        print(breach)
    if breaches:
        print(f"{len(breaches)} breach(es) / مورد نقض")
        return 1
    print(f"chain OK / زنجیره درست است: {expected - 1} links, head {previous}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
