"""Readers of every format actors and ties arrive in; they build model objects only."""
