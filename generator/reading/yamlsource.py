"""Safe YAML reading that remembers where every value came from.

PyYAML builds plain objects and forgets positions; editors need ``path:line:col`` for every
problem, so we compose the node tree ourselves and record each value's mark by its path.
Aliases are refused outright: content never needs them, and refusing them is what makes
"billion laughs" expansion bombs impossible.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.reading.yamlhints import KeyGroups, explain, tab_hint

PathKey = tuple[str | int, ...]
_TOO_DEEP = "lists or mappings are nested far too deeply for content; check the brackets and indentation"


class YamlProblem(Exception):
    """A YAML document that cannot be read; carries a 1-based position."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.message, self.line, self.col = message, line, col


@dataclass
class Positions:
    """1-based (line, col) of each value, and of each mapping key, by path."""

    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    text_spans: dict[PathKey, tuple[int, int, str]] = field(default_factory=dict)
    """For text written over several lines: its first and last line (1-based, this document's own
    numbering) and its style ('|', '>', a quote, or '' when plain)."""
    line_offset: int = 0

    def of(self, path: PathKey, key: bool = False) -> tuple[int, int]:
        """The closest known position: the value itself, else its nearest known parent."""
        table = self.keys if key and path in self.keys else self.values
        for depth in range(len(path), -1, -1):
            if path[:depth] in table:
                line, col = table[path[:depth]]
                return line + self.line_offset, col
        return 1 + self.line_offset, 1


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise YamlProblem(
                "YAML aliases (*name) are not allowed in content; write the value out in full",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
            )
        return super().compose_node(parent, index)


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse_yaml(text: str, key_groups: KeyGroups = (), line_offset: int = 0) -> tuple[Any, Positions]:
    """Parse one YAML document into plain data (dates stay ISO strings) plus positions.

    ``key_groups`` (the schema's field names, mapping by mapping) sharpen the hints for syntax errors.
    ``line_offset`` is the number of file lines above ``text`` (a guide's front matter starts on line 2):
    positions and problems count lines in ``text``, but messages quote the file's line numbers."""
    tab = _first_tab(text)
    if tab:
        raise YamlProblem(tab_hint(text, *tab), *tab)
    fast = _compose_with_libyaml(text)
    if fast is not None:
        return _built(*fast, line_offset)
    loader = _NoAliasLoader(text)
    try:
        root = loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as err:
        raise YamlProblem(*_reordered(explain(text, err, key_groups, line_offset))) from None
    except yaml.YAMLError as err:
        raise YamlProblem(f"invalid YAML: {err}", 1, 1) from None
    except RecursionError:
        raise YamlProblem(_TOO_DEEP, 1, 1) from None
    finally:
        loader.dispose()
    return _built(root, loader, line_offset)


def _reordered(hint: tuple[int, int, str]) -> tuple[str, int, int]:
    line, col, message = hint
    return message, line, col


def _built(root: Node | None, loader: yaml.SafeLoader, line_offset: int) -> tuple[Any, Positions]:
    positions = Positions(line_offset=line_offset)
    if root is None:
        return None, positions
    try:
        return _build(root, (), positions, loader), positions
    except RecursionError:
        raise YamlProblem(_TOO_DEEP, 1, 1) from None


_FastLoader: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)


def _compose_with_libyaml(text: str) -> tuple[Node | None, yaml.SafeLoader] | None:
    """Compose with libyaml (much faster: benchmarks/README.md), or None to take the
    pure-Python path: when libyaml is missing, when the text is not valid YAML (the pure-Python
    parser words the problem as editors expect), or when it holds an alias (reported by position)."""
    if _FastLoader is None:
        return None
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()
    if root is not None and _has_alias(root):
        return None
    return root, loader


def _has_alias(root: Node) -> bool:
    """libyaml resolves ``*name`` to the anchored node itself: an alias is a node met twice."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return False


def _first_tab(text: str) -> tuple[int, int] | None:
    for number, line in enumerate(text.splitlines(), start=1):
        col = line.find("\t")
        if col >= 0:
            return number, col + 1
    return None


def _build(node: Node, path: PathKey, positions: Positions, loader: yaml.SafeLoader) -> Any:
    positions.values[path] = _mark(node)
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem("a mapping key must be a plain word", *_mark(key_node))
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem("merge keys (<<) are not allowed in content", *_mark(key_node))
            key = str(key_node.value)
            if key in result:
                first = positions.keys[(*path, key)]
                first_line = first[0] + positions.line_offset
                raise YamlProblem(f"duplicate key '{key}' (first defined on line {first_line})", *_mark(key_node))
            positions.keys[(*path, key)] = _mark(key_node)
            result[key] = _build(value_node, (*path, key), positions, loader)
        return result
    if isinstance(node, SequenceNode):
        return [_build(item, (*path, i), positions, loader) for i, item in enumerate(node.value)]
    last_line = node.end_mark.line + (1 if node.end_mark.column else 0)
    if last_line > node.start_mark.line + 1:
        positions.text_spans[path] = (node.start_mark.line + 1, last_line, getattr(node, "style", None) or "")
    if node.tag == "tag:yaml.org,2002:timestamp":
        return str(node.value)  # keep dates as text: the schema checks their shape
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as err:
        raise YamlProblem(f"invalid value: {err}", *_mark(node)) from None
