"""Before/after throughput of two checkouts in ONE run, interleaved, on one demo database.

    .venv/bin/python tests/bench/compare.py BASE_DIR [--redis redis://127.0.0.1:6379/13]

``BASE_DIR`` is another checkout of the project (e.g. ``git worktree add /tmp/base main``);
it runs with this checkout's virtualenv. For each page, each cache (local memory; Redis when
``--redis`` is given: the base uses that database number, this checkout the next one, both
flushed first) and each round, gunicorn (2 sync workers) of one checkout then the other is
loaded with wrk, alternating which goes first; medians are printed. On a shared machine the
rates are noisy: read them beside ``profile_pages.py`` (queries, cache calls, CPU per
request), which do not depend on the load. Prints figures; asserts nothing.
"""

import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(HERE))

from deploy.serve_prod import free_port, stop, wait_until_up  # noqa: E402

PAGES = [
    ("home", "/nl/"),
    ("story", "/nl/verhalen/fatma-en-haar-geveltuin/"),
    ("story listing", "/nl/verhalen/"),
    ("wijk page", "/nl/wijken/ledeberg/"),
    ("policy note", "/nl/beleidsnota-participatie/"),
    ("feed (rss)", "/nl/feeds/thema/participatie-en-democratie/rss.xml"),
]
GZIP = ("-H", "Accept-Encoding: gzip")
ROUNDS = int(os.environ.get("COMPARE_ROUNDS", "3"))
SECONDS = int(os.environ.get("COMPARE_SECONDS", "4"))


def wrk(url: str, seconds: int = SECONDS) -> float:
    result = subprocess.run(
        ["wrk", "-t2", "-c4", f"-d{seconds}s", "--timeout", "10s", *GZIP, url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if failed:
        raise RuntimeError(f"{url}: {failed.group(1)} failed responses")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def gunicorn(root: Path, port: int, env: dict):
    args = [sys.executable, "-m", "gunicorn", "site_app.wsgi", "--workers", "2"]
    args += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    return subprocess.Popen(args, cwd=root, env={**env, "PYTHONPATH": str(root)})


def main():
    base = Path(sys.argv[1]).resolve()
    redis = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--redis=")), None)
    # COMPARE_WORKDIR: a folder of an earlier run, to reuse its demo database.
    work = Path(os.environ.get("COMPARE_WORKDIR") or tempfile.mkdtemp(prefix="ssm-compare-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_app.settings.test",
        "DATABASE_URL": f"sqlite:///{work / 'demo.sqlite3'}",
        "TEST_MEDIA_ROOT": str(work / "media"),
    }
    env.pop("REDIS_URL", None)
    if not (work / "demo.sqlite3").exists():
        print(f"Loading the demo into {work} ...", flush=True)
        manage = [sys.executable, "manage.py"]
        for command in (["migrate", "--noinput", "-v0"], ["load_demo", "--no-user", "-v0"]):
            subprocess.run(
                manage + command, cwd=HERE, env=env, check=True, stdout=subprocess.DEVNULL
            )
    caches = [("locmem", {}, {})]
    if redis:
        stem, db = redis.rsplit("/", 1)
        caches.append(
            ("redis", {"REDIS_URL": f"{stem}/{db}"}, {"REDIS_URL": f"{stem}/{int(db) + 1}"})
        )
    results = {}
    for cache_name, base_extra, new_extra in caches:
        for extra in (base_extra, new_extra):
            if extra:
                subprocess.run(["redis-cli", "-u", extra["REDIS_URL"], "flushdb"], check=True)
        ports = {"before": free_port(), "after": free_port()}
        servers = {
            "before": gunicorn(base, ports["before"], {**env, **base_extra}),
            "after": gunicorn(HERE, ports["after"], {**env, **new_extra}),
        }
        try:
            for name, port in ports.items():
                wait_until_up(f"http://127.0.0.1:{port}/healthz", processes=(servers[name],))
            for page, path in PAGES:
                for port in ports.values():
                    wrk(f"http://127.0.0.1:{port}{path}", seconds=1)  # warm both
                figures = {"before": [], "after": []}
                for round_ in range(ROUNDS):
                    order = ["before", "after"] if round_ % 2 == 0 else ["after", "before"]
                    for name in order:
                        figures[name].append(wrk(f"http://127.0.0.1:{ports[name]}{path}"))
                results[(cache_name, page)] = {k: statistics.median(v) for k, v in figures.items()}
                row = results[(cache_name, page)]
                print(
                    f"{cache_name:<7} {page:<14} before {row['before']:7.1f}  after "
                    f"{row['after']:7.1f} req/s  x{row['after'] / max(row['before'], 0.01):.2f}",
                    flush=True,
                )
        finally:
            stop(*servers.values())
    print(
        f"\nMedians of {ROUNDS} interleaved rounds, wrk -t2 -c4 -d{SECONDS}s, gunicorn 2 sync "
        "workers, test settings, SQLite demo database:"
    )
    print(f"{'page':<14} {'cache':<7} {'before':>8} {'after':>8} {'ratio':>6}")
    for (cache_name, page), row in results.items():
        ratio = row["after"] / max(row["before"], 0.01)
        print(
            f"{page:<14} {cache_name:<7} {row['before']:>8.1f} {row['after']:>8.1f} {ratio:>6.2f}"
        )


if __name__ == "__main__":
    main()
