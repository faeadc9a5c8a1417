"""Seeded randomness for igraph, so that layouts and communities repeat run after run."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import igraph


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Run igraph's random steps (Leiden, layouts) from ``seed``, then restore its generator."""
    igraph.set_random_number_generator(random.Random(seed))  # noqa: S311 - not for security
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)
