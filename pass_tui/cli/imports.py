"""``pass-tui import SOURCE|--all``: offers from a file or an http(s) URL."""

from __future__ import annotations

import argparse
import sys

from pass_tui.cli.parser import EXIT_BAD_INPUT, EXIT_OK, UsageError, open_services
from pass_tui.i18n import _

NAME = "import"
# pass_tui.data.sources.imports.FORMATS, not imported here: it pulls in httpx.
FORMATS = ("auto", "pass-rss", "pep-csv", "json")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    what = _("importer des offres (fichier ou URL http(s))")
    parser = sub.add_parser(NAME, parents=[common], help=what, description=what)
    parser.add_argument("source", nargs="?", metavar="SOURCE", help=_("chemin ou URL http(s)"))
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        dest="fmt",
        help=_("format de la source (défaut : auto, reconnu d'après le contenu)"),
    )
    parser.add_argument(
        "--all", action="store_true", help=_("importer toutes les sources de config.toml")
    )


def run(args: argparse.Namespace) -> int:
    from pass_tui.data.errors import PassError
    from pass_tui.data.sources.imports import Importer

    if bool(args.source) == bool(args.all):
        raise UsageError(_("donnez une SOURCE (fichier ou URL) ou --all, pas les deux"))
    # A host importing real offers wants none of the demo's: a data dir without a
    # catalogue starts empty here (`pass-tui catalogue remove-demo` cleans an existing one).
    services = open_services(args, seed_demo=False)
    if args.all:
        jobs = [(s.url, s.format) for s in services.settings.sources]
        if not jobs:
            raise UsageError(_("aucune source [[sources]] dans config.toml"))
    else:
        jobs = [(args.source, args.fmt)]
    importer = Importer(services.paths, services.catalogue)
    failed = 0
    for source, fmt in jobs:
        bar = ProgressBar(source) if sys.stderr.isatty() else None
        try:
            report = importer.run(source, fmt, progress=bar)
        except PassError as exc:  # reported, and --all goes on with the next source
            failed += 1
            print(_("pass-tui : import refusé, rien importé : {error}", error=exc), file=sys.stderr)
            continue
        finally:
            if bar:
                bar.done()
        print(report.message())
    return EXIT_BAD_INPUT if failed else EXIT_OK


class ProgressBar:
    """A one-line download progress bar on the terminal (stderr)."""

    def __init__(self, label: str) -> None:
        self.label = label[-30:]
        self.shown = False

    def __call__(self, done: int, total: int | None) -> None:
        if total:
            filled = min(20, done * 20 // total)
            percent = _("{percent} %", percent=f"{done * 100 // total:3d}")
            bar = f"[{'#' * filled}{' ' * (20 - filled)}] {percent}"
        else:
            bar = _("{size} Mo", size=f"{done / 1_000_000:.1f}")
        sys.stderr.write(f"\r{self.label} {bar}")
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
