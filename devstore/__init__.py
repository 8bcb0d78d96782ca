"""A development store: a DEVELOPMENT AND TEST TOOL, never part of the built site.

It implements the store backend contract (``contract/store-api.yaml``; the source of truth is
``../shared/store-api.yaml``) on localhost, with a SQLite database of sample orders of everyday goods, so that
editors see the account and order widgets working in preview (``helpcenter serve --demo-store``) and the
browser tests have a real HTTP peer. It also serves simple store pages for every link path (sign in with any
password, register, reset password, account, orders, contact, policies) and, for tests, order numbers that
make it fail on purpose (``TEST-500``, ``TEST-SLOW``, … see :mod:`devstore.testorders`).

It is a distribution of its own (``devstore/pyproject.toml``, ``pip install ./devstore``), never in the
generator's wheel. Run it with ``python -m devstore --port 8001``, or start it on a thread with
:func:`start_in_thread`. It only logs method, path and status: never an email or an order number.
"""

from devstore.server import DevStoreOptions, DevStoreServer, start_in_thread, stop

__all__ = ["DevStoreOptions", "DevStoreServer", "start_in_thread", "stop"]
