#!/usr/bin/env bash
# Package the console with jpackage.  Usage: installers/build.sh [app-image|deb|rpm|msi|dmg]
# Needs a JDK 21+ (JAVA_HOME) and a built app: ./mvnw -q -DskipTests package
# deb needs fakeroot (apt-get install -y fakeroot); rpm needs rpm-build; msi needs WiX; dmg runs on macOS.
set -euo pipefail
type=${1:-app-image}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
jpackage="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"
input="$here/target/input"
out="$here/target/$type"
[ -f "$root/app/target/plurigrid-console.jar" ] || { echo "Build the app first: ./mvnw -q -DskipTests package" >&2; exit 2; }
rm -rf "$input" "$out"; mkdir -p "$input" "$out"
cp "$root/app/target/plurigrid-console.jar" "$input/"
cp -r "$root/app/target/lib" "$input/lib"
extra=()
case "$type" in
  app-image) ;;
  deb) extra=(@"$here/src/jpackage/linux-deb.options") ;;
  rpm) extra=(@"$here/src/jpackage/linux-rpm.options") ;;
  msi) extra=(@"$here/src/jpackage/windows-msi.options") ;;
  dmg) extra=(@"$here/src/jpackage/mac-dmg.options") ;;
  *) echo "unknown type: $type (app-image|deb|rpm|msi|dmg)" >&2; exit 2 ;;
esac
"$jpackage" --type "$type" --input "$input" --dest "$out" @"$here/src/jpackage/common.options" "${extra[@]}"
ls -la "$out"
