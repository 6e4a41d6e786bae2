# Shared helpers for the scripts in this folder. Source it; do not run it.
# It finds (or builds) a Python >= 3.14.2 and runs commands with the project's
# virtual environment, either directly or inside a Debian testing userland.

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${PROVISIONING_CACHE:-$REPO/.cache}"
ROOTFS="$CACHE/debian-testing"
VENV="$REPO/.venv"
MIN_PY="3.14.2"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
ROOTFS_PACKAGES="python3.14,python3.14-venv,python3.14-dev,ca-certificates,tzdata,g++,procps"
# What the tests need besides Python: a browser for the panel's tests, Node.js to
# build the panel, a PostgreSQL server for the provisioning server's tests, an MQTT
# broker for the Zigbee2MQTT tests.
SYSTEM_PACKAGES="chromium nodejs npm postgresql fonts-dejavu-core mosquitto"
SYSTEM_COMMANDS="chromium node npm mosquitto"

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# apt-get that waits for another apt or dpkg (unattended upgrades, a second
# terminal) instead of failing with "Could not get lock": dpkg's locks are
# waited for by apt itself (DPkg::Lock::Timeout); apt-get update does not wait
# for the lists lock, so a lock error is retried until APT_LOCK_TIMEOUT
# seconds have passed. Other errors fail at once. Defined for the userland
# too (in_rootfs bash -c "$(declare -f apt_get); apt_get ...").
apt_get() {
    local timeout="${APT_LOCK_TIMEOUT:-600}" every="${APT_RETRY_EVERY:-5}"
    local start="$SECONDS" status errors
    errors="$(mktemp)"
    while true; do
        status=0
        apt-get -o DPkg::Lock::Timeout="$timeout" "$@" 2>"$errors" || status=$?
        if [[ $status != 0 ]] && grep -q -e "Could not get lock" -e "Unable to lock" -e "Unable to acquire" "$errors" \
            && (( SECONDS - start < timeout )); then
            printf 'apt is busy (another apt or dpkg is running); waiting for it\n' >&2
            sleep "$every"
            continue
        fi
        cat "$errors" >&2
        rm -f "$errors"
        return "$status"
    done
}

python_ok() {
    "$1" -c "import sys; sys.exit(0 if sys.version_info >= tuple(map(int, '$MIN_PY'.split('.'))) else 1)" 2>/dev/null
}

find_host_python() {
    local candidate
    for candidate in python3.15 python3.14 python3; do
        if command -v "$candidate" >/dev/null && python_ok "$(command -v "$candidate")"; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

# "host" when a suitable Python is on PATH, "rootfs" when the userland is used.
env_mode() {
    if [[ -f "$VENV/.mode" ]]; then
        cat "$VENV/.mode"
    elif find_host_python >/dev/null; then
        echo host
    else
        echo rootfs
    fi
}

build_rootfs() {
    [[ -x "$ROOTFS/usr/bin/python3.14" ]] && return 0
    [[ "$(id -u)" == 0 ]] || die "Python >= $MIN_PY is needed. Install it (for example python3.14 and python3.14-venv), or run this script as root on Debian to build a private Python 3.14 userland."
    [[ -f /etc/debian_version ]] || die "Python >= $MIN_PY is needed. Install it (python.org or your distribution's python3.14 package) and run this again."
    if ! command -v debootstrap >/dev/null; then
        log "Installing debootstrap"
        apt_get update -qq && DEBIAN_FRONTEND=noninteractive apt_get install -y -qq debootstrap >/dev/null
    fi
    log "Building a Debian testing userland with Python 3.14 in $ROOTFS (about 30 s)"
    rm -rf "$ROOTFS.partial"
    mkdir -p "$CACHE"
    debootstrap --variant=minbase --include="$ROOTFS_PACKAGES" testing "$ROOTFS.partial" "$DEBIAN_MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
        || die "debootstrap failed; see $CACHE/debootstrap.log"
    mv "$ROOTFS.partial" "$ROOTFS"
}

# Install SYSTEM_PACKAGES where the tests run: inside the userland, or on the host.
ensure_system_packages() {
    local stamp
    if [[ "$(env_mode)" == rootfs ]]; then
        stamp="$ROOTFS/.provisioning-packages"
        [[ -f "$stamp" && "$(cat "$stamp")" == "$SYSTEM_PACKAGES" ]] && return 0
        log "Installing $SYSTEM_PACKAGES into the userland (about a minute, once)"
        in_rootfs /bin/bash -c "$(declare -f apt_get); apt_get -qq -o Acquire::Check-Valid-Until=false update >/dev/null \
            && DEBIAN_FRONTEND=noninteractive apt_get install -y -qq --no-install-recommends $SYSTEM_PACKAGES >/dev/null" \
            || die "could not install $SYSTEM_PACKAGES into the userland"
        echo "$SYSTEM_PACKAGES" >"$stamp"
        return 0
    fi
    local missing=0 command
    for command in $SYSTEM_COMMANDS; do
        command -v "$command" >/dev/null || [[ -x "/usr/sbin/$command" ]] || missing=1
    done
    ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing=1
    [[ $missing == 0 ]] && return 0
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        log "Installing $SYSTEM_PACKAGES"
        apt_get -qq update >/dev/null
        DEBIAN_FRONTEND=noninteractive apt_get install -y -qq --no-install-recommends $SYSTEM_PACKAGES >/dev/null
        return 0
    fi
    die "the tests need these packages: $SYSTEM_PACKAGES (Chromium, Node.js with npm, PostgreSQL, Mosquitto). Install them and run this again."
}

# Host folders outside the repository that the userland sees at the same path
# (the repository always is), e.g. a --config folder of ./scripts/develop.
ROOTFS_BINDS=()

# Run a command inside the userland: a private mount namespace, so every mount
# disappears when the command exits.
in_rootfs() {
    local cwd
    cwd="$(pwd)"
    local -a passenv=()
    local name
    for name in $(compgen -e); do
        case "$name" in
            PIP_FIND_LINKS) ;;  # a host folder the userland does not have
            PIP_*|CI|TERM|HOME|LANG|LC_*|PYTHON*|PROVISIONING_*|TZ|COLUMNS|HYPOTHESIS_*) passenv+=("$name=${!name}") ;;
        esac
    done
    local binds="" folder
    for folder in "${ROOTFS_BINDS[@]}"; do
        case "$folder/" in
            "$REPO"/*) ;;  # mounted with the repository
            *) binds+="$folder"$'\n' ;;
        esac
    done
    unshare --mount --propagation private -- /bin/bash -euc '
        R="$1"; REPO="$2"; CWD="$3"; BINDS="$4"; shift 4
        envs=()
        while [[ "$1" != "--" ]]; do envs+=("$1"); shift; done
        shift
        mount --rbind /dev "$R/dev"
        mount -t proc proc "$R/proc"
        mount --rbind /sys "$R/sys"
        mkdir -p "$R$REPO" "$R/root"
        mount --bind "$REPO" "$R$REPO"
        while IFS= read -r folder; do
            [[ -n "$folder" ]] || continue
            mkdir -p "$R$folder"
            mount --bind "$folder" "$R$folder"
        done <<<"$BINDS"
        cp /etc/resolv.conf "$R/etc/resolv.conf" 2>/dev/null || true
        for f in /etc/ssl/certs/ca-certificates.crt /etc/pip.conf; do
            if [[ -f "$f" ]]; then mkdir -p "$R$(dirname "$f")"; cp "$f" "$R$f"; fi
        done
        exec chroot "$R" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin "${envs[@]}" \
            /bin/bash -c "cd \"\$0\" && exec \"\$@\"" "$CWD" "$@"
    ' bash "$ROOTFS" "$REPO" "$cwd" "$binds" "${passenv[@]}" -- "$@"
}

# Run a command with the Python environment available (venv first on PATH).
run() {
    if [[ "$(env_mode)" == rootfs ]]; then
        in_rootfs env PATH="$VENV/bin:/usr/local/bin:/usr/bin:/bin" VIRTUAL_ENV="$VENV" "$@"
    else
        PATH="$VENV/bin:$PATH" VIRTUAL_ENV="$VENV" "$@"
    fi
}
