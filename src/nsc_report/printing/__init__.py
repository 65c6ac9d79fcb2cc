"""Printing: the PDF of the report and the force briefings, with their CSS as files. May import
`data`, `layout`, `sections`, `execution`, `publishing` and `infra`."""
