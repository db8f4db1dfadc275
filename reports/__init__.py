"""Renders analytics results as table, CSV, JSON, Excel and HTML reports."""
