"""Presentation: formatting numbers, accessible charts and tables, the register of figures a
section fills, and the words of its sentences (Fluent files beside the templates). May import
`data` and the layers below it."""
