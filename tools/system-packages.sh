#!/bin/sh
# What `make run` and `make test` need beyond Python, from the system's packages (Debian/Ubuntu).
# As root with apt-get: installs what is missing. Otherwise: names the one command to run, and stops.
# Usage: tools/system-packages.sh run|test|bench
set -eu
PYTHON=${PYTHON:-python3}
missing=""

need() {  # need PACKAGE: add it to the list
  case " $missing " in *" $1 "*) ;; *) missing="$missing $1" ;; esac
}
has_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }

"$PYTHON" -c "import ensurepip, venv" 2>/dev/null || need python3-venv
# WeasyPrint draws the PDFs with Pango and HarfBuzz.
has_lib libpango-1.0.so.0 || need libpango-1.0-0
has_lib libpangoft2-1.0.so.0 || need libpangoft2-1.0-0
has_lib libharfbuzz.so.0 || need libharfbuzz0b
if [ "${1:-run}" = test ]; then
  command -v chromium >/dev/null 2>&1 || need chromium       # the browser tests
  command -v pdftoppm >/dev/null 2>&1 || need poppler-utils  # PDF pages to PNG (docs-preview)
  command -v npm >/dev/null 2>&1 || need npm                 # axe-core for the accessibility test
fi
if [ "${1:-run}" = bench ]; then
  command -v wrk >/dev/null 2>&1 || need wrk  # the HTTP load generator of benchmarks/web_bench.py
fi

[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Đang cài các gói hệ thống còn thiếu:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086  # one word per package
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi
echo "Máy còn thiếu gói hệ thống:$missing. Hãy chạy: sudo apt-get install -y$missing" >&2
exit 1
