"""The entry point of the locally built emulator image: moto's server on LocalStack's gateway port (4566).

It also answers LocalStack's readiness path, GET /_localstack/health, because Testcontainers' LocalStack module waits
for that path before it hands the container to a test: so the image starts through the same module, with its own
wait strategy, that starts a real LocalStack. Everything else goes to moto unchanged.
"""

import json
import os
import signal
import sys

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

HEALTH_PATH = "/_localstack/health"
PORT = int(os.environ.get("GATEWAY_PORT", "4566"))


def with_health(app):
    def serve(environ, start_response):
        if environ.get("PATH_INFO") == HEALTH_PATH:
            body = json.dumps({"services": {}, "edition": "moto", "version": "moto-gateway"}).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        return app(environ, start_response)

    return serve


def main():
    # docker stop sends SIGTERM; without a handler python as PID 1 ignores it and is killed only after the grace time.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    os.environ.setdefault("MOTO_PORT", str(PORT))
    run_simple("0.0.0.0", PORT, with_health(DomainDispatcherApplication(create_backend_app)), threaded=True)


if __name__ == "__main__":
    main()
