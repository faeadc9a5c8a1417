"""The run manifest: what an evaluation read (with hashes), the plan (with its hash and registration),
the settings, and what it wrote (with hashes); ``manifest.json`` beside the results."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from focus import __version__
from focus.evaluate.plan import AnalysisPlan
from focus.evaluate.registry import PlanStatus
from focus.lake import file_sha256

MANIFEST = "manifest.json"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def run_manifest(
    *,
    plan: AnalysisPlan,
    plan_given: bool,
    plan_status: PlanStatus | None,
    inputs: Mapping[str, Any],
    outputs: Mapping[str, Path],
    details: Mapping[str, Any],
) -> dict[str, Any]:
    """The manifest of one evaluation run, as plain data."""
    return {
        "kind": "evaluation",
        "focus_version": __version__,
        "plan": {
            "given": plan_given,
            "name": plan.name,
            "sha256": plan.sha256,
            "registry": plan_status.to_dict() if plan_status else None,
            "content": plan.data(),
        },
        "inputs": dict(inputs),
        "details": dict(details),
        "outputs": {
            name: {"path": path.name, "sha256": file_sha256(path)} for name, path in outputs.items()
        },
    }


def write_manifest(path: Path, manifest: Mapping[str, Any]) -> Path:
    path.write_text(
        json.dumps(manifest, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8"
    )
    return path
