"""A test-only app with a content type that is not a page, to test non-page feed sources."""
