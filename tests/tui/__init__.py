"""Pilot tests of the Textual application."""
