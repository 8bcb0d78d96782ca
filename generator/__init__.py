"""Help-center generator: store FAQ and care guides (YAML/Markdown) become a static help center.

One folder per stage: ``config`` (mkdocs.yml, store, brand) -> ``reading`` (files, schemas, the model,
cross-file checks) -> ``rendering`` (pages, with ``markup`` for the Markdown inside answers) and
``search`` (the index). Nothing there imports MkDocs; ``generator.mkdocs`` is the thin shell that
feeds the pages to MkDocs, and ``rendering.export`` writes them for another engine.
"""

__version__ = "0.1.0"
