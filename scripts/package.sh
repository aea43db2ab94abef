#!/usr/bin/env bash
# Packages the release build that scripts/test.sh left in build/ (no rebuild) as a .deb,
# validates its desktop file and AppStream metainfo, installs it with apt-get (so its declared
# dependencies must resolve), runs the installed binary headless against the demo exchange
# and removes the package again. Needs root (or sudo) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
id=io.github.bithumbticker.BithumbTicker
scripts/deps.sh desktop-file-utils appstream
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive

desktop-file-validate "resources/$id.desktop"
appstreamcli validate --no-net "resources/$id.metainfo.xml"
# The fault proxy is test-only: the shipped binary must not carry it.
if nm -C build/bithumb-ticker | grep -qi faultproxy; then
    echo "package: build/bithumb-ticker links the test-only TcpFaultProxy" >&2
    exit 1
fi

rm -f build/bithumb-ticker_*.deb
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/bithumb-ticker_*.deb)
dpkg-deb --field "$deb" Package Version Depends Recommends

# apt-get (not dpkg -i) so that a dependency the package forgot or misnames fails here.
if dpkg-query -W -f='${Status}' bithumb-ticker 2>/dev/null | grep -q "install ok installed"; then
    "${sudo_cmd[@]}" apt-get remove -y -q bithumb-ticker >/dev/null
fi
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "./$deb" >/dev/null
trap '"${sudo_cmd[@]}" apt-get remove -y -q bithumb-ticker >/dev/null' EXIT
[ "$(command -v bithumb-ticker)" = /usr/bin/bithumb-ticker ]

# A clean environment, so nothing from the build tree (plugin paths, libraries) helps it.
out=$(mktemp -d)
env -i PATH=/usr/bin:/bin HOME="$out" bithumb-ticker --demo --headless --duration 2 \
    >"$out/ticks" 2>"$out/log" || { cat "$out/log" >&2; exit 1; }
ticks=$(grep -c '^{"symbol":' "$out/ticks" || true)
if [ "$ticks" -lt 1 ]; then
    cat "$out/log" >&2
    echo "package: the installed bithumb-ticker printed no tick in 2 s" >&2
    exit 1
fi
rm -rf "$out"
trap - EXIT
"${sudo_cmd[@]}" apt-get remove -y -q bithumb-ticker >/dev/null
echo "package: $deb installed, ran ($ticks ticks in 2 s) and removed"
