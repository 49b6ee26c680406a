#!/usr/bin/env python3
"""Authorization code + PKCE for a native or command-line app, with a loopback redirect.

The app never sees the user's password: it prints (or opens) the authorization URL, the user
signs in to Gatehouse in the browser, and Gatehouse redirects the browser to a short-lived
HTTP server this script runs on 127.0.0.1 (RFC 8252 §7.3). The script then trades the code
and its PKCE verifier for tokens, and calls /oauth/userinfo and the REST API.

    python3 authorization_code_pkce.py --server http://localhost:8080 --client-id 5 [--open]

The client is registered with the redirect URI http://127.0.0.1/callback; Gatehouse lets a
loopback redirect use any port, so the script listens on a free one. A public client (no
secret) is what a native app should be; give --client-secret for a confidential one.
Options may come from the environment: GATEHOUSE_URL, GATEHOUSE_CLIENT_ID,
GATEHOUSE_CLIENT_SECRET.

Needs `requests` and `requests-oauthlib` (Debian: python3-requests python3-requests-oauthlib).
"""
import argparse
import base64
import hashlib
import json
import os
import secrets
import sys
import time
import webbrowser
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

import requests
from oauthlib.oauth2 import OAuth2Error
from requests.auth import HTTPBasicAuth
from requests_oauthlib import OAuth2Session

SCOPES = ["openid", "profile", "email", "view-users"]


class ExampleError(Exception):
    """A failure worth one clear line on stderr."""


def options():
    env = os.environ.get
    parser = argparse.ArgumentParser(description="Gatehouse authorization code + PKCE example")
    parser.add_argument("--server", default=env("GATEHOUSE_URL", "http://localhost:8080"))
    parser.add_argument("--client-id", default=env("GATEHOUSE_CLIENT_ID"))
    parser.add_argument("--client-secret", default=env("GATEHOUSE_CLIENT_SECRET"), help="only for a confidential client")
    parser.add_argument("--port", type=int, default=0, help="loopback port for the redirect (default: any free port)")
    parser.add_argument("--open", action="store_true", help="open the authorization URL in the default browser")
    parser.add_argument("--timeout", type=int, default=300, help="seconds to wait for the browser")
    args = parser.parse_args()
    if not args.client_id:
        parser.error("--client-id (or GATEHOUSE_CLIENT_ID) is required")
    args.server = args.server.rstrip("/")
    return args


def allow_http_on_loopback(server):
    """oauthlib refuses plain http; allow it only for a server on this machine."""
    parts = urlsplit(server)
    if parts.scheme == "http" and parts.hostname in ("localhost", "127.0.0.1", "::1"):
        os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"


def short(token):
    return f"{token[:16]}… ({len(token)} characters)"


def base64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def wait_for_redirect(server, deadline):
    """Serves the loopback redirect until it arrives; returns its query parameters."""
    received = {}

    class Callback(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            if url.path != "/callback":
                self.send_error(404)
                return
            received.update({name: values[0] for name, values in parse_qs(url.query).items()})
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"<!doctype html><title>Signed in</title><p>Done. You can close this tab and return to the terminal.</p>")

        def log_message(self, *args):
            pass

    server.RequestHandlerClass = Callback
    while not received:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ExampleError("no redirect arrived from the browser in time")
        server.timeout = remaining
        server.handle_request()
    return received


def id_token_claims(id_token):
    """The ID token came straight from the token endpoint over TLS, so OpenID Connect Core
    §3.1.3.7 lets a client rely on TLS instead of checking the signature; the claims are
    still checked. (Verify the signature against /oauth/jwks if the token travels further.)"""
    payload = id_token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def main():
    args = options()
    allow_http_on_loopback(args.server)
    issuer = requests.get(f"{args.server}/.well-known/openid-configuration", timeout=10).json()["issuer"]

    # 1. A loopback listener for the redirect, on a port the operating system picks.
    try:
        listener = HTTPServer(("127.0.0.1", args.port), BaseHTTPRequestHandler)
    except OSError as error:
        raise ExampleError(f"cannot listen on 127.0.0.1:{args.port} for the redirect: {error.strerror}")
    redirect_uri = f"http://127.0.0.1:{listener.server_port}/callback"

    # 2. PKCE (RFC 7636): a random verifier stays here; only its SHA-256 goes to the browser.
    verifier = base64url(secrets.token_bytes(48))
    challenge = base64url(hashlib.sha256(verifier.encode("ascii")).digest())
    nonce = secrets.token_urlsafe(16)
    session = OAuth2Session(args.client_id, redirect_uri=redirect_uri, scope=SCOPES)
    url, state = session.authorization_url(
        f"{args.server}/oauth/authorize", code_challenge=challenge, code_challenge_method="S256", nonce=nonce
    )
    print("Open this URL in your browser and sign in:", flush=True)
    print(f"  {url}", flush=True)
    if args.open:
        webbrowser.open(url)

    # 3. The browser comes back with the code (or an error), the state and the issuer (RFC 9207).
    params = wait_for_redirect(listener, time.monotonic() + args.timeout)
    listener.server_close()
    if params.get("state") != state:
        raise ExampleError("the redirect's state does not match: ignoring it (possible CSRF)")
    if params.get("iss") not in (None, issuer):
        raise ExampleError(f"the redirect came from issuer {params['iss']}, expected {issuer}")
    if "error" in params:
        raise ExampleError(f"authorization failed: {params['error']}: {params.get('error_description', '')}")
    print("Received the authorization code on the loopback redirect")

    # 4. Trade the code and the verifier for tokens.
    auth = HTTPBasicAuth(args.client_id, args.client_secret) if args.client_secret else None
    token = session.fetch_token(
        f"{args.server}/oauth/token",
        code=params["code"],
        code_verifier=verifier,
        include_client_id=auth is None,
        auth=auth,
        timeout=10,
    )
    print(f"Access token: {short(token['access_token'])}, scope: {' '.join(token['scope'])}")
    if "refresh_token" in token:
        print(f"Refresh token: {short(token['refresh_token'])}")

    claims = id_token_claims(token["id_token"])
    audience = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if claims["iss"] != issuer or str(args.client_id) not in audience or claims.get("nonce") != nonce:
        raise ExampleError("the ID token's issuer, audience or nonce is wrong")
    print(f"ID token: sub {claims['sub']}, issuer, audience and nonce checked")

    # 5. Who signed in (OpenID Connect), then the REST API.
    userinfo = session.get(f"{args.server}/oauth/userinfo", timeout=10).json()
    print(f"GET /oauth/userinfo -> {userinfo.get('preferred_username')} <{userinfo.get('email')}>")
    for path in ("/me", "/users?per_page=5"):
        response = session.get(f"{args.server}/api/1.0{path}", timeout=10)
        if response.status_code != 200:
            raise ExampleError(f"GET /api/1.0{path} answered {response.status_code}: {response.text}")
        body = response.json()
        if path == "/me":
            print(f"GET /api/1.0/me -> {body['username']}, permissions: {', '.join(body['permissions'])}")
        else:
            print(f"GET /api/1.0/users -> {body['meta']['total']} in total: {', '.join(u['username'] for u in body['data'])}")


def run():
    try:
        main()
    except requests.exceptions.ConnectionError as error:
        sys.exit(f"error: cannot reach the Gatehouse server ({error.request.url if error.request else 'no URL'}): is it running?")
    except requests.exceptions.Timeout:
        sys.exit("error: the Gatehouse server did not answer in time")
    except OAuth2Error as error:
        sys.exit(f"error: the token endpoint refused the request: {error.error}: {error.description}")
    except ExampleError as error:
        sys.exit(f"error: {error}")
    except KeyboardInterrupt:
        sys.exit("interrupted")


if __name__ == "__main__":
    run()
