"""YAML read safely and fast: libyaml where PyYAML has it, the pure-Python parser's messages when it is broken.

Front matter and references are read on every build, and libyaml's safe
loader is some ten times faster. A broken text is read again by the
pure-Python parser, whose messages say what it found ("expected ',' or ']',
but got ':'"), the same on every machine.
"""

from __future__ import annotations

import yaml

_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> object:
    """The data of a YAML text (raises yaml.YAMLError with the clearer message).

    >>> load("title: On Tenants")
    {'title': 'On Tenants'}
    >>> try:
    ...     load("title: [On Pamphlets\\nauthor: The Editors")
    ... except yaml.YAMLError as error:
    ...     print(error.problem)
    expected ',' or ']', but got ':'
    """
    try:
        return yaml.load(text, Loader=_FAST)  # noqa: S506  (a safe loader)
    except yaml.YAMLError:
        return yaml.safe_load(text)


def describe(error: yaml.YAMLError) -> str:
    """What a YAML error found, in PyYAML's words, without its position.

    PyYAML splits some messages in two ("expected a single document in the
    stream" / "but found another document"); those are put back together.

    >>> for text in ["- a\\n---\\n- b", "title: [On Pamphlets"]:
    ...     try:
    ...         load(text)
    ...     except yaml.YAMLError as error:
    ...         print(describe(error))
    expected a single document in the stream, but found another document
    expected ',' or ']', but got '<stream end>'
    """
    problem = getattr(error, "problem", None)
    if not problem:
        return str(error).split("\n")[0] or "invalid YAML"
    context = getattr(error, "context", None)
    return f"{context}, {problem}" if context and problem.startswith("but ") else problem


def compose_and_load(text: str) -> tuple[yaml.Node | None, object]:
    """The node tree of a YAML text, which knows each value's line, and its data, from one parse
    (raises as `load` does).

    >>> node, data = compose_and_load("- id: a\\n- id: b\\n")
    >>> data, [item.start_mark.line + 1 for item in node.value]
    ([{'id': 'a'}, {'id': 'b'}], [1, 2])
    >>> compose_and_load("")
    (None, None)
    """
    try:
        return _compose_and_load(text, _FAST)
    except yaml.YAMLError:
        return _compose_and_load(text, yaml.SafeLoader)


def _compose_and_load(text: str, loader_class: type) -> tuple[yaml.Node | None, object]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()
