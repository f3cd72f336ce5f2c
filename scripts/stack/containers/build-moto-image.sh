#!/usr/bin/env bash
# Builds the emulator image `suite/moto:local` (or the tag given) from this machine's own files: the python that runs
# moto here, the distributions moto[server] needs and the shared libraries they load, imported with `docker import`.
# No registry is pulled from (none is reachable on the project's machines). The image serves moto on port 4566 and
# answers LocalStack's health path, so Testcontainers' LocalStack module starts it like LocalStack itself.
# Usage: build-moto-image.sh [TAG]    (needs a running Docker engine and moto in the default python 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tag="${1:-suite/moto:local}"

command -v docker >/dev/null 2>&1 || { echo "build-moto-image: docker is not installed; run scripts/stack/containers/docker-engine.sh start first" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "build-moto-image: the Docker engine does not answer; start it (scripts/stack/containers/docker-engine.sh start)" >&2; exit 1; }
python3 -c 'import moto.server' 2>/dev/null || { echo "build-moto-image: moto's server is not installed in python3 (pip install \"moto[server]\")" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/moto_rootfs.py" "$work/rootfs" "$here/gateway.py"
tar -C "$work/rootfs" -cf "$work/rootfs.tar" .
docker import \
  --change 'ENV PATH=/opt/python/bin:/usr/bin:/bin' \
  --change 'ENV LD_LIBRARY_PATH=/opt/python/lib' \
  --change 'ENV PYTHONDONTWRITEBYTECODE=1' \
  --change 'EXPOSE 4566' \
  --change 'ENTRYPOINT ["/opt/python/bin/python3", "/opt/suite/gateway.py"]' \
  --message "moto $(python3 -c 'import moto; print(moto.__version__)') from this machine's python, served on 4566" \
  "$work/rootfs.tar" "$tag" >/dev/null
printf 'built %s (%s MB root file system)\n' "$tag" "$(($(stat -c %s "$work/rootfs.tar") / 1048576))"
