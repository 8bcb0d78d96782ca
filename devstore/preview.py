"""``helpcenter serve --demo-store``: a development store beside the preview (development only).

The store starts on a free port of the preview's host, and HELPCENTER_STORE_URL / HELPCENTER_STORE_API_URL
point this process's builds at it while the preview runs; ``site/`` and mkdocs.yml are left untouched.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager

from devstore.demo import PATH as DEMO_PATH
from devstore.server import DevStoreOptions, DevStoreServer, start_in_thread, stop
from generator.config.store import STORE_API_URL_ENV, STORE_URL_ENV


@contextmanager
def demo_store(
    preview_host: str, preview_port: int, environ: MutableMapping[str, str] | None = None,
    store_name: str = DevStoreOptions.store_name,
) -> Iterator[DevStoreServer]:
    """Run a development store named as the help center's store while the block runs, with the store URLs of
    the build pointing at it."""
    environ = os.environ if environ is None else environ
    # The store is only reachable on this machine, and under the preview's own host name: the session
    # cookie is SameSite=Lax, and localhost and 127.0.0.1 are different sites to a browser.
    url_host = "localhost" if preview_host == "localhost" else "127.0.0.1"
    options = DevStoreOptions(url_host=url_host, help_center_url=f"http://{url_host}:{preview_port}/",
                              store_name=store_name)
    server = start_in_thread(options)
    saved = {name: environ.get(name) for name in (STORE_URL_ENV, STORE_API_URL_ENV)}
    environ[STORE_URL_ENV] = server.url
    environ[STORE_API_URL_ENV] = server.api_url
    print(f"Development store (sample orders, for the preview only) on {server.url}; the help widget embedded "
          f"in its product page: {server.url}{DEMO_PATH}", file=sys.stderr)
    try:
        yield server
    finally:
        for name, value in saved.items():
            if value is None:
                environ.pop(name, None)
            else:
                environ[name] = value
        stop(server)
