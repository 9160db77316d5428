"""One rule for who the client is, behind the load balancer or not."""

import pytest

from newsroom.clients import client_ip, client_limit_key, limit_key


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


def test_by_default_no_proxy_is_trusted_so_a_forged_header_changes_nothing(monkeypatch):
    """Where gunicorn is reachable directly, X-Forwarded-For is whatever the client wrote."""
    import importlib

    import newsroom.settings

    monkeypatch.delenv("NEWSROOM_PROXY_HOPS", raising=False)
    try:
        assert importlib.reload(newsroom.settings).NEWSROOM_PROXY_HOPS == 0
    finally:
        importlib.reload(newsroom.settings)


def test_rate_limits_count_an_ipv6_client_by_its_64():
    assert limit_key("2001:db8:1:2:aaaa::1") == limit_key("2001:db8:1:2:ffff:1:2:3") == "2001:db8:1:2::"
    assert limit_key("2001:db8:1:3::1") != limit_key("2001:db8:1:2::1")


def test_rate_limits_keep_ipv4_addresses_whole():
    assert limit_key("198.51.100.4") == "198.51.100.4"
    assert limit_key("198.51.100.5") != limit_key("198.51.100.4")
    assert limit_key("::ffff:198.51.100.4") == "198.51.100.4"  # the same client over a dual-stack socket
    assert limit_key("unknown") == "unknown"


def test_forwarded_ipv6_clients_of_one_64_share_a_limit_key(rf, settings):
    settings.NEWSROOM_PROXY_HOPS = 1
    one = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="2001:db8:5:6::1")
    other = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="2001:db8:5:6:9::9")
    assert client_limit_key(one) == client_limit_key(other)
