"""Authoring tools: the new-section scaffold and the live preview. May import `infra` only
(the preview runs the command line in a subprocess)."""
