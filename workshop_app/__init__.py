"""Offline app for Thai provincial planning workshops."""

import os
from importlib.metadata import PackageNotFoundError, version

# PyThaiNLP must never reach the network (workshops run where there is none, and a
# silent download would hang the app): no automatic corpus downloads, no writes to its
# data folder. Set here, before any module of the package can import pythainlp.
# setdefault, so that a developer can still override them from the shell.
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

try:
    __version__ = version("workshop-app")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
