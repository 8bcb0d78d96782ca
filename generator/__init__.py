"""Help-center generator: store FAQ and care guides (YAML/Markdown) become a static help center.

The pipeline is load -> validate -> model -> render -> pages. Nothing in the core imports
MkDocs; ``generator.mkdocs`` is the thin shell that feeds the pages to MkDocs.
"""

__version__ = "0.1.0"
