"""The conversation list, one conversation's page, and the review actions on it."""

from __future__ import annotations

from typing import Callable

from aiohttp import web
from sqlalchemy.engine import Connection

from .. import audit, workflow
from ..conversation import load_conversation
from ..erase import erase_conversation
from ..pseudonym import looks_like_pseudonym
from ..queries import Filters, filter_choices, list_conversations, urgent_unreviewed
from ..security import SESSION, admin_only
from ..state import state
from ..workflow import ConversationGone, WorkflowError

# apply(connection, sender_id, user_name): one review action inside the request's transaction.
Apply = Callable[[Connection, str, str], None]


async def index(_request: web.Request) -> web.Response:
    raise web.HTTPSeeOther("/conversations")


async def conversation_list(request: web.Request) -> web.Response:
    app = state(request)
    filters = Filters.from_query(request.query)
    await app.refresh()

    def read(conn: Connection):
        return (
            list_conversations(conn, filters, app.tz, app.settings.page_size),
            filter_choices(conn),
            urgent_unreviewed(conn),
        )

    page, choices, urgent = await app.db(read)
    deleted = request.query.get("deleted", "")
    return app.render(
        request,
        "conversations.html",
        page=page,
        filters=filters,
        choices=choices,
        deleted=deleted if looks_like_pseudonym(deleted) else "",
        urgent=urgent,
    )


async def conversation_page(request: web.Request) -> web.Response:
    app = state(request)
    pseudonym = request.match_info["pid"]
    sender = await app.sender_for(pseudonym)

    def read(conn: Connection):
        conv = load_conversation(conn, sender)
        return conv, (workflow.review_state(conn, sender) if conv else None)

    conv, review = await app.db(read)
    if conv is None:
        raise web.HTTPNotFound(text="No such conversation (it may have been deleted).")
    await app.audit(request, "view_conversation", pseudonym)
    return app.render(request, "conversation.html", pseudonym=pseudonym, conv=conv, review=review)


async def _change(request: web.Request, action: str, apply: Apply) -> web.Response:
    """Apply one review action, audit it in the same transaction, back to the page."""
    app = state(request)
    pseudonym = request.match_info["pid"]
    sender = await app.sender_for(pseudonym)
    user = request[SESSION].user.name

    def write(conn: Connection) -> None:
        apply(conn, sender, user)
        audit.record(conn, user, action, pseudonym, "", request.remote or "")

    try:
        await app.db(write)
    except ConversationGone:
        raise web.HTTPNotFound(text="This conversation has been deleted.")
    except WorkflowError as exc:
        return app.render(
            request,
            "error.html",
            http_status=400,
            title="Not saved",
            message=str(exc),
            back=f"/conversations/{pseudonym}",
        )
    raise web.HTTPSeeOther(f"/conversations/{pseudonym}")


async def set_status(request: web.Request) -> web.Response:
    reviewed = (await request.post()).get("status") == "reviewed"
    return await _change(
        request,
        "mark_reviewed" if reviewed else "mark_unreviewed",
        lambda conn, sender, user: workflow.set_review_status(conn, sender, reviewed, user),
    )


async def add_tag(request: web.Request) -> web.Response:
    tag = str((await request.post()).get("tag", ""))
    return await _change(
        request, "add_tag", lambda conn, sender, user: workflow.add_tag(conn, sender, tag, user)
    )


async def remove_tag(request: web.Request) -> web.Response:
    tag = str((await request.post()).get("tag", ""))
    return await _change(
        request, "remove_tag", lambda conn, sender, _user: workflow.remove_tag(conn, sender, tag)
    )


async def add_note(request: web.Request) -> web.Response:
    text = str((await request.post()).get("text", ""))
    return await _change(
        request, "add_note", lambda conn, sender, user: workflow.add_note(conn, sender, text, user)
    )


async def set_flag(request: web.Request) -> web.Response:
    form = await request.post()
    try:
        event_id = int(str(form.get("event_id", "")))
    except ValueError:
        raise web.HTTPBadRequest(text="Which message?")
    flagged = form.get("flagged") == "1"
    reason = str(form.get("reason", ""))
    return await _change(
        request,
        "flag_message" if flagged else "unflag_message",
        lambda conn, sender, user: workflow.set_flag(conn, sender, event_id, flagged, user, reason),
    )


@admin_only
async def delete_conversation(request: web.Request) -> web.Response:
    """Erase the conversation (events and review rows) after an explicit confirmation."""
    app = state(request)
    pseudonym = request.match_info["pid"]
    if (await request.post()).get("confirm") != "yes":
        return app.render(
            request,
            "error.html",
            http_status=400,
            title="Not deleted",
            message="Tick the confirmation box to delete this conversation.",
            back=f"/conversations/{pseudonym}#delete",
        )
    sender = await app.sender_for(pseudonym)
    user = request[SESSION].user.name

    def erase(conn: Connection) -> None:
        deleted = erase_conversation(conn, sender)
        detail = ", ".join(f"{table}={n}" for table, n in sorted(deleted.items()) if n)
        audit.record(conn, user, "delete_conversation", pseudonym, detail, request.remote or "")

    await app.db(erase)
    raise web.HTTPSeeOther(f"/conversations?deleted={pseudonym}")
