"""The proof sheet: every message of every words file with each of its variants, to be read by
an editor before any of them is published (`nsc-report proof`).

For each select expression of a message (nested ones included), each variant is rendered once,
labelled with the condition that selects it. Its values are real where the code gave a value
that selects it while the edition's sections ran (`words.recording`); otherwise the nearest
real values are taken and the selector (and any value the code never gave) is set to a
labelled example: a number of the right plural category in the edition's language, or the
variant's key.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import babel
from fluent.syntax import ast as ftl

from nsc_report.present import words

CATEGORIES = ("zero", "one", "two", "few", "many", "other")  # CLDR plural categories
Step = tuple[ftl.SelectExpression, ftl.Variant]


@dataclass
class Variant:
    condition: str         # "$case = ranked, $ties = 0 (plural: other)", or "always"
    values: str            # where the values come from
    text: str = ""
    error: str = ""


@dataclass
class Entry:
    message: str
    line: int
    comment: str
    target: str
    variants: list[Variant] = field(default_factory=list)


@dataclass
class Section:
    name: str
    path: Path
    entries: list[Entry] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [f"{self.path.name}: {e.message} [{v.condition}]: {v.error}"
                for e in self.entries for v in e.variants if v.error]


# --- the shape of a message ----------------------------------------------------------------

def _inner(expression: Any) -> Any:
    while isinstance(expression, ftl.Placeable):
        expression = expression.expression
    return expression


def paths(pattern: ftl.Pattern, before: tuple[Step, ...] = ()) -> list[tuple[Step, ...]]:
    """Each variant of each select expression in `pattern`, with the variants that lead to it
    (a select nested in a variant is reached only through it)."""
    found: list[tuple[Step, ...]] = []
    for element in pattern.elements:
        expression = _inner(element) if isinstance(element, ftl.Placeable) else None
        if isinstance(expression, ftl.SelectExpression):
            for variant in expression.variants:
                step = (*before, (expression, variant))
                found.append(step)
                found += paths(variant.value, step)
    return found


def _walk(node: Any) -> Iterator[Any]:
    yield node
    if isinstance(node, ftl.BaseNode):
        for value in vars(node).values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, ftl.BaseNode):
                    yield from _walk(item)


def references(message: ftl.Message, resource: words.Resource) -> set[str]:
    """The messages `message` refers to, directly or through others."""
    found: set[str] = set()
    todo = [message]
    while todo:
        for node in _walk(todo.pop().value):
            if isinstance(node, ftl.MessageReference) and node.id.name not in found:
                found.add(node.id.name)
                if node.id.name in resource.messages:
                    todo.append(resource.messages[node.id.name])
    return found


def used(pattern: ftl.Pattern, args: dict[str, Any], resource: words.Resource, plural: Any,
         seen: frozenset[str] = frozenset()) -> list[str]:
    """The variables the pattern prints or selects on with these values, in order (through
    the variants these values select and the messages referred to)."""
    found: list[str] = []
    for element in pattern.elements:
        expression = _inner(element) if isinstance(element, ftl.Placeable) else None
        if isinstance(expression, ftl.VariableReference):
            found.append(expression.id.name)
        elif isinstance(expression, ftl.MessageReference):
            name = expression.id.name
            if name in resource.messages and name not in seen:
                found += used(resource.messages[name].value, args, resource, plural,
                              seen | {name})
        elif isinstance(expression, ftl.SelectExpression):
            selector = _selector(expression)
            if selector is not None:
                found.append(selector)
            value = args.get(selector) if selector else None
            variant = (chosen(expression, value, plural) if value is not None
                       else next(v for v in expression.variants if v.default))
            found += used(variant.value, args, resource, plural, seen)
    return list(dict.fromkeys(found))


def _numeric(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _key(value: Any) -> Any:
    return (words.YES if value else words.NO) if isinstance(value, bool) else value


def chosen(select: ftl.SelectExpression, value: Any, plural: Any) -> ftl.Variant:
    """The variant Fluent picks for `value` (fluent.runtime's matching: a number equals a
    number key or falls in a plural category; text equals a key; else the default)."""
    value = _key(value)
    for variant in select.variants:
        key = variant.key
        if isinstance(key, ftl.NumberLiteral):
            if _numeric(value) and float(value) == float(key.value):
                return variant
        elif (plural(value) == key.name) if _numeric(value) else str(value) == key.name:
            return variant
    return next(v for v in select.variants if v.default)


def _selector(select: ftl.SelectExpression) -> str | None:
    inner = _inner(select.selector)
    return inner.id.name if isinstance(inner, ftl.VariableReference) else None


def _condition(path: tuple[Step, ...], plural: Any, args: dict[str, Any]) -> str:
    parts = []
    for select, variant in path:
        name = _selector(select) or "(selector)"
        key = variant.key.value if isinstance(variant.key, ftl.NumberLiteral) else variant.key.name
        how = "otherwise" if variant.default else ""
        value = args.get(name)
        if _numeric(value) and not isinstance(variant.key, ftl.NumberLiteral):
            how = f"plural category {key}, e.g. {value}"
        parts.append(f"${name} = {key}" + (f" ({how})" if how else ""))
    return "; ".join(parts) or "always"


# --- values that select a variant ----------------------------------------------------------

def example(select: ftl.SelectExpression, variant: ftl.Variant, numeric: bool,
            plural: Any) -> Any:
    """A value that selects `variant` of `select`, or None where none can (a plural
    category the language does not have)."""
    if isinstance(variant.key, ftl.NumberLiteral):
        return float(variant.key.value) if "." in variant.key.value else int(variant.key.value)
    if numeric:
        for n in (*range(0, 1001), 0.5, 1.5, 2.5, 1000000):
            if chosen(select, n, plural) is variant:
                return n
        return None
    if not variant.default:
        return variant.key.name
    keys = {v.key.name for v in select.variants if isinstance(v.key, ftl.Identifier)}
    return variant.key.name if variant.key.name in keys else "(any other value)"


def _is_numeric(select: ftl.SelectExpression, seen: Iterable[Any]) -> bool:
    values = [v for v in seen if v is not None]
    if values:
        return any(_numeric(v) for v in values)
    keys = [v.key for v in select.variants]
    return all(isinstance(k, ftl.NumberLiteral) or k.name in CATEGORIES for k in keys)


def _satisfies(args: dict[str, Any], path: tuple[Step, ...], plural: Any) -> int:
    return sum(1 for select, variant in path if (name := _selector(select)) in args
               and chosen(select, args[name], plural) is variant)


def fill(message: ftl.Message, resource: words.Resource, path: tuple[Step, ...],
         calls: list[words.Call], plural: Any) -> tuple[dict[str, Any], str, str]:
    """Values that select the variant at the end of `path`, where they come from, and the
    target they were given for (text, markdown or html)."""
    best = max(calls, key=lambda c: _satisfies(c.args, path, plural), default=None)
    args = dict(best.args) if best else {}
    examples = []
    for select, variant in path:
        name = _selector(select)
        if name is None or (name in args and chosen(select, args[name], plural) is variant):
            continue
        value = example(select, variant, _is_numeric(select, [c.args.get(name) for c in calls]),
                        plural)
        if value is None:
            raise LookupError(f"no value selects [{variant.key.name}] in this language")
        args[name] = value
        examples.append(name)
    for name in used(message.value, args, resource, plural):
        if name not in args:  # a value the code never gave with these: shown as its name
            args[name] = f"‹{name}›"
            examples.append(name)
    real = f"real values ({best.context})" if best and best.context else "real values"
    target = best.target if best else "text"
    if not examples:
        return args, real, target
    said = ", ".join(f"${n}" for n in sorted(set(examples)))
    return args, (f"example {said}; other values as in {real}" if best
                  else f"example values ({said})"), target


# --- the sheet -----------------------------------------------------------------------------

def sheet(folder: Path, calls: list[words.Call], locale: str) -> list[Section]:
    """Every message of every words file in `folder`, each variant rendered."""
    plural = babel.Locale.parse(locale, sep="-").plural_form
    sections = []
    for path in words.files(folder):
        resource = words.load(path.stem, folder)
        lang = words.Words(path.stem, locale, folder)
        section = Section(path.stem, path)
        mine = [c for c in calls if c.section == path.stem]
        for message_id, message in resource.messages.items():
            # Its own calls, and those of the messages that refer to it (whose values it sees).
            users = {m for m, msg in resource.messages.items()
                     if message_id in references(msg, resource)}
            own = [c for c in mine if c.message == message_id]
            used = own or [c for c in mine if c.message in users]
            entry = Entry(message_id, resource.line(message),
                          message.comment.content if message.comment else "",
                          ", ".join(dict.fromkeys(c.target for c in own)) or "text")
            for path_ in paths(message.value) or [()]:
                try:
                    args, values, target = fill(message, resource, path_, used, plural)
                except LookupError as exc:
                    entry.variants.append(Variant(_condition(path_, plural, {}), str(exc)))
                    continue
                variant = Variant(_condition(path_, plural, args), values)
                try:
                    variant.text = lang.render(target, message_id, args)
                except words.WordsError as exc:
                    variant.error = str(exc)
                entry.variants.append(variant)
            section.entries.append(entry)
        sections.append(section)
    return sections


def summary(sections: list[Section], written: Path) -> str:
    lines = [f"The proof sheet: {written}"]
    for s in sections:
        variants = [v for e in s.entries for v in e.variants]
        real = sum(1 for v in variants if v.values.startswith("real"))
        lines.append(f"  {s.path.name}: {len(s.entries)} messages, {len(variants)} variants "
                     f"({real} with real values, {len(variants) - real} with examples)")
    errors = [e for s in sections for e in s.errors]
    lines += [f"  error: {e}" for e in errors] or ["  every variant renders"]
    return "\n".join(lines)


STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1a1a1a}h2{border-bottom:2px solid #444;margin-top:3rem}h3{margin:2rem 0 .25rem;
font-family:monospace}.note{color:#555;white-space:pre-wrap;margin:0 0 .5rem}table{width:100%;
border-collapse:collapse}th,td{border:1px solid #bbb;padding:.3rem .5rem;vertical-align:top;
text-align:left}td.words{white-space:pre-wrap}.example{color:#7a4b00}.error{color:#a00000;
font-weight:bold}"""


def page(sections: list[Section], title: str) -> str:
    """The sheet as one HTML page: every text escaped, no script, nothing from the network."""
    e = html.escape
    out = [f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(title)}'
           f"</title><style>{STYLE}</style></head><body><h1>{e(title)}</h1><nav><ul>"]
    out += [f'<li><a href="#{e(s.name)}">{e(s.path.name)}</a> ({len(s.entries)} messages)'
            f"</li>" for s in sections]
    out.append("</ul></nav>")
    for s in sections:
        out.append(f'<section><h2 id="{e(s.name)}">{e(s.path.name)}</h2>')
        for entry in s.entries:
            out.append(f'<h3 id="{e(s.name)}-{e(entry.message)}">{e(entry.message)}</h3>'
                       f'<p class="note">line {entry.line}; printed as {e(entry.target)}'
                       + (f"\n{e(entry.comment)}" if entry.comment else "") + "</p>"
                       "<table><thead><tr><th scope=\"col\">Selected when</th>"
                       "<th scope=\"col\">Values</th><th scope=\"col\">Text</th></tr></thead>"
                       "<tbody>")
            for v in entry.variants:
                kind = "" if v.values.startswith("real") else ' class="example"'
                text = (f'<span class="error">{e(v.error)}</span>' if v.error else e(v.text))
                out.append(f"<tr><td>{e(v.condition)}</td><td{kind}>{e(v.values)}</td>"
                           f'<td class="words">{text}</td></tr>')
            out.append("</tbody></table>")
        out.append("</section>")
    out.append("</body></html>\n")
    return "".join(out)
