"""The official Tencent Cloud SDK for Python against our emulator: every SES action and every
official example request, through each signing scheme over POST and GET, with long-term and
with temporary credentials; and the protocol errors with Tencent's exact codes. Started by
`run`, which provides the emulators."""

import json
import time as real_time
from pathlib import Path

import pytest
import tencentcloud.common.abstract_client as abstract_client
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.ses.v20201002 import models

import scenario
from sdk import Api, expect_error, sdk_actions
from support import CONFIGS, make_client, record

TEMPORARY = [c for c in CONFIGS if c.kind == "temporary"]


def test_the_sdk_declares_the_36_actions_of_the_spec():
    assert len(sdk_actions()) == 36, sorted(sdk_actions())


def test_every_action_succeeds_or_answers_the_documented_error(config, target):
    api = Api(make_client(target, config), config, target.url)
    scenario.run(api, config.tag)
    missing = sdk_actions() - api.called
    assert not missing, f"the scenario never called {sorted(missing)}"


def list_senders(client):
    """A harmless call to provoke protocol errors with."""
    return client.ListEmailAddress(models.ListEmailAddressRequest())


# What each authentication mistake changes in the client, and the code Tencent answers.
AUTH_MISTAKES = {
    "wrong-secret-key": (
        lambda target: {"secret_key": target.secret_key + "x"},
        "AuthFailure.SignatureFailure",
    ),
    "unknown-secret-id": (
        lambda target: {"secret_id": "AKIDnobodyHasThisId0123456789EXAMPLE"},
        "AuthFailure.SecretIdNotFound",
    ),
}


@pytest.mark.parametrize("mistake", sorted(AUTH_MISTAKES))
def test_authentication_mistakes_answer_tencents_codes(config, target, mistake):
    change, code = AUTH_MISTAKES[mistake]
    client = make_client(target, config, **change(target))
    expect_error(config, code, mistake, lambda: list_senders(client))


class _ShiftedClock:
    """Stands in for the `time` module inside the SDK's request builder, `offset` seconds off."""

    def __init__(self, offset):
        self.offset = offset

    def time(self):
        return real_time.time() + self.offset


# docs/protocol.md §5: the timestamp must be within five minutes of the server's clock, either way.
@pytest.mark.parametrize(
    ("offset", "code"),
    [
        (-3600, "AuthFailure.SignatureExpire"),
        (-360, "AuthFailure.SignatureExpire"),
        (360, "AuthFailure.SignatureExpire"),
        (-240, None),
        (240, None),
    ],
    ids=["an-hour-old", "6-minutes-old", "6-minutes-ahead", "4-minutes-old", "4-minutes-ahead"],
)
def test_timestamp_window(config, target, monkeypatch, offset, code):
    client = make_client(target, config)
    monkeypatch.setattr(abstract_client, "time", _ShiftedClock(offset))
    what = f"a request stamped {offset:+d} s from now"
    if code is None:
        api = Api(client, config, target.url)
        api.ok("ListEmailAddress", {})
    else:
        expect_error(config, code, what, lambda: list_senders(client))


# ses.md §2: SES is offered in three regions; an SDK given no region sends none.
@pytest.mark.parametrize("region", ["ap-guangzhou", "ap-singapore", "", "ap-beijing", "eu-frankfurt"])
def test_regions(config, target, region):
    client = make_client(target, config, region=region)
    if region in ("", "ap-guangzhou", "ap-singapore"):
        Api(client, config, target.url).ok("ListEmailAddress", {})
    else:
        expect_error(
            config, "UnsupportedRegion", f"a call in {region}", lambda: list_senders(client)
        )


# docs/protocol.md §3.1: for v1 the SDK signs a name's `_` as `.`, but sends the name as it is; the
# signature holds, and SES does not know the parameter.
def test_a_name_with_an_underscore_is_an_unknown_parameter(config, target):
    client = make_client(target, config)
    expect_error(
        config,
        "UnknownParameter",
        "the undeclared parameter Foo_Bar",
        lambda: client.call_json("ListEmailAddress", {"Foo_Bar": "1"}),
    )


def test_unknown_action_is_invalid(config, target):
    client = make_client(target, config)
    expect_error(
        config,
        "InvalidAction",
        "the unknown action SendEmails",
        lambda: client.call_json("SendEmails", {"Subject": "?"}),
    )


# The profile's other options, each away from the SDK's default (zh-CN, a signed payload, a new
# connection per call, no request-client suffix). An unsigned payload only changes TC3 requests;
# the v1 schemes ignore it, and are run with it all the same.
PROFILE_OPTIONS = {
    "english": {"language": "en-US"},
    "unsigned-payload": {"unsigned_payload": True},
    "keep-alive": {"keep_alive": True},
    "request-client": {"request_client": "compat-suite;1.0"},
}


@pytest.mark.parametrize("option", sorted(PROFILE_OPTIONS))
def test_profile_options_are_accepted(config, target, option):
    api = Api(make_client(target, config, **PROFILE_OPTIONS[option]), config, target.url)
    # Twice, so that with keep-alive a second request rides the first one's connection.
    for _ in range(2):
        api.ok("ListEmailAddress", {})
    # A parameter the service acts on, so the body (unsigned or not) is read, not just accepted.
    api.fails("GetEmailTemplate", {"TemplateID": 987654}, "InvalidParameterValue.TemplateNotExist")


@pytest.mark.parametrize(
    ("action", "params"),
    [
        ("GetEmailTemplate", {}),
        ("SendEmail", {"Destination": ["user@example.com"], "Subject": "no sender"}),
    ],
    ids=["GetEmailTemplate-without-TemplateID", "SendEmail-without-FromEmailAddress"],
)
def test_missing_required_parameter(config, target, action, params):
    api = Api(make_client(target, config), config, target.url)
    api.fails(action, params, "MissingParameter")


@pytest.mark.parametrize(
    ("action", "params", "code"),
    [
        ("GetEmailTemplate", {"TemplateID": "abc"}, "InvalidParameter"),
        ("ListEmailAddress", {"Foo": 1}, "UnknownParameter"),
    ],
    ids=["TemplateID-of-the-wrong-type", "undeclared-parameter"],
)
def test_malformed_parameters(config, target, action, params, code):
    # The generic call sends parameters the typed models would not let through.
    client = make_client(target, config)
    expect_error(config, code, f"{action} {params}", lambda: client.call_json(action, params))


def size_limit(config):
    """The largest request, docs/protocol.md §8: GET 32 KB; POST 1 MB with the v1 schemes, 10 MB
    with TC3."""
    if config.req_method == "GET":
        return 32 * 1024
    return 10 * 1024 * 1024 if config.sign_method == "TC3-HMAC-SHA256" else 1024 * 1024


def test_request_over_its_size_limit(config, target):
    # Every address takes more than 20 bytes on the wire, whatever the encoding; the SDK sends
    # what it is given, so the emulator is the one to refuse.
    emails = [f"over{i:07d}@example.com" for i in range(size_limit(config) // 20 + 1)]
    api = Api(make_client(target, config), config, target.url)
    api.fails("CreateCustomBlacklist", {"Emails": emails}, "RequestSizeLimitExceeded")


GETS = [c for c in CONFIGS if c.req_method == "GET"]


@pytest.mark.parametrize("config", GETS, ids=str)
@pytest.mark.parametrize("kib", [70, 600])
def test_get_far_over_its_size_limit(config, target, kib):
    # Past 64 KiB of request line, and past the HTTP layer's head buffer: still the envelope.
    emails = [f"over{i:07d}@example.com" for i in range(kib * 1024 // 20)]
    api = Api(make_client(target, config), config, target.url)
    api.fails("CreateCustomBlacklist", {"Emails": emails}, "RequestSizeLimitExceeded")


# Multipart bodies exist only with TC3 over POST (the SDK switches to TC3 for them whatever the
# profile says, so only the TC3 configurations count them).
MULTIPART = [c for c in CONFIGS if c.req_method == "POST" and c.sign_method == "TC3-HMAC-SHA256"]


@pytest.mark.parametrize("config", MULTIPART, ids=str)
def test_multipart_body(config, target):
    # The SDK cannot put numbers in a multipart body, so a string-only action is used, and its
    # effect read back through JSON.
    client = make_client(target, config)
    name = f"多部分 名单 📎 {config.tag}"
    try:
        created = client.call_json(
            "CreateReceiver", {"ReceiversName": name, "Desc": "说明"}, options={"IsMultipart": True}
        )
    except TencentCloudSDKException as e:
        record(config, False)
        pytest.fail(f"a multipart CreateReceiver failed: {e.code}: {e.message}", pytrace=False)
    record(config, True)
    receiver_id = created["Response"]["ReceiverId"]
    api = Api(client, config, target.url)
    listed = api.ok("ListReceivers", {"Offset": 0, "Limit": 100, "KeyWord": config.tag})
    names = {r["ReceiverId"]: r["ReceiversName"] for r in listed["Data"]}
    assert names.get(receiver_id) == name, listed
    api.ok("DeleteReceiver", {"ReceiverId": receiver_id})


@pytest.mark.parametrize("config", TEMPORARY, ids=str)
@pytest.mark.parametrize(
    ("token", "what"),
    [(None, "no token"), ("not-the-token", "a wrong token")],
    ids=["no-token", "wrong-token"],
)
def test_temporary_keys_need_their_token(config, target, token, what):
    client = make_client(target, config, token=token)
    expect_error(
        config, "AuthFailure.TokenFailure", f"temporary keys with {what}", lambda: list_senders(client)
    )


# The official request examples (spec ses/examples.json), as the ses crate's tests keep them.
EXAMPLES = Path(__file__).resolve().parents[2] / "ses" / "tests" / "fixtures" / "examples.json"
# Answers that mean the request itself was not understood or not accepted by the API front,
# as opposed to a refusal by SES's rules for the state the account is in.
PROTOCOL_CODES = {
    "InvalidAction",
    "InvalidParameter",
    "MissingParameter",
    "UnknownParameter",
    "InternalError",
    "RequestSizeLimitExceeded",
    "UnsupportedProtocol",
    "NoSuchVersion",
}


def official_examples():
    """(action, title, parameters) of every official example request."""
    actions = json.loads(EXAMPLES.read_text(encoding="utf-8"))["actions"]
    for action, examples in sorted(actions.items()):
        for example in examples:
            # The input is an HTTP request; its body follows the blank line.
            body = example["input"].split("\n\n", 1)[1]
            yield action, example["title"], json.loads(body)


def test_every_official_example_request_passes_the_api_front(config, target):
    """Each documented request shape, sent as the SDK sends it, reaches SES's rules: it may be
    refused for the account's state (the examples name resources that do not exist), but never
    as a malformed, unsigned or unknown request."""
    api = Api(make_client(target, config), config, target.url)
    examples = list(official_examples())
    assert len(examples) >= 36, "every action has an official example"
    problems = []
    for action, title, params in examples:
        code = api.answer(action, params)
        understood = code is None or not (code in PROTOCOL_CODES or code.startswith("AuthFailure"))
        record(config, understood)
        if not understood:
            problems.append(f"{action} ({title}): {code}")
    assert not problems, "official examples refused by the API front:\n" + "\n".join(problems)
