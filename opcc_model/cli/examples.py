"""An example for every ``opcc ... --help``: one table, applied to every parser after registration.

A (sub)command is named by its words after ``opcc`` (``"plan check"``). A test parses every
example with the real parser, so an example cannot name an option that does not exist.

>>> EXAMPLES["validate"][0]
'opcc validate .'
"""

from __future__ import annotations

import argparse
import textwrap

__all__ = ["EXAMPLES", "LineFormatter", "add_examples", "subcommands"]

EXAMPLES: dict[str, tuple[str, ...]] = {
    "validate": ("opcc validate .", "opcc validate path/to/model"),
    "check": (
        "opcc check .",
        "opcc check . --area example-area --fail-on warning",
        "opcc check . --min-severity info --ignore OPCC-D103,OPCC-D104",
        "opcc check . --select OPCC-G -q",
        "opcc check . --format github",
        "opcc check . --scenario scenarios/mayoral-model.yaml --select OPCC-T",
    ),
    "explain": ("opcc explain OPCC-D101", "opcc explain g105", "opcc explain"),
    "query": ("opcc query upstream . publish-annual-report", "opcc query handoffs . --format csv"),
    "query upstream": ("opcc query upstream . publish-annual-report",),
    "query downstream": ("opcc query downstream . set-the-budget --format json",),
    "query path": ("opcc query path . set-the-budget publish-annual-report",),
    "query handoffs": ("opcc query handoffs . --area example-area --format csv",),
    "query impact": ("opcc query impact . role:chief-finance-officer",),
    "query coverage": ("opcc query coverage . --area example-area",),
    "query who-decides": (
        "opcc query who-decides . 1.3.8.2 --amount 20000 --area example-england",
        "opcc query who-decides . 1.5.7 --area example-england --date 2026-01-31 --format csv",
    ),
    "query holdings": ("opcc query holdings . --area example-england --role opcc-chief-executive",),
    "query compare": ("opcc query compare . --format csv",),
    "render": ("opcc render . --out diagrams", "opcc render . --out diagrams --format png --only example-area"),
    "site": ("opcc site . --out site", "opcc site . --out site --area example-area"),
    "export": ("opcc export bpmn . --out bpmn", "opcc export raci . --out raci --format xlsx"),
    "export bpmn": ("opcc export bpmn . --out bpmn --lanes role",),
    "export raci": ("opcc export raci . --out raci --format md --area example-area",),
    "export graphml": ("opcc export graphml . --out model.graphml",),
    "schema": ("opcc schema --out schemas",),
    "plan": ("opcc plan check .", "opcc plan render . --out plans-drawn"),
    "plan check": ("opcc plan check .", "opcc plan check . --format github --fail-on warning"),
    "plan render": ("opcc plan render . --out plans-drawn",),
    "diff": ("opcc diff old-model new-model", "opcc diff --against HEAD~1 ."),
    "scenario": (
        "opcc scenario scenarios/mayoral-model.yaml .",
        "opcc scenario scenarios/mayoral-model.yaml . --format json --out changed-maps",
    ),
    "calendar": (
        "opcc calendar . --year 2027 --format ics",
        "opcc calendar . --next 90d --date 2027-01-01 --area example-england --format md",
    ),
    "transition": (
        "opcc transition . --area example-england --date 2028-05-04",
        "opcc transition . --area example-england --date 2028-05-08 --to mayor --format ics --out transition.ics",
    ),
    "cache": ("opcc cache path", "opcc cache clear"),
    "migrate": ("opcc migrate --check .", "opcc migrate ."),
    "cache path": ("opcc cache path",),
    "cache clear": ("opcc cache clear",),
    "serve": ("opcc serve .", "opcc serve . --area example-area --port 8080"),
    "lsp": ("opcc lsp",),
}
"""Example command lines, by (sub)command; the first is the commonest use."""


class LineFormatter(argparse.HelpFormatter):
    """Wraps each line of a description or epilog on its own, keeping its indent (examples stay one per line).

    >>> print(LineFormatter("opcc")._fill_text("examples:\\n  opcc validate .", 70, ""))
    examples:
      opcc validate .
    """

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.splitlines():
            margin = indent + line[: len(line) - len(line.lstrip())]
            lines.append(textwrap.fill(line.strip(), width, initial_indent=margin, subsequent_indent=margin + "    ") or "")
        return "\n".join(lines)


def subcommands(parser: argparse.ArgumentParser) -> dict[str, tuple[argparse.ArgumentParser, str | None]]:
    """The direct subcommands of ``parser``: name -> (its parser, its one-line help).

    >>> p = argparse.ArgumentParser()
    >>> _ = p.add_subparsers().add_parser("x", help="does x")
    >>> {name: help for name, (_, help) in subcommands(p).items()}
    {'x': 'does x'}
    """
    found: dict[str, tuple[argparse.ArgumentParser, str | None]] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                found[name] = (sub, helps.get(name))
    return found


def add_examples(parser: argparse.ArgumentParser, words: str = "") -> None:
    """Give every subcommand of ``parser`` its examples (epilog) and its one-line help as description.

    >>> p = argparse.ArgumentParser(prog="opcc")
    >>> _ = p.add_subparsers().add_parser("validate", help="load a model")
    >>> add_examples(p)
    >>> text = subcommands(p)["validate"][0].format_help()
    >>> print(text[text.index("examples:"):], end="")
    examples:
      opcc validate .
      opcc validate path/to/model
    """
    for name, (sub, summary) in subcommands(parser).items():
        key = f"{words} {name}".strip()
        examples = EXAMPLES.get(key)
        if examples and sub.epilog is None:
            sub.epilog = "examples:\n" + "\n".join(f"  {example}" for example in examples)
            sub.formatter_class = LineFormatter
        if sub.description is None and summary:
            sub.description = summary[0].upper() + summary[1:] + "."
        add_examples(sub, key)
