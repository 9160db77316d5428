"""A smoke test of the benchmark's generator: its press releases parse in the seed's shape.

The benchmark itself (bench/import_bench.py) is kept out of the suite; it takes seconds to minutes.
"""

from __future__ import annotations

from articles.persian import normalize
from articles.seedformat import parse
from bench.pressreleases import generate


def test_generated_press_releases_parse_like_the_seed():
    items = list(generate(50, seed=3))
    assert len({name for name, _text in items}) == 50
    assert items == list(generate(50, seed=3))  # deterministic
    releases = [parse(text) for _name, text in items]
    assert all(len(release.body) == 7 and release.source for release in releases)
    assert all(normalize(release.signoff).startswith("انتهای پیام") for release in releases)
    assert any(release.kicker for release in releases) and any(not release.kicker for release in releases)
    assert any(release.comments for release in releases)
