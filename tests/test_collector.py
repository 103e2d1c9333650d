"""What a load leaves the garbage collector: its objects filed as old, nothing leaked, nothing another froze unfrozen."""

from __future__ import annotations

import datetime
import gc
import os
import weakref
from collections.abc import Iterator
from pathlib import Path

import networkx
import pytest

import opcc_model
from opcc_model.cache import load_cached
from opcc_model.yamlsource import long_lived


@pytest.fixture
def collector() -> Iterator[None]:
    """The collector enabled and nothing frozen, as a program starts; restored after."""
    was = gc.isenabled()
    gc.unfreeze()
    gc.enable()
    try:
        yield
    finally:
        gc.unfreeze()
        if not was:
            gc.disable()


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def _in_oldest(obj: object) -> bool:
    return any(o is obj for o in gc.get_objects(generation=2))


def test_what_a_block_makes_is_filed_as_old_and_its_garbage_cycles_are_still_collected(collector: None) -> None:
    with long_lived():
        kept = [[] for _ in range(3000)]
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle that becomes garbage once the names go
        gone = weakref.ref(a)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert gc.get_count()[0] < 100  # the young generation holds none of the 3,000 lists
    assert _in_oldest(kept)
    del a, b
    gc.collect()
    assert gone() is None  # a full collection still frees the cycle: nothing leaks


def test_a_block_leaves_what_another_froze_frozen(collector: None) -> None:
    frozen = [[] for _ in range(10)]
    gc.freeze()
    before = gc.get_freeze_count()
    with long_lived():
        made = [[] for _ in range(3000)]
    assert gc.get_freeze_count() == before  # not unfrozen: the block moved nothing
    assert not _in_oldest(frozen)
    assert len(made) == 3000


def test_a_block_that_fails_leaves_the_collector_on(collector: None) -> None:
    with pytest.raises(ValueError), long_lived():
        raise ValueError("a load that fails")
    assert gc.isenabled()


@pytest.mark.parametrize("cached", [False, True], ids=["cold", "warm"])
def test_a_loaded_model_is_in_the_oldest_generation(collector: None, cached: bool, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPCC_CACHE_DIR", os.fspath(tmp_path))
    root = opcc_model.reference_root()
    if cached:
        load_cached(root)
    model = load_cached(root) if cached else opcc_model.load(root)
    assert gc.get_count()[0] < 100
    assert _in_oldest(model.activities[0]) and _in_oldest(model.processes[0])


def _graphs_left_after_ten_turns() -> int:
    """Ten reference load + check turns, each model dropped: the dependency graphs (six per checked model) still alive after."""
    root = opcc_model.reference_root()
    before = sum(isinstance(o, networkx.DiGraph) for o in gc.get_objects())
    for _ in range(10):
        model = opcc_model.load(root)
        opcc_model.check(model, on=datetime.date(2026, 1, 31))
        del model
    return sum(isinstance(o, networkx.DiGraph) for o in gc.get_objects()) - before


def test_loading_model_after_model_keeps_a_few_not_all(collector: None) -> None:
    """An editor's server loads and checks model after model: what a dropped model leaves in
    reference cycles (its dependency graphs, six per checked model) is still collected, though
    the loads file their objects as old where the collector's own rule does not count them."""
    gc.collect()
    assert _graphs_left_after_ten_turns() <= 3 * 6  # about three models' worth (without the count, all ten's: 60)


def test_a_large_block_filed_earlier_does_not_let_small_ones_pile_up(collector: None) -> None:
    """The count starts again at each full collection: after a national load (here 300,000 lists)
    was dropped and collected, reference models loaded one after another are collected as before,
    not only once they reach twice the large one (the test above failed when it ran after a large load)."""
    with long_lived():
        large = [[] for _ in range(300_000)]
    del large
    gc.collect()
    assert _graphs_left_after_ten_turns() <= 3 * 6
