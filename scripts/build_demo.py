"""Convert the Place de l'emploi public fixture export into the bundled demo catalogue.

Run once from the repository root (the output is package data, committed with the code):

    .venv/bin/python scripts/build_demo.py [CSV] [--out pass_tui/data/catalogue/demo_data/pep-2021.json]

The CSV defaults to ``tests/fixtures/pep-export-2021.csv`` in this repository.
Dates are kept as exported; :func:`pass_tui.data.catalogue.demo.real_offers` shifts them at load time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pass_tui.data.errors import ImportFailed  # noqa: E402
from pass_tui.data.sources.pep_csv import parse_pep_csv  # noqa: E402

DEFAULT_CSV = REPO / "tests" / "fixtures" / "pep-export-2021.csv"
DEFAULT_OUT = REPO / "pass_tui" / "data" / "catalogue" / "demo_data" / "pep-2021.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    try:
        offers = parse_pep_csv(args.csv.read_text("utf-8"), source=args.csv.name)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"build_demo: cannot read {args.csv}: {exc}", file=sys.stderr)
        return 2
    except ImportFailed as exc:
        print(f"build_demo: {exc}", file=sys.stderr)
        return 2
    records = [offer.model_dump(mode="json") for offer in offers]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", "utf-8")
    tmp.replace(args.out)
    print(f"{len(records)} offers written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
