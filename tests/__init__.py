"""The test suite. A regular package, so that the `tests` package some dependencies install
into site-packages never shadows it (the test-only apps below are imported by name)."""
