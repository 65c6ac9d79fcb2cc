"""Authoring tools: the new-section scaffold and the live preview. May import the book (what
the command line's book commands call) and every layer below it, except what computes the figures
(`measures`, `present`, `sections`, `notebook`): the preview runs the build, and the notebooks
compute, in their kernels, with the code as it is on disk."""
