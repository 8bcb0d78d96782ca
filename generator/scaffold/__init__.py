"""``helpcenter new DIR``: a new store's help center, ready to check and build (templates in ``templates/``)."""
