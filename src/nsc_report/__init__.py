"""Compute, write and publish the National Stalking Consortium's annual report."""

__version__ = "0.1.0"
