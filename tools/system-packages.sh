#!/usr/bin/env bash
# The Debian/Ubuntu packages that print the PDF and run the browser tests: Chromium and the
# fonts the pages and the PDF are set in. One list, used by `make report` and by .ci/run.
#
#   tools/system-packages.sh              install them (as root, or with password-less sudo)
#   tools/system-packages.sh --if-missing only when Chromium is not installed yet
#
# Exit 0 when the packages are there; otherwise exit 2 and print the one command to run.
set -euo pipefail
PACKAGES=(chromium fonts-liberation2 fonts-dejavu-core)
COMMAND="sudo apt-get install -y --no-install-recommends ${PACKAGES[*]}"

have_chromium() {
  [ -n "${NSC_CHROMIUM:-}" ] && [ -x "${NSC_CHROMIUM}" ] && return 0
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}

if [ "${1:-}" = "--if-missing" ] && have_chromium; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is needed for the PDF; this is not a Debian or Ubuntu system, so install" \
       "Chromium or Chrome yourself and set NSC_CHROMIUM to its path." >&2
  exit 2
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "Chromium is needed for the PDF. To install it, run:" >&2
  echo "  $COMMAND" >&2
  exit 2
fi
echo "Installing ${PACKAGES[*]} with apt-get (for the PDF and the browser tests) ..."
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
