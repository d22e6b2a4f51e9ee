"""What the tests of several folders share and that is not a fixture (fixtures live in
tests/conftest.py). A test file imports from here, never from another test file."""
