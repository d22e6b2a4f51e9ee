"""Helpers shared by the tests (fixtures that every UI test file uses live in tests/conftest.py)."""
