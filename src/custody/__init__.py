"""Custody: chain of custody for seized drug samples."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("custody")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"
