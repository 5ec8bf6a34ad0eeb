"""The test suite; `tests.factories` and `tests.tui.helpers` are shared by every test file."""
