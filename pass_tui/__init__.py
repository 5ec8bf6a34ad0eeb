"""pass-tui: PASS (Place de l'apprentissage et des stages) in a terminal."""

__version__ = "0.1.0"
