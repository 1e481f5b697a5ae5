#!/usr/bin/env bash
# Builds signet's container image: a static binary (no cgo, so no libc to
# ship) in deploy/image/, then the FROM-scratch image of deploy/Dockerfile
# with docker or podman when one is installed and has an engine.
#
#   deploy/build-image.sh [TAG]        default tag: signet:latest
#   deploy/build-image.sh --binary-only [OUT]   only the binary (tests use this)
#
# GOARCH picks the architecture (amd64 when unset).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin

binary_only=0
out=deploy/image/signet
tag=signet:latest
if [ "${1:-}" = "--binary-only" ]; then
  binary_only=1
  out=${2:-$out}
elif [ -n "${1:-}" ]; then
  tag=$1
fi

mkdir -p "$(dirname "$out")"
CGO_ENABLED=0 GOOS=linux GOARCH=${GOARCH:-amd64} \
  go build -trimpath -ldflags='-s -w -buildid=' -o "$out" ./cmd/signet
echo "built $out ($(du -h "$out" | cut -f1))"
[ "$binary_only" = 1 ] && exit 0

for engine in docker podman; do
  if command -v "$engine" >/dev/null && "$engine" info >/dev/null 2>&1; then
    "$engine" build -f deploy/Dockerfile -t "$tag" "$(dirname "$out")"
    echo "image $tag built with $engine"
    exit 0
  fi
done
echo "no container engine here: the binary is ready; on a machine with one, run"
echo "  docker build -f deploy/Dockerfile -t $tag $(dirname "$out")"
