"""The official Python SDK's rows of `bench/compare` (tencentcloud-sdk-python-ses/-common).

Measures the same SendEmail request (signing vector `tc3_post_json_ses_sendemail`) as the Rust
contenders: TC3 signing only, the signed request from typed parameters, the typed call with a canned answer, HmacSHA256
and HmacSHA1 signing, and loopback round trips (1 and 8 in flight) against the shared server.
Writes one JSON object per line to --out.

Offline rows: a warm-up, then batches of calls (each batch ~5 ms) for a fixed time; the row is
the median over batches of the time per call, taken with time.perf_counter_ns. Loopback rows
follow src/loopback.rs of the Rust runner: loops send back to back for a fixed time per round,
each call's latency is recorded, requests per second is completed calls over wall time, and the
row is the median round.

Every measured function is checked once against the vector or the canned answer first, so a
row can only be fast by doing the same work.
"""

import argparse
import concurrent.futures
import datetime
import itertools
import json
import statistics
import sys
import time
from importlib import metadata

import requests
from tencentcloud.common import credential
from tencentcloud.common.http.request import RequestInternal
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.ses.v20201002 import models, ses_client

CONTENDER = "python-sdk"


def load_vector(path):
    """Vector 13.4 from the core's fixture file."""
    with open(path, encoding="utf-8") as handle:
        for vector in json.load(handle):
            if vector["name"] == "tc3_post_json_ses_sendemail":
                return vector
    sys.exit("vectors file has no tc3_post_json_ses_sendemail")


def typed_request(vector):
    """The SendEmail request as the SDK's typed model."""
    params = vector["request"]["params"]
    request = models.SendEmailRequest()
    request.FromEmailAddress = params["FromEmailAddress"]
    request.Destination = list(params["Destination"])
    request.Subject = params["Subject"]
    template = models.Template()
    template.TemplateID = params["Template"]["TemplateID"]
    template.TemplateData = params["Template"]["TemplateData"]
    request.Template = template
    return request


def flattened(params, prefix=""):
    """Business parameters flattened the v1 way (Destination.0, Template.TemplateID)."""
    out = {}
    items = params.items() if isinstance(params, dict) else enumerate(params)
    for key, value in items:
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, (dict, list)):
            out.update(flattened(value, name))
        elif value is not None:
            out[name] = value
    return out


def client(vector, sign_method="TC3-HMAC-SHA256", endpoint=None):
    """An SES client with the vector's keys, the SDK's default profile otherwise."""
    cred = credential.Credential(vector["inputs"]["secret_id"], vector["inputs"]["secret_key"])
    http = HttpProfile(endpoint=endpoint, protocol="http") if endpoint else HttpProfile()
    profile = ClientProfile(signMethod=sign_method, httpProfile=http)
    return ses_client.SesClient(cred, vector["request"]["region"], profile)


def canned_response(answer):
    """What the SDK's connection returns for a 200 with the canned envelope."""
    response = requests.Response()
    response.status_code = 200
    response.headers["Content-Type"] = "application/json"
    response._content = answer
    return response


def measure(call, warmup_s, seconds):
    """Median nanoseconds per call over batches of about 5 ms, for `seconds` after a warm-up."""
    end = time.perf_counter_ns() + int(warmup_s * 1e9)
    calls = 0
    while time.perf_counter_ns() < end:
        call()
        calls += 1
    batch = max(1, int(5e6 / (warmup_s * 1e9 / max(calls, 1))))
    samples = []
    end = time.perf_counter_ns() + int(seconds * 1e9)
    while time.perf_counter_ns() < end and len(samples) < 5000:
        start = time.perf_counter_ns()
        for _ in range(batch):
            call()
        samples.append((time.perf_counter_ns() - start) / batch)
    return {"median_ns": statistics.median(samples), "batches": len(samples), "batch": batch}


def offline_rows(vector, answer, warmup_s, seconds):
    """The five offline rows, each checked once before it is timed."""
    inputs = vector["inputs"]
    body = vector["url_query_or_body"]
    timestamp = inputs["timestamp"]
    signer = client(vector)
    signable = RequestInternal(vector["request"]["host"], "POST", "/", data=body)
    signable.header["Content-Type"] = "application/json"
    signable.header["Host"] = vector["request"]["host"]
    signable.header["X-TC-Timestamp"] = str(timestamp)

    def sign_tc3():
        # The SDK's own steps after the body is serialized: date, signature, header.
        date = datetime.datetime.utcfromtimestamp(timestamp).strftime("%Y-%m-%d")
        signature = signer._get_tc3_signature(None, signable, date, inputs["service"],
                                              inputs["secret_key"])
        return ("TC3-HMAC-SHA256 Credential=%s/%s/%s/tc3_request, "
                "SignedHeaders=content-type;host, Signature=%s"
                % (inputs["secret_id"], date, inputs["service"], signature))

    if sign_tc3() != vector["authorization"]:
        sys.exit("python-sdk TC3 signature differs from vector `tc3_post_json_ses_sendemail`")

    request = typed_request(vector)
    preparer = client(vector)
    # Cut the network at the SDK's request object: `_call` builds, signs and hands it over.
    preparer.request.send_request = lambda built: built

    def prepare():
        return preparer._call("SendEmail", request._serialize(), headers=request.headers)

    if not prepare().header.get("Authorization", "").startswith("TC3-HMAC-SHA256 "):
        sys.exit("python-sdk prepared request has no TC3 Authorization")

    caller = client(vector)
    caller.request.conn.request = lambda method, url, body=None, headers=None: \
        canned_response(answer)

    def canned_call():
        return caller.SendEmail(request)

    if not canned_call().MessageId.startswith("qcloudses-"):
        sys.exit("python-sdk canned call did not decode the answer")

    rows = {"sign_tc3": sign_tc3, "prepare": prepare, "canned_call": canned_call}
    business = flattened(vector["request"]["params"])
    for row, method in (("hmac_sha256", "HmacSHA256"), ("hmac_sha1", "HmacSHA1")):
        legacy = client(vector, sign_method=method)

        def sign_legacy(legacy=legacy):
            built = RequestInternal(legacy._get_endpoint(), "POST", "/")
            legacy._build_req_with_old_signature("SendEmail", business, built, {})
            return built

        if "Signature=" not in sign_legacy().data:
            sys.exit(f"python-sdk {method} request has no Signature")
        rows[row] = sign_legacy

    for suite, call in rows.items():
        yield {"suite": suite, "contender": CONTENDER, **measure(call, warmup_s, seconds)}


def loop_until(deadline, call):
    """Calls back to back until the deadline; returns latencies (ns) and failures."""
    latencies, failed, first_error = [], 0, None
    while time.perf_counter_ns() < deadline:
        start = time.perf_counter_ns()
        try:
            call()
            latencies.append(time.perf_counter_ns() - start)
        except Exception as error:  # the SDK raises its own and requests' errors
            failed += 1
            first_error = first_error or repr(error)
    return latencies, failed, first_error


def loopback_round(call, in_flight, seconds, pool):
    """One round of `in_flight` loops (threads) for `seconds`."""
    start = time.perf_counter_ns()
    deadline = start + int(seconds * 1e9)
    parts = list(pool.map(lambda _: loop_until(deadline, call), range(in_flight)))
    elapsed = (time.perf_counter_ns() - start) / 1e9
    latencies = [value for part in parts for value in part[0]]
    failed = sum(part[1] for part in parts)
    first_error = next((part[2] for part in parts if part[2]), None)
    return len(latencies) / elapsed, latencies, failed, first_error


def percentile(sorted_values, q):
    """Nearest-rank percentile, as the Rust runner computes it."""
    if not sorted_values:
        return 0.0
    rank = max(1, min(len(sorted_values), int(-(-q * len(sorted_values) // 1))))
    return float(sorted_values[rank - 1])


def loopback_rows(vector, url, rounds, round_s, warmup_s):
    """Round trips against the shared server, 1 and 8 in flight (threads, one shared client)."""
    endpoint = url.split("://", 1)[-1].rstrip("/")
    sender = client(vector, endpoint=endpoint)
    request = typed_request(vector)

    def call():
        if not sender.SendEmail(request).MessageId:
            raise RuntimeError("answer without MessageId")

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        for in_flight in (1, 8):
            loopback_round(call, in_flight, warmup_s, pool)
            results = [loopback_round(call, in_flight, round_s, pool) for _ in range(rounds)]
            latencies = sorted(v for r in results for v in r[1])
            yield {
                "suite": "loopback", "contender": CONTENDER, "in_flight": in_flight,
                "rps": statistics.median(r[0] for r in results),
                "rounds_rps": [r[0] for r in results],
                "p50_us": percentile(latencies, 0.50) / 1e3,
                "p99_us": percentile(latencies, 0.99) / 1e3,
                "completed": len(latencies), "failed": sum(r[2] for r in results),
                "first_error": next((r[3] for r in results if r[3]), None),
            }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vectors", required=True)
    parser.add_argument("--answer", required=True)
    parser.add_argument("--url", required=True, help="the shared loopback server")
    parser.add_argument("--out", required=True)
    parser.add_argument("--warmup-seconds", type=float, default=0.5)
    parser.add_argument("--seconds", type=float, default=2.5, help="per offline row")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--round-seconds", type=float, default=1.5)
    args = parser.parse_args()

    vector = load_vector(args.vectors)
    with open(args.answer, "rb") as handle:
        answer = handle.read()
    with open(args.out, "w", encoding="utf-8") as out:
        meta = {"suite": "meta", "contender": CONTENDER,
                "version": "tencentcloud-sdk-python-common %s, -ses %s" % (
                    metadata.version("tencentcloud-sdk-python-common"),
                    metadata.version("tencentcloud-sdk-python-ses")),
                "runtime": f"Python {sys.version.split()[0]}"}
        rows = itertools.chain(
            [meta],
            offline_rows(vector, answer, args.warmup_seconds, args.seconds),
            loopback_rows(vector, args.url, args.rounds, args.round_seconds,
                          args.warmup_seconds))
        for row in rows:
            line = json.dumps(row)
            print(line, flush=True)
            out.write(line + "\n")


if __name__ == "__main__":
    main()
