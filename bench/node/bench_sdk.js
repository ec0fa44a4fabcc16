// The official Node.js SDK's rows of `bench/compare` (tencentcloud-sdk-nodejs-ses/-common).
//
// Measures the same SendEmail request (signing vector `tc3_post_json_ses_sendemail`) as the
// Rust and Python contenders: TC3 signing only, the signed request from typed parameters, the typed call with a canned
// answer, HmacSHA256 and HmacSHA1 signing, and loopback round trips (1 and 8 in flight) against
// the shared server. Writes one JSON object per line to --out.
//
// The SDK sends through `tencentcloud/common/http/fetch.js` (node-fetch); its default export is
// replaced by a switch: "capture" hands the built request back (the SDK's answer parsing is
// skipped on that one client), "canned" returns a fresh node-fetch Response holding the canned
// envelope, "real" calls the SDK's own fetch. Timing rules follow bench/python/bench_sdk.py.
//
// node bench_sdk.js --prefix DIR --vectors FILE --answer FILE --url URL --out FILE

"use strict";

const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

function parseArgs(argv) {
  const args = { warmup: 0.5, seconds: 2.5, rounds: 3, roundSeconds: 1.5 };
  const names = {
    "--prefix": "prefix", "--vectors": "vectors", "--answer": "answer", "--url": "url",
    "--out": "out", "--warmup-seconds": "warmup", "--seconds": "seconds", "--rounds": "rounds",
    "--round-seconds": "roundSeconds",
  };
  for (let i = 0; i < argv.length; i += 2) {
    const name = names[argv[i]];
    if (!name || argv[i + 1] === undefined) throw new Error(`bad argument ${argv[i]}`);
    args[name] = ["prefix", "vectors", "answer", "url", "out"].includes(name)
      ? argv[i + 1] : Number(argv[i + 1]);
  }
  for (const needed of ["prefix", "vectors", "answer", "url", "out"]) {
    if (!args[needed]) throw new Error(`--${needed} is required`);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const load = createRequire(path.join(path.resolve(args.prefix), "bench.js"));
const fetchModule = load("tencentcloud-sdk-nodejs-common/tencentcloud/common/http/fetch");
const Sign = load("tencentcloud-sdk-nodejs-common/tencentcloud/common/sign").default;
const { Response } = load("node-fetch");
const SesClient = load("tencentcloud-sdk-nodejs-ses").ses.v20201002.Client;

const realFetch = fetchModule.default;
let fetchMode = "real";
let answer = "";
fetchModule.default = (url, options) => {
  if (fetchMode === "capture") return Promise.resolve({ url, options });
  if (fetchMode === "canned") {
    return Promise.resolve(new Response(answer, {
      status: 200, headers: { "content-type": "application/json" },
    }));
  }
  return realFetch(url, options);
};

const vector = JSON.parse(fs.readFileSync(args.vectors, "utf8"))
  .find((v) => v.name === "tc3_post_json_ses_sendemail");
if (!vector) throw new Error("vectors file has no tc3_post_json_ses_sendemail");
answer = fs.readFileSync(args.answer, "utf8");
const inputs = vector.inputs;

function typedRequest() {
  const p = vector.request.params;
  return {
    FromEmailAddress: p.FromEmailAddress,
    Destination: [...p.Destination],
    Subject: p.Subject,
    Template: { TemplateID: p.Template.TemplateID, TemplateData: p.Template.TemplateData },
  };
}

function flattened(value, prefix = "", out = {}) {
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (inner !== null && typeof inner === "object") flattened(inner, name, out);
    else if (inner !== null && inner !== undefined) out[name] = inner;
  }
  return out;
}

function client(profile = {}) {
  return new SesClient({
    credential: { secretId: inputs.secret_id, secretKey: inputs.secret_key },
    region: vector.request.region,
    profile,
  });
}

const now = () => process.hrtime.bigint();

// Median nanoseconds per call over batches of about 5 ms, after a warm-up.
async function measure(call) {
  let end = now() + BigInt(Math.round(args.warmup * 1e9));
  let calls = 0;
  while (now() < end) { await call(); calls += 1; }
  const batch = Math.max(1, Math.floor(5e6 / ((args.warmup * 1e9) / Math.max(calls, 1))));
  const samples = [];
  end = now() + BigInt(Math.round(args.seconds * 1e9));
  while (now() < end && samples.length < 5000) {
    const start = now();
    for (let i = 0; i < batch; i += 1) await call();
    samples.push(Number(now() - start) / batch);
  }
  return { median_ns: median(samples), batches: samples.length, batch };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(sorted, q) {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

function check(ok, what) {
  if (!ok) throw new Error(`node-sdk ${what}`);
}

async function offlineRows(emit) {
  const body = Buffer.from(vector.url_query_or_body, "utf8");
  const signTc3 = () => Sign.sign3({
    method: "POST", url: `https://${vector.request.host}/`, payload: body,
    timestamp: inputs.timestamp, service: inputs.service, secretId: inputs.secret_id,
    secretKey: inputs.secret_key, multipart: false,
    headers: { "Content-Type": "application/json" },
  });
  check(signTc3() === vector.authorization, "TC3 signature differs from the vector");

  const request = typedRequest();
  const preparer = client();
  preparer.parseResponse = async (captured) => captured;
  const prepare = async () => {
    fetchMode = "capture";
    return preparer.SendEmail(request);
  };
  const built = await prepare();
  check(String(built.options.headers.Authorization).startsWith("TC3-HMAC-SHA256 "),
    "prepared request has no TC3 Authorization");

  const caller = client();
  const cannedCall = async () => {
    fetchMode = "canned";
    return caller.SendEmail(request);
  };
  check((await cannedCall()).MessageId.startsWith("qcloudses-"),
    "canned call did not decode the answer");

  const rows = { sign_tc3: signTc3, prepare, canned_call: cannedCall };
  const business = flattened(vector.request.params);
  for (const [row, method] of [["hmac_sha256", "HmacSHA256"], ["hmac_sha1", "HmacSHA1"]]) {
    const legacy = client({ signMethod: method });
    rows[row] = () => legacy.formatRequestData("SendEmail", { ...business });
    check(typeof (await rows[row]()).Signature === "string", `${method} has no Signature`);
  }
  for (const [suite, call] of Object.entries(rows)) {
    emit({ suite, contender: "node-sdk", ...(await measure(call)) });
  }
}

async function loopUntil(deadline, call) {
  const part = { latencies: [], failed: 0, firstError: null };
  while (now() < deadline) {
    const start = now();
    try {
      await call();
      part.latencies.push(Number(now() - start));
    } catch (error) {
      part.failed += 1;
      part.firstError = part.firstError || String(error);
    }
  }
  return part;
}

async function loopbackRound(call, inFlight, seconds) {
  const start = now();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  const loops = Array.from({ length: inFlight }, () => loopUntil(deadline, call));
  const parts = await Promise.all(loops);
  const elapsed = Number(now() - start) / 1e9;
  const latencies = parts.flatMap((p) => p.latencies);
  return {
    rps: latencies.length / elapsed, latencies,
    failed: parts.reduce((n, p) => n + p.failed, 0),
    firstError: parts.map((p) => p.firstError).find(Boolean) || null,
  };
}

async function loopbackRows(emit) {
  const endpoint = args.url.replace(/^https?:\/\//, "").replace(/\/$/, "");
  const sender = client({ httpProfile: { endpoint, protocol: "http://" } });
  const request = typedRequest();
  const call = async () => {
    fetchMode = "real";
    const sent = await sender.SendEmail(request);
    if (!sent.MessageId) throw new Error("answer without MessageId");
  };
  for (const inFlight of [1, 8]) {
    await loopbackRound(call, inFlight, args.warmup);
    const results = [];
    for (let r = 0; r < args.rounds; r += 1) {
      results.push(await loopbackRound(call, inFlight, args.roundSeconds));
    }
    const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    emit({
      suite: "loopback", contender: "node-sdk", in_flight: inFlight,
      rps: median(results.map((r) => r.rps)), rounds_rps: results.map((r) => r.rps),
      p50_us: percentile(latencies, 0.5) / 1e3, p99_us: percentile(latencies, 0.99) / 1e3,
      completed: latencies.length, failed: results.reduce((n, r) => n + r.failed, 0),
      first_error: results.map((r) => r.firstError).find(Boolean) || null,
    });
  }
}

async function main() {
  const out = fs.openSync(args.out, "w");
  const emit = (row) => {
    const line = JSON.stringify(row);
    console.log(line);
    fs.writeSync(out, `${line}\n`);
  };
  const version = (name) => load(`${name}/package.json`).version;
  emit({
    suite: "meta", contender: "node-sdk",
    version: `tencentcloud-sdk-nodejs-common ${version("tencentcloud-sdk-nodejs-common")}, `
      + `-ses ${version("tencentcloud-sdk-nodejs-ses")}`,
    runtime: `Node.js ${process.version}`,
  });
  await offlineRows(emit);
  await loopbackRows(emit);
  fs.closeSync(out);
}

main().catch((error) => {
  console.error(`node bench: ${error.stack || error}`);
  process.exit(1);
});
