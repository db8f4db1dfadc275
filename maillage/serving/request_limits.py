"""What a web request may hold: a bounded body, and a well-formed callback body.

Installed on the Dash app's Flask server by ``Maillage.web_app``, in front of
everything else (sign-in included), so that:

- a body larger than ``Limits.request_bytes`` is answered 413 before it is
  read, signed in or not (waitress refuses it even earlier, with
  ``max_request_body_size``, when the app is served by ``maillage serve``);
- a ``/_dash-update-component`` body that is not what Dash's renderer sends
  (not JSON, not an object, an unknown callback, inputs that are not a list
  of ``{id, property, value}``) is answered 400, with one line in the log and
  no traceback; the same for any failure while Dash decodes the body.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from types import TracebackType
from typing import Any

import flask
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from ..settings import REQUEST_BYTES_ENV

log = logging.getLogger(__name__)

UPDATE_COMPONENT = "/_dash-update-component"
MALFORMED = "Malformed callback request."


def too_large_message(size: int | None, limit: int) -> str:
    size_text = f"{size:,} bytes" if size is not None else "too large"
    return (
        f"The request body is {size_text}, over the limit of {limit:,} bytes "
        f"(an operator can raise it with {REQUEST_BYTES_ENV}=...)."
    )


def install(server: flask.Flask, callback_map: Mapping[str, Any], limit: int) -> None:
    """Bound the body of every request to ``server`` and check Dash callback bodies."""
    server.config["MAX_CONTENT_LENGTH"] = limit

    def bounded() -> flask.Response | None:
        request = flask.request
        length = request.content_length
        if length is not None and length > limit:
            return _plain(too_large_message(length, limit), 413)
        if request.path == UPDATE_COMPONENT and request.method == "POST":
            problem = callback_problem(request, callback_map)
            if problem is not None:
                log.warning("refused a malformed callback request: %s", problem)
                return _plain(MALFORMED, 400)
        return None

    server.before_request_funcs.setdefault(None, []).insert(0, bounded)

    def entity_too_large(_: HTTPException) -> flask.Response:
        return _plain(too_large_message(flask.request.content_length, limit), 413)

    def failed(error: Exception) -> flask.Response | HTTPException:
        if isinstance(error, HTTPException):
            return error
        if flask.request.path != UPDATE_COMPONENT or _raised_by_the_app(error.__traceback__):
            raise error
        log.warning("refused a malformed callback request: %s: %s", type(error).__name__, error)
        return _plain(MALFORMED, 400)

    server.register_error_handler(RequestEntityTooLarge, entity_too_large)
    server.register_error_handler(Exception, failed)


def callback_problem(request: flask.Request, callback_map: Mapping[str, Any]) -> str | None:
    """What is wrong with a callback body, or None when Dash can decode it."""
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        return "the JSON is nested too deep"
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        return "no such callback"
    entry = callback_map[output]
    for part, wanted in (("inputs", "inputs"), ("state", "state")):
        given = body.get(part, [])
        if not isinstance(given, list) or len(given) != len(entry.get(wanted, [])):
            return f"{part} is not a list of {len(entry.get(wanted, []))}"
        for item in given:
            items = item if isinstance(item, list) else [item]
            if not all(_dependency(x) for x in items):
                return f"an item of {part} is not an {{id, property, value}} object"
    outputs = body.get("outputs", [])
    outputs = outputs if isinstance(outputs, list) else [outputs]
    for item in outputs:
        items = item if isinstance(item, list) else [item]
        if not all(isinstance(x, dict) and _identifier(x.get("id")) for x in items):
            return "an output is not an {id, property} object"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(x, str) for x in changed):
        return "changedPropIds is not a list of strings"
    return None


def _dependency(item: object) -> bool:
    return (
        isinstance(item, dict)
        and _identifier(item.get("id"))
        and isinstance(item.get("property"), str)
    )


def _identifier(value: object) -> bool:
    return isinstance(value, str) or (
        isinstance(value, dict) and all(isinstance(k, str) for k in value)
    )


def _raised_by_the_app(trace: TracebackType | None) -> bool:
    """True when a frame of Maillage's own code raised: a bug to show, not a bad request."""
    while trace is not None:
        if trace.tb_frame.f_globals.get("__name__", "").startswith("maillage."):
            return True
        trace = trace.tb_next
    return False


def _plain(message: str, status: int) -> flask.Response:
    response = flask.make_response(message + "\n", status)
    response.headers["Content-Type"] = "text/plain; charset=utf-8"
    return response
