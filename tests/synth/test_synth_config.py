"""The settings of a synthetic area: defaults, validation, and what is written down."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date

import pytest

from focus.errors import ConfigurationError
from focus.synth import NoiseRates, SynthConfig, default_search_rate_ratio


def test_defaults() -> None:
    config = SynthConfig()
    assert (config.people, config.years, config.seed) == (20_000, 3, 1)
    assert config.until == date(2026, 9, 30)
    assert config.search_ratio("black") == 2.5
    assert config.search_ratio("mixed") == 1.5
    assert config.search_ratio("white") == 1.0
    assert config.noise == NoiseRates()


def test_a_group_left_out_of_the_ratio_counts_as_one() -> None:
    config = SynthConfig(search_rate_ratio={"black": 3.0})
    assert config.search_ratio("asian") == 1.0
    assert config.to_dict()["search_rate_ratio"] == {
        "asian": 1.0,
        "black": 3.0,
        "mixed": 1.0,
        "other": 1.0,
        "white": 1.0,
    }


def test_the_config_is_frozen() -> None:
    config = SynthConfig()
    with pytest.raises(FrozenInstanceError):
        config.people = 5  # type: ignore[misc]
    assert default_search_rate_ratio() is not default_search_rate_ratio()


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"people": 10}, "at least 100 people"),
        ({"years": 0}, "years must be"),
        ({"seed": -1}, "seed"),
        ({"search_rate_ratio": {"purple": 2.0}}, "purple"),
        ({"search_rate_ratio": {"black": 0.0}}, "above zero"),
        ({"noise": NoiseRates(typo=1.5)}, "typo"),
    ],
)
def test_bad_settings_say_what_to_change(settings: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        SynthConfig(**settings)  # type: ignore[arg-type]


def test_to_dict_is_plain_data() -> None:
    data = SynthConfig(people=1_000, seed=9).to_dict()
    assert data["people"] == 1_000
    assert data["until"] == "2026-09-30"
    assert data["noise"]["dob_swap"] == 0.01
