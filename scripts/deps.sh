#!/usr/bin/env bash
# Installs the Debian 12 packages the build and tests need (and any named as arguments),
# only those not yet installed.
set -euo pipefail
packages=(cmake g++ make pkg-config qt6-base-dev qt6-websockets-dev nlohmann-json3-dev
          libgtest-dev libbenchmark-dev libgl-dev openssl libssl-dev zlib1g-dev
          qt6-httpserver-dev qt6-charts-dev libqt6opengl6-dev
          qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools # Qt6LinguistTools: lupdate, lrelease
          libqt6svg6 # the SVG window icon
          dpkg-dev # dpkg-shlibdeps, for the .deb's dependencies (scripts/package.sh)
          fonts-nanum # Hangul for the Korean the window shows (투자유의)
          dbus-daemon # a private session bus for the desktop-notification test
          "$@") # extra packages as arguments
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
