#!/usr/bin/env python3
"""Client credentials grant: a service gets a token for itself and calls the REST API.

    python3 client_credentials.py --server http://localhost:8080 --client-id 4 --client-secret SECRET

Options may come from the environment instead: GATEHOUSE_URL, GATEHOUSE_CLIENT_ID,
GATEHOUSE_CLIENT_SECRET. The token's subject is the client itself and carries only the
permissions an administrator granted the client (`--permission view-users` when it is
created); there is no user and no refresh token.

Needs `requests` and `requests-oauthlib` (Debian: python3-requests python3-requests-oauthlib).
"""
import argparse
import os
import sys
from urllib.parse import urlsplit

import requests
from oauthlib.oauth2 import BackendApplicationClient, OAuth2Error
from requests.auth import HTTPBasicAuth
from requests_oauthlib import OAuth2Session


class ExampleError(Exception):
    """A failure worth one clear line on stderr."""


def options():
    env = os.environ.get
    parser = argparse.ArgumentParser(description="Gatehouse client credentials example")
    parser.add_argument("--server", default=env("GATEHOUSE_URL", "http://localhost:8080"))
    parser.add_argument("--client-id", default=env("GATEHOUSE_CLIENT_ID"))
    parser.add_argument("--client-secret", default=env("GATEHOUSE_CLIENT_SECRET"))
    args = parser.parse_args()
    for name in ("client_id", "client_secret"):
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

    # 1. The client authenticates with its own id and secret (RFC 6749 §4.4).
    session = OAuth2Session(client=BackendApplicationClient(client_id=args.client_id))
    token = session.fetch_token(
        f"{args.server}/oauth/token", auth=HTTPBasicAuth(args.client_id, args.client_secret), timeout=10
    )
    print(f"Access token: {short(token['access_token'])}, expires in {token['expires_in']} s")

    # 2. /me describes the client: its name and the permissions it was granted.
    me = call_api(session, args.server, "/me")
    granted = ", ".join(me["permissions"]) or "none"
    print(f"GET /api/1.0/me -> {me['type']} {me['id']} \"{me['name']}\", permissions: {granted}")

    # 3. A call the client holds the permission for.
    if "view-users" in me["permissions"]:
        users = call_api(session, args.server, "/users?per_page=5")
        names = ", ".join(user["username"] for user in users["data"])
        print(f"GET /api/1.0/users -> {users['meta']['total']} in total: {names}")
    else:
        print("This client lacks view-users; grant it with --permission view-users to list users.")


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
            "unauthorized_client": " (enable the client credentials grant for this client)",
        }.get(error.error, "")
        sys.exit(f"error: the token endpoint refused the request: {error.error}: {error.description}{hint}")
    except ExampleError as error:
        sys.exit(f"error: {error}")


if __name__ == "__main__":
    run()
