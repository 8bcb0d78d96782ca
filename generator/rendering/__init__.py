"""Rendering: the model becomes Markdown pages (templates, SEO data), the site's output and the export."""
