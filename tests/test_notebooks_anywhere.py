"""The notebooks run where a student opens them: the package's wheel and its declared dependencies,
a kernel, and nothing else; the tables downloaded from a server, checked against the package's hashes.

The test builds the wheel once, installs it with ipykernel into a fresh virtual environment (pip's
cache makes a second run fast), serves ``data/`` from 127.0.0.1, and runs every notebook that
``make assignments`` writes (launch copies, student copies, keys) from a folder outside the
repository, with ``AIPARADOX_DATA_URL`` pointing at the server and a home folder of its own (an
empty cache). ``pytest -m anywhere`` selects it.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import subprocess
import sys
import threading
import venv
from pathlib import Path

import nbformat
import pytest

from aiparadox import notebooks
from aiparadox.jupyter_markdown import leftovers
from aiparadox.paths import DATA_DIR, ROOT

pytestmark = pytest.mark.anywhere

KERNEL = "aiparadox-fresh"


def is_chart(output) -> bool:
    """An image, or a Vega-Lite spec that Jupyter draws (whatever Vega-Lite version Altair writes)."""
    return any(k == "image/png" or k.startswith("application/vnd.vegalite.") for k in output.get("data", {}))


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, timeout=1200, **kwargs)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


@pytest.fixture(scope="module")
def fresh_kernel(tmp_path_factory) -> Path:
    """A virtual environment with the wheel, its dependencies and ipykernel, and a kernelspec for it."""
    root = tmp_path_factory.mktemp("anywhere")
    wheels = root / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(wheels), str(ROOT)])
    (wheel,) = wheels.glob("aiparadox-*.whl")
    environment = root / "venv"
    venv.create(environment, with_pip=True, system_site_packages=False)
    python = environment / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", str(wheel), "ipykernel"])
    listed = run([str(python), "-m", "pip", "list", "--format=json"]).stdout
    installed = {p["name"].lower() for p in json.loads(listed)}
    assert not installed & {"myst-nb", "jupytext", "jupyter-book", "nbformat", "pytest"}, (
        "the venv holds only what the wheel declares"
    )
    spec = root / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": KERNEL,
                "language": "python",
            }
        )
    )
    return root


@pytest.fixture(scope="module")
def data_server():
    """data/ served from 127.0.0.1 (a mirror of the repository's published data/)."""
    handler = functools.partial(QuietHandler, directory=str(DATA_DIR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("notebooks")
    # Both editions: a French notebook, its first cell setting its language, runs from the wheel too.
    notebooks.write_editions(out)
    return out


def test_every_generated_notebook_runs_from_the_wheel_alone(
    fresh_kernel: Path, data_server: str, written: Path, monkeypatch
):
    from jupyter_client import KernelManager
    from nbclient import NotebookClient

    home = fresh_kernel / "home"
    home.mkdir()
    monkeypatch.setenv("JUPYTER_PATH", str(fresh_kernel / "jupyter"))
    monkeypatch.setenv("AIPARADOX_DATA_URL", data_server)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("PYTHONPATH", raising=False)
    monkeypatch.delenv("AIPARADOX_DATA_DIR", raising=False)
    monkeypatch.delenv("AIPARADOX_BOOK_BUILD", raising=False)
    paths = sorted(written.rglob("*.ipynb"))
    assert len(paths) >= len(notebooks.chapters()), "every page with code has a launch copy"
    problems = []
    for path in paths:
        name = path.relative_to(written).as_posix()
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "markdown" and (left := leftovers(cell.source)):
                problems.append(f"{name}: MyST left in a Markdown cell: {left}")
        workdir = fresh_kernel / "run" / path.parent.relative_to(written)
        workdir.mkdir(parents=True, exist_ok=True)
        # Kernels talk over sockets in a folder of their own rather than TCP ports, which other
        # processes on a busy machine can take between the choice of a port and its use.
        sockets = fresh_kernel / "sockets" / name.replace("/", "-")
        sockets.mkdir(parents=True)
        manager = KernelManager(kernel_name=KERNEL, transport="ipc", ip=str(sockets / "kernel"))
        client = NotebookClient(
            notebook, km=manager, timeout=300, allow_errors=True, resources={"metadata": {"path": str(workdir)}}
        )
        try:
            client.execute()
        finally:
            # nbclient shuts down only a kernel it started itself: this one is the test's to stop
            # (left running, the 34 notebooks' kernels held about 5 GB until the session ended).
            if manager.has_kernel:
                manager.shutdown_kernel(now=True)
        for number, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            errors = [o for o in cell.outputs if o.output_type == "error"]
            if errors:
                problems.append(f"{name} cell {number}: {errors[0].ename}: {errors[0].evalue}")
            if "book.figure(" in cell.source:
                charts = sum(is_chart(o) for o in cell.outputs)
                if charts == 0:
                    kinds = sorted({k for o in cell.outputs for k in o.get("data", {})})
                    problems.append(f"{name} cell {number}: a figure cell drew no chart (outputs: {kinds})")
                elif charts != cell.source.count("book.figure("):
                    problems.append(
                        f"{name} cell {number}: {charts} charts drawn for {cell.source.count('book.figure(')} figures"
                    )
            for output in cell.outputs:
                plain = output.get("data", {}).get("text/plain", "")
                # (An answer check's True or False is the check's own business: aiparadox.exercises.)
                answer_check = cell.source.strip().splitlines()[-1].startswith("check(")
                if output.output_type == "execute_result" and set(output.data) == {"text/plain"} and not answer_check:
                    problems.append(f"{name} cell {number}: a stray value is shown: {plain[:80]!r}")
            if re.search(r"book\.(facts|number|text)\(", cell.source):
                tables = [o for o in cell.outputs if "In the text as" in o.get("data", {}).get("text/markdown", "")]
                if len(tables) != 1:
                    problems.append(f"{name} cell {number}: {len(tables)} tables of the values it glues (one expected)")
        setup = "".join(o.get("text", "") for o in notebook.cells[0].outputs)
        if re.search(r"(?<![\w.])\d+(\.\d+)?(?![\w.])", re.sub(r"\S*[/:]\S*|\b[0-9a-f]{7,}\b", "", setup)):
            problems.append(f"{name}: the setup cell prints numbers: {setup!r}")
    assert not problems, "\n".join(problems)
