"""One way to read YAML: safe (no tags that build objects), bounded and exact.

- No aliases (`*name`): no file of the project needs them, and an alias bomb (a few KB that
  expands to gigabytes) is then impossible, whatever key it stands under.
- At most MAX_DEPTH levels of nesting and MAX_NODES values: deep nesting ends in a message
  naming the file and line, not a RecursionError.
- A key given twice in one mapping is refused (the second would silently win), and so is an
  explicit tag (`!!binary` would decode base64, `!!str` turn a number into text).
- A number is read as a number only when written in plain decimal digits: YAML 1.1 reads
  `010` as 8 and `1:30` as 90, which is not what anyone typing them means; such values stay
  text, for the model to accept or refuse.

Every problem is a `yaml.MarkedYAMLError`, with the line and column it was found at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node

from nsc_report.errors import shorten
from nsc_report.infra import files

MAX_DEPTH = 50
MAX_NODES = 200_000
MAX_YAML_BYTES = 1024 * 1024  # the project's YAML files are a few KB each

_INT = "tag:yaml.org,2002:int"


class StrictLoader(yaml.SafeLoader):
    """yaml.SafeLoader with the bounds above."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _INT]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    def __init__(self, stream: str | bytes) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):  # an explicit tag (!!binary, !!str, !custom) decodes a value
            raise ComposerError(None, None, f"a tag ({shorten(tag)}): these files use no tags, "
                                f"write the value out plainly", event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            raise ComposerError(None, None, f"an alias (*{event.anchor}): these files do not "
                                f"use anchors and aliases, write the value out",
                                event.start_mark)
        self._depth += 1
        self._nodes += 1
        if self._depth > MAX_DEPTH:
            raise ComposerError(None, None, f"values nested more than {MAX_DEPTH} levels deep",
                                event.start_mark)
        if self._nodes > MAX_NODES:
            raise ComposerError(None, None, f"more than {MAX_NODES:,} values",
                                event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, MappingNode):
            seen: dict[Any, Node] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:
                    continue  # an unhashable key is refused by the constructor itself
                if first is not None:
                    raise ConstructorError(
                        None, None, f"the key {shorten(key)!r} once in this mapping (it is "
                        f"given again; the first is at line {first.start_mark.line + 1})",
                        key_node.start_mark)
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


StrictLoader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
                                   list("-+0123456789"))


def load(text: str | bytes) -> Any:
    """The YAML document in `text`, read with StrictLoader."""
    loader = StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def describe(exc: yaml.YAMLError) -> str:
    """What is wrong and where, in one short line ("... at line 3, column 5")."""
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    problem = getattr(exc, "problem", None) or str(exc)
    return f"{shorten(problem, 200)}{where}"


def load_file(path: Path, what: str = "a YAML file", within: Path | None = None) -> Any:
    """The YAML document in the file at `path` (read by the one file reader), or an
    UnreadableFile naming the file, line and column."""
    text = files.read_text(path, what, MAX_YAML_BYTES, within)
    try:
        return load(text)
    except yaml.YAMLError as exc:
        raise files.UnreadableFile(path, f"it is not valid YAML ({describe(exc)})", what,
                                   "not_yaml") from None
