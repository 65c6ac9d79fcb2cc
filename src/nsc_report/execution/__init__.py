"""Running the templates: papermill jobs, the cache of what each notebook used, the warm
kernel engine and its worker pool. May import `data`, `layout`, `infra` and `errors`, never
`measures` or `sections` (a notebook imports those itself, inside its kernel)."""
