"""Presentation: formatting numbers, accessible charts and tables, and the register of figures
a section fills. May import `data` only."""
