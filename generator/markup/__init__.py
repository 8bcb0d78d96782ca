"""Markdown in answers and guides: finding and resolving links, rewriting them, and plain text."""
