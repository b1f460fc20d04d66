#!/bin/sh
# Render an HTML report to a PNG with headless Chromium (Debian's `chromium` package).
#   docs/screenshot.sh report.html docs/report.png [WIDTH,HEIGHT]
# The flags keep Chromium off the network (the page loads nothing anyway) and away from any profile.
set -eu
if [ $# -lt 2 ]; then
    echo "usage: $0 REPORT.html OUT.png [WIDTH,HEIGHT]" >&2
    exit 2
fi
if [ ! -f "$1" ]; then
    echo "$0: no such report: $1" >&2  # Chromium would screenshot its own error page
    exit 1
fi
html=$(realpath "$1")
out=$(realpath "$2")
size=${3:-1280,2400}
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$browser" ]; then
    echo "no chromium found: apt-get install -y chromium" >&2
    exit 1
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$size" --screenshot="$out" "file://$html" 2>/dev/null
echo "$out"
