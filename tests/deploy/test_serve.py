"""`deploy.serve`, the image's entry point: the gateway's server runs WEB_CONCURRENCY workers and
stops them all on SIGTERM, as Kubernetes ends a pod."""

import signal

import psutil

from deploy.local.processes import GATEWAY, start, wait_ready
from deploy.local.stack import free_port, stop_process


def test_gateway_runs_web_concurrency_workers_and_stops_them_on_sigterm(tmp_path):
    # No platform behind it: /healthz answers on the process alone, as a liveness probe does.
    gateway = start("gateway", GATEWAY[0], free_port(), {"WEB_CONCURRENCY": "2"}, tmp_path)
    try:
        wait_ready(gateway, path="/healthz")
        workers = psutil.Process(gateway.proc.pid).children()
        assert len(workers) == 2, (tmp_path / "gateway.log").read_text()
        assert gateway.memory_bytes() > sum(w.memory_full_info().uss for w in workers)
    finally:
        stop_process(gateway.proc, signal.SIGTERM)
    assert gateway.proc.returncode == 0
    assert not [w.pid for w in workers if w.is_running() and w.status() != psutil.STATUS_ZOMBIE]
