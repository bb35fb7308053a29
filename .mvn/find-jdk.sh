#!/bin/sh
# Prints the home of a JDK 21 or newer, or explains what to install and fails.
# Looks at JAVA_HOME first, then the usual install folders, then the `java` on PATH.
# Used by ./mvnw and ./run so that a machine whose default java is older still builds.
set -u
need=21

major_of() {
  # `java -version` prints e.g. 'openjdk version "25.0.1"' or 'java version "1.8.0_402"'.
  v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  case "$v" in 1.*) v=${v#1.} ;; esac
  printf '%s\n' "${v%%[.+-]*}"
}

usable() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  m=$(major_of "$1")
  [ -n "$m" ] && [ "$m" -ge "$need" ] 2>/dev/null
}

if [ -n "${JAVA_HOME-}" ] && usable "$JAVA_HOME"; then
  printf '%s\n' "$JAVA_HOME"; exit 0
fi

best=""; best_major=0
for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  [ -d "$dir" ] || continue
  if usable "$dir"; then
    m=$(major_of "$dir")
    if [ "$m" -gt "$best_major" ]; then best=$dir; best_major=$m; fi
  fi
done
if [ -n "$best" ]; then printf '%s\n' "$best"; exit 0; fi

if command -v javac >/dev/null 2>&1; then
  home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  if usable "$home"; then printf '%s\n' "$home"; exit 0; fi
fi

cat >&2 <<MSG
Mingzhang needs a JDK $need or newer, and none was found
(JAVA_HOME=${JAVA_HOME-<unset>}; looked in /usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman, ~/.jdks and on PATH).
Install one, for example:
  Debian/Ubuntu:  sudo apt-get install openjdk-21-jdk      (or Eclipse Temurin 21 or 25 from adoptium.net)
  macOS:          brew install --cask temurin@21
then run the command again, or point JAVA_HOME at it.
MSG
exit 1
