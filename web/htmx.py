"""Render a whole page, or only one named block of it for htmx.

A page is one template; the regions htmx replaces are `{% block %}`s named after the element they
fill. Plain requests, boosted navigation and history restores get the whole page (every pushed
URL must stand on its own); other htmx requests get only the block. Responses vary on
HX-Request so no cache hands a fragment to a plain browser.
"""

from __future__ import annotations

from typing import Any

from flask import make_response, render_template, request
from flask.wrappers import Response
from jinja2_fragments.flask import render_block


def wants_fragment() -> bool:
    headers = request.headers
    return (
        headers.get("HX-Request") == "true"
        and headers.get("HX-Boosted") != "true"
        and headers.get("HX-History-Restore-Request") != "true"
    )


def render(
    template: str, *, block: str | None = None, status: int = 200, **context: Any
) -> Response:
    if block is not None and wants_fragment():
        body = render_block(template, block, **context)
    else:
        body = render_template(template, **context)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response
