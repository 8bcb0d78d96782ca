"""The project's settings: mkdocs.yml read into a typed Project, the store's URLs and the brand colours."""
