#!/usr/bin/env python3
"""The pandas side of the air benchmark (npm run bench:air, docs/benchmarks.md).

Reads every CNEMC daily site file (china_sites_YYYYMMDD.csv) of the generated year with pandas and computes,
per station and per city, the compared subset:
  - PM2.5 and PM10 daily means from the 1-h values of the natural day with hour stamps 'period-end' (day D =
    the values stamped 01..23 of D and 00 of D+1), valid with at least 20 valid hours;
  - the annual mean of the valid daily means and the number of valid days;
  - the days whose PM2.5 daily mean, rounded per GB/T 8170 (half to even, a value within 1e-9 relative of a
    half taken as the half), exceeds 75 ug/m3.
A city's daily value is the mean of its member stations' valid daily values (non-control, non-stopped stations
of the list; a day is valid when one member is). A station column repeated in the header (pandas names the
copy "X.1") gets, cell by cell, the first non-empty value in column order.

The rows are read by position (only the PM rows are converted; verified, with a full read as fallback), the
values gathered as one NumPy block, and the daily and annual statistics computed with groupby.

Run by bench/air.ts with Debian's /usr/bin/python3:
  air-pandas.py --dir DIR --year 2025 --stations N --members stations.csv --out pandas.csv
Prints one line "@@air-bench {json}" (wall time, peak RSS, bytes read) at the end.
"""
import argparse
import glob
import json
import os
import resource
import time
from collections import defaultdict

import numpy as np
import pandas as pd

TAG = '@@air-bench '
TYPES = ('PM2.5', 'PM10')


def gbt8170_units(x):
    """GB/T 8170 rounding to integers (half to even, with the 1e-9 relative tolerance of ecoplan's rounding)."""
    f = np.floor(x)
    diff = x - f
    tol = 1e-9 * np.maximum(1.0, np.abs(x))
    even = np.where(np.fmod(f, 2) == 0, f, f + 1)
    return np.where(np.abs(diff - 0.5) <= tol, even, np.where(diff < 0.5, f, f + 1))


def pm_row_positions(i):
    """skiprows: keep the header and, in each hour's block of 15 rows in CNEMC's order, PM2.5 (2nd) and PM10 (4th)."""
    return i > 0 and (i - 1) % 15 not in (1, 3)


DTYPES = defaultdict(lambda: np.float64, date=str, hour=np.int64, type=str)


def read_day(path, year_start, codes):
    """The PM2.5 and PM10 rows of one daily file: (types, natural day per row, values rows x codes).

    The rows are read by their position in CNEMC's order (only 48 of 360 rows are converted); when the rows
    kept are not exactly the PM2.5 and PM10 rows of each hour present (a file with another order or a missing
    single row), the whole file is read and the rows are picked by their type.
    """
    df = pd.read_csv(path, dtype=DTYPES, skiprows=pm_row_positions)
    ok = df['type'].isin(TYPES).all() and len(df) == 2 * df['hour'].nunique() and not df.duplicated(['hour', 'type']).any()
    if not ok:
        df = pd.read_csv(path, dtype=DTYPES)
        df = df[df['type'].isin(TYPES)]
    values = df.reindex(columns=codes).to_numpy(dtype=np.float64)
    # A repeated station column (pandas names the copy "X.1"): cell by cell, the first non-empty value.
    for col in sorted(c for c in df.columns if '.' in c):
        base = col.split('.')[0]
        if base in codes:
            j = codes.index(base)
            copy = df[col].to_numpy(dtype=np.float64)
            values[:, j] = np.where(np.isnan(values[:, j]), copy, values[:, j])
    day = (pd.to_datetime(df['date'], format='%Y%m%d') - year_start).dt.days.to_numpy()
    nat = (day * 24 + df['hour'].to_numpy() - 1) // 24
    keep = day * 24 + df['hour'].to_numpy() >= 1  # the value stamped 00:00 on 1 January closes the previous year
    return df['type'].to_numpy()[keep], nat[keep], values[keep]


def yearly(daily):
    """Annual mean, valid days and (for PM2.5) days over 75, per column of a (days x ids) frame of daily means."""
    over = pd.DataFrame(gbt8170_units(daily.to_numpy()) > 75, columns=daily.columns).sum()
    return daily.mean(), daily.count(), over


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dir', required=True)
    ap.add_argument('--year', type=int, required=True)
    ap.add_argument('--stations', type=int, required=True)
    ap.add_argument('--members', required=True, help='CSV code,city,member (member = 1 for a city member)')
    ap.add_argument('--out', required=True)
    a = ap.parse_args()

    t0 = time.perf_counter()
    st = pd.read_csv(a.members, dtype=str)
    codes = list(st['code'])[: a.stations]
    members = st[(st['member'] == '1') & st['code'].isin(codes)]
    cities = list(dict.fromkeys(members['city']))
    files = sorted(glob.glob(os.path.join(a.dir, 'china_sites_*.csv')))
    year_start = pd.Timestamp(f'{a.year}-01-01')
    bytes_read = 0
    types, nats, blocks = [], [], []
    for path in files:
        bytes_read += os.path.getsize(path)
        t, n, v = read_day(path, year_start, codes)
        types.append(t)
        nats.append(n)
        blocks.append(v)
    t_read = time.perf_counter()

    types = np.concatenate(types)
    nats = np.concatenate(nats)
    values = np.vstack(blocks)
    del blocks
    stat = {}
    for t in TYPES:
        mask = types == t
        g = pd.DataFrame(values[mask], columns=codes).groupby(nats[mask])
        n = g.count()
        daily = (g.sum() / n).where(n >= 20)
        city_daily = daily[list(members['code'])].T.groupby(list(members['city']), sort=False).mean().T
        stat[t] = (yearly(daily), yearly(city_daily))
    t_end = time.perf_counter()

    def fmt(v):
        return '' if pd.isna(v) else repr(float(v))

    lines = ['kind,id,pm25_mean,pm25_days,pm10_mean,pm10_days,pm25_over75']
    for kind, ids, k in (('station', codes, 0), ('city', cities, 1)):
        (m25, d25, o25), (m10, d10, _) = stat['PM2.5'][k], stat['PM10'][k]
        for i in ids:
            lines.append(f'{kind},{i},{fmt(m25.get(i))},{int(d25.get(i, 0))},{fmt(m10.get(i))},{int(d10.get(i, 0))},{int(o25.get(i, 0))}')
    with open(a.out, 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')

    report = {
        'name': 'pandas',
        'wallMs': (t_end - t0) * 1000,
        'maxRss': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        'bytesRead': bytes_read,
        'phases': {'read': (t_read - t0) * 1000, 'compute': (t_end - t_read) * 1000},
        'notes': [f'pandas {pd.__version__}, numpy {np.__version__}, {len(files)} files, {len(codes)} stations, {len(cities)} cities (one thread)'],
    }
    print(TAG + json.dumps(report), flush=True)


if __name__ == '__main__':
    main()
