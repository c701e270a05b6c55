"""Shared fixtures: one real build of the seed articles per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

import kg

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """``(out_dir, report)`` of ``kg.build`` on seeds/, into a temporary folder."""
    out = tmp_path_factory.mktemp("seed-build")
    report = kg.build([SEEDS], out=out)
    return out, report


@pytest.fixture(scope="session")
def seed_store(seed_build):
    """The seeds' Oxigraph store (shared; tests must not write to it)."""
    out, _ = seed_build
    return kg.open_store(out / "store")


def write_article(folder: Path, name: str, text: str, meta: dict | None = None) -> Path:
    """Write a small article (and optional sidecar) for a test."""
    import json
    path = folder / name
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        (folder / (path.stem + ".meta.json")).write_text(json.dumps(meta), encoding="utf-8")
    return path
