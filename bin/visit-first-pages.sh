#!/usr/bin/env bash
# Opens the pages a first visitor sees on a running app: the home page, the first track it links
# to, that track's first lesson, and the login page; prints each path as it answers 200, and fails
# naming the first page that did not (or the link that was missing). make-cds-app.sh's training
# run uses it, so that the archive records what a first page needs; FirstPagesScriptTest runs it
# against the test app.
#
# Usage: bin/visit-first-pages.sh PORT   (the app on 127.0.0.1:PORT; needs only bash: /dev/tcp)
set -euo pipefail
PORT="${1:?usage: visit-first-pages.sh PORT}"

# GET PATH over HTTP/1.0; prints the body when the status is 200.
get() {
    local response
    exec 3<>"/dev/tcp/127.0.0.1/$PORT" || { echo "cannot connect to 127.0.0.1:$PORT" >&2; return 1; }
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
    response="$(cat <&3)"
    exec 3<&-
    if [[ "$response" != "HTTP/1.1 200"* ]]; then
        echo "GET $1 answered: ${response%%$'\r'*}" >&2
        return 1
    fi
    echo "$1" >&2
    printf '%s' "${response#*$'\r\n\r\n'}"
}

home="$(get /)"
track="$(grep -o 'href="/tracks/[^/"#?]*"' <<<"$home" | head -n 1 | cut -d'"' -f2 || true)"
[[ -n "$track" ]] || { echo "the home page links to no track" >&2; exit 1; }
track_page="$(get "$track")"
lesson="$(grep -o "href=\"$track/[^/\"#?]*\"" <<<"$track_page" | head -n 1 | cut -d'"' -f2 || true)"
[[ -n "$lesson" ]] || { echo "$track links to no lesson" >&2; exit 1; }
get "$lesson" >/dev/null
get /login >/dev/null
