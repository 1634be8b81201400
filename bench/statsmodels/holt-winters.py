#!/usr/bin/python3
"""Records statsmodels' ExponentialSmoothing on the Holt-Winters benchmark series.

The benchmark suite never runs this: it reads the JSON this script wrote
(bench/statsmodels/holt-winters.json), so `npm run bench` needs no Python.

Re-record (Debian: apt-get install -y python3-statsmodels python3-scipy):

    npx esbuild bench/statsmodels/print-series.ts --bundle --platform=node --format=esm \
      | node --input-type=module > /tmp/series.json
    /usr/bin/python3 bench/statsmodels/holt-winters.py /tmp/series.json > bench/statsmodels/holt-winters.json
    npx biome format --write bench/statsmodels/holt-winters.json

Run it on an idle machine: the times are CPU time, but a loaded machine still slows them.

Six fits of ExponentialSmoothing(trend='add', seasonal=..., seasonal_periods=12) on the same
120 monthly points, for additive and for multiplicative seasonality:

- 'estimated': initialization_method='estimated', as shipped: the initial level, trend and all
  m seasonal states are optimised with the smoothing parameters. Compared with revops'
  holtWinters(..., { initialization: 'estimated' }).
- 'heuristic': the same simple start as revops' 'heuristic' (level = mean of the first season,
  trend = mean of (y[m+i] - y[i]) / m over the first two seasons, seasonal = y[i] - level or
  y[i] / level; statsmodels' _initialization_simple, checked equal to 1e-9), held fixed with
  model.fix_params, so that only the smoothing parameters are optimised, as in revops.
- 'legacy-heuristic as shipped': initialization_method='legacy-heuristic' with no fix_params.
  Recorded for information only: in statsmodels 0.13.5 fit() optimises the initial states
  whatever initialization_method says (that method only chooses where the search starts; the
  'heuristic', 'estimated' fits reach the same SSE), so this is not a fixed start.

fit() is called with its defaults (use_brute=True; method=None, which is SLSQP in 0.13.5 although
the docstring says L-BFGS-B). The CPU time of one fit (time.process_time: the process's user +
system time) is measured REPETITIONS times after one warm-up fit; the median and the range are
recorded with the SSE of the fit.
"""
import json
import os
import platform
import statistics
import sys
import time
import warnings

import numpy as np
import scipy
import statsmodels
from statsmodels.tsa.exponential_smoothing.initialization import _initialization_simple
from statsmodels.tsa.holtwinters import ExponentialSmoothing

REPETITIONS = 15
M = 12


def fit(y, seasonal, case):
    method = "legacy-heuristic" if case == "legacy-heuristic as shipped" else "estimated"
    model = ExponentialSmoothing(y, trend="add", seasonal=seasonal, seasonal_periods=M, initialization_method=method)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if case != "heuristic":
            return model.fit()
        level, trend, s = _initialization_simple(y, "add", seasonal, M)
        fixed = {"initial_level": level, "initial_trend": trend}
        fixed.update({f"initial_seasonal.{i}": v for i, v in enumerate(s)})
        with model.fix_params(fixed):
            return model.fit()


def revops_simple_start(y, seasonal):
    """revops' heuristic start, written as revops writes it (src/forecast/initial-states.ts)."""
    level = float(np.sum(y[:M] / M))
    trend = float(np.sum((y[M : 2 * M] - y[:M]) / M / M))
    s = y[:M] - level if seasonal == "add" else y[:M] / level
    return [level, trend, *[float(v) for v in s]]


def main():
    y = np.asarray(json.load(open(sys.argv[1])), dtype=float)
    cases = []
    for seasonal in ("add", "mul"):
        for case in ("estimated", "heuristic", "legacy-heuristic as shipped"):
            res = fit(y, seasonal, case)  # warm-up, and the fit recorded
            if case == "heuristic":
                got = [res.params["initial_level"], res.params["initial_trend"], *res.params["initial_seasons"]]
                want = revops_simple_start(y, seasonal)
                assert np.allclose(got, want, rtol=0, atol=1e-9), (got, want)
            times = []
            for _ in range(REPETITIONS):
                t0 = time.process_time()
                fit(y, seasonal, case)
                times.append((time.process_time() - t0) * 1000)
            p = res.params
            cases.append(
                {
                    "seasonality": "additive" if seasonal == "add" else "multiplicative",
                    "case": case,
                    "comparedWith": None if case.endswith("as shipped") else f"holtWinters initialization '{case}'",
                    "cpuMsMedian": round(statistics.median(times), 3),
                    "cpuMsMin": round(min(times), 3),
                    "cpuMsMax": round(max(times), 3),
                    "sse": float(res.sse),
                    "parameters": {
                        "alpha": float(p["smoothing_level"]),
                        "betaStar": float(p["smoothing_trend"]),
                        "gamma": float(p["smoothing_seasonal"]),
                    },
                    "initial": {
                        "level": float(p["initial_level"]),
                        "trend": float(p["initial_trend"]),
                        "seasonal": [float(v) for v in p["initial_seasons"]],
                    },
                }
            )
    out = {
        "recorded": "by bench/statsmodels/holt-winters.py, not by the benchmark run",
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
        "python": platform.python_version(),
        "statsmodels": statsmodels.__version__,
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "machine": platform.processor() or platform.machine(),
        "loadAverage1m": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
        "repetitions": REPETITIONS,
        "timing": "CPU time of one ExponentialSmoothing(...).fit() (time.process_time), ms",
        "seasonLength": M,
        "series": [float(v) for v in y],
        "cases": cases,
    }
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
