"""One rule for who the client is, behind the load balancer or not."""

import pytest

from newsroom.clients import client_ip


@pytest.fixture
def forwarded(rf):
    # The client sent "6.6.6.6"; the outer proxy saw 203.0.113.9; the inner proxy saw 198.51.100.4.
    return rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9, 198.51.100.4")


def test_without_trusted_proxies_the_header_is_ignored(forwarded, settings):
    settings.NEWSROOM_PROXY_HOPS = 0
    assert client_ip(forwarded) == "10.0.0.1"


def test_behind_proxies_the_address_is_taken_that_far_from_the_right(forwarded, settings):
    settings.NEWSROOM_PROXY_HOPS = 1
    assert client_ip(forwarded) == "198.51.100.4"
    settings.NEWSROOM_PROXY_HOPS = 2
    assert client_ip(forwarded) == "203.0.113.9"  # never the spoofable left-most entry


def test_without_the_header_it_falls_back_to_the_connection(rf, settings):
    settings.NEWSROOM_PROXY_HOPS = 2
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.4")) == "10.0.0.1"
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"


def test_the_default_trusts_one_proxy_because_production_runs_behind_a_load_balancer(monkeypatch):
    from newsroom.env import env_bool

    monkeypatch.delenv("DJANGO_BEHIND_PROXY", raising=False)
    monkeypatch.delenv("NEWSROOM_PROXY_HOPS", raising=False)
    from django.conf import settings

    assert env_bool("DJANGO_BEHIND_PROXY", True) is settings.BEHIND_PROXY is True
    assert settings.NEWSROOM_PROXY_HOPS == 1
