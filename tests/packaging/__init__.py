"""Checks of the integration's packaging, as hassfest, HACS and the brands repo do."""
