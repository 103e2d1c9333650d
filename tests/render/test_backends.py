

def test_a_webassembly_trap_falls_back_to_the_system_dot(monkeypatch) -> None:
    """The chain's second backend lays out what the first one crashes on; a named backend does not fall back."""
    import shutil

    import pytest

    from opcc_model.render import backend

    if not shutil.which("dot"):
        pytest.skip("the system Graphviz 'dot' is not installed")

    def trap(dot_source: str, fmt: str) -> bytes:
        raise backend.WasmTrap("Graphviz (WebAssembly) failed: Trap")

    monkeypatch.delenv("OPCC_GRAPHVIZ", raising=False)
    monkeypatch.setitem(backend.BACKENDS, "wasm", trap)
    monkeypatch.setattr(backend, "choose_backend", lambda fmt: "wasm")
    assert b"<svg" in backend.layout("digraph { a -> b }", "svg")
    with pytest.raises(backend.WasmTrap):
        backend.layout("digraph { a -> b }", "svg", backend="wasm")
