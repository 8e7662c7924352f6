#!/usr/bin/env bash
# Fetches the JDBC driver jars a Spark Connect server needs to read and write databases
# (spark.read.jdbc on a remote session runs in the cluster, with Spark's own JDBC source), from
# Maven Central, pinned and checked by SHA-256, into .venv/spark-jars/. Run by setup.sh for the
# test stack; start-server.sh puts every jar found there on the server's and executors' classpath.
#   bash scripts/connect/jdbc-drivers.sh      (does nothing when the jars are already there)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR="$ROOT/.venv/spark-jars"
mkdir -p "$DIR"
# group/artifact/version  sha256
DRIVERS=(
  "org/postgresql/postgresql/42.7.14 73914527305a40cce504b0d3d90b23caf565136912d607ae8ae7c5895512332c"
)
for entry in "${DRIVERS[@]}"; do
  coord=${entry% *}
  sum=${entry#* }
  artifact=$(basename "$(dirname "$coord")")
  version=$(basename "$coord")
  jar="$DIR/$artifact-$version.jar"
  if [ -f "$jar" ] && echo "$sum  $jar" | sha256sum -c --status; then continue; fi
  curl -sSfL --retry 3 -o "$jar.part" "https://repo1.maven.org/maven2/$coord/$artifact-$version.jar"
  if ! echo "$sum  $jar.part" | sha256sum -c --status; then
    rm -f "$jar.part"
    echo "jdbc-drivers: $artifact-$version.jar does not match its pinned SHA-256; not installed" >&2
    exit 1
  fi
  mv "$jar.part" "$jar"
done
