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


def compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML text, which knows each value's line (raises as `load` does)."""
    try:
        return yaml.compose(text, Loader=_FAST)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)
