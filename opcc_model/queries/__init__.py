"""Queries: one module per question, each returning findings or tables."""
