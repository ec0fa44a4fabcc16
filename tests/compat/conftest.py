"""Pytest wiring of the official-SDK compatibility run: one test per SDK configuration, and the
tally of official-SDK calls printed per signing scheme at the end of the session."""

import collections

import pytest

from support import CONFIGS, TALLY, target_for


@pytest.fixture(params=CONFIGS, ids=str)
def config(request):
    """Every configuration in turn."""
    return request.param


@pytest.fixture
def target(config):
    """The emulator that holds the key pair of the configuration's credential kind."""
    return target_for(config.kind)


def pytest_terminal_summary(terminalreporter):
    """Prints how many official-SDK calls behaved as expected, per configuration and scheme."""
    if not TALLY:
        return
    write = terminalreporter.write_line
    terminalreporter.section("official SDK calls against the emulator")
    per_scheme = collections.defaultdict(lambda: [0, 0])
    for (sign, method, kind), (good, bad) in sorted(TALLY.items()):
        write(f"{sign:<16} {method:<5} {kind:<10} {good:>4} as expected, {bad} not")
        per_scheme[sign][0] += good
        per_scheme[sign][1] += bad
    for sign, (good, bad) in sorted(per_scheme.items()):
        write(f"total {sign:<16} {good:>4} as expected, {bad} not")
