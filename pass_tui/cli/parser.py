"""What every subcommand shares: the parser class, the language choice, opening the data."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from pass_tui.data.errors import BadInput
from pass_tui.i18n import LANGUAGES, _, get_language

if TYPE_CHECKING:
    from pass_tui.data.services import Services

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "Parser",
    "UsageError",
    "choose_language",
    "open_services",
]

EXIT_OK, EXIT_NOT_FOUND, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(BadInput):
    """Bad input on the command line (exit 2, nothing written)."""


def choose_language(argv: Sequence[str], environ: dict[str, str] | None = None) -> str:
    """The CLI's language before parsing: ``--lang``, else the locale (``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``: ``en_GB.UTF-8`` → English), else French."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGUAGES:
            return value
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale = env.get(name, "")
        if locale:
            code = locale.split("_")[0].split(".")[0].lower()
            return code if code in LANGUAGES else "fr"
    return "fr"


# argparse's own messages in French (it asks gettext, which has no French catalogue here).
_ARGPARSE_FR = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (choix possibles : %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "valeur invalide (%(type)s attendu) : %(value)r",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "une valeur au plus est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ignored explicit argument %r": "argument explicite ignoré : %r",
    "unexpected option string: %s": "option inattendue : %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue : %(parser_name)r (possibles : %(choices)s)"
    ),
}


def _argparse_text(message: str) -> str:
    return _ARGPARSE_FR.get(message, message) if get_language() == "fr" else message


def _argparse_ntext(singular: str, plural: str, n: int) -> str:
    return _argparse_text(singular if n == 1 else plural)


def speak_argparse_language() -> None:
    """Make argparse's own messages follow the interface language (it reads the module
    globals ``_`` and ``ngettext`` when it formats a message)."""
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_ntext  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one ``pass-tui : erreur : …`` line, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_BAD_INPUT,
            _("{prog} : erreur : {message}", prog="pass-tui", message=message) + "\n",
        )


def open_services(args: argparse.Namespace, *, seed_demo: bool = True) -> Services:
    """The data layer for ``--data-dir`` (or its default), remembered on ``args`` as
    ``args.services`` so that :func:`pass_tui.cli.main` can undo a first start (the data
    dir, the demo catalogue) when the command fails.

    Args:
        args: The parsed command line.
        seed_demo: Load the bundled demo catalogue when the data dir has none.
    """
    from pass_tui.data.services import Services

    services = Services.open(getattr(args, "data_dir", None), seed_demo=seed_demo)
    args.services = services
    return services
