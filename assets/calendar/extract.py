#!/usr/bin/env python3
"""Writes assets/calendar/cn-holidays.json: China's statutory holidays and make-up workdays (调休)
for 2020 through the latest year the source knows.

Source: the PyPI package `chinesecalendar` (MIT licence), which transcribes the State Council's
yearly notices. Used once, here; the app never depends on it.

    pip download --no-deps chinesecalendar==1.11.0 -d /tmp/cc && pip install /tmp/cc/chinesecalendar-*.whl
    python3 assets/calendar/extract.py > assets/calendar/cn-holidays.json

Format (read by src-tauri/core/src/calendar.rs; an office can load a newer year in the same shape):
  {"source": str, "years": {"2024": {"holidays": {"2024-10-01": "国庆节", ...},
                                       "workdays": ["2024-09-29", ...]}, ...}}
"holidays" are the days off of a statutory holiday period, weekends inside it included;
"workdays" are the weekend days that are working days that year.
"""

import json
import sys
from importlib.metadata import version

from chinese_calendar import constants

FIRST_YEAR = 2020
NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}

years = {}
for d, holiday in sorted(constants.holidays.items()):
    if d.year >= FIRST_YEAR:
        name = NAMES[holiday]  # a new holiday name in the source must be translated here
        years.setdefault(str(d.year), {"holidays": {}, "workdays": []})["holidays"][d.isoformat()] = name
for d in sorted(constants.workdays):
    if d.year >= FIRST_YEAR:
        years.setdefault(str(d.year), {"holidays": {}, "workdays": []})["workdays"].append(d.isoformat())

out = {
    "source": f"chinesecalendar {version('chinesecalendar')} (MIT), from the State Council's yearly notices",
    "years": years,
}
json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
sys.stdout.write("\n")
