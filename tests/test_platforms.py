"""The library and the CLI run on Windows too: no POSIX-only call on their paths unless guarded.

A use of a POSIX-only name (``os.getuid``, ``os.fork``, ``signal.SIGALRM``, ``fcntl``...) must
be listed in ALLOWED with the guard that keeps Windows working; docs/platforms.md says what is
Linux/macOS-only.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "opcc_model"

POSIX_MODULES = {"fcntl", "resource", "pwd", "grp", "termios", "tty", "pty", "posix"}
POSIX_ATTRIBUTES = {
    "os": {"getuid", "geteuid", "getgid", "getegid", "fork", "forkpty", "killpg", "setsid", "getpgid", "setpgrp",
           "O_NOFOLLOW", "O_NOCTTY", "mkfifo", "mknod", "chown", "lchown", "sync", "getloadavg", "nice", "uname"},
    "signal": {"SIGALRM", "SIGKILL", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGCHLD", "alarm", "setitimer",
               "ITIMER_REAL", "pthread_kill", "getsignal_posix"},
}
ALLOWED = {
    ("cachekey.py", "os.getuid"): "only after `if not hasattr(os, 'getuid'): return True` (no file owners on Windows)",
    ("render/manifest.py", "fcntl"): "imported inside `try: ... except ImportError`: no output-folder lock on Windows",
}


def _posix_uses(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] in POSIX_MODULES}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in POSIX_MODULES:
            found.add(node.module or "")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.attr in POSIX_ATTRIBUTES.get(node.value.id, ()):
                found.add(f"{node.value.id}.{node.attr}")
    return found


def test_no_unguarded_posix_only_call_in_the_library_or_the_cli() -> None:
    uses = {(str(p.relative_to(PACKAGE)), name) for p in PACKAGE.rglob("*.py") for name in _posix_uses(p)}
    assert uses - set(ALLOWED) == set(), "a POSIX-only call: guard it and list it in ALLOWED (and docs/platforms.md)"


def test_the_scanner_finds_posix_only_calls(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import fcntl\nimport os, signal\nos.getuid()\nsignal.alarm(1)\nos.path.join('a')\n", encoding="utf-8")
    assert _posix_uses(sample) == {"fcntl", "os.getuid", "signal.alarm"}
