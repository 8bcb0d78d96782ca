"""The plugin's faster ``a.b`` on plain dicts renders exactly what Jinja's own lookup renders."""

from __future__ import annotations

from collections import OrderedDict
from types import SimpleNamespace

import jinja2
import pytest

from generator.mkdocs.plugin import _look_up_dict_keys_first

TEMPLATE = (
    "{{ d.a }}|{{ d.b.c }}|{{ d.missing | d('none') }}|{{ d.missing is defined }}|{{ d.items is defined }}"
    "|{{ d.keys | list if false else 'k' }}|{{ d.get('a') }}|{{ o.a }}|{{ s.a }}|{{ s.values is defined }}"
    "|{{ d['a'] }}|{% for k, v in d.b.items() %}{{ k }}={{ v }}{% endfor %}"
    "|{{ d.items is callable }}|{{ d.__class__.__name__ }}|{{ l.0 if l else '' }}"
)


@pytest.mark.parametrize("undefined", [jinja2.Undefined, jinja2.ChainableUndefined, jinja2.StrictUndefined])
def test_the_same_page_as_jinjas_own_lookup(undefined: type[jinja2.Undefined]) -> None:
    data = {"d": {"a": 1, "b": {"c": "x", "items": "shadowed"}, "items": "a key named items"},
            "o": SimpleNamespace(a="attr"), "s": OrderedDict(a="sub"), "l": [7]}
    plain = jinja2.Environment(undefined=undefined)
    fast = jinja2.Environment(undefined=undefined)
    _look_up_dict_keys_first(fast)
    source = TEMPLATE
    if undefined is jinja2.StrictUndefined:
        source = TEMPLATE.replace("{{ d.missing | d('none') }}", "")
    if undefined is jinja2.ChainableUndefined:
        source += "|{{ d.b.missing.deeper is defined }}"
    assert fast.from_string(source).render(data) == plain.from_string(source).render(data)
    if undefined is not jinja2.ChainableUndefined:
        with pytest.raises(jinja2.UndefinedError):
            fast.from_string("{{ d.missing.deeper }}").render(data)
