"""``opcc site PATH --out DIR [--area A]``: build the static HTML site of a model, its plans and findings.

The plans come from ``PATH/plans/`` and the severities from ``PATH/opcc.toml``, as ``opcc check`` reads them.
"""

from __future__ import annotations

import argparse
from typing import Any

from opcc_model.cli.common import EXIT_OK, info
from opcc_model.cli.dates import add_date_option, chosen_date
from opcc_model.errors import OpccError

__all__ = ["register", "handle", "load"]


def load(path: str) -> Any:
    """The model at ``path`` through the cache, imported only when there is work (a run with nothing changed is a stat pass)."""
    from opcc_model.cache import load_cached

    return load_cached(path)


def register(subparsers: Any) -> None:
    """Add ``site`` to the ``opcc`` parser."""
    parser = subparsers.add_parser("site", help="build the static HTML site of a model, with its findings report")
    parser.add_argument("path", help="the model root (a folder holding processes/ and pag/, maybe plans/ and opcc.toml)")
    parser.add_argument("--out", required=True, help="the folder to write the site into (replaced as a whole)")
    parser.add_argument("--area", help="show only this force area (default: every area)")
    parser.add_argument(
        "-j", "--jobs", type=int, default=None,
        help="processes making the pages of a large site (default: CPU count; 1 uses the least memory)",
    )
    add_date_option(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Load the model, its plans and settings, build the site, and name its home page on stderr."""
    from opcc_model.render.noop import Stamp

    if args.jobs is not None and args.jobs < 1:
        raise OpccError(f"--jobs: expected a number of processes of 1 or more, found {args.jobs}")
    day = chosen_date(args, announce=False)  # announced once the model has loaded (a missing folder says only that)
    stamp = Stamp(args.path, args.out, "site", [args.area, day])
    if stamp.current():
        info(f"nothing changed: the site in {args.out} is up to date")
        return EXIT_OK
    from opcc_model.config import load_settings
    from opcc_model.plan import load_plans
    from opcc_model.render.site import build_site

    model = load(args.path)
    plans = load_plans(args.path, model)
    settings = load_settings(args.path)
    if args.date is None:
        chosen_date(args)  # print the day the site is judged on
    out = build_site(model, args.out, area=args.area, settings=settings, plans=plans, on=day, jobs=args.jobs)
    stamp.record()
    info(f"wrote {out / 'index.html'}")
    return EXIT_OK
