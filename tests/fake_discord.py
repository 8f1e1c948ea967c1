"""A small fake Discord on 127.0.0.1: the REST routes and the gateway websocket that discord.py
uses, so the real, unmodified client can be tested end to end without the network."""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

BOT_ID = 1000
GUILD_ID = 2000
CHANNEL_ID = 3000
ADMIN_ID = 4000
MEMBER_ID = 4001
ADMIN_PERMISSIONS = str((1 << 3) | (1 << 5))  # Administrator, Manage Server
MEMBER_PERMISSIONS = str((1 << 10) | (1 << 11))  # View Channel, Send Messages
_ids = itertools.count(900_000)


def snowflake() -> str:
    return str(next(_ids))


def user(uid: int, name: str, bot: bool = False) -> dict[str, Any]:
    return {"id": str(uid), "username": name, "discriminator": "0", "global_name": name, "avatar": None, "bot": bot, "flags": 0}


def now() -> str:
    return datetime.now(UTC).isoformat()


def member(uid: int, name: str, permissions: str | None = None) -> dict[str, Any]:
    data = {"user": user(uid, name), "roles": [], "joined_at": now(), "deaf": False, "mute": False, "flags": 0, "nick": None}
    if permissions is not None:
        data["permissions"] = permissions
    return data


def _json(data: Any, status: int = 200) -> web.Response:
    # exactly application/json: discord.py does not decode a response with a charset parameter
    return web.Response(body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"})


@dataclass
class Sent:
    """A message the bot sent: route kind, the JSON body, and when."""

    kind: str
    body: dict[str, Any]
    path: str
    response: dict[str, Any] | None = None
    at: float = field(default_factory=lambda: asyncio.get_running_loop().time())


class FakeDiscord:
    def __init__(self, token: str = "fake-token") -> None:
        self.token = token
        self.app = web.Application()
        self.app.router.add_route("*", "/api/v10/{tail:.*}", self.rest)
        self.app.router.add_get("/gateway", self.gateway)
        self.app.router.add_get("/attachments/{id}", self.cdn)
        self.files: dict[str, bytes] = {}
        self.runner: web.AppRunner | None = None
        self.port = 0
        self.sent: asyncio.Queue[Sent] = asyncio.Queue()
        self.log: list[tuple[str, str]] = []
        self.synced: list[dict] = []
        self.ws: web.WebSocketResponse | None = None
        self.seq = 0
        self.identifies = 0
        self.resumes = 0
        self.connected = asyncio.Event()
        self.session = "session-1"

    async def start(self) -> None:
        self.runner = web.AppRunner(self.app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self.ws is not None and not self.ws.closed:
            await self.ws.close()
        if self.runner is not None:
            await self.runner.cleanup()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- REST -------------------------------------------------------------------------------
    async def rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        self.log.append((request.method, path))
        body: Any = None
        if request.can_read_body:
            if request.content_type.startswith("multipart/"):
                reader = await request.multipart()
                async for part in reader:
                    if part.name == "payload_json":
                        body = json.loads(await part.text())
            else:
                body = await request.json()
        if path.startswith("/interactions/") and path.endswith("/callback"):
            return self._callback(path, body or {})
        if path.startswith("/webhooks/"):
            return self._webhook(request.method, path, body or {})
        if path == "/users/@me":
            if request.headers.get("Authorization") != f"Bot {self.token}":
                return _json({"message": "401: Unauthorized", "code": 0}, 401)
            return _json(user(BOT_ID, "whosaid", bot=True))
        if path == "/oauth2/applications/@me":
            return _json(
                {
                    "id": str(BOT_ID),
                    "name": "whosaid",
                    "description": "",
                    "icon": None,
                    "rpc_origins": [],
                    "bot_public": True,
                    "bot_require_code_grant": False,
                    "owner": user(ADMIN_ID, "owner"),
                    "summary": "",
                    "verify_key": "00",
                    "team": None,
                    "flags": 0,
                }
            )
        if path.endswith("/commands") and request.method == "PUT":
            commands = [{"description": "", **c, "id": snowflake(), "application_id": str(BOT_ID), "version": "1"} for c in body]
            self.synced = commands
            return _json(commands)
        if path.startswith("/channels/") and path.endswith("/messages") and request.method == "POST":
            message = self.message(body, channel_id=int(path.split("/")[2]))
            self.sent.put_nowait(Sent("channel", body, path))
            return _json(message)
        if path.startswith("/channels/") and path.endswith("/typing"):
            return web.Response(status=204)
        return _json({"message": f"fake: no route {request.method} {path}", "code": 0}, 404)

    def message(self, body: dict, channel_id: int = CHANNEL_ID) -> dict[str, Any]:
        return {
            "id": snowflake(),
            "channel_id": str(channel_id),
            "author": user(BOT_ID, "whosaid", bot=True),
            "content": body.get("content") or "",
            "timestamp": now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags", 0),
            "components": body.get("components") or [],
            "allowed_mentions": body.get("allowed_mentions"),
        }

    def _callback(self, path: str, body: dict) -> web.Response:
        interaction_id = path.split("/")[2]
        self.sent.put_nowait(Sent("callback", body, path))
        data = body.get("data") or {}
        payload = {
            "interaction": {
                "id": interaction_id,
                "type": 2,
                "response_message_id": snowflake(),
                "response_message_loading": body.get("type") == 5,
                "response_message_ephemeral": bool(data.get("flags", 0) & 64),
            },
        }
        if body.get("type") == 4:
            payload["resource"] = {"type": 4, "message": self.message(data)}
        return _json(payload)

    def _webhook(self, method: str, path: str, body: dict) -> web.Response:
        message = self.message(body)
        self.sent.put_nowait(Sent("followup" if method == "POST" else "edit", body, path, message))
        return _json(message)

    # -- gateway ----------------------------------------------------------------------------
    async def gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.ws = ws
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            data = json.loads(msg.data)
            op = data["op"]
            if op == 1:
                await ws.send_json({"op": 11})
            elif op == 2:
                self.identifies += 1
                await self._ready(ws)
            elif op == 6:
                self.resumes += 1
                await self.dispatch("RESUMED", {}, ws)
                self.connected.set()
        return ws

    async def _ready(self, ws: web.WebSocketResponse) -> None:
        await self.dispatch(
            "READY",
            {
                "v": 10,
                "user": user(BOT_ID, "whosaid", bot=True),
                "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
                "session_id": self.session,
                "resume_gateway_url": f"ws://127.0.0.1:{self.port}/gateway",
                "shard": [0, 1],
                "application": {"id": str(BOT_ID), "flags": 0},
            },
            ws,
        )
        members = [member(BOT_ID, "whosaid"), member(ADMIN_ID, "admin"), member(MEMBER_ID, "member")]
        members[0]["user"]["bot"] = True
        await self.dispatch(
            "GUILD_CREATE",
            {
                "id": str(GUILD_ID),
                "name": "Newsroom",
                "owner_id": str(ADMIN_ID),
                "icon": None,
                "features": [],
                "roles": [
                    {
                        "id": str(GUILD_ID),
                        "name": "@everyone",
                        "permissions": MEMBER_PERMISSIONS,
                        "position": 0,
                        "color": 0,
                        "hoist": False,
                        "managed": False,
                        "mentionable": False,
                        "flags": 0,
                    },
                ],
                "channels": [{"id": str(CHANNEL_ID), "type": 0, "name": "news", "position": 0, "permission_overwrites": []}],
                "members": members,
                "member_count": len(members),
                "large": False,
                "unavailable": False,
                "emojis": [],
                "stickers": [],
                "threads": [],
                "voice_states": [],
                "presences": [],
                "stage_instances": [],
                "guild_scheduled_events": [],
                "joined_at": now(),
                "mfa_level": 0,
                "verification_level": 0,
                "explicit_content_filter": 0,
                "default_message_notifications": 0,
                "premium_tier": 0,
                "preferred_locale": "en-US",
                "nsfw_level": 0,
                "system_channel_flags": 0,
            },
            ws,
        )
        self.connected.set()

    async def dispatch(self, event: str, data: dict, ws: web.WebSocketResponse | None = None) -> None:
        self.seq += 1
        await (ws or self.ws).send_json({"op": 0, "t": event, "s": self.seq, "d": data})  # type: ignore[union-attr]

    async def reconnect(self) -> None:
        """Op 7: the client must reconnect and RESUME."""
        self.connected.clear()
        await self.ws.send_json({"op": 7, "d": None})  # type: ignore[union-attr]

    # -- events a test sends ----------------------------------------------------------------
    def interaction(
        self,
        name: str,
        options: list[dict] | None = None,
        *,
        uid: int = MEMBER_ID,
        kind: int = 2,
        command_type: int = 1,
        target: dict | None = None,
    ) -> dict[str, Any]:
        permissions = ADMIN_PERMISSIONS if uid == ADMIN_ID else MEMBER_PERMISSIONS
        data: dict[str, Any] = {"id": snowflake(), "name": name, "type": command_type, "guild_id": str(GUILD_ID)}
        if options is not None:
            data["options"] = options
        if target is not None:
            data["target_id"] = target["id"]
            data["resolved"] = {"messages": {target["id"]: target}}
        return {
            "id": snowflake(),
            "application_id": str(BOT_ID),
            "type": kind,
            "token": f"itoken-{snowflake()}",
            "version": 1,
            "guild_id": str(GUILD_ID),
            "channel_id": str(CHANNEL_ID),
            "channel": {
                "id": str(CHANNEL_ID),
                "type": 0,
                "name": "news",
                "guild_id": str(GUILD_ID),
                "position": 0,
                "permission_overwrites": [],
            },
            "member": member(uid, "admin" if uid == ADMIN_ID else "member", permissions),
            "data": data,
            "locale": "en-US",
            "guild_locale": "en-US",
            "app_permissions": ADMIN_PERMISSIONS,
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
            "attachment_size_limit": 8_388_608,
        }

    def attachment(self, filename: str, data: bytes) -> dict[str, Any]:
        """A file a user attached, served from this server as Discord's CDN would serve it."""
        key = snowflake()
        self.files[key] = data
        url = f"{self.base}/attachments/{key}"
        return {"id": key, "filename": filename, "size": len(data), "url": url, "proxy_url": url, "content_type": "text/plain"}

    async def cdn(self, request: web.Request) -> web.Response:
        return web.Response(body=self.files[request.match_info["id"]])

    def user_message(self, content: str, *, uid: int = MEMBER_ID, mention_bot: bool = True) -> dict[str, Any]:
        return {
            "id": snowflake(),
            "channel_id": str(CHANNEL_ID),
            "guild_id": str(GUILD_ID),
            "author": user(uid, "member"),
            "member": {k: v for k, v in member(uid, "member").items() if k != "user"},
            "content": content,
            "timestamp": now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [user(BOT_ID, "whosaid", bot=True)] if mention_bot else [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
        }

    async def next_sent(self, kind: str | None = None, timeout: float = 60) -> Sent:
        """The next message the bot sent (of this kind), waiting for it."""
        while True:
            sent = await asyncio.wait_for(self.sent.get(), timeout)
            if kind is None or sent.kind == kind:
                return sent
