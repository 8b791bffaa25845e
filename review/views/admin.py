"""Administration: accounts and the audit log (admins only)."""

from __future__ import annotations

from aiohttp import web
from sqlalchemy.engine import Connection

from .. import accounts, audit
from ..accounts import AccountError
from ..security import SESSION, admin_only
from ..state import state

AUDIT_PAGE = 100


async def _users_page(
    request: web.Request, status: int = 200, error: str = "", done: str = ""
) -> web.Response:
    app = state(request)
    users = await app.db(accounts.list_users)
    return app.render(
        request,
        "users.html",
        http_status=status,
        users=users,
        error=error,
        done=done,
        roles=accounts.ROLES,
    )


@admin_only
async def users(request: web.Request) -> web.Response:
    return await _users_page(request)


@admin_only
async def create_user(request: web.Request) -> web.Response:
    app = state(request)
    form = await request.post()
    name, role = str(form.get("name", "")), str(form.get("role", "coordinator"))
    password = str(form.get("password", ""))

    def create(conn: Connection) -> None:
        created = accounts.create_user(conn, name, password, role)
        audit.record(
            conn,
            request[SESSION].user.name,
            "create_user",
            created.name,
            f"role={created.role}",
            request.remote or "",
        )

    try:
        await app.db(create)
    except AccountError as exc:
        return await _users_page(request, 400, error=str(exc))
    return await _users_page(request, done=f"Account {name.strip().lower()} created.")


@admin_only
async def update_user(request: web.Request) -> web.Response:
    """One change to an account: role, active or password (which ends its sessions)."""
    app = state(request)
    name = request.match_info["name"]
    form = await request.post()
    change = str(form.get("change", ""))
    me = request[SESSION].user.name

    def apply(conn: Connection) -> str:
        if accounts.get_user(conn, name) is None:
            raise AccountError(f"There is no account named {name}.")
        if change == "role":
            role = str(form.get("role", ""))
            if name == me and role != "admin":
                raise AccountError("You cannot take away your own admin role.")
            accounts.set_role(conn, name, role)
            detail = f"role={role}"
        elif change in ("disable", "enable"):
            if name == me and change == "disable":
                raise AccountError("You cannot disable your own account.")
            accounts.set_active(conn, name, change == "enable")
            detail = change
        elif change == "password":
            accounts.set_password(conn, name, str(form.get("password", "")))
            detail = "password set"
        else:
            raise AccountError("Unknown change.")
        audit.record(conn, me, "update_user", name, detail, request.remote or "")
        return detail

    try:
        detail = await app.db(apply)
    except AccountError as exc:
        return await _users_page(request, 400, error=str(exc))
    return await _users_page(request, done=f"Account {name}: {detail}.")


@admin_only
async def audit_log(request: web.Request) -> web.Response:
    app = state(request)
    q = request.query
    try:
        page = max(1, int(q.get("page", "1")))
    except ValueError:
        page = 1
    entries, total = await app.db(
        lambda conn: audit.entries(
            conn,
            user_name=q.get("user", "")[:64],
            target=q.get("target", "")[:255],
            action=q.get("action", "")[:40],
            limit=AUDIT_PAGE,
            offset=(page - 1) * AUDIT_PAGE,
        )
    )
    pages = max(1, -(-total // AUDIT_PAGE))
    return app.render(
        request,
        "audit.html",
        entries=entries,
        total=total,
        page=page,
        pages=pages,
        query={k: q.get(k, "") for k in ("user", "target", "action")},
    )
