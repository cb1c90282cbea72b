#!/usr/bin/env python
"""List the admin strings that still reach Sanad's Persian users in English.

For every gettext catalogue that ships an English source (``locale/en/LC_MESSAGES/<domain>.po``)
in Wagtail, Django and django-taggit -- and for django-simple-history, which ships none, the
union of its other languages' msgids -- this compares the source msgids with the Persian
catalogues that Django actually merges at run time:

* ``in-app``   – msgids with no usable translation (missing, empty or fuzzy) in that package's
                 own ``fa`` catalogue;
* ``runtime``  – of those, the ones no other installed ``fa`` catalogue of the same domain
                 translates either (Django merges every installed app's catalogue, so a msgid
                 translated in ``wagtail/locale`` also covers ``wagtail/admin``);
* ``left``     – of those, the ones Sanad's own catalogue (``site/locale/fa``) does not cover.

Entries are keyed by (msgctxt, msgid), as gettext keys them.

Usage (from the repository root, inside the virtualenv):

    python site/locale/missing_wagtail_fa.py               # the table of counts
    python site/locale/missing_wagtail_fa.py --list        # plus every still-missing msgid
    python site/locale/missing_wagtail_fa.py --template /tmp/todo.po
                                                            # a fill-in .po of what is left
    python site/locale/missing_wagtail_fa.py --check       # exit 1 if anything is left

Needs only polib (in requirements.txt); it does not set Django up.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
PROJECT_DIR = HERE / "fa" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")
# Packages whose catalogues are compared. simple_history ships no English source catalogue
# (and no fa one): its source msgids are taken from the union of its other languages'
# catalogues. modelsearch ships no catalogues at all.
PACKAGES = ("wagtail", "django", "taggit", "modelsearch", "simple_history")

# The Django apps whose catalogues Django merges at run time: Sanad's INSTALLED_APPS
# (site/sanad/settings/base.py, read without setting Django up), plus Django's own
# ``django/conf/locale``, which is always merged.
FALLBACK_INSTALLED = {
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "taggit",
    "simple_history",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.humanize",
}


def installed_apps() -> set[str]:
    sys.path.insert(0, str(HERE.parent))  # site/
    try:
        from sanad.settings import base

        apps = set(base.INSTALLED_APPS)
    except Exception as exc:  # settings being edited: fall back to the list above
        print(f"(could not read INSTALLED_APPS: {exc!r}; using the built-in list)", file=sys.stderr)
        apps = set(FALLBACK_INSTALLED)
    finally:
        sys.path.pop(0)
    return apps | {"django.conf"}


def package_root(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def app_label(locale_dir: Path, site_packages: Path) -> str:
    return ".".join(locale_dir.parent.relative_to(site_packages).parts)


def translated(entry) -> bool:
    if entry.obsolete or "fuzzy" in entry.flags or not entry.msgid:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def keys(po_path: Path) -> set[tuple[str | None, str]]:
    if not po_path.exists():
        return set()
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(po_path)) if translated(e)}


def source_entries(paths):
    """The msgids of the source catalogue(s), first occurrence wins, in file order."""
    entries = {}
    for path in paths:
        for e in polib.pofile(str(path)):
            if not e.obsolete and e.msgid:
                entries.setdefault((e.msgctxt, e.msgid), e)
    return list(entries.values())


def collect():
    """(label, domain, [source .po], fa .po) for every package catalogue."""
    found = []
    for name in PACKAGES:
        root = package_root(name)
        if root is None:
            continue
        site_packages = root.parent
        for locale_dir in sorted(root.rglob("locale")):
            if not locale_dir.is_dir():
                continue
            label = app_label(locale_dir, site_packages)
            for domain in DOMAINS:
                en = locale_dir / "en" / "LC_MESSAGES" / f"{domain}.po"
                fa = locale_dir / "fa" / "LC_MESSAGES" / f"{domain}.po"
                if en.exists():
                    found.append((label, domain, [en], fa))
                else:
                    others = sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po"))
                    if others:  # no English source: every language's msgids stand in for it
                        found.append((label, domain, others, fa))
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print every still-missing msgid")
    parser.add_argument("--template", metavar="PO", help="write the still-missing entries to a .po")
    parser.add_argument("--check", action="store_true", help="exit 1 if any installed-app string is left")
    parser.add_argument(
        "--all-apps",
        action="store_true",
        help="also report apps Sanad does not install (search_promotions, …)",
    )
    args = parser.parse_args(argv)

    catalogues = collect()
    installed_labels = installed_apps()
    # Everything Django merges at run time, per domain: all installed fa catalogues.
    runtime = defaultdict(set)
    for label, domain, _sources, fa in catalogues:
        if fa is not None and label in installed_labels:
            runtime[domain] |= keys(fa)
    project = {domain: keys(PROJECT_DIR / f"{domain}.po") for domain in DOMAINS}

    rows, leftovers = [], []
    seen_left = set()
    for label, domain, sources, fa in catalogues:
        installed = label in installed_labels
        if not installed and not args.all_apps:
            continue
        source = source_entries(sources)
        own = keys(fa)
        in_app = [e for e in source if (e.msgctxt, e.msgid) not in own]
        at_runtime = [e for e in in_app if (e.msgctxt, e.msgid) not in runtime[domain]]
        left = [e for e in at_runtime if (e.msgctxt, e.msgid) not in project[domain]]
        note = "" if installed else "not installed"
        if sources[0].parent.parent.name != "en":
            note = (note + "; " if note else "") + "no en source: msgids of other languages"
        rows.append((label, domain, len(source), len(in_app), len(at_runtime), len(left), note))
        for e in left:
            if installed and (domain, e.msgctxt, e.msgid) not in seen_left:
                seen_left.add((domain, e.msgctxt, e.msgid))
                leftovers.append((label, domain, e))

    header = ("app", "domain", "source", "in-app", "runtime", "left", "")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print(
            "  ".join(
                str(c).ljust(w) if i < 2 else str(c).rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            ).rstrip()
        )
    nums = [r for r in rows if "not installed" not in r[6]]
    print(
        f"installed total: in-app {sum(r[3] for r in nums)}, runtime {sum(r[4] for r in nums)}, "
        f"left after site/locale {sum(r[5] for r in nums)} (distinct left: {len(leftovers)})"
    )

    if args.list:
        for label, domain, e in leftovers:
            ctx = f"[{e.msgctxt}] " if e.msgctxt else ""
            plural = f"  ||  {e.msgid_plural!r}" if e.msgid_plural else ""
            print(f"{label}\t{domain}\t{ctx}{e.msgid!r}{plural}")

    if args.template:
        out = {d: polib.POFile() for d in DOMAINS}
        for label, domain, e in leftovers:
            entry = polib.POEntry(
                msgctxt=e.msgctxt,
                msgid=e.msgid,
                msgid_plural=e.msgid_plural,
                msgstr="",
                occurrences=e.occurrences,
                flags=list(e.flags),
                comment=label,
            )
            if e.msgid_plural:
                entry.msgstr_plural = {0: "", 1: ""}
            out[domain].append(entry)
        for domain, po in out.items():
            path = Path(args.template)
            if domain != "django":
                path = path.with_name(f"{path.stem}.{domain}{path.suffix}")
            po.metadata = {
                "Content-Type": "text/plain; charset=UTF-8",
                "Language": "fa",
                "Plural-Forms": "nplurals=2; plural=(n > 1);",
            }
            po.save(str(path))
            print(f"wrote {len(po)} entries to {path}", file=sys.stderr)

    return 1 if args.check and leftovers else 0


if __name__ == "__main__":
    sys.exit(main())
