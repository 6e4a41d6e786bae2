"""Benchmarks. Each module in this package exposes ``async def run() -> list[str]``
returning the lines to print; ``python -m benchmarks [NAME ...]`` runs them all
(or the named ones)."""
