#!/usr/bin/env bash
# Builds EcomErp with warnings as errors and runs every test project; the last line is "N passed, N failed".
# On a fresh Debian 12 machine (as root) it first installs what the tests need: redis-server and Chromium.
set -euo pipefail
cd "$(dirname "$0")"

results_dir="${TEST_RESULTS_DIR:-$PWD/test-results}"

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium chromium-driver)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: missing ${missing[*]}; run as root or install them first" >&2
    exit 1
  fi
  echo "test.sh: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server chromium chromium-driver >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null

if ! dotnet build EcomErp.sln --configuration Debug -warnaserror -nologo -clp:ErrorsOnly; then
  echo "test.sh: the build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

rm -rf "$results_dir"
mkdir -p "$results_dir"
set +e
# A test that runs past 10 minutes (the longest take about 2) is taken as hung: its assembly's test host is dumped (a mini dump
# in the results folder) and stopped, and the run fails naming "the test running when the crash occurred", instead of holding
# CI until its time runs out.
# LogFilePrefix names each assembly's TRX file to the millisecond: the default name, to the second, let two assemblies finishing
# in the same second overwrite one file.
dotnet test EcomErp.sln --no-build --configuration Debug --nologo --blame-hang-timeout 10m --blame-hang-dump-type mini \
  --logger "trx;LogFilePrefix=tests" --logger "console;verbosity=minimal" --results-directory "$results_dir"
test_exit=$?
set -e

# One closing line summed over every test assembly's TRX file.
read -r passed failed skipped < <(
  find "$results_dir" -name '*.trx' -print0 | xargs -0 -r grep -ho '<Counters [^>]*>' | awk '
    function count(name,   m) { return match($0, name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0 : 0 }
    { passed += count("passed"); failed += count("failed") + count("error") + count("timeout") + count("aborted"); skipped += count("notExecuted") }
    END { print passed + 0, failed + 0, skipped + 0 }')

if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the runner failed without a failing test (a crashed assembly): never report green
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
