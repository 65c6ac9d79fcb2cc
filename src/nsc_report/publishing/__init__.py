"""Publishing the web book: staging, downloads, the Sphinx builds and extension, the register of
figures, earlier editions, figure review and the publication check. May import `data`,
`layout`, `present`, `execution` and `infra`."""
