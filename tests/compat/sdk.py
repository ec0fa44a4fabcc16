"""Calls SES actions through the official SDK's typed client and checks each outcome: success
with a request id, or exactly the expected error code. Every call is counted in the tally."""

import copy
import json
import urllib.parse
import urllib.request

import pytest
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.ses.v20201002 import models

from support import record


def sdk_actions():
    """Every action the official `SesClient` declares (its public methods named like actions)."""
    from tencentcloud.ses.v20201002.ses_client import SesClient

    return {name for name in vars(SesClient) if name[:1].isupper() and callable(getattr(SesClient, name))}


class Api:
    """One official `SesClient` in one configuration, and the actions it has called."""

    def __init__(self, client, config, emulator_url):
        self.client = client
        self.config = config
        self.emulator_url = emulator_url
        self.called = set()

    def stored_message(self, message_id):
        """The message as the emulator stored and rendered it, read from its inspection
        endpoint (outside the API, so not an SDK call)."""
        url = f"{self.emulator_url}/_emulator/messages/{urllib.parse.quote(message_id, safe='')}"
        with urllib.request.urlopen(url, timeout=10) as answer:
            return json.load(answer)

    @staticmethod
    def _request(action, params):
        """The SDK's own request model for `action`, filled from the wire-shaped `params`."""
        request = getattr(models, action + "Request")()
        request._deserialize(copy.deepcopy(params))
        # A typo in a parameter name would be dropped silently by the model; refuse it here.
        sent = request._serialize()
        assert sent == params, f"{action}: the SDK model would send {sent!r}, not {params!r}"
        return request

    def _call(self, action, params):
        self.called.add(action)
        return getattr(self.client, action)(self._request(action, params))

    def ok(self, action, params):
        """Calls `action` and expects success; returns the response fields as a dict."""
        try:
            response = self._call(action, params)
        except TencentCloudSDKException as e:
            record(self.config, False)
            pytest.fail(
                f"{action} {params!r} failed with {e.code}: {e.message} (request {e.requestId})",
                pytrace=False,
            )
        body = response._serialize()
        good = bool(body.get("RequestId"))
        record(self.config, good)
        assert good, f"{action}: the response has no RequestId: {body!r}"
        return body

    def answer(self, action, params):
        """Calls `action` and returns the service error code it answered, or None on success."""
        try:
            self._call(action, params)
        except TencentCloudSDKException as e:
            return e.code
        return None

    def fails(self, action, params, code):
        """Calls `action` and expects the service error `code`."""
        try:
            response = self._call(action, params)
        except TencentCloudSDKException as e:
            expect(self.config, e, code, action)
            return
        record(self.config, False)
        pytest.fail(f"{action} {params!r} succeeded ({response}); expected {code}", pytrace=False)


def expect(config, error, code, what):
    """Checks a caught SDK error is the service error `code` with a request id, and counts it."""
    good = error.code == code and bool(error.requestId)
    record(config, good)
    assert good, (
        f"{what}: expected {code} with a request id, got {error.code}: {error.message} "
        f"(request id {error.requestId!r})"
    )


def expect_error(config, code, what, call):
    """Runs `call` (an official-SDK call) and expects it to raise the service error `code`."""
    try:
        result = call()
    except TencentCloudSDKException as e:
        expect(config, e, code, what)
        return
    record(config, False)
    pytest.fail(f"{what} succeeded ({result!r}); expected {code}", pytrace=False)
