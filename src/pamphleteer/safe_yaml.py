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
