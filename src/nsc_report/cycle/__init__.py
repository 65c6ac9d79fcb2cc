"""The yearly cycle: a new edition, the request letters, the intake workbook, the requests'
tracker and the illustrative dataset. May import `data`, `measures`, `printing` and `infra`."""
