#!/usr/bin/env bash
# The Mermaid render test drives Debian's Chromium (never a downloaded browser). Install it
# when it is missing and this machine can (root with apt); otherwise say how.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "kubeports: installing Debian's chromium for the diagram render test" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
else
  echo "kubeports: chromium is missing; the diagram render test will fail. Install it with: sudo apt-get install chromium" >&2
fi
