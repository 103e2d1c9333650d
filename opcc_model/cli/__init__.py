"""The ``opcc`` command: one module per subcommand, registered in :data:`COMMANDS`.

Only the module of the subcommand being run is imported (``opcc --version`` and
``opcc --help`` import none); the others appear in the parser by name and summary.
``main(argv)`` returns the exit status, so the CLI is tested in-process.

>>> main(["validate", str(__import__("opcc_model").example_root("minimal"))])  # doctest: +ELLIPSIS
OK: 4 stages, 1 process, 2 activities, 5 codes, 1 area
0
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

from opcc_model.cli.common import EXIT_INTERNAL, EXIT_USAGE, error

TYPE_CHECKING = False  # (not typing.TYPE_CHECKING: `opcc --version` imports neither typing nor argparse)
if TYPE_CHECKING:
    import argparse
    from typing import Any

__all__ = ["main", "run", "build_parser", "COMMANDS"]

COMMANDS: dict[str, str] = {
    "validate": "load a model and check its integrity",
    "check": "print the gaps, overlaps and dependencies of a model as findings",
    "explain": "print what a finding code means, why it matters and how to fix it",
    "query": "ask a dependency or coverage question and print the table",
    "render": "draw the value chain, process maps, boundary and dependency maps",
    "site": "build the static HTML site of a model, with its findings report",
    "export": "export the model as BPMN 2.0, RACI matrices or GraphML",
    "schema": "write the JSON Schema of every YAML file kind",
    "plan": "check and draw the Police and Crime Plans under plans/",
    "diff": "compare two models (or a model with itself at a git revision)",
    "scenario": "apply a what-if scenario to a model and show what it changes",
    "cache": "show where the validated-model cache is, or clear it",
    "migrate": "rewrite old-format files (boundary files of format 1) in the current format",
    "calendar": "print the statutory calendar: what is due when, who, on what basis",
    "transition": "plan the change of office holder: what lapses, what is due, the first 100 days, the briefing pack",
    "serve": "serve the site on 127.0.0.1 and rebuild it (reloading the browser page) whenever a model file changes",
    "lsp": "run the language server for the model's YAML (stdio): diagnostics, go-to, references, hover, completion, rename",
}
"""Subcommand -> its one-line help. Each is a module ``opcc_model.cli.<name>`` (``-`` read as
``_``) defining ``register(subparsers)``; only the one being run is imported. Its help must be
the summary given here (a test checks), and every (sub)command needs an entry in
:data:`opcc_model.cli.examples.EXAMPLES`."""


def _module(name: str) -> Any:
    return importlib.import_module(f"opcc_model.cli.{name.replace('-', '_')}")


def build_parser(command: str | None = None, *, every: bool = False) -> argparse.ArgumentParser:
    """The ``opcc`` parser: ``command``'s module registered in full (all of them with ``every``),
    the others by name and summary only.

    >>> build_parser().prog
    'opcc'
    >>> sorted(build_parser("validate")._actions[-1].choices["validate"]._option_string_actions)
    ['--help', '-h']
    """
    import argparse  # here, not at the top: `opcc --version` answers without it

    from opcc_model.cli.examples import LineFormatter, add_examples

    parser = argparse.ArgumentParser(
        prog="opcc",
        description="Model, query and draw the operating model of an Office of the Police and Crime Commissioner.",
        epilog="examples:\n  opcc validate .\n  opcc check .\n  opcc site . --out site\n\n"
        "'opcc COMMAND --help' shows a command's options and examples.",
        formatter_class=LineFormatter,
    )
    from opcc_model import __version__

    parser.add_argument("--version", action="version", version=f"opcc-model {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in COMMANDS.items():
        if every or name == command:
            _module(name).register(subparsers)
        else:
            subparsers.add_parser(name, help=summary)
    add_examples(parser)
    return parser


def _command(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv``: its first word that is not an option."""
    return next((word for word in argv if not word.startswith("-")), None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``opcc`` with ``argv`` (default: the process's arguments); return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:  # the commonest probe, answered before argparse is imported
        from opcc_model import __version__

        print(f"opcc-model {__version__}")
        return 0
    parser = build_parser(_command(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on misuse, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from opcc_model.cli.outputs import check_out, os_error_sentence
    from opcc_model.environment import check_environment
    from opcc_model.errors import ModelLoadError, NoSuchFolder, OpccError
    from opcc_model.wording import count

    try:
        check_environment()  # a bad OPCC_* value is one sentence and exit 2, before any work
        check_out(args)
        return int(args.handler(args))
    except NoSuchFolder as exc:
        error(str(exc))
        return EXIT_USAGE
    except ModelLoadError as exc:
        for line in exc.report_lines():
            error(line)
        were = "were" if exc.what.endswith("s") else "was"
        error(f"{count(len(exc.groups), 'error')}{exc.following_text()}: {exc.what} {were} not loaded")
        return EXIT_USAGE
    except OpccError as exc:
        error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the file system said no (permission, disk full, read-only): not a bug
        if os.environ.get("OPCC_DEBUG"):
            raise
        error(os_error_sentence(exc))
        return EXIT_USAGE
    except RecursionError:
        if os.environ.get("OPCC_DEBUG"):
            raise
        error("the model nests too deeply to process (a chain of codes, processes or plans hundreds of levels deep)")
        return EXIT_USAGE
    except Exception as exc:  # never a traceback for a user; OPCC_DEBUG=1 shows it
        if os.environ.get("OPCC_DEBUG"):
            raise
        error(f"internal error: {type(exc).__name__}: {exc} (run with OPCC_DEBUG=1 for details, and please report it)")
        return EXIT_INTERNAL


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
