"""Values filled into a response's {variables} reach the person as they are.

Rasa 3.6 (rasa.core.nlg.interpolator.interpolate_text) rewrites "{name}" to "{0[name]}", fills
it, and then, to catch a tag the template escaped as "{{name}}", looks for "0[" in the *filled*
text: a study title, a dose ("10[mg]") or a typed name ("Ann0[1]") holding those two characters
made it send the bare template ("{lines}") instead. This looks for escaped tags in the template,
where they are, and leaves Rasa's own function to templates that have them.
"""

from __future__ import annotations

import re
from typing import Dict, Text

from rasa.core.nlg import interpolator

_TAG = re.compile(r"{([^\n{}]+?)}")
_rasa_interpolate_text = interpolator.interpolate_text


def interpolate_text(response: Text, values: Dict[Text, Text]) -> Text:
    """``interpolate_text`` deciding on the template, not on the filled-in values."""
    if "{{" in response or "}}" in response:
        return _rasa_interpolate_text(response, values)
    try:
        return _TAG.sub(r"{0[\1]}", response).format(values)
    except (KeyError, IndexError, ValueError):
        return _rasa_interpolate_text(response, values)  # Rasa logs it and sends the template


def install() -> None:
    interpolator.interpolate_text = interpolate_text
