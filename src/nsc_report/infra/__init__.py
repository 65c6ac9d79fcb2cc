"""Infrastructure with no knowledge of the report: progress reporting, the build lock and the
local file server. Imports only the standard library and third-party packages."""
