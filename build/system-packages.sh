#!/usr/bin/env bash
# Installs the Debian packages Borne's tests and demo need, or lists what is missing.
# As root on Debian or Ubuntu it installs them with apt-get; anywhere else it only checks, and
# exits 1 with the exact list when something is missing.
set -euo pipefail

# command to look for : package that provides it
needed=(
  "chromium:chromium"          # the Chromium shell and every end-to-end test
  "xvfb-run:xvfb"              # a real display for the kiosk window in tests
  "xauth:xauth"                # xvfb-run needs it
  "socat:socat"                # pty pairs for device simulators
  "xdotool:xdotool"            # real key presses from the X server in the escape suite
  "espeak-ng:espeak-ng"        # read-aloud through the host when the browser has no voice for the language
)

missing=()
for entry in "${needed[@]}"; do
  command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry##*:}")
done
# node-hid's prebuilt library links libusb (HID readers: badge readers, and GATT records in HID reports).
ldconfig -p 2>/dev/null | grep -q 'libusb-1.0.so.0' || missing+=("libusb-1.0-0")
# Chromium in kiosk mode needs at least one font to draw text.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=("fonts-dejavu-core")
# Arabic visits are drawn in Noto Sans Arabic UI (renderer/src/styles/base.css); DejaVu's Arabic is a poor fallback.
[ -e /usr/share/fonts/truetype/noto/NotoSansArabicUI-Regular.ttf ] || missing+=("fonts-noto-ui-core")
# The fleet store's tests start a real PostgreSQL of their own; Debian keeps its binaries off the PATH.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=("postgresql")
# The document printer's tests run a private cupsd with a cups-pdf queue and read the PDF back.
# Checked by a file each package ships: cupsd and the cups-pdf backend are not on a user's PATH.
[ -e /usr/sbin/cupsd ] || missing+=("cups")
[ -e /usr/lib/cups/backend/cups-pdf ] || missing+=("printer-driver-cups-pdf")
[ -e /usr/bin/pdftotext ] || missing+=("poppler-utils")
# The smart-card reader's integration tests run the real PC/SC stack: pcscd with vpcd, whose virtual card
# the simulator plays over TCP. Each is checked by a file it ships: pcscd lives in /usr/sbin, outside a user's PATH.
[ -e /usr/sbin/pcscd ] || missing+=("pcscd")
[ -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || missing+=("vsmartcard-vpcd")
# The fleet's tests run a real Mosquitto (with its dynamic-security plugin) beside the embedded broker, and
# the ACL tests try another kiosk's topics with mosquitto_pub and mosquitto_sub.
[ -e /usr/sbin/mosquitto ] || missing+=("mosquitto")
command -v mosquitto_pub >/dev/null 2>&1 || missing+=("mosquitto-clients")
# The PC/SC binding (npm pcsclite) compiles against these headers.
[ -e /usr/include/PCSC/winscard.h ] || missing+=("libpcsclite-dev")

# npm install compiles the PC/SC binding only when libpcsclite-dev is there (it is optional, so the install
# goes on without it): on a fresh machine that is after this script, so build it once the headers are in.
build_pcsc_binding() {
  local root
  root="$(cd "$(dirname "$0")/.." && pwd)"
  if [ -e /usr/include/PCSC/winscard.h ] && [ -d "$root/node_modules" ] && [ ! -e "$root/node_modules/pcsclite/build/Release/pcsclite.node" ]; then
    echo "system packages: building the PC/SC binding (pcsclite) against libpcsclite-dev"
    # A failed optional dependency is left out of node_modules (install it again); a present one is rebuilt.
    if [ -d "$root/node_modules/pcsclite" ]; then (cd "$root" && npm rebuild pcsclite >/dev/null)
    else (cd "$root" && npm install --no-audit --no-fund >/dev/null); fi
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  build_pcsc_binding
  exit 0
fi

if [ "${EUID:-$(id -u)}" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system packages: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "system packages: installed"
  build_pcsc_binding
  exit 0
fi

echo "system packages: missing ${missing[*]}" >&2
echo "install them with: sudo apt-get install ${missing[*]}" >&2
exit 1
