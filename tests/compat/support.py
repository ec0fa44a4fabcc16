"""What the official-SDK compatibility run is made of: the emulators `run` started, the SDK
configurations under test, official SDK clients pointed at an emulator, and the tally of calls
that behaved as expected."""

import collections
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from tencentcloud.common import credential
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.ses.v20201002 import ses_client

# The signing scheme and HTTP method pairs: the four the issue asks for, then the other two the
# SDK offers, so every scheme is seen over both methods.
TRANSPORTS = [
    ("TC3-HMAC-SHA256", "POST"),
    ("TC3-HMAC-SHA256", "GET"),
    ("HmacSHA256", "POST"),
    ("HmacSHA1", "GET"),
    ("HmacSHA256", "GET"),
    ("HmacSHA1", "POST"),
]
# Long-term keys, and temporary keys that need their token.
KINDS = ("long-term", "temporary")
# The region the tests call; SES answers in ap-guangzhou, ap-hongkong and ap-singapore, and the
# emulator answers UnsupportedRegion for any other.
REGION = "ap-hongkong"

# (sign method, HTTP method, credential kind) -> [calls as expected, calls not as expected]
TALLY = collections.defaultdict(lambda: [0, 0])


@dataclass(frozen=True)
class Target:
    """One running emulator and the key pair it accepts."""

    kind: str
    url: str
    secret_id: str
    secret_key: str
    token: str | None

    @property
    def host_port(self):
        """`127.0.0.1:PORT`: the SDK takes an endpoint without scheme and sends it as `Host`."""
        return urlsplit(self.url).netloc


def _required_env(name):
    value = os.environ.get(name, "")
    if not value:
        pytest.fail(f"{name} is not set: start this suite with tests/compat/run", pytrace=False)
    return value


def target_for(kind):
    """The emulator that accepts keys of `kind`, from the environment `run` set up."""
    prefix = "COMPAT_LONG_" if kind == "long-term" else "COMPAT_TEMP_"
    return Target(
        kind=kind,
        url=_required_env(prefix + "URL"),
        secret_id=_required_env(prefix + "SECRET_ID"),
        secret_key=_required_env(prefix + "SECRET_KEY"),
        token=_required_env("COMPAT_TEMP_TOKEN") if kind == "temporary" else None,
    )


@dataclass(frozen=True)
class Config:
    """One configuration of the official SDK: signing scheme, HTTP method and credential kind."""

    sign_method: str
    req_method: str
    kind: str

    @property
    def tag(self):
        """A short DNS-safe label, used to keep each configuration's resources apart."""
        scheme = {"TC3-HMAC-SHA256": "tc3", "HmacSHA256": "hs256", "HmacSHA1": "hs1"}[self.sign_method]
        kind = "lt" if self.kind == "long-term" else "tmp"
        return f"{scheme}-{self.req_method.lower()}-{kind}"

    def __str__(self):
        return f"{self.sign_method}-{self.req_method}-{self.kind}"


CONFIGS = [Config(sign, method, kind) for sign, method in TRANSPORTS for kind in KINDS]


def make_client(
    target,
    config,
    secret_id=None,
    secret_key=None,
    token=...,
    region=REGION,
    language="zh-CN",
    unsigned_payload=False,
    keep_alive=False,
    request_client=None,
):
    """An official `SesClient` for `config` against `target`; the key pair and token can be
    replaced to provoke authentication errors (`token=...` keeps the target's own), the region
    changed, and the profile's other options set (the defaults are the SDK's own)."""
    cred = credential.Credential(
        secret_id or target.secret_id,
        secret_key or target.secret_key,
        target.token if token is ... else token,
    )
    http = HttpProfile(
        protocol="http",
        endpoint=target.host_port,
        reqMethod=config.req_method,
        reqTimeout=30,
        keepAlive=keep_alive,
    )
    profile = ClientProfile(
        signMethod=config.sign_method,
        httpProfile=http,
        language=language,
        request_client=request_client,
    )
    # Not a constructor argument: the SDK reads it as an attribute.
    profile.unsignedPayload = unsigned_payload
    return ses_client.SesClient(cred, region, profile)


def record(config, as_expected):
    """Counts one official-SDK call of `config`."""
    TALLY[(config.sign_method, config.req_method, config.kind)][0 if as_expected else 1] += 1
