"""Run the production set-up on this machine: gunicorn, the task worker and nginx's cache.

``make serve-prod`` calls :func:`main`: production settings with local services (Redis on
127.0.0.1:6379, SMTP on 127.0.0.1:1025, the database task backend, ``media/``), then
``collectstatic``, ``migrate``, ``load_demo``, and gunicorn (2 workers) + ``db_worker`` +
nginx on http://127.0.0.1:8080/ until Ctrl-C. Every value can be overridden by the
environment (see the README's production section).

The cache test and ``make bench`` use :func:`render_nginx`, :func:`start_gunicorn` and
:func:`start_nginx` to run the same config on free ports.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")


def missing_tools() -> str:
    """Why nginx with the purge module cannot run here ("" when it can)."""
    if not shutil.which("nginx"):
        return "nginx is not installed (make server-deps)"
    if not PURGE_MODULE.exists():
        return f"{PURGE_MODULE} is missing (make server-deps)"
    return ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def render_nginx(
    run_dir: Path,
    *,
    listen: str,
    upstream: str,
    media_root: Path,
    workers: int = 2,
    access_log: str = "off",
) -> Path:
    """Write nginx.conf for these ports and paths into ``run_dir``; return its path."""
    run_dir.mkdir(parents=True, exist_ok=True)
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi", "cache"):
        (run_dir / name).mkdir(exist_ok=True)
    values = {
        "LOAD_MODULES": f"load_module {PURGE_MODULE};",
        # Run by root here (a throw-away machine), nginx's workers would be nobody and could
        # not read the test's private temporary directories. On a server: user www-data.
        "USER": "user root;" if os.geteuid() == 0 else "",
        "WORKERS": workers,
        "RUN_DIR": run_dir,
        "MIME_TYPES": MIME_TYPES,
        "ACCESS_LOG": access_log,
        "CACHE_DIR": run_dir / "cache",
        "UPSTREAM": upstream,
        "LISTEN": listen,
        "MEDIA_ROOT": media_root,
        "PURGE_FROM": "127.0.0.1",
    }
    text = re.sub(r"@([A-Z_]+)@", lambda match: str(values[match.group(1)]), TEMPLATE.read_text())
    conf = run_dir / "nginx.conf"
    conf.write_text(text)
    return conf


def start_nginx(conf: Path) -> subprocess.Popen:
    check = subprocess.run(
        ["nginx", "-t", "-q", "-p", str(conf.parent), "-c", str(conf)],
        capture_output=True,
        text=True,
        check=False,
    )
    if check.returncode:
        raise RuntimeError(f"nginx refused {conf}:\n{check.stderr}")
    return subprocess.Popen(["nginx", "-p", str(conf.parent), "-c", str(conf)])


def start_gunicorn(port: int, env: dict, workers: int = 2, quiet: bool = True):
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "site_app.wsgi",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "30",
        "--graceful-timeout",
        "10",
        "--log-level",
        "warning" if quiet else "info",
    ]
    if not quiet:
        args += ["--access-logfile", "-"]
    return subprocess.Popen(args, cwd=ROOT, env=env)


def wait_until_up(url: str, timeout: float = 60, processes=()) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{process.args[:4]} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (local URL)
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def stop(*processes) -> None:
    for process in processes:
        if process and process.poll() is None:
            process.terminate()
    for process in processes:
        if process:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def local_production_env() -> dict:
    """Production settings pointed at the services on this machine (overridable)."""
    run_dir = ROOT / ".serve-prod"
    run_dir.mkdir(exist_ok=True)
    key_file = run_dir / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(60))
        key_file.chmod(0o600)
    port = os.environ.get("PORT", "8080")
    defaults = {
        "DJANGO_SETTINGS_MODULE": "site_app.settings.production",
        "SECRET_KEY": key_file.read_text().strip(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": "redis://127.0.0.1:6379/1",
        "EMAIL_URL": "smtp://127.0.0.1:1025",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "MEDIA_ROOT": str(ROOT / "media"),
        "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        "FRONTEND_CACHE_URL": f"http://127.0.0.1:{port}",
    }
    return {**defaults, **os.environ, "PORT": port}


def main() -> None:
    reason = missing_tools()
    if reason:
        sys.exit(f"serve-prod: {reason}")
    env = local_production_env()
    Path(env["MEDIA_ROOT"]).mkdir(parents=True, exist_ok=True)
    manage = [sys.executable, "manage.py"]
    # The cache starts empty after these, so they need not purge it (nor wait for it).
    setup_env = {k: v for k, v in env.items() if k != "FRONTEND_CACHE_URL"}
    for command in (["collectstatic", "--noinput", "-v0"], ["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(manage + command, cwd=ROOT, env=setup_env, check=True)
    app_port = free_port()
    conf = render_nginx(
        ROOT / ".serve-prod" / "nginx",
        listen=f"127.0.0.1:{env['PORT']}",
        upstream=f"127.0.0.1:{app_port}",
        media_root=Path(env["MEDIA_ROOT"]),
        access_log="/dev/stdout",
    )
    gunicorn = start_gunicorn(app_port, env, quiet=False)
    worker = subprocess.Popen([*manage, "db_worker"], cwd=ROOT, env=env)
    nginx = start_nginx(conf)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        wait_until_up(f"http://127.0.0.1:{env['PORT']}/healthz", processes=(gunicorn, nginx))
        print(f"serve-prod: http://127.0.0.1:{env['PORT']}/nl/ (Ctrl-C stops)", flush=True)
        while all(process.poll() is None for process in (gunicorn, worker, nginx)):
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        stop(nginx, worker, gunicorn)


if __name__ == "__main__":
    main()
