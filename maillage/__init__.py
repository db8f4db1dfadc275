"""Maillage: a territorial network explorer."""

__version__ = "0.1.0"
