"""Claims of docs/questions/os-path-vs-sys-path.md."""

from __future__ import annotations

import functools
import importlib
import json
import ntpath
import os
import posixpath
import subprocess
import sys
import types
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from snippets.os_path_vs_sys_path import paths as pa
from snippets.os_path_vs_sys_path import transcribe as tr

ON_POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX values")


@functools.cache
def runs() -> list[str]:
    """The transcript's runs, made once per test session."""
    return tr.first_entry().split("\n\n")


def python(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=tr.child_environment(**(env or {})),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


# os.path -------------------------------------------------------------------------


@ON_POSIX
def test_os_path_is_the_posixpath_module() -> None:
    assert isinstance(os.path, types.ModuleType)
    assert os.path is posixpath
    assert os.path.__name__ == "posixpath"
    assert sys.modules["os.path"] is os.path


def test_both_flavours_are_importable_anywhere() -> None:
    assert posixpath.join("srv", "app", "settings.py") == "srv/app/settings.py"
    assert ntpath.join("C:\\", "srv", "settings.py") == "C:\\srv\\settings.py"


@ON_POSIX
def test_path_functions_work_on_strings() -> None:
    config = pa.config
    assert os.path.dirname(config) == "/srv/app/releases/2026-11"
    assert os.path.basename(config) == "config.prod.toml"
    assert os.path.splitext(config)[1] == ".toml"
    assert os.path.normpath("/srv/app/../app/./static//css") == "/srv/app/static/css"
    assert os.path.relpath("/srv/app/static", start="/srv/app/releases") == "../static"
    assert os.path.basename("/srv/app/") == ""
    assert not os.path.isabs("srv/app")
    assert os.path.isabs("/srv/app")


def test_only_some_path_functions_touch_the_disk(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir"
    assert os.path.join(missing, "file.txt").endswith("dir/file.txt")
    assert not os.path.exists(missing)
    assert os.path.isdir(tmp_path)


@ON_POSIX
def test_join_discards_everything_before_an_absolute_part() -> None:
    assert os.path.join("/a", "/b") == "/b"
    assert os.path.join("/srv/uploads", "/etc/passwd") == "/etc/passwd"
    assert (
        os.path.join("/srv/uploads", "../settings.py") == "/srv/uploads/../settings.py"
    )
    assert str(PurePosixPath("/srv/uploads") / "/etc/passwd") == "/etc/passwd"


def test_windows_keeps_the_drive_for_a_rooted_part() -> None:
    assert ntpath.join("c:\\foo", "d:\\bar") == "d:\\bar"
    assert str(PureWindowsPath("c:/Windows", "/Program Files")) == "c:\\Program Files"


def test_upload_path_refuses_escapes(tmp_path: Path) -> None:
    base = tmp_path.resolve()
    assert pa.upload_path(tmp_path, "avatar.png") == base / "avatar.png"
    assert pa.upload_path(tmp_path, "2026/11/r.pdf") == base / "2026/11/r.pdf"
    for name in ["/etc/passwd", "../x.py", "a/../../x.py"]:
        with pytest.raises(ValueError, match="escapes the upload folder"):
            pa.upload_path(tmp_path, name)


def test_upload_path_follows_symlinks_out(tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "link").symlink_to(tmp_path)
    with pytest.raises(ValueError, match="escapes"):
        pa.upload_path(uploads, "link/secret.txt")


# pathlib --------------------------------------------------------------------------


def test_pathlib_parts_of_a_path() -> None:
    release = pa.release
    assert (release.name, release.stem, release.suffix) == (
        "config.prod.toml",
        "config.prod",
        ".toml",
    )
    assert release.suffixes == [".prod", ".toml"]
    assert str(release.parent) == "/srv/app/releases"
    assert release.with_suffix(".json").name == "config.prod.json"
    assert release.parts == ("/", "srv", "app", "releases", "config.prod.toml")
    assert os.fspath(release) == "/srv/app/releases/config.prod.toml"
    assert isinstance(release, os.PathLike)


def test_os_functions_accept_path_objects(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("deploy at noon\n")
    assert os.path.getsize(notes) == len("deploy at noon\n")
    assert os.path.exists(notes)


# sys.path ------------------------------------------------------------------------


def test_sys_path_is_a_list_of_strings_with_the_stdlib() -> None:
    assert isinstance(sys.path, list)
    assert all(isinstance(entry, str) for entry in sys.path)
    assert os.path.dirname(os.__file__) in sys.path
    assert pa.json_home in sys.path
    assert any(entry.endswith("site-packages") for entry in sys.path)


def test_a_directory_added_to_sys_path_makes_its_modules_importable(
    tmp_path: Path,
) -> None:
    (tmp_path / "handbook_test_plugin.py").write_text("VALUE = 42\n")
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("handbook_test_plugin")
    before = list(sys.path)
    try:
        module = pa.import_from(str(tmp_path), "handbook_test_plugin")
        assert module.VALUE == 42
        assert sys.path == before  # import_from removed the folder again
        # Once imported, the module stays importable from the cache:
        assert importlib.import_module("handbook_test_plugin") is module
    finally:
        sys.modules.pop("handbook_test_plugin", None)


def test_the_snippet_cleaned_up_after_itself() -> None:
    assert "handbook_plugin" not in sys.modules
    assert not hasattr(sys, "handbook_pth_ran")
    assert not any("handbook" in entry for entry in sys.path)


def test_pth_file_adds_existing_directories_and_runs_import_lines(
    tmp_path: Path,
) -> None:
    import site

    (tmp_path / "vendor").mkdir()
    (tmp_path / "handbook.pth").write_text(pa.PTH)
    before = list(sys.path)
    try:
        site.addsitedir(str(tmp_path))
        added = sys.path[len(before) :]
        assert added == [str(tmp_path), str(tmp_path / "vendor")]
        assert str(tmp_path / "not-there") not in sys.path
        assert sys.handbook_pth_ran is True
    finally:
        sys.path[:] = before
        if hasattr(sys, "handbook_pth_ran"):
            del sys.handbook_pth_ran


# How sys.path starts (child interpreters) --------------------------------------


def test_a_script_puts_its_own_directory_first() -> None:
    script = runs()[0]
    assert "$ python project/where.py" in script
    assert "sys.path[0]: '<tmp>/project'" in script
    assert "imported the local json.py: True" in script


def test_dash_m_puts_the_current_directory_first() -> None:
    module = runs()[1]
    assert "[<tmp>/project]$ python -m where" in module
    assert "sys.path[0]: '<tmp>/project'" in module


def test_dash_c_puts_the_empty_string_first_and_it_means_cwd() -> None:
    inline = runs()[2]
    assert "sys.path[0]: ''" in inline
    assert "imported the local json.py: True" in inline


@pytest.mark.parametrize("index", [3, 4], ids=["-P", "PYTHONSAFEPATH"])
def test_safe_path_drops_the_first_entry(index: int) -> None:
    safe = runs()[index]
    assert "sys.path[0]: <standard library of the installation>" in safe
    assert "imported the local json.py: False" in safe


def test_pythonpath_comes_after_the_first_entry_and_before_the_stdlib() -> None:
    text = runs()[5]
    assert "sys.path[0]: '<tmp>/project'" in text
    assert "sys.path[1]: '<tmp>/extra'" in text


def test_isolated_mode_implies_safe_path(tmp_path: Path) -> None:
    (tmp_path / "json.py").write_text("SHADOW = True\n")
    (tmp_path / "probe.py").write_text(
        "import json, sys\nprint(sys.flags.safe_path, hasattr(json, 'SHADOW'))\n"
    )
    assert python("probe.py", cwd=tmp_path).stdout.split() == ["False", "True"]
    assert python("-P", "probe.py", cwd=tmp_path).stdout.split() == ["True", "False"]
    assert python("-I", "probe.py", cwd=tmp_path).stdout.split() == ["True", "False"]


def test_a_symlinked_script_gets_its_real_directory(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "probe.py").write_text("import sys\nprint(sys.path[0])\n")
    links = tmp_path / "links"
    links.mkdir()
    (links / "probe.py").symlink_to(real / "probe.py")
    printed = python(str(links / "probe.py"), cwd=tmp_path).stdout.strip()
    assert Path(printed) == real.resolve()


def test_modules_imported_at_startup_cannot_be_shadowed(tmp_path: Path) -> None:
    (tmp_path / "os.py").write_text("SHADOW = True\n")
    code = "import os; print(hasattr(os, 'SHADOW'))"
    assert python("-c", code, cwd=tmp_path).stdout.strip() == "False"


def test_built_in_modules_are_found_before_sys_path(tmp_path: Path) -> None:
    (tmp_path / "gc.py").write_text("SHADOW = True\n")
    code = (
        "import sys; print('gc' in sys.modules)\n"
        "import gc; print(hasattr(gc, 'SHADOW'))\n"
    )
    assert "gc" in sys.builtin_module_names
    assert python("-c", code, cwd=tmp_path).stdout.split() == ["False", "False"]


@pytest.mark.skipif(sys.version_info < (3, 13), reason="hint added in 3.13")
def test_313_names_the_shadowing_file(tmp_path: Path) -> None:
    (tmp_path / "json.py").write_text("x = 1\n")
    (tmp_path / "main.py").write_text("import json\njson.dumps({})\n")
    result = subprocess.run(
        [sys.executable, "main.py"],
        cwd=tmp_path,
        env=tr.child_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "consider renaming" in result.stderr
    assert "same name as the standard library module" in result.stderr


def test_describe_hides_temporary_and_installation_paths() -> None:
    assert tr.describe("sys.path[0]: '/t/p'", "/t") == "sys.path[0]: '<tmp>/p'"
    shown = tr.describe("x: '/opt/lib/site-packages'", "/t")
    assert shown == "x: <site-packages of the installation>"


# Explanation, pitfalls and follow-ups ------------------------------------------


@ON_POSIX
def test_path_functions_take_bytes_too() -> None:
    assert os.path.join(b"/srv", b"app") == b"/srv/app"
    assert os.path.basename(PurePosixPath("/srv/app.py")) == "app.py"


@ON_POSIX
def test_the_stdlib_entries_include_a_zip_even_if_absent() -> None:
    zip_name = f"python{sys.version_info.major}{sys.version_info.minor}.zip"
    zips = [entry for entry in sys.path if entry.endswith(zip_name)]
    assert zips, "pythonXY.zip is listed"
    assert any(entry.endswith("lib-dynload") for entry in sys.path)


def test_dash_capital_s_leaves_site_packages_out(tmp_path: Path) -> None:
    code = "import sys; print(any('site-packages' in e for e in sys.path))"
    assert python("-c", code, cwd=tmp_path).stdout.strip() == "True"
    assert python("-S", "-c", code, cwd=tmp_path).stdout.strip() == "False"


def test_a_folder_with_main_is_its_own_first_entry(tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "__main__.py").write_text("import sys\nprint(sys.path[0])\n")
    assert Path(python("app", cwd=tmp_path).stdout.strip()) == app


def test_relative_imports_need_dash_m(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "helpers.py").write_text("NAME = 'helpers'\n")
    (package / "main.py").write_text("from .helpers import NAME\nprint(NAME)\n")
    assert python("-m", "package.main", cwd=tmp_path).stdout.strip() == "helpers"
    as_script = subprocess.run(
        [sys.executable, "package/main.py"],
        cwd=tmp_path,
        env=tr.child_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert as_script.returncode != 0
    assert "ImportError" in as_script.stderr


@pytest.mark.skipif(sys.prefix == sys.base_prefix, reason="needs a virtual env")
def test_a_virtual_environment_moves_prefix_but_not_base_prefix() -> None:
    assert (Path(sys.prefix) / "pyvenv.cfg").exists()
    assert sys.prefix != sys.base_prefix
    assert any(entry.startswith(sys.prefix) for entry in sys.path)
    assert os.path.dirname(os.__file__).startswith(sys.base_prefix)


def test_trailing_slashes() -> None:
    assert os.path.basename("/srv/app/") == ""
    assert os.path.dirname("/srv/app/") == "/srv/app"
    assert PurePosixPath("/srv/app/").name == "app"


def test_a_few_os_path_helpers_have_no_pathlib_twin() -> None:
    assert not hasattr(Path, "expandvars")
    assert not hasattr(Path, "commonpath")
    assert os.path.commonpath(["/srv/app/a", "/srv/app/b"]) == "/srv/app"


def test_ruff_a005_reports_a_module_named_like_the_stdlib() -> None:
    result = subprocess.run(
        [
            *(sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated"),
            *("--select", "A005", "--output-format", "concise"),
            *("--stdin-filename", "json.py", "-"),
        ],
        input="x = 1\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "A005" in result.stdout


@ON_POSIX
def test_the_user_site_comes_before_the_installation_site(tmp_path: Path) -> None:
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    user_site = tmp_path / "lib" / version / "site-packages"
    user_site.mkdir(parents=True)
    code = "import json, sys; print(json.dumps(sys.path))"
    result = subprocess.run(
        [sys._base_executable, "-c", code],  # the interpreter, outside any venv
        env=tr.child_environment(PYTHONUSERBASE=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    entries = json.loads(result.stdout)
    user = entries.index(str(user_site))
    others = [
        i
        for i, entry in enumerate(entries)
        if entry.endswith(("site-packages", "dist-packages")) and i != user
    ]
    assert others, "the installation has a site-packages directory"
    assert user < min(others)


@pytest.mark.skipif(sys.prefix == sys.base_prefix, reason="needs a virtual env")
def test_a_venv_without_system_packages_skips_the_user_site() -> None:
    config = (Path(sys.prefix) / "pyvenv.cfg").read_text()
    if "include-system-site-packages = true" in config:
        pytest.skip("this environment includes the system site-packages")
    result = subprocess.run(
        [sys.executable, "-c", "import site; print(site.ENABLE_USER_SITE)"],
        env=tr.child_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "False"


# Predict the output ------------------------------------------------------------


def test_predict_join_absolute(predict) -> None:
    out = predict("os_path_vs_sys_path/predict.py:join_absolute")
    # An absolute part restarts the path; ".." stays as text, unresolved.
    assert out.splitlines() == [
        "/srv/uploads/avatar.png",
        "/etc/passwd",
        "/b/c",
        "/srv/uploads/../settings.py",
    ]


def test_predict_join_empty(predict) -> None:
    out = predict("os_path_vs_sys_path/predict.py:join_empty")
    # An empty first part adds nothing; an empty last part adds a trailing slash,
    # after which basename is empty.
    assert out.splitlines() == ["'app.py'", "'srv/'", "'srv/app.py'", "''"]


def test_predict_split_names(predict) -> None:
    out = predict("os_path_vs_sys_path/predict.py:split_names")
    # basename/dirname split at the last "/"; splitext takes only the last
    # suffix and ignores leading dots; normpath cannot climb above "/".
    assert out.splitlines() == [
        "''",
        "/srv/app",
        "('backup.tar', '.gz')",
        "('.bashrc', '')",
        "/etc",
    ]


def test_predict_first_entry_wins(predict) -> None:
    out = predict("os_path_vs_sys_path/predict.py:first_entry_wins")
    # The first sys.path entry that has the module wins; later changes to
    # sys.path do not touch a module already in sys.modules; reload searches again.
    assert out.splitlines() == ["a", "a", "b"]
    assert "handbook_settings" not in sys.modules
