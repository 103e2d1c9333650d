"""A generated valid model survives dump → YAML → load unchanged; loading is deterministic."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings

import opcc_model
from opcc_model import integrity
from opcc_model.dump import write_model
from tests.strategies import models


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(model=models())
def test_dump_then_load_gives_the_same_model(model: opcc_model.Model, tmp_path_factory) -> None:
    assert list(integrity.check(model)) == []
    root = tmp_path_factory.mktemp("model")
    write_model(model, root)
    loaded = opcc_model.load(root)
    assert loaded == model
    # and every activity is located in the file that holds it
    for activity in loaded.activities:
        location = loaded.location_of("activity", activity.id)
        process = loaded.process_of(activity.id)
        assert location is not None and location.file.endswith(f"{process.id}.yaml")


def test_loading_twice_gives_equal_models_and_locations() -> None:
    root = opcc_model.example_root("minimal")
    first, second = opcc_model.load(root), opcc_model.load(root)
    assert first == second
    assert {k: first.locations[k] for k in first.locations} == {k: second.locations[k] for k in second.locations}


def test_file_order_on_disk_does_not_change_the_model(tmp_path: Path) -> None:
    """Files are read in sorted order, whatever order the file system lists them in."""
    root = opcc_model.example_root("minimal")
    copies = []
    for seed in (1, 2):
        target = tmp_path / f"copy{seed}"
        names = sorted(p for p in root.rglob("*") if p.is_file())
        random.Random(seed).shuffle(names)
        for source in names:  # create files in a different order each time
            destination = target / source.relative_to(root)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
        copies.append(opcc_model.load(target))
    assert copies[0] == copies[1]
