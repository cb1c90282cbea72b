"""What a Persian reader should never meet on a screen (issue 14), read from what the browser shows.

`SCREEN_TEXT` runs in the page and returns the visible text, the tab title and the tooltips, leaving out
what a person types or a machine reads: form fields, `<code>`/`<kbd>`/`<samp>`/`<pre>`, and elements
marked `data-machine` or `translate="no"` (hashes, file names, user names, URLs shown as such).
`offences` then names each Latin word, Latin digit and Gregorian month left in that text.
"""

from __future__ import annotations

import re

SCREEN_TEXT = r"""() => {
  const skip = 'script,style,noscript,template,input,textarea,select,code,kbd,samp,pre,svg,' +
               '[data-machine],[translate="no"],[hidden],[aria-hidden="true"]';
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest(skip) || !visible(el)) continue;
    const text = node.textContent.trim();
    if (text) parts.push(text);
  }
  const tips = [];
  for (const el of document.querySelectorAll('[title],[data-w-tooltip-content-value],[aria-label]')) {
    if (el.closest('[data-machine],[translate="no"],code,kbd,samp,pre')) continue;
    for (const name of ['title', 'data-w-tooltip-content-value', 'aria-label']) {
      const value = el.getAttribute(name);
      if (value && value.trim()) tips.push(value.trim());
    }
  }
  return {title: document.title, text: parts.join('\n'), tips: tips.join('\n')};
}"""

# Machine text a Persian screen may still show as it is: addresses, file names, hashes, e-mail.
_MACHINE = re.compile(
    r"""
      (?:https?://|www\.)\S+                                  # web addresses
    | (?<![\w/])/[\w\-./?=&%#]*                               # site paths such as /admin/…
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                            # e-mail addresses
    | [\w\u0600-\u06FF‌\-.() ]*\.(?:pdf|docx?|xlsx?|odt|ods|csv|txt|png|jpe?g|gif|zip|json|jsonl|tiff?)\b
    | \b[0-9a-f]{8,}\b                                         # hashes and their prefixes
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Names that stay Latin in Persian writing because they are codes or formats, not words.
CODES = frozenset(
    {"ISO", "PDF", "CSV", "XLSX", "DOCX", "ODT", "JSON", "QR", "SHA", "API", "OCR", "BagIt", "ZIP"}
)

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_LATIN_DIGITS = re.compile(r"[0-9]+")
GREGORIAN_MONTHS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
    r"|(?<!\w)(?:ژانویه|فوریه|مارس|آوریل|ژوئن|ژوئیه|ژوییه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر)(?!\w)"
)


# A code mixing Latin letters and digits («SHA-256»): its digits are part of the code.
_LATIN_CODE = re.compile(r"\b(?=[\w-]*[A-Za-z])(?=[\w-]*[0-9])[A-Za-z0-9_-]+\b")


def offences(text: str, logins: frozenset[str] = frozenset()) -> list[str]:
    """Each Latin word (codes aside), Latin number and Gregorian month name in ``text``, in order.

    ``logins`` are the log-in names of the site's users: codes a person types, shown as they are."""
    found = [f"ماه میلادی «{m.group(0)}»" for m in GREGORIAN_MONTHS.finditer(text)]
    plain = _MACHINE.sub(" ", text)
    if logins:
        names = "|".join(re.escape(name) for name in sorted(logins, key=len, reverse=True))
        plain = re.sub(rf"(?<![\w-])(?:{names})(?![\w-])", " ", plain)
    plain = _LATIN_CODE.sub(lambda m: re.sub(r"[0-9]", "", m.group(0)), plain)
    found += [f"واژه لاتین «{m.group(0)}»" for m in _LATIN_WORD.finditer(plain) if m.group(0) not in CODES]
    # "ISO 9001" is the standard's name, written so in Persian texts too.
    plain = re.sub(r"\bISO[ -]?9001(?::2015)?\b", " ", plain)
    found += [f"رقم لاتین «{m.group(0)}»" for m in _LATIN_DIGITS.finditer(plain)]
    return found


def screen_offences(screen: dict, logins: frozenset[str] = frozenset()) -> list[str]:
    """Offences on one screen: its tab title, its visible text and its tooltips, each line with its place."""
    found = []
    for place in ("title", "text", "tips"):
        for line in screen[place].splitlines():
            found += [f"{place}: {o} در «{line[:80]}»" for o in offences(line, logins)]
    return found
