"""Reads every CSV of a data pack the way an analyst's pandas does and checks what their tools rely on.

Usage: python3 tests/pandas/read_data_pack.py FOLDER   (run by `cargo xtask test`, which writes the
pack's files for the bundled dataset into FOLDER first)

Each file is read with `pandas.read_csv(path, comment="#")`, so the note lines under the data are
skipped. Then: every crossings file has ISO dates (`date`, or `period_start` and `period_end`) that
parse as dates; `year` and `days_covered` are read as whole numbers and `partial` as true/false; every
column of people, boats or a percentage is read as numbers, not text; no file has unnamed columns (a
note split into cells) or no rows. Exits 1 and names each failure.
"""

import pathlib
import re
import sys

import pandas as pd
from pandas.api import types

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Records dated to a year or a month keep that precision: 2024, 2024-07 or 2024-07-05.
ISO_DATE_ANY_PRECISION = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
NUMERIC_HEADING = re.compile(r"^(People|Boats|Days counted)|\(%\)|\(£\)")


def check_file(path: pathlib.Path) -> list[str]:
    failures = []
    frame = pd.read_csv(path, comment="#", encoding="utf-8-sig")
    name = path.name
    if frame.empty:
        failures.append(f"{name}: no rows")
    for column in frame.columns:
        if str(column).startswith("Unnamed"):
            failures.append(f"{name}: an unnamed column ({column}): a line split into more cells than the header")
    if name.startswith("crossings-"):
        date_columns = [column for column in ("date", "period_start", "period_end") if column in frame.columns]
        if not date_columns:
            failures.append(f"{name}: no ISO date column (date, or period_start and period_end)")
        for column in date_columns:
            values = frame[column].astype(str)
            bad = values[~values.str.match(FULL_DATE)]
            if not bad.empty:
                failures.append(f"{name}: {column} holds {bad.iloc[0]!r}, not a date written YYYY-MM-DD")
            else:
                pd.to_datetime(values, format="%Y-%m-%d")
    for column in ("date", "announced", "published", "from", "to"):
        if column in frame.columns and not name.startswith("crossings-"):
            values = frame[column].dropna().astype(str)
            bad = values[~values.str.match(ISO_DATE_ANY_PRECISION)]
            if not bad.empty:
                failures.append(f"{name}: {column} holds {bad.iloc[0]!r}, not an ISO date")
    for column in ("year", "days_covered"):
        if column in frame.columns and not types.is_integer_dtype(frame[column]):
            failures.append(f"{name}: {column} is read as {frame[column].dtype}, not whole numbers")
    if "partial" in frame.columns and not types.is_bool_dtype(frame["partial"]):
        failures.append(f"{name}: partial is read as {frame['partial'].dtype}, not true/false")
    for column in frame.columns:
        if NUMERIC_HEADING.search(str(column)) and not types.is_numeric_dtype(frame[column]):
            sample = frame[column].dropna().astype(str)
            failures.append(
                f"{name}: {column!r} is read as {frame[column].dtype}"
                + (f" (e.g. {sample.iloc[0]!r})" if not sample.empty else "")
                + ", not numbers"
            )
    print(f"{name}: {len(frame)} rows, {len(frame.columns)} columns read")
    return failures


def main() -> int:
    folder = pathlib.Path(sys.argv[1])
    paths = sorted(folder.glob("*.csv"))
    if not any(path.name.startswith("crossings-") for path in paths):
        print(f"no crossings CSV files in {folder}", file=sys.stderr)
        return 1
    failures = [failure for path in paths for failure in check_file(path)]
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    print(f"{len(paths)} CSV files read with pandas {pd.__version__}; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
