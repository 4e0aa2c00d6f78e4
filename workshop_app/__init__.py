"""Offline app for Thai provincial planning workshops."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("workshop-app")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
