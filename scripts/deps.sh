#!/usr/bin/env bash
# deps.sh installs what lantoa's tests need and is missing, and nothing else.
#
# It is idempotent and quiet: a second run on a ready machine installs nothing
# and prints one line. It needs no standard input, so it runs in CI as is.
#
#   Debian packages  chromium (headless browser tests), zbar-tools (zbarimg:
#                    QR code checks), libimage-exiftool-perl (exiftool: image
#                    metadata checks), a Java runtime (the Nu Html Checker).
#                    `apt-get update` runs only when something must be
#                    installed.
#   npm packages     axe-core and vnu-jar at the versions pinned in
#                    package.json/package-lock.json, installed with `npm ci`
#                    into node_modules/ (git-ignored). Install scripts are not
#                    run: vnu-jar's would download a JDK, and the machine has
#                    its own Java.
#
# Usage: scripts/deps.sh   (from any folder; it works in the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'deps: %s\n' "$*"; }

# as_root runs a command as root, through sudo when we are not root.
as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo -n "$@"
	else
		log "need root to run: $*" >&2
		return 1
	fi
}

# installed reports whether the Debian package $1 is installed.
installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

apt_missing=()
for pkg in chromium zbar-tools libimage-exiftool-perl; do
	installed "$pkg" || apt_missing+=("$pkg")
done
if ! command -v java >/dev/null 2>&1; then
	apt_missing+=(default-jre-headless)
fi

if [ ${#apt_missing[@]} -gt 0 ]; then
	log "installing Debian packages: ${apt_missing[*]}"
	# Another process may hold the dpkg lock (unattended upgrades, a
	# colleague's install): wait for it rather than fail.
	apt_opts=(-o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
	aptlog=$(mktemp)
	trap 'rm -f "$aptlog"' EXIT
	if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" -qq update \
		>"$aptlog" 2>&1 </dev/null ||
		! as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" -qq -y \
			--no-install-recommends install "${apt_missing[@]}" >>"$aptlog" 2>&1 </dev/null; then
		cat "$aptlog" >&2
		log "apt-get failed" >&2
		exit 1
	fi
fi

# npm tools: reinstall when node_modules does not match package-lock.json.
# The stamp holds the checksum of the lock file that was installed.
stamp=node_modules/.lantoa-deps
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/axe-core/axe.min.js ] ||
	[ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] ||
	[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
	if ! command -v npm >/dev/null 2>&1; then
		log "npm is missing: install Node.js 20 and npm" >&2
		exit 1
	fi
	log "installing npm packages from package-lock.json"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error </dev/null >/dev/null
	echo "$want" >"$stamp"
fi

for f in /usr/bin/chromium node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar; do
	if [ ! -e "$f" ]; then
		log "still missing after install: $f" >&2
		exit 1
	fi
done
command -v zbarimg >/dev/null && command -v exiftool >/dev/null && command -v java >/dev/null || {
	log "zbarimg, exiftool or java still missing after install" >&2
	exit 1
}
log "ready (chromium, zbarimg, exiftool, java, axe-core, vnu-jar)"
