#!/usr/bin/env python3
"""Personal access token: a long-lived token for your own scripts, no OAuth dance at run time.

Use a token you created in the console (Users > your user > API Tokens):

    GATEHOUSE_TOKEN=gatehouse_pat_… python3 personal_access_token.py --server http://localhost:8080

Or let the example create one through the REST API (`POST /api/1.0/users/{id}/tokens`),
signing in first with the password grant, then use it and revoke it again:

    python3 personal_access_token.py --server http://localhost:8080 --client-id 3 \
        --client-secret SECRET --username admin --password PASSWORD [--keep]

`--keep` leaves the new token valid and prints it once. Options may come from the
environment: GATEHOUSE_URL, GATEHOUSE_TOKEN, GATEHOUSE_CLIENT_ID, GATEHOUSE_CLIENT_SECRET,
GATEHOUSE_USERNAME, GATEHOUSE_PASSWORD.

Needs `requests` (Debian: python3-requests).
"""
import argparse
import os
import sys

import requests


class ExampleError(Exception):
    """A failure worth one clear line on stderr."""


def options():
    env = os.environ.get
    parser = argparse.ArgumentParser(description="Gatehouse personal access token example")
    parser.add_argument("--server", default=env("GATEHOUSE_URL", "http://localhost:8080"))
    parser.add_argument("--token", default=env("GATEHOUSE_TOKEN"), help="an existing personal access token")
    parser.add_argument("--client-id", default=env("GATEHOUSE_CLIENT_ID"))
    parser.add_argument("--client-secret", default=env("GATEHOUSE_CLIENT_SECRET"))
    parser.add_argument("--username", default=env("GATEHOUSE_USERNAME", "admin"))
    parser.add_argument("--password", default=env("GATEHOUSE_PASSWORD"))
    parser.add_argument("--keep", action="store_true", help="keep the new token and print it once")
    args = parser.parse_args()
    if not args.token:
        for name in ("client_id", "client_secret", "password"):
            if not getattr(args, name):
                flag = "--" + name.replace("_", "-")
                parser.error(f"give --token (or GATEHOUSE_TOKEN), or {flag} (or GATEHOUSE_{name.upper()}) to create one")
    args.server = args.server.rstrip("/")
    return args


def short(token):
    """Tokens are credentials: show enough to recognise one, not enough to use it."""
    return f"{token[:min(18, len(token) // 3)]}… ({len(token)} characters)"


def api(method, server, path, token, **kwargs):
    response = requests.request(
        method, f"{server}/api/1.0{path}", headers={"Authorization": f"Bearer {token}"}, timeout=10, **kwargs
    )
    if response.status_code >= 400:
        challenge = response.headers.get("WWW-Authenticate", "")
        raise ExampleError(f"{method} /api/1.0{path} answered {response.status_code}: {response.text} {challenge}".strip())
    return response.json() if response.content else None


def sign_in(args):
    """Password grant (see password_grant.py): a short-lived token to create the personal one."""
    response = requests.post(
        f"{args.server}/oauth/token",
        data={"grant_type": "password", "username": args.username, "password": args.password, "scope": "*"},
        auth=(args.client_id, args.client_secret),
        timeout=10,
    )
    body = response.json()
    if response.status_code != 200:
        raise ExampleError(f"the token endpoint refused the request: {body.get('error')}: {body.get('error_description')}")
    return body["access_token"]


def use(server, token):
    me = api("GET", server, "/me", token)
    print(f"GET /api/1.0/me -> {me['username']}, permissions: {', '.join(me['permissions'])}")
    users = api("GET", server, "/users?per_page=5", token)
    print(f"GET /api/1.0/users -> {users['meta']['total']} in total: {', '.join(u['username'] for u in users['data'])}")


def main():
    args = options()
    if args.token:
        print(f"Using the personal access token {short(args.token)}")
        use(args.server, args.token)
        return

    # 1. Sign in and create a personal access token that can only read users.
    session_token = sign_in(args)
    me = api("GET", args.server, "/me", session_token)
    created = api(
        "POST", args.server, f"/users/{me['id']}/tokens", session_token,
        json={"name": "example script", "scopes": ["view-users"]},
    )
    print(f"Created personal access token {created['id']} \"{created['name']}\", expires {created['expires_at']}")
    token = created["access_token"]

    # 2. Use it: a plain bearer token, no client id or secret needed.
    use(args.server, token)

    # 3. Keep it (shown only now) or revoke it.
    if args.keep:
        print(f"Personal access token (shown once, store it safely): {token}")
    else:
        api("DELETE", args.server, f"/users/{me['id']}/tokens/{created['id']}", session_token)
        after = requests.get(f"{args.server}/api/1.0/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
        print(f"Revoked; GET /api/1.0/me with it now answers {after.status_code}")


def run():
    try:
        main()
    except requests.exceptions.ConnectionError as error:
        sys.exit(f"error: cannot reach the Gatehouse server ({error.request.url if error.request else 'no URL'}): is it running?")
    except requests.exceptions.Timeout:
        sys.exit("error: the Gatehouse server did not answer in time")
    except ExampleError as error:
        sys.exit(f"error: {error}")


if __name__ == "__main__":
    run()
