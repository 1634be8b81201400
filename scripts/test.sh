#!/usr/bin/env bash
# `npm test`: every check, in order; stops at the first failure and exits non-zero.
#
#   exports     package.json exports / typedoc entry points agree with scripts/modules.mjs
#   lint        biome check: formatter (120 columns) and linter
#   typecheck   tsc --noEmit
#   cycles      no import cycle in src/ (madge; npm run check:cycles)
#   lines       no line over 120 characters in src, tests, bench, scripts (npm run check:lines)
#   api         the public API matches the committed report api/*.api.md (npm run api:update)
#   unit        vitest run --coverage (vitest.config.ts, with its coverage thresholds)
#   tz-*        the date-sensitive tests (vitest.tz.config.ts, scripts/date-sensitive-tests.mjs)
#               under two extreme time zones (UTC+14, UTC-10/-9 with DST)
#   build       tsup → dist/, unless dist/ is newer than its inputs (scripts/prepare.mjs)
#   bundle      vitest on the built dist/ (vitest.bundle.config.ts)
#   publint     publint --strict
#   attw        attw --pack .
#   docs        typedoc, warnings are errors (docs/typedoc.json)
#
# KEEP_GOING=1 npm test runs every step even after one fails (to see everything that is broken,
# or to time every step), and still exits non-zero.
#
# The last lines summarise the run the way vitest does: each vitest test counts as one test,
# and so does each other step.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

names=()
times=()
cpus=()
results=()
tests_passed=0
tests_failed=0
# Milliseconds since the epoch: bash 5's EPOCHREALTIME, else whole seconds (macOS ships bash 3.2
# and a date without %N).
now_ms() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    local us=${EPOCHREALTIME/[.,]/}
    echo $((us / 1000))
  else
    echo $(($(date +%s) * 1000))
  fi
}
start_all=$(now_ms)

# CPU_MS: CPU time (user + system, ms) of the finished child processes so far, from the `times`
# builtin (run in this shell: a $(…) subshell would count only its own children). Wall time on a
# shared machine says how busy it was; CPU time says what a step costs.
cpu_now() {
  times >"$work/times"
  CPU_MS=$(tail -1 "$work/times" | awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2]);
    n += a[1] * 60 + a[2] } printf "%d\n", n * 1000 }')
}
cpu_now
start_cpu=$CPU_MS

# Counts of the vitest JSON report $1 into tests_passed / tests_failed; echoes the failed count.
count_vitest() {
  node -e '
    const fs = require("fs");
    let r = { numPassedTests: 0, numFailedTests: 0 };
    try { r = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch {}
    console.log(`${r.numPassedTests} ${r.numFailedTests}`);
  ' "$1"
}

summary() {
  local status=$1
  cpu_now
  local total=$(($(now_ms) - start_all)) total_cpu=$((CPU_MS - start_cpu))
  echo
  echo " npm test: steps       wall        cpu"
  for i in "${!names[@]}"; do
    printf '   %-14s %7.1fs  %7.1fs  %s\n' "${names[$i]}" "$(echo "${times[$i]}" | awk '{print $1/1000}')" \
      "$(echo "${cpus[$i]}" | awk '{print $1/1000}')" "${results[$i]}"
  done
  printf '   %-14s %7.1fs  %7.1fs\n' "total" "$(echo "$total" | awk '{print $1/1000}')" \
    "$(echo "$total_cpu" | awk '{print $1/1000}')"
  echo
  local all=$((tests_passed + tests_failed))
  if [ "$status" -eq 0 ]; then
    echo "      Tests  ${tests_passed} passed (${all})"
  else
    echo "      Tests  ${tests_failed} failed | ${tests_passed} passed (${all})"
  fi
}

# step NAME KIND COMMAND...   KIND is "vitest" (the command writes $work/NAME.json) or "check".
step() {
  local name=$1 kind=$2
  shift 2
  echo
  echo "━━━ ${name}: $*"
  local t0 c0 rc=0
  t0=$(now_ms)
  cpu_now
  c0=$CPU_MS
  "$@" || rc=$?
  cpu_now
  names+=("$name")
  times+=($(($(now_ms) - t0)))
  cpus+=($((CPU_MS - c0)))
  if [ "$kind" = vitest ]; then
    local counts passed failed
    counts=$(count_vitest "$work/$name.json")
    passed=${counts% *}
    failed=${counts#* }
    tests_passed=$((tests_passed + passed))
    # a run that fails with no failed test (coverage thresholds, a file that does not load) counts once
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
    tests_failed=$((tests_failed + failed))
  elif [ "$rc" -eq 0 ]; then
    tests_passed=$((tests_passed + 1))
  else
    tests_failed=$((tests_failed + 1))
  fi
  if [ "$rc" -ne 0 ]; then
    results+=("FAILED (exit $rc)")
    first_failure=${first_failure:-$rc}
    if [ -z "${KEEP_GOING:-}" ]; then
      summary 1
      exit "$rc"
    fi
    return 0
  fi
  results+=("ok")
}

vitest_json() { echo "--reporter=default --reporter=json --outputFile.json=$work/$1.json"; }

# Runs the date-sensitive tests under time zone $1, after checking that Node really applies it (without
# tzdata Node silently falls back to UTC, and the run would prove nothing).
tz_suite() {
  local tz=$1 name=$2 offset
  offset=$(TZ="$tz" node -e 'console.log(new Date(Date.UTC(2025, 0, 15)).getTimezoneOffset())')
  if [ "$offset" = 0 ]; then
    echo "TZ=$tz is not applied by Node (offset 0): is tzdata/ICU missing?" >&2
    return 1
  fi
  echo "TZ=$tz (UTC offset in January: $((-offset / 60)) h)"
  # shellcheck disable=SC2046
  TZ="$tz" vitest run --config vitest.tz.config.ts $(vitest_json "$name")
}

# shellcheck disable=SC2046
{
  step exports check node scripts/check-exports.mjs
  step lint check biome check .
  step typecheck check tsc --noEmit -p tsconfig.json
  step cycles check madge --circular --no-spinner --extensions ts src
  step lines check node scripts/check-line-length.mjs
  step api check node scripts/api-report.mjs --check
  step unit vitest vitest run --coverage $(vitest_json unit)
  step tz-kiritimati vitest tz_suite Pacific/Kiritimati tz-kiritimati
  step tz-adak vitest tz_suite America/Adak tz-adak
  step build check node scripts/prepare.mjs
  step bundle vitest vitest run --config vitest.bundle.config.ts $(vitest_json bundle)
  step publint check publint --strict
  step attw check attw --pack .
  step docs check typedoc --options docs/typedoc.json
}

if [ -n "${first_failure:-}" ]; then
  summary 1
  exit "$first_failure"
fi
summary 0
