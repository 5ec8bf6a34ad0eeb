"""Screens of the Textual application."""
