#!/usr/bin/env bash
# Install the Debian packages the portal needs, when they are missing.
#   runtime: WeasyPrint's Pango and HarfBuzz libraries and a font, npm for the front-end assets,
#            GnuPG for the encrypted backups (BACKUP_GPG_RECIPIENT).
#   test:    the same, plus Chromium for the browser tests and poppler-utils for PDF text.
set -euo pipefail

packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core npm gnupg)
if [ "${1:-runtime}" = test ]; then
  packages+=(chromium poppler-utils)
fi

missing=()
for package in "${packages[@]}"; do
  if [ "$package" = npm ] && command -v npm >/dev/null 2>&1; then
    continue
  fi
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Paquets système manquants : ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    exit 0
  fi
  echo "Installez-les avec : apt-get install ${missing[*]}" >&2
  exit 1
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
