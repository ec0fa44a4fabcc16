// The official Tencent Cloud SDK for Node.js against our emulators: every signing scheme the
// SDK offers over POST and GET, with long-term and with temporary keys. Started by `../run`,
// which provides the emulators (COMPAT_* variables) and the installed SDK (--prefix).
//
// Unlike the Python SDK, this one signs the host without its port and takes the TC3 service
// name from the endpoint's first `.`-separated part (`127` for 127.0.0.1:PORT), so these calls
// check that the emulator accepts both, as well as the usual answers and error codes.
//
// node official_sdk.js --prefix DIR

"use strict";

const path = require("path");
const { createRequire } = require("module");

const prefixAt = process.argv.indexOf("--prefix");
if (prefixAt < 0 || !process.argv[prefixAt + 1]) {
  console.error("usage: node official_sdk.js --prefix DIR");
  process.exit(2);
}
const load = createRequire(path.join(path.resolve(process.argv[prefixAt + 1]), "compat.js"));
const SesClient = load("tencentcloud-sdk-nodejs-ses").ses.v20201002.Client;

const TRANSPORTS = [
  ["TC3-HMAC-SHA256", "POST"],
  ["TC3-HMAC-SHA256", "GET"],
  ["HmacSHA256", "POST"],
  ["HmacSHA256", "GET"],
  ["HmacSHA1", "POST"],
  ["HmacSHA1", "GET"],
];

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this through tests/compat/run`);
  return value;
}

const KINDS = [
  {
    kind: "long-term",
    url: env("COMPAT_LONG_URL"),
    secretId: env("COMPAT_LONG_SECRET_ID"),
    secretKey: env("COMPAT_LONG_SECRET_KEY"),
  },
  {
    kind: "temporary",
    url: env("COMPAT_TEMP_URL"),
    secretId: env("COMPAT_TEMP_SECRET_ID"),
    secretKey: env("COMPAT_TEMP_SECRET_KEY"),
    token: env("COMPAT_TEMP_TOKEN"),
  },
];

function client(target, signMethod, reqMethod, changes = {}) {
  const setting = { ...target, region: "ap-hongkong", ...changes };
  return new SesClient({
    credential: {
      secretId: setting.secretId,
      secretKey: setting.secretKey,
      token: setting.token,
    },
    region: setting.region,
    profile: {
      signMethod,
      httpProfile: {
        protocol: "http://",
        endpoint: setting.url.replace(/^http:\/\//, "").replace(/\/$/, ""),
        reqMethod,
        reqTimeout: 30,
      },
    },
  });
}

const failures = [];
let passed = 0;

async function expectOk(what, call) {
  try {
    const answer = await call();
    if (!answer || !answer.RequestId) throw new Error(`no RequestId in ${JSON.stringify(answer)}`);
    passed += 1;
    return answer;
  } catch (error) {
    failures.push(`${what}: expected success, got ${error.code || ""} ${error.message}`);
    return undefined;
  }
}

async function expectCode(what, code, call) {
  try {
    const answer = await call();
    failures.push(`${what}: expected ${code}, got success ${JSON.stringify(answer)}`);
  } catch (error) {
    if (error.code === code && error.requestId) {
      passed += 1;
    } else {
      failures.push(`${what}: expected ${code} with a request id, got ${error.code}: ${error.message}`);
    }
  }
}

async function main() {
  for (const target of KINDS) {
    for (const [index, [signMethod, reqMethod]] of TRANSPORTS.entries()) {
      const label = `${signMethod} ${reqMethod} ${target.kind}`;
      const ses = client(target, signMethod, reqMethod);
      await expectOk(`${label} ListEmailTemplates`, () =>
        ses.ListEmailTemplates({ Limit: 5, Offset: 0 }));
      const domain = `node${index}.example.com`;
      const created = await expectOk(`${label} CreateEmailIdentity`, () =>
        ses.CreateEmailIdentity({ EmailIdentity: domain }));
      if (created && !Array.isArray(created.Attributes)) {
        failures.push(`${label} CreateEmailIdentity: no Attributes in ${JSON.stringify(created)}`);
      }
      await expectCode(`${label} CreateEmailIdentity again`, "InvalidParameterValue.RepeatCreation",
        () => ses.CreateEmailIdentity({ EmailIdentity: domain }));
      await expectCode(`${label} GetEmailTemplate without TemplateID`, "MissingParameter",
        () => ses.GetEmailTemplate({}));
      await expectCode(`${label} with a wrong secret key`, "AuthFailure.SignatureFailure",
        () => client(target, signMethod, reqMethod, { secretKey: `${target.secretKey}x` })
          .ListEmailTemplates({ Limit: 5, Offset: 0 }));
      await expectCode(`${label} in ap-beijing`, "UnsupportedRegion",
        () => client(target, signMethod, reqMethod, { region: "ap-beijing" })
          .ListEmailTemplates({ Limit: 5, Offset: 0 }));
    }
  }
  console.log(`node: ${passed} calls as expected, ${failures.length} not`);
  for (const failure of failures) console.log(`node: FAILED ${failure}`);
  process.exit(failures.length === 0 && passed > 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`node: ${error.stack || error}`);
  process.exit(1);
});
