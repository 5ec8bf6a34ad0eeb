"""What pass-tui publishes from the catalogue: text renderings, RSS/Atom feeds and their
HTTP server, printable documents."""
