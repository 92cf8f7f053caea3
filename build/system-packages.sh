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

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

if [ "${EUID:-$(id -u)}" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system packages: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "system packages: installed"
  exit 0
fi

echo "system packages: missing ${missing[*]}" >&2
echo "install them with: sudo apt-get install ${missing[*]}" >&2
exit 1
