#!/usr/bin/env bash
# Package the console with jpackage on a runtime jlink'ed from the JDK modules it needs.
#   Usage: installers/build.sh [app-image|deb|rpm|msi|dmg]
# Needs a JDK 21+ (JAVA_HOME) and a built app: ./mvnw -q -DskipTests package
# deb needs fakeroot (apt-get install -y fakeroot); rpm needs rpm-build; msi needs WiX; dmg runs on macOS.
# Why a jlink'ed runtime and only Linux x86-64 natives: docs/adr/0009-installers-jlink-and-linux-natives.md.
set -euo pipefail
type=${1:-app-image}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
target="$here/target"
input="$target/input"
runtime="$target/runtime"
out="$target/$type"
main_jar="$root/app/target/plurigrid-console.jar"
[ -f "$main_jar" ] || { echo "Build the app first: ./mvnw -q -DskipTests package" >&2; exit 2; }
# One icon in three containers, all from plurigrid-console.png (see src/jpackage/ICONS.md).
icon=(--icon "$here/src/jpackage/plurigrid-console.png")
case "$type" in
  app-image) extra=("${icon[@]}") ;;
  deb) extra=(@"$here/src/jpackage/linux-deb.options" "${icon[@]}") ;;
  rpm) extra=(@"$here/src/jpackage/linux-rpm.options" "${icon[@]}") ;;
  msi) extra=(@"$here/src/jpackage/windows-msi.options" --icon "$here/src/jpackage/plurigrid-console.ico") ;;
  dmg) extra=(@"$here/src/jpackage/mac-dmg.options" --icon "$here/src/jpackage/plurigrid-console.icns") ;;
  *) echo "unknown type: $type (app-image|deb|rpm|msi|dmg)" >&2; exit 2 ;;
esac
rm -rf "$input" "$out"; mkdir -p "$out"

# 1. The main jar and the jars its Class-Path names, natives for other platforms left out (Linux x86-64 only;
#    on another platform build there with the options file of that platform and skip the strip).
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) "${bin}java" "$here/src/tools/InstallerInput.java" "$main_jar" "$input" >&2 ;;
  *) mkdir -p "$input"; cp "$main_jar" "$input/"; cp -r "$root/app/target/lib" "$input/lib" ;;
esac

# 2. A runtime holding only the JDK modules the console needs: what jdeps finds statically, plus modules reached
#    only through ServiceLoader or reflection (listed in runtime-modules.txt with the reason for each).
if [ ! -d "$runtime" ] || [ "$main_jar" -nt "$runtime/release" ]; then
  found=$("${bin}jdeps" --multi-release 21 --ignore-missing-deps --print-module-deps -q \
      -cp "$input/lib/*" -R "$input/plurigrid-console.jar")
  extra_modules=$(grep -v '^#' "$here/src/jpackage/runtime-modules.txt" | cut -d' ' -f1 | paste -sd, -)
  rm -rf "$runtime"
  "${bin}jlink" --add-modules "$found,$extra_modules" --strip-debug --no-man-pages --no-header-files \
      --compress zip-6 --include-locales en,nl,de,fr --output "$runtime"
  echo "runtime modules: $found,$extra_modules" >&2
  # The JDK's native libraries keep a full symbol table (libjvm alone: 5 MB of it); the dynamic symbols they
  # link by stay. Crash reports then name fewer frames, which a field installation can live with.
  if command -v strip >/dev/null 2>&1; then
    find "$runtime" -name '*.so' -exec strip --strip-unneeded {} +
  fi
fi

# 3. The package.
version=$(unzip -p "$main_jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: \([0-9.]*\).*/\1/p' | tr -d '\r')
"${bin}jpackage" --type "$type" --input "$input" --dest "$out" --runtime-image "$runtime" \
    --app-version "${version:-0.1.0}" @"$here/src/jpackage/common.options" "${extra[@]}"
du -sh "$out"/* >&2
