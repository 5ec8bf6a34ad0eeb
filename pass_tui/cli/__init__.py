"""Command line: no subcommand starts the TUI; each subcommand, one module, prints plain
text or JSON. Errors of the :class:`~pass_tui.data.errors.PassError` family become one
``pass-tui : …`` line and their exit code (2 bad input, 1 not found); nothing else exits
with a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from pass_tui.cli import catalogue, feeds, imports, offer, search, tui
from pass_tui.cli.parser import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    Parser,
    choose_language,
    speak_argparse_language,
)
from pass_tui.data.errors import PassError
from pass_tui.i18n import LANGUAGES, _, set_language

__all__ = ["build_parser", "main"]

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
COMMANDS = {module.NAME: module for module in (search, offer, imports, catalogue, feeds)}


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, in the current interface language."""
    # Options every subcommand takes too; SUPPRESS so that a subcommand's absent option
    # does not overwrite the one given before the subcommand.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        metavar=_("DOSSIER"),
        help=_("dossier de données (défaut : $PASS_TUI_HOME ou le dossier utilisateur)"),
    )
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=_("langue (défaut : la locale si fr_* ou en_*, sinon config.toml, sinon fr)"),
    )
    parser = Parser(
        prog="pass-tui",
        description=_("PASS, la Place de l'apprentissage et des stages, dans un terminal."),
        parents=[common],
    )
    parser.add_argument(
        "--screen-reader", action="store_true", help=_("mode lecteur d'écran (sans décor)")
    )
    parser.add_argument("--kiosk", action="store_true", help=_("mode borne (souris désactivée)"))
    parser.add_argument(
        "--theme", default=None, metavar=_("THÈME"), help=_("thème (ex. ansi-dark, ansi-light)")
    )
    sub = parser.add_subparsers(dest="command", parser_class=Parser, title=_("commandes"))
    for module in COMMANDS.values():
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    A command that does not succeed leaves the disk as it found it: what its first start
    created (the data dir, the demo catalogue) is removed again, see
    :meth:`~pass_tui.data.services.Services.undo_first_start`.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(choose_language(argv))
    speak_argparse_language()
    args = build_parser().parse_args(argv)
    status = EXIT_BAD_INPUT  # until the command returns
    try:
        command = tui if args.command is None else COMMANDS[args.command]
        status = command.run(args)
    except PassError as exc:
        print(_("pass-tui : {error}", error=exc), file=sys.stderr)
        status = exc.exit_code
    except BrokenPipeError:
        # `pass-tui search | head`: the reader left; exit quietly like other Unix tools.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = EXIT_OK
    except KeyboardInterrupt:
        print(_("pass-tui : interrompu"), file=sys.stderr)
        status = EXIT_INTERRUPTED
    finally:
        services = getattr(args, "services", None)
        if status != EXIT_OK and services is not None:
            services.undo_first_start()
    return status
