"""``pass-tui feeds serve``: the RSS / Atom feeds over HTTP (read-only)."""

from __future__ import annotations

import argparse

from pass_tui.cli.parser import EXIT_OK, Parser, UsageError, integer, open_services
from pass_tui.i18n import _

NAME = "feeds"
MAX_PORT = 65535


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    what = _("flux RSS / Atom")
    parser = sub.add_parser(NAME, parents=[common], help=what, description=what)
    feeds_sub = parser.add_subparsers(
        dest="feeds_command", required=True, parser_class=Parser, title=_("commandes")
    )
    what = _("servir les flux en HTTP (lecture seule)")
    serve = feeds_sub.add_parser("serve", parents=[common], help=what, description=what)
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        metavar=_("ADRESSE"),
        help=_("adresse d'écoute (défaut : 127.0.0.1)"),
    )
    serve.add_argument(
        "--port",
        type=integer,
        default=8080,
        metavar="PORT",
        help=_("port d'écoute (défaut : 8080)"),
    )
    serve.add_argument(
        "--limit", type=integer, default=100, metavar="N", help=_("offres par flux (défaut : 100)")
    )
    serve.add_argument(
        "--base-url",
        default=None,
        metavar="URL",
        help=_("adresse publique utilisée dans les liens"),
    )


def run(args: argparse.Namespace) -> int:
    from pass_tui.data.publishing.feed_server import serve

    # Checked before the data dir is opened: a bad value creates nothing.
    if not 0 <= args.port <= MAX_PORT:
        raise UsageError(
            _(
                "--port doit être compris entre 0 et {max} (reçu : {port})",
                max=str(MAX_PORT),
                port=str(args.port),
            )
        )
    if not args.host.strip():
        raise UsageError(_("--host ne peut pas être vide"))
    if args.limit < 1:
        raise UsageError(_("--limit doit être au moins 1"))
    services = open_services(args)
    len(services.catalogue)  # an unreadable catalogue is named now, not on every request
    try:
        serve(services, args.host, args.port, limit=args.limit, base_url=args.base_url)
    except OSError as exc:
        raise UsageError(
            _(
                "impossible d'écouter sur {host}:{port} ({error})",
                host=args.host,
                port=str(args.port),
                error=exc.strerror,
            )
        ) from None
    return EXIT_OK
