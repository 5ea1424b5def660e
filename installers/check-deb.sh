#!/usr/bin/env bash
# Build the .deb, unpack it into a scratch root (dpkg-deb -x, as dpkg would lay it out) and run the installed launcher
# with no JDK on the PATH: --version, a headless subcommand, and the window on its devnet under a virtual display.
# Prints the installed size and start-up figures. Needs: a built app, fakeroot, dpkg-deb, Xvfb, ImageMagick (import).
# Usage: installers/check-deb.sh   (CI runs it from .ci/run; exit 0 only when every check passed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d)
xvfb_pid=""; app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "installer check FAILED: $*" >&2; exit 1; }
step() { echo "installer check: $*" >&2; }

start=$(date +%s)
bash "$here/build.sh" deb
deb=$(ls "$here"/target/deb/*.deb | head -1)
step "built $(basename "$deb") ($(du -m "$deb" | cut -f1) MiB) in $(( $(date +%s) - start )) s"

depends=$(dpkg-deb -f "$deb" Depends)
[[ "$depends" == *libgtk-3-0* ]] || fail "Depends lacks libgtk-3-0: $depends"

dpkg-deb -x "$deb" "$work/root"
launcher="$work/root/opt/plurigrid-console/bin/plurigrid-console"
[ -x "$launcher" ] || fail "no launcher at /opt/plurigrid-console/bin/plurigrid-console"
installed_mb=$(du -sm "$work/root/opt/plurigrid-console" | cut -f1)
cmp -s "$here/src/jpackage/plurigrid-console.png" "$work/root/opt/plurigrid-console/lib/plurigrid-console.png" \
  || fail "the package does not carry the console's icon"
[ -f "$work/root/opt/plurigrid-console/lib/plurigrid-console-plurigrid-console.desktop" ] \
  || ls "$work/root/opt/plurigrid-console/lib/"*.desktop >/dev/null 2>&1 || fail "no desktop entry in the package"

# The installed launcher with no JDK anywhere on its PATH.
nojdk=(env -i "HOME=$work/home" "PATH=/var/empty" LANG=C.UTF-8)
mkdir -p "$work/home"
"${nojdk[@]}" sh -c 'command -v java' >/dev/null 2>&1 && fail "java is reachable on the scrubbed PATH"

version=$("${nojdk[@]}" "$launcher" --version)
commit=$(git -C "$root" rev-parse --short=10 HEAD 2>/dev/null || echo "")
[[ "$version" == "Plurigrid Console "* ]] || fail "--version printed: $version"
[ -z "$commit" ] || [[ "$version" == *"(commit $commit)"* ]] || fail "--version lacks commit $commit: $version"
step "--version: $version"

t0=$(date +%s%N)
"${nojdk[@]}" "$launcher" grid info --no-n1 > "$work/grid.json" 2> "$work/grid.err" \
  || fail "grid info exited $?: $(tail -3 "$work/grid.err")"
python3 - "$work/grid.json" <<'PY' || fail "grid info stdout is not the expected JSON: $(head -c 300 "$work/grid.json")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["powerFlow"]["converged"] is True, d["powerFlow"]
assert d["buses"] > 0 and d["branches"] > 0
PY
cli_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
step "grid info --no-n1: converged, ${cli_ms} ms"

# The bundled plugins load from the installed jars and carry the console's version.
console_version=${version#Plurigrid Console }; console_version=${console_version%% *}
"${nojdk[@]}" "$launcher" plugins list --home "$work/plugins-home" --json > "$work/plugins.json" 2> "$work/plugins.err" \
  || fail "plugins list exited $?: $(tail -3 "$work/plugins.err")"
python3 - "$work/plugins.json" "$console_version" <<'PY' || fail "plugins list is not as expected: $(head -c 400 "$work/plugins.json")"
import json, sys
d = json.load(open(sys.argv[1]))
got = {p["id"]: (p["version"], p["state"]) for p in d["plugins"]}
for bundled in ("json-topics", "data-quality"):
    assert got.get(bundled) == (sys.argv[2], "enabled"), (bundled, got.get(bundled))
PY
step "plugins list: json-topics and data-quality enabled, version $console_version"

# The window on its in-process devnet under a virtual display.
display=":$(( 70 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
sleep 1
kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start on $display"
t0=$(date +%s%N)
env -i "HOME=$work/home" "PATH=/var/empty" LANG=C.UTF-8 "DISPLAY=$display" \
  "$launcher" --home "$work/home/gui" --devnet-port 0 > "$work/gui.out" 2> "$work/gui.err" & app_pid=$!
log="$work/home/gui/logs/console.log"
live_ms=""
for _ in $(seq 1 120); do
  kill -0 "$app_pid" 2>/dev/null || fail "the window exited early: $(tail -5 "$work/gui.err")"
  if [ -f "$log" ] && grep -q "devnet: connected to" "$log"; then live_ms=$(( ($(date +%s%N) - t0) / 1000000 )); break; fi
  sleep 0.5
done
[ -n "$live_ms" ] || fail "no live devnet telemetry within 60 s: $(tail -5 "$log" 2>/dev/null)"
sleep 8
kill -0 "$app_pid" 2>/dev/null || fail "the window died after connecting: $(tail -5 "$work/gui.err")"
shot="$here/target/installed-window.png"
DISPLAY="$display" import -window root "$shot"
colours=$(convert "$shot" -format %k info:)
[ "$colours" -gt 50 ] || fail "the screen shows $colours colours: nothing drawn"
grep -q "Exception" "$work/gui.err" && fail "exceptions on stderr: $(grep -m3 Exception "$work/gui.err")"
rss_mb=$(( $(awk '/VmRSS/ {print $2}' /proc/"$app_pid"/status) / 1024 ))
step "window: connected to its devnet ${live_ms} ms after launch, RSS ${rss_mb} MB after 8 s more, screenshot $shot ($colours colours)"
echo "installer check: installed size ${installed_mb} MB (package $(du -m "$deb" | cut -f1) MiB), devnet connected ${live_ms} ms after launch" >&2
