"""Prints the tables of `bench/compare` (Markdown) from one run's results and checks the targets
of issue 8 against them.

    report.py speed --work bench/.work --load-start "..." --load-end "..."
    report.py build-cost --work bench/.work --load-start "..." --load-end "..."

Inputs: criterion's estimates (WORK/target/criterion/GROUP/CONTENDER/new/estimates.json) for
the Rust offline rows, and JSON lines in WORK/results/{speed,build-cost}/ for everything else
(written by the Rust loopback runner, bench/python/bench_sdk.py, bench/node/bench_sdk.js
and bench/build-cost).
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

OFFLINE_ROWS = [
    ("sign_tc3", "TC3 signing only (body → Authorization)"),
    ("prepare", "signed request from typed parameters"),
    ("canned_call", "typed call, canned answer"),
    ("hmac_sha256", "HmacSHA256 signing"),
    ("hmac_sha1", "HmacSHA1 signing"),
]
CONTENDERS = [
    ("ours", "ours (tencentcloud-ses)"),
    ("tencentcloud-sdk", "tencentcloud-sdk 0.2.1"),
    ("tencentcloud-sign-sdk", "tencentcloud-sign-sdk 0.1.0"),
    ("python-sdk", "Python SDK"),
    ("node-sdk", "Node SDK"),
]
# Why a contender has no number in a row: said in the table instead of faking one.
NOT_AVAILABLE = {
    ("tencentcloud-sdk", "sign_tc3"): "n/a: signer is crate-private",
    ("tencentcloud-sdk", "hmac_sha256"): "n/a: TC3 only",
    ("tencentcloud-sdk", "hmac_sha1"): "n/a: TC3 only",
    ("tencentcloud-sign-sdk", "prepare"): "n/a: signer only",
    ("tencentcloud-sign-sdk", "canned_call"): "n/a: signer only",
    ("tencentcloud-sign-sdk", "hmac_sha256"): "n/a: TC3 only",
    ("tencentcloud-sign-sdk", "hmac_sha1"): "n/a: TC3 only",
}
LOOPBACK_CONTENDERS = [
    ("ours", "ours (tencentcloud-ses)"),
    ("raw-reqwest", "raw reqwest, pre-signed"),
    ("tencentcloud-sdk", "tencentcloud-sdk 0.2.1"),
    ("python-sdk", "Python SDK"),
    ("node-sdk", "Node SDK"),
]


def machine(load_start, load_end):
    """The facts about this machine that the numbers depend on."""
    model = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    ram = "unknown"
    with open("/proc/meminfo", encoding="utf-8") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True,
                           check=False).stdout.strip() or "unknown"
    now = datetime.datetime.now(datetime.timezone.utc)
    return [code_measured(), 
        f"- date (end of the run): {now:%Y-%m-%d %H:%M} UTC",
        f"- cores (nproc): {os.cpu_count()}; CPU: {model}; RAM: {ram}",
        f"- {rustc}; kernel {platform.release()}",
        f"- load average (1, 5, 15 min) at start: {load_start}; at end: {load_end}",
    ]


def code_measured():
    """Which commit of our crates was built, and whether their files had uncommitted edits."""
    root = Path(__file__).resolve().parent.parent

    def git(*args):
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              check=False).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    edited = git("status", "--porcelain", "--", "core", "ses", "macros")
    return (f"- our crates (at the end of the run): commit {commit}"
            + (", with uncommitted edits in core/ses/macros" if edited else ""))


def read_lines(results):
    """Every JSON line of every file in the results folder."""
    rows = []
    for path in sorted(Path(results).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def criterion_medians(criterion):
    """{(group, contender): median ns} from criterion's estimates."""
    medians = {}
    for estimates in Path(criterion).glob("*/*/new/estimates.json"):
        contender, group = estimates.parent.parent.name, estimates.parent.parent.parent.name
        data = json.loads(estimates.read_text(encoding="utf-8"))
        medians[(group, contender)] = data["median"]["point_estimate"]
    return medians


def duration(ns):
    """A duration in the unit that reads best."""
    if ns < 1e3:
        return f"{ns:.0f} ns"
    if ns < 1e6:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns / 1e6:.2f} ms"


def speed(args):
    """The offline table, the loopback table and the speed targets."""
    lines = read_lines(Path(args.work) / "results" / "speed")
    medians = criterion_medians(Path(args.work) / "target" / "criterion")
    for row in lines:
        if "median_ns" in row:
            medians[(row["suite"], row["contender"])] = row["median_ns"]
    meta = [f"- {r['contender']}: {r['version']}, {r['runtime']}" for r in lines
            if r["suite"] == "meta"]
    out = ["## Speed", ""] + machine(args.load_start, args.load_end) + meta + [""]

    out += ["### Offline (median per call; in brackets: their time ÷ ours)", ""]
    out.append("| row | " + " | ".join(name for _, name in CONTENDERS) + " |")
    out.append("|---" * (len(CONTENDERS) + 1) + "|")
    for row, title in OFFLINE_ROWS:
        ours = medians.get((row, "ours"))
        cells = []
        for key, _ in CONTENDERS:
            value = medians.get((row, key))
            if value is None:
                cells.append(NOT_AVAILABLE.get((key, row), "missing"))
            elif key == "ours" or not ours:
                cells.append(duration(value))
            else:
                cells.append(f"{duration(value)} ({value / ours:.1f}×)")
        out.append(f"| {title} | " + " | ".join(cells) + " |")
    out.append("")

    loop = {(r["contender"], r["in_flight"]): r for r in lines if r["suite"] == "loopback"}
    out += ["### Loopback round trips, one shared local server (median of rounds)", ""]
    out.append("| contender | in flight | requests/s | ÷ ours | p50 latency | p99 latency "
               "| failed |")
    out.append("|---|---|---|---|---|---|---|")
    for in_flight in (1, 8):
        ours = loop.get(("ours", in_flight), {}).get("rps")
        for key, name in LOOPBACK_CONTENDERS:
            r = loop.get((key, in_flight))
            if r is None:
                out.append(f"| {name} | {in_flight} | missing | | | | |")
                continue
            ratio = f"{r['rps'] / ours:.2f}×" if ours else ""
            out.append(f"| {name} | {in_flight} | {r['rps']:,.0f} | {ratio} | "
                       f"{r['p50_us']:,.1f} µs | {r['p99_us']:,.1f} µs | {r['failed']} |")
    out.append("")
    out += speed_targets(medians, loop)
    return out


def verdict(ok):
    """Met or not, for the targets table."""
    if ok is None:
        return "not measured"
    return "met" if ok else "**not met**"


def speed_targets(medians, loop):
    """The speed targets of issue 8 against this run."""
    sign, prepare = medians.get(("sign_tc3", "ours")), medians.get(("prepare", "ours"))
    canned = medians.get(("canned_call", "ours"))
    crates = medians.get(("canned_call", "tencentcloud-sdk"))
    python = medians.get(("canned_call", "python-sdk"))
    rows = [
        ("TC3 signing ≤ 1.5 µs", sign and duration(sign), sign and sign <= 1500),
        ("signed request ≤ 2.5 µs", prepare and duration(prepare),
         prepare and prepare <= 2500),
        ("canned call ≤ 4.5 µs", canned and duration(canned), canned and canned <= 4500),
        ("canned call ≥ 2.5× faster than the fastest crates.io alternative (tencentcloud-sdk)",
         canned and crates and f"{crates / canned:.1f}×", canned and crates and
         crates / canned >= 2.5),
        ("canned call ≥ 15× faster than the Python SDK",
         canned and python and f"{python / canned:.1f}×",
         canned and python and python / canned >= 15),
    ]
    for in_flight in (1, 8):
        ours = loop.get(("ours", in_flight), {}).get("rps")
        raw = loop.get(("raw-reqwest", in_flight), {}).get("rps")
        rows.append((f"loopback, {in_flight} in flight, ≥ 0.9× raw reqwest",
                     ours and raw and f"{ours / raw:.2f}×", ours and raw and ours / raw >= 0.9))
    out = ["### Speed targets of issue 8", "", "| target | this run | verdict |",
           "|---|---|---|"]
    for target, value, ok in rows:
        out.append(f"| {target} | {value or '-'} | {verdict(None if value is None else ok)} |")
    return out + [""]


def build_cost(args):
    """The build-cost table and its targets: best clean build over the passes of each app."""
    passes = {}
    for r in read_lines(Path(args.work) / "results" / "build-cost"):
        if r.get("suite") == "build-cost":
            passes.setdefault(r["app"], []).append(r)
    rows = {}
    for app, runs in passes.items():
        first = next((r for r in runs if "size_bytes" in r), runs[0])
        rows[app] = {**first, "clean_s": min(r["clean_s"] for r in runs),
                     "clean_cpu_s": min(r["clean_cpu_s"] for r in runs),
                     "all_clean_s": [r["clean_s"] for r in runs]}
    out = ["## Build cost of the one-email application", ""]
    out += machine(args.load_start, args.load_end) + [""]
    out += ["| application | clean release build, best (each pass) | CPU time (user+sys), best "
            "| rebuild after touching main.rs | stripped binary | crates compiled |",
            "|---|---|---|---|---|---|"]
    names = {"ours": "tencentcloud-ses (ours)", "tencentcloud-sdk": "tencentcloud-sdk 0.2.1 (ses)",
             "aws": "aws-config + aws-sdk-sesv2",
             "floor": "floor: no SDK, only reqwest + rustls + tokio + serde_json"}
    for key, name in names.items():
        r = rows.get(key)
        if r is None:
            out.append(f"| {name} | missing | | | | |")
            continue
        each = ", ".join(f"{s:.1f}" for s in r["all_clean_s"])
        out.append(f"| {name} | {r['clean_s']:.1f} s ({each}) | {r['clean_cpu_s']:.1f} s | "
                   f"{r.get('rebuild_s', 0):.2f} s | {r.get('size_bytes', 0) / 1e6:.2f} MB | "
                   f"{r['units']} |")
    out.append("")
    ours, crates, aws = (rows.get(k) for k in ("ours", "tencentcloud-sdk", "aws"))
    floor = rows.get("floor")
    if ours and floor:
        out += [f"The floor is the same application with no SDK on the stack ours is built on: "
                f"ours takes {ours['clean_s'] - floor['clean_s']:.1f} s more wall-clock "
                f"({ours['clean_cpu_s'] - floor['clean_cpu_s']:.1f} s more CPU)"
                + (f"; the floor alone is {floor['clean_s'] / aws['clean_s']:.2f}× the AWS "
                   f"application's clean build" if aws else "") + ".", ""]

    def ratio(a, b):
        return (f"{a['clean_s'] / b['clean_s']:.2f}× "
                f"(CPU {a['clean_cpu_s'] / b['clean_cpu_s']:.2f}×)")

    checks = [
        ("clean build ≤ 1.1× tencentcloud-sdk's", ours and crates and ratio(ours, crates),
         ours and crates and ours["clean_s"] <= 1.1 * crates["clean_s"]),
        ("clean build < ¼ of aws-sdk-sesv2's", ours and aws and ratio(ours, aws),
         ours and aws and ours["clean_s"] < 0.25 * aws["clean_s"]),
        ("rebuild after touching main.rs < 1.5 s", ours and f"{ours['rebuild_s']:.2f} s",
         ours and ours["rebuild_s"] < 1.5),
        ("stripped binary < 5 MB", ours and f"{ours['size_bytes'] / 1e6:.2f} MB",
         ours and ours["size_bytes"] < 5e6),
    ]
    out += ["### Build-cost targets of issue 8 (wall-clock, best pass)", "",
            "| target | this run | verdict |", "|---|---|---|"]
    for target, value, ok in checks:
        out.append(f"| {target} | {value or '-'} | {verdict(None if value is None else ok)} |")
    return out + [""]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["speed", "build-cost"])
    parser.add_argument("--work", required=True)
    parser.add_argument("--load-start", default="unknown")
    parser.add_argument("--load-end", default="unknown")
    args = parser.parse_args()
    out = speed(args) if args.mode == "speed" else build_cost(args)
    text = "\n".join(out)
    print(text)
    Path(args.work, f"report-{args.mode}.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
