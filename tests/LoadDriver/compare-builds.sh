#!/usr/bin/env bash
# Compares two builds of the host under the same load at the same time (docs/performance.md, "The automation's own events read
# back without a load"). On a shared or throttled machine the speed moves from one host to the next by more than most changes;
# here both hosts run at once, each on its own SQLite file, and the load driver's closed loops alternate between them, the
# host that goes first alternating by round. Then each takes --rate 1000 for 20 s twice, in the order A, B, B, A.
#
# usage: tests/LoadDriver/compare-builds.sh BUILD_A BUILD_B [ROUNDS] [-- NAME=VALUE... for host B only]
#   BUILD_x: a folder holding EcomErp.Api.dll, e.g. `dotnet build src/Api -c Release -o /tmp/build-a`
#   ROUNDS: closed loops per host after two warm-ups (default 6)
#   NAME=VALUE after --: environment for host B only (the same build twice, one setting changed)
#   RESTART=1 in the environment: each host is stopped once its new database is seeded and started again over it, so the
#   hosts measured are not the processes that ran the demo seed (as a deployment's are after their first start)
# Needs `dotnet build tests/LoadDriver -c Release` first. Prints one line per round and the means.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    awk 'NR > 1 && !/^#/ { exit } NR > 1 { print }' "$0" >&2
    exit 2
fi
build_a=$(realpath "$1"); build_b=$(realpath "$2"); shift 2
rounds=6
if [[ $# -gt 0 && $1 != "--" ]]; then
    rounds=$1
    shift
fi
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "ROUNDS is a whole number of at least 1, not $rounds" >&2; exit 2; }
[[ ${RESTART:-0} =~ ^[01]$ ]] || { echo "RESTART is 1 (restart the hosts once seeded) or 0, not $RESTART" >&2; exit 2; }
host_b_env=()
if [[ ${1:-} == "--" ]]; then
    shift
    host_b_env=("$@")
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
driver="$root/tests/LoadDriver/bin/Release/net10.0/EcomErp.LoadDriver.dll"
[[ -f $driver ]] || { echo "build the driver first: dotnet build tests/LoadDriver -c Release" >&2; exit 2; }
for build in "$build_a" "$build_b"; do
    [[ -f $build/EcomErp.Api.dll ]] || { echo "$build holds no EcomErp.Api.dll" >&2; exit 2; }
done

work=$(mktemp -d /tmp/ecomerp-compare.XXXXXX)
pids=()
cleanup() { [[ ${#pids[@]} -gt 0 ]] && kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# exited NAME: host NAME's process is gone; its log is shown and the comparison stops.
exited() {
    echo "host $1 exited; see $work/$1/host.log" >&2
    cat "$work/$1/host.log" >&2
    exit 1
}

# start NAME BUILD PORT [NAME=VALUE...]: a Release host on the embedded default (synchronous=FULL), its own file and demo key.
start() {
    local name=$1 build=$2 port=$3; shift 3
    # Another process on the port would answer for this host, and this host would fail to bind: nothing it measured would be its own.
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
        echo "port $port is taken (a host left running?): host $name needs it free" >&2
        exit 2
    fi
    mkdir -p "$work/$name"
    (cd "$work/$name" && exec env "$@" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
        ConnectionStrings__Erp="Data Source=$work/$name/ecomerp.db" EcomErp__DataDirectory="$work/$name" \
        Logging__LogLevel__Default=Warning dotnet "$build/EcomErp.Api.dll" > "$work/$name/host.log" 2>&1) &
    pids+=($!)
    echo "$!" > "$work/$name/pid"; echo "$port" > "$work/$name/port"
    for _ in $(seq 1 120); do
        kill -0 "$(cat "$work/$name/pid")" 2> /dev/null || exited "$name"
        curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null && return 0
        sleep 1
    done
    echo "host $name did not become ready; see $work/$name/host.log" >&2
    exit 1
}

# drive NAME ARGS...: one run of the driver against host NAME, its report in $work/NAME/run.txt. A run that is not clean (a
# failed capture, a missed event, an order decided other than once) is said on stderr: its figures compare nothing.
drive() {
    local name=$1; shift
    local code=0
    dotnet "$driver" --url "http://127.0.0.1:$(cat "$work/$name/port")" --key "$(cat "$work/$name/demo-api-key.txt")" \
        --host-pid "$(cat "$work/$name/pid")" --clients 32 "$@" > "$work/$name/run.txt" || code=$?
    if (( code != 0 )); then
        echo "host ${name^^}: the driver exited with $code, the run was not clean:" >&2
        grep -E '^orders:|missed|allocation decisions|VerifyLedger' "$work/$name/run.txt" >&2 || true
    fi
}

# figures NAME RATE: RATE ("captures/s", or "orders/s" for captured and allocated), host CPU per order, mutation p99 and
# commit-to-event p99 of host NAME's last run.
figures() {
    local report="$work/$1/run.txt"
    local rate; rate=$(grep -oE "$2: [0-9.]+" "$report" | tail -1 | cut -d' ' -f2)
    printf '%s/s, %s ms CPU, p99 %s ms, event p99 %s ms' "${rate:-?}" \
        "$(grep -oE 'host CPU: [0-9.]+ s, [0-9.]+' "$report" | grep -oE '[0-9.]+$')" \
        "$(grep -oE 'mutation latency ms: p50 [0-9.]+, p99 [0-9.]+' "$report" | grep -oE '[0-9.]+$')" \
        "$(grep -oE 'commit-to-event latency ms: p50 [0-9.]+, p99 [0-9.]+' "$report" | grep -oE '[0-9.]+$')"
}

# restart NAME BUILD PORT [NAME=VALUE...]: host NAME stopped once its seed is projected (ready answers Healthy), then
# started again over its database.
restart() {
    local pid; pid=$(cat "$work/$1/pid")
    for _ in $(seq 1 120); do
        kill -0 "$pid" 2> /dev/null || break
        curl -s "http://127.0.0.1:$3/health/ready" | grep -q '"Healthy"' && break
        sleep 1
    done
    kill "$pid" 2> /dev/null || exited "$1"
    while kill -0 "$pid" 2> /dev/null; do sleep 0.2; done
    start "$@"
}

start a "$build_a" 5292
start b "$build_b" 5293 "${host_b_env[@]}"
if [[ ${RESTART:-0} == 1 ]]; then
    restart a "$build_a" 5292
    restart b "$build_b" 5293 "${host_b_env[@]}"
fi
for _ in 1 2; do
    for name in a b; do drive $name --orders 4000 --until allocated; done
done

loop() { drive "$1" --orders 4000 --until allocated; figures "$1" captures/s; }
for round in $(seq 1 "$rounds"); do
    if (( round % 2 )); then first=a; second=b; else first=b; second=a; fi
    declare "out_$first=$(loop $first)"; declare "out_$second=$(loop $second)"
    echo "round $round: A $out_a | B $out_b"
done | tee "$work/rounds.txt"
awk -F'[ |,/]+' '/^round/ { for (i = 1; i <= NF; i++) { if ($i == "A") { ra += $(i+1); ca += $(i+3) } if ($i == "B") { rb += $(i+1); cb += $(i+3) } } n++ }
    END { if (n) printf "mean of %d rounds: A %.0f/s, %.2f ms CPU per order | B %.0f/s, %.2f ms CPU per order\n", n, ra/n, ca/n, rb/n, cb/n }' "$work/rounds.txt"

rate() { drive "$1" --rate 1000 --duration 20s --until allocated --event-wait-seconds 120; figures "$1" orders/s; }
for name in a b b a; do
    echo "--rate 1000, host ${name^^}: $(rate $name) (captured and allocated)"
done
echo "peak RSS: A $(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$(cat "$work/a/pid")/status") MB," \
    "B $(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$(cat "$work/b/pid")/status") MB"
