"""The wheel is all a store needs: the generator with its theme, catalogues, schemas and lexicon, no devstore/.

Built with ``pip wheel`` from this repository and installed with the locked dependencies into a fresh virtual
environment, where ``helpcenter new`` writes a two-language help center that checks and builds with no theme/
of its own, and whose requirements.txt finds the wheel in its wheels/ with no index (README.md's flow).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(REPO)],
                   check=True, capture_output=True, timeout=600)
    return next(out.glob("helpcenter-*.whl"))


def test_the_wheel_carries_every_package_the_theme_and_the_data_but_no_development_store(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {path.relative_to(REPO).as_posix() for path in (REPO / "generator").rglob("*")
               if path.is_file() and "__pycache__" not in path.parts}
    assert sources <= names, f"left out of the wheel: {sorted(sources - names)[:5]} (pyproject.toml's packages)"
    theme = {"generator/theme/" + path.relative_to(REPO / "theme").as_posix()
             for path in (REPO / "theme").rglob("*") if path.is_file()}
    assert theme <= names, f"theme files left out: {sorted(theme - names)[:5]}"
    assert not [name for name in names if name.split("/")[0] in {"devstore", "tests", "benchmarks", "theme"}]


def test_every_package_of_the_generator_is_listed(wheel: Path) -> None:
    listed = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"]
    found = {".".join(path.parent.relative_to(REPO).parts) for path in (REPO / "generator").rglob("__init__.py")}
    assert found <= set(listed)


@pytest.mark.slow
def test_in_a_fresh_environment_the_wheel_and_helpcenter_new_build_a_site(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # The wheel with the locked dependencies, as a store's repository installs it: nothing from this environment.
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r", str(REPO / "requirements.lock"), str(wheel)],
                   check=True, capture_output=True, timeout=600)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    helpcenter = env_dir / "bin" / "helpcenter"
    env = {"PATH": f"{env_dir / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path)}

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(helpcenter), *args], cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=600, check=False)

    where = subprocess.run([str(python), "-c", "import generator.theme_location as t; print(t.packaged_theme())"],
                           env=env, cwd=tmp_path, check=True, capture_output=True, text=True).stdout.strip()
    assert where == str(site / "generator" / "theme")
    made = run("new", "shop", "--name", "Surf & Co", "--url", "https://surfco.example", "--locales", "en,fr",
               "--brand-color", "#ff6f59", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    root = tmp_path / "shop"
    assert not (root / "theme").exists()
    # README.md's flow: the wheel goes in the store's wheels/, where its requirements.txt finds it with no index.
    (root / "wheels").mkdir()
    shutil.copy(wheel, root / "wheels")
    resolved = subprocess.run([str(python), "-m", "pip", "install", "--dry-run", "--no-index", "--no-deps",
                               "--ignore-installed", "-r", "requirements.txt"],
                              cwd=root, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert resolved.returncode == 0, resolved.stderr
    assert f"Would install {wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}" in resolved.stdout
    checked = run("check", cwd=root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = run("build", cwd=root)
    assert built.returncode == 0, built.stderr
    for page in ("index.html", "fr/index.html", "orders-and-returns/track-my-order/index.html", "404.html",
                 "assets/stylesheets/hc.css", "assets/javascripts/hc-search-box.js", "robots.txt"):
        assert (root / "site" / page).is_file(), page
    demo = run("serve", "--demo-store", cwd=root)
    assert demo.returncode == 1 and demo.stderr.count("\n") == 1
    assert "pip install helpcenter-devstore" in demo.stderr
