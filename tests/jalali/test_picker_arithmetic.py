"""The admin picker's JavaScript calendar agrees with jdatetime on every day of two centuries.

Runs the real static file in Node (skipped where Node is not installed).
"""

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from jalali.calendar import is_jalali_leap, to_jalali_parts

SCRIPT = (
    Path(__file__).resolve().parents[2] / "site" / "jalali" / "static" / "jalali" / "jalali-datepicker.js"
)
NODE = shutil.which("node")

CHECK = r"""
const fs = require('fs');
require(process.argv[1]);
const J = globalThis.SanadJalali;
const data = JSON.parse(fs.readFileSync(0, 'utf8'));
const bad = [];
let day = new Date(Date.UTC(...data.start));
for (const expected of data.days) {
  const g = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const j = J.gregorianToJalali(...g);
  const back = J.jalaliToGregorian(...expected);
  if (j.join('/') !== expected.join('/') || back.join('/') !== g.join('/')) {
    bad.push({g, expected, j, back});
    if (bad.length > 5) break;
  }
  day = new Date(day.getTime() + 86400000);
}
const leapBad = data.leaps.filter(([y, leap]) => J.isLeapJalali(y) !== leap);
const parsed = ['۱۳۹۵/۱۰/۰۵', '13/09/1391', '98/02/10', '۱۳۹۸/۱۲/۳۰', '1399/12/30 14:30'].map(J.parse);
console.log(JSON.stringify({bad, leapBad, parsed, formatted: J.formatDate(1395, 10, 5)}));
"""


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
def test_the_js_conversion_matches_jdatetime_for_every_day_from_1900_to_2100():
    start = datetime.date(1900, 1, 1)
    end = datetime.date(2100, 12, 31)
    days = [list(to_jalali_parts(start + datetime.timedelta(n))) for n in range((end - start).days + 1)]
    leaps = [[year, is_jalali_leap(year)] for year in range(1200, 1600)]
    payload = json.dumps({"start": [1900, 0, 1], "days": days, "leaps": leaps})
    completed = subprocess.run(
        [NODE, "-e", CHECK, str(SCRIPT)],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result = json.loads(completed.stdout)
    assert len(days) == 73414
    assert result["bad"] == []
    assert result["leapBad"] == []
    assert result["formatted"] == "۱۳۹۵/۱۰/۰۵"
    assert [(p["y"], p["m"], p["d"]) if p else None for p in result["parsed"]] == [
        (1395, 10, 5),
        (1391, 9, 13),
        (1398, 2, 10),
        None,
        (1399, 12, 30),
    ]
    assert result["parsed"][4]["hour"] == 14
