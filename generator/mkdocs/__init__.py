"""The MkDocs shell around the core: the plugin and the build/serve calls. All MkDocs imports live here."""
