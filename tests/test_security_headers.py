"""Content-Security-Policy and Permissions-Policy on every response; no inline script in our templates."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from newsroom.security_headers import render_policy
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def _policy(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in header.split(";") if part.strip())}


def _forbids_inline_scripts(policy: dict[str, list[str]]) -> bool:
    scripts = policy.get("script-src", policy.get("default-src"))
    return scripts is not None and "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts


def test_reader_pages_forbid_inline_scripts_styles_and_eval(client):
    article = make_article()
    for url in (reverse("articles:front"), article.get_absolute_url(), "/section/no-such-section/", "/feed/"):
        response = client.get(url)
        policy = _policy(response)
        assert _forbids_inline_scripts(policy), url
        assert "'unsafe-inline'" not in policy["style-src"], url
        assert "script-src-attr" not in policy, url  # no inline event handlers either
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]


def test_the_admin_forbids_inline_script_elements_and_eval_too(chief_client):
    for url in (reverse("admin:login"), reverse("admin:articles_article_add")):
        policy = _policy(chief_client.get(url))
        assert _forbids_inline_scripts(policy), url
        # CKEditor 4's toolbar needs inline event attributes and inline styles (settings.py says why).
        assert policy["script-src-attr"] == ["'unsafe-inline'"]


def test_every_response_carries_a_permissions_policy(client):
    header = client.get(reverse("articles:front")).headers["Permissions-Policy"]
    assert "camera=()" in header and "geolocation=()" in header and "microphone=()" in header


def test_the_policy_is_written_in_the_header_grammar():
    assert render_policy({"default-src": ["'self'"], "img-src": ["'self'", "data:"]}) == (
        "default-src 'self'; img-src 'self' data:"
    )


def test_templates_and_scripts_carry_no_inline_javascript():
    """Every script is a file; JSON-LD (type application/ld+json) is data, which the policy allows."""
    offenders = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", html, flags=re.I):
            if "src=" not in tag and "application/ld+json" not in tag:
                offenders.append(f"{path.name}: {tag}")
        offenders += [f"{path.name}: {m}" for m in re.findall(r"\son[a-z]+\s*=", html, flags=re.I)]
        offenders += [f"{path.name}: javascript: URL" for _ in re.findall(r"javascript:", html, flags=re.I)]
    for path in sorted((ROOT / "static" / "js").rglob("*.js")):
        if re.search(r"\beval\(|new Function\(", path.read_text(encoding="utf-8")):
            offenders.append(f"{path.name}: eval")
    assert offenders == []
