#!/usr/bin/env python3
"""Password grant against Gatehouse: get a token, call the REST API, refresh, sign out.

    python3 password_grant.py --server http://localhost:8080 --client-id 3 \
        --client-secret SECRET --username admin --password PASSWORD

Every option can come from the environment instead: GATEHOUSE_URL, GATEHOUSE_CLIENT_ID,
GATEHOUSE_CLIENT_SECRET, GATEHOUSE_USERNAME, GATEHOUSE_PASSWORD.

Needs `requests` and `requests-oauthlib` (Debian: python3-requests python3-requests-oauthlib).
"""
import argparse
import os
import sys
from urllib.parse import urlsplit

import requests
from oauthlib.oauth2 import LegacyApplicationClient, OAuth2Error
from requests.auth import HTTPBasicAuth
from requests_oauthlib import OAuth2Session


class ExampleError(Exception):
    """A failure worth one clear line on stderr."""


def options():
    env = os.environ.get
    parser = argparse.ArgumentParser(description="Gatehouse password grant example")
    parser.add_argument("--server", default=env("GATEHOUSE_URL", "http://localhost:8080"))
    parser.add_argument("--client-id", default=env("GATEHOUSE_CLIENT_ID"))
    parser.add_argument("--client-secret", default=env("GATEHOUSE_CLIENT_SECRET"))
    parser.add_argument("--username", default=env("GATEHOUSE_USERNAME", "admin"))
    parser.add_argument("--password", default=env("GATEHOUSE_PASSWORD"))
    args = parser.parse_args()
    for name in ("client_id", "client_secret", "password"):
        if not getattr(args, name):
            flag = "--" + name.replace("_", "-")
            parser.error(f"{flag} (or GATEHOUSE_{name.upper()}) is required")
    args.server = args.server.rstrip("/")
    return args


def allow_http_on_loopback(server):
    """oauthlib refuses plain http; allow it only for a server on this machine."""
    parts = urlsplit(server)
    if parts.scheme == "http" and parts.hostname in ("localhost", "127.0.0.1", "::1"):
        os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"


def short(token):
    """Tokens are credentials: show enough to recognise one, not enough to use it."""
    return f"{token[:16]}… ({len(token)} characters)"


def call_api(session, server, path):
    response = session.get(f"{server}/api/1.0{path}", timeout=10)
    if response.status_code != 200:
        challenge = response.headers.get("WWW-Authenticate", "")
        raise ExampleError(f"GET /api/1.0{path} answered {response.status_code}: {response.text} {challenge}".strip())
    return response.json()


def main():
    args = options()
    allow_http_on_loopback(args.server)
    token_url = f"{args.server}/oauth/token"
    client_auth = HTTPBasicAuth(args.client_id, args.client_secret)

    # 1. Trade the client credentials and the user's password for tokens (RFC 6749 §4.3).
    session = OAuth2Session(client=LegacyApplicationClient(client_id=args.client_id), scope=["*"])
    token = session.fetch_token(
        token_url, username=args.username, password=args.password, auth=client_auth, timeout=10
    )
    print(f"Access token:  {short(token['access_token'])}, expires in {token['expires_in']} s")
    print(f"Refresh token: {short(token['refresh_token'])}")

    # 2. Call the REST API with the bearer token.
    me = call_api(session, args.server, "/me")
    print(f"GET /api/1.0/me -> {me['username']} ({me['email']}), {len(me['permissions'])} permissions")
    users = call_api(session, args.server, "/users?per_page=5")
    names = ", ".join(user["username"] for user in users["data"])
    print(f"GET /api/1.0/users -> {users['meta']['total']} in total: {names}")

    # 3. Refresh: the old refresh token is now used up, the new one replaces it.
    token = session.refresh_token(token_url, auth=client_auth, timeout=10)
    print(f"Refreshed; new access token: {short(token['access_token'])}")
    me = call_api(session, args.server, "/me")
    print(f"GET /api/1.0/me with the new token -> {me['username']}")

    # 4. Sign out: revoking the refresh token revokes its access tokens too (RFC 7009).
    response = requests.post(
        f"{args.server}/oauth/revoke",
        data={"token": token["refresh_token"], "token_type_hint": "refresh_token"},
        auth=client_auth,
        timeout=10,
    )
    response.raise_for_status()
    after = session.get(f"{args.server}/api/1.0/me", timeout=10)
    print(f"Revoked; GET /api/1.0/me now answers {after.status_code}")


def run():
    try:
        main()
    except requests.exceptions.ConnectionError as error:
        sys.exit(f"error: cannot reach the Gatehouse server ({error.request.url if error.request else 'no URL'}): is it running?")
    except requests.exceptions.Timeout:
        sys.exit("error: the Gatehouse server did not answer in time")
    except OAuth2Error as error:
        hint = {
            "invalid_client": " (check the client id and secret)",
            "invalid_grant": " (check the username and password)",
            "unauthorized_client": " (enable the password grant for this client)",
        }.get(error.error, "")
        sys.exit(f"error: the token endpoint refused the request: {error.error}: {error.description}{hint}")
    except (ExampleError, requests.exceptions.HTTPError) as error:
        sys.exit(f"error: {error}")


if __name__ == "__main__":
    run()
