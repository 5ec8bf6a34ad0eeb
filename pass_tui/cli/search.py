"""``pass-tui search``: offers matching criteria, as text, JSON, RSS or Atom."""

from __future__ import annotations

import argparse
import json
import sys

from pass_tui.cli.parser import EXIT_OK, UsageError, integer, open_services
from pass_tui.data.criteria import CRITERIA, SearchCriteria
from pass_tui.i18n import _

NAME = "search"
FORMATS = ("text", "json", "rss", "atom")
FEED_LIMIT = 100


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    what = _("rechercher des offres")
    parser = sub.add_parser(NAME, parents=[common], help=what, description=what)
    parser.add_argument(
        "--keywords", default="", metavar=_("TEXTE"), help=_("mots clés ou numéro d'offre")
    )
    for criterion in CRITERIA:
        parser.add_argument(
            f"--{criterion.option}",
            action="append",
            default=[],
            dest=f"criterion_{criterion.option}",
            metavar=_(criterion.metavar),
            help=_(criterion.help),
        )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help=_("format de sortie (défaut : text)")
    )
    parser.add_argument(
        "--limit", type=integer, default=None, metavar="N", help=_("nombre maximal d'offres")
    )


def criteria_from_args(
    args: argparse.Namespace, organisations: list[str] | None = None
) -> SearchCriteria:
    """The criteria of the command line. Checked once before the data dir is touched
    (organisations as typed), then with the catalogue's ``organisations``."""
    values = {c.option: getattr(args, f"criterion_{c.option}") for c in CRITERIA}
    return SearchCriteria.from_options(
        {option: typed for option, typed in values.items() if typed},
        args.keywords,
        organisations=organisations,
        name_of=lambda c: f"--{c.option}",
    )


def run(args: argparse.Namespace) -> int:
    from pass_tui.data.publishing.render import count_line, summary_line

    if args.limit is not None and args.limit < 0:
        raise UsageError(_("--limit doit être positif ou nul"))
    criteria = criteria_from_args(args)
    services = open_services(args)
    if criteria.organisations:
        criteria = criteria_from_args(args, services.catalogue.organisations())
    result = services.catalogue.search(criteria)
    if args.format == "json":
        json.dump(result.to_json(args.limit), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    if args.format in ("rss", "atom"):
        from pass_tui.data.publishing.feeds import render_search_feed

        limit = FEED_LIMIT if args.limit is None else args.limit
        feed = render_search_feed(
            result.offers(0, limit), criteria, count=result.count, format=args.format
        )
        sys.stdout.flush()
        sys.stdout.buffer.write(feed)
        return EXIT_OK
    # A search for a closed offer's reference says so, rather than "0 offre".
    out = [result.closed_notice() or count_line(result.count)]
    out += [
        _("{label} : {value}", label=label, value=value) for label, value in criteria.describe()
    ]
    out += [summary_line(s) for s in result.summaries(0, args.limit)]
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK
