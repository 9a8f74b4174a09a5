"""A small OpenID Connect provider for the sign-in browser test (authorization code + PKCE, RS256 id tokens).

Run: ``python -m tests.support.idp --port 9400 --client-id cfp --client-secret s3cret``. Users are fixed
(alice, bob, carol, dave); the login page has one button per user. Test-only: never a production IdP.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import secrets
import time
import urllib.parse

import jwt
import uvicorn
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.routing import Route

USERS = {
    "alice": {"sub": "idp|alice", "email": "alice@example.test", "name": "Alice Admin"},
    "bob": {"sub": "idp|bob", "email": "bob@example.test", "name": "Bob Approver"},
    "carol": {"sub": "idp|carol", "email": "carol@example.test", "name": "Carol Editor"},
    "dave": {"sub": "idp|dave", "email": "dave@example.test", "name": "Dave Viewer"},
}


def _b64(number: int) -> str:
    data = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_app(issuer: str, client_id: str, client_secret: str) -> Starlette:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    numbers = key.public_key().public_numbers()
    jwk = {"kty": "RSA", "kid": "test-key", "use": "sig", "alg": "RS256", "n": _b64(numbers.n), "e": _b64(numbers.e)}
    codes: dict[str, dict] = {}
    tokens: dict[str, dict] = {}

    async def discovery(request: Request):
        return JSONResponse({
            "issuer": issuer, "authorization_endpoint": f"{issuer}/authorize", "token_endpoint": f"{issuer}/token",
            "jwks_uri": f"{issuer}/jwks", "userinfo_endpoint": f"{issuer}/userinfo",
            "response_types_supported": ["code"], "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"], "claims_supported": ["sub", "email", "name"],
        })

    async def authorize(request: Request):
        params = dict(request.query_params) if request.method == "GET" else dict(await request.form())
        if params.get("client_id") != client_id:
            return HTMLResponse("unknown client", status_code=400)
        if request.method == "GET":
            hidden = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                             for k, v in params.items())
            buttons = "".join(f'<button name="user" value="{u}" id="login-{u}">Sign in as {u}</button>' for u in USERS)
            return HTMLResponse(f"<html><body><h1>Test identity provider</h1><form method='post'>{hidden}{buttons}"
                                "</form></body></html>")
        user = params.get("user")
        if user not in USERS:
            return HTMLResponse("unknown user", status_code=400)
        code = secrets.token_urlsafe(24)
        codes[code] = {"user": user, "nonce": params.get("nonce"), "redirect_uri": params["redirect_uri"],
                       "challenge": params.get("code_challenge"), "at": time.time()}
        query = urllib.parse.urlencode({"code": code, "state": params.get("state", "")})
        return RedirectResponse(f"{params['redirect_uri']}?{query}", status_code=302)

    async def token(request: Request):
        form = dict(await request.form())
        cid, secret = form.get("client_id"), form.get("client_secret")
        header = request.headers.get("authorization", "")
        if header.lower().startswith("basic "):
            cid, _, secret = base64.b64decode(header[6:]).decode().partition(":")
            cid, secret = urllib.parse.unquote(cid), urllib.parse.unquote(secret)
        if cid != client_id or secret != client_secret:
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        grant = codes.pop(form.get("code", ""), None)
        if not grant or grant["redirect_uri"] != form.get("redirect_uri") or time.time() - grant["at"] > 120:
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        if grant["challenge"]:
            verifier = form.get("code_verifier", "").encode()
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=").decode()
            if digest != grant["challenge"]:
                return JSONResponse({"error": "invalid_grant", "error_description": "PKCE"}, status_code=400)
        now = int(time.time())
        claims = {**USERS[grant["user"]], "email_verified": True, "iss": issuer, "aud": client_id,
                  "iat": now, "exp": now + 600}
        if grant["nonce"]:
            claims["nonce"] = grant["nonce"]
        access = secrets.token_urlsafe(24)
        tokens[access] = USERS[grant["user"]]
        id_token = jwt.encode(claims, key, algorithm="RS256", headers={"kid": "test-key"})
        return JSONResponse({"access_token": access, "token_type": "Bearer", "expires_in": 600, "id_token": id_token,
                             "scope": "openid email profile"})

    async def jwks(request: Request):
        return JSONResponse({"keys": [jwk]})

    async def userinfo(request: Request):
        user = tokens.get(request.headers.get("authorization", "").removeprefix("Bearer ").strip())
        return JSONResponse({**user, "email_verified": True} if user else {"error": "invalid_token"},
                            status_code=200 if user else 401)

    return Starlette(routes=[
        Route("/.well-known/openid-configuration", discovery), Route("/authorize", authorize, methods=["GET", "POST"]),
        Route("/token", token, methods=["POST"]), Route("/jwks", jwks), Route("/userinfo", userinfo),
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--client-id", default="cfp")
    parser.add_argument("--client-secret", default="test-secret")
    args = parser.parse_args()
    issuer = f"http://127.0.0.1:{args.port}"
    uvicorn.run(make_app(issuer, args.client_id, args.client_secret), host="127.0.0.1", port=args.port,
                log_level="warning")


if __name__ == "__main__":
    main()
