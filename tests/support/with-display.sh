#!/usr/bin/env bash
# Runs a command on a real X display: the current one, or a fresh Xvfb screen the size of a kiosk.
set -euo pipefail
if [ -n "${DISPLAY:-}" ]; then exec "$@"; fi
exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$@"
