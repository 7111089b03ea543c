#!/usr/bin/env bash
# The Python package's tests, as a user would run them: a virtual environment (build/venv,
# created once and reused), `pip install ".[test]"` from the repository root (which builds
# sla._core with the project's CMake against the system C++ libraries), then from outside the
# source tree: pytest (tests/python), mypy.stubtest on the hand-written stub, mypy --strict on
# the package, the three examples on small data (each checks its own result), and a quick run
# of the pandas benchmark so that it cannot rot. Called by scripts/test.sh after the C++ build
# (tests/python compare Engine.evaluate with the command line at build/sla).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
python=${SLA_PYTHON:-python3}
venv=$root/build/venv

if [ ! -x "$venv/bin/python" ]; then
  echo "== python: creating $venv with $($python --version)"
  "$python" -m venv "$venv"
fi
py=$venv/bin/python
"$py" -m pip install --quiet --upgrade pip
echo "== python: pip install .[test] (builds sla._core)"
CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)} \
  "$py" -m pip install --quiet "$root[test]"

# Everything below runs outside the source tree, so `import sla` must find the installed package.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$py" -c "import sla, sys; assert sla.__file__.startswith('$venv'), sla.__file__; print('sla', sla.__version__, 'from', sla.__file__)"

echo "== python: pytest"
SLA_CLI=$root/build/sla "$py" -m pytest -q -p no:cacheprovider --rootdir "$root" -c "$root/pyproject.toml" "$root/tests/python"

echo "== python: mypy.stubtest and mypy --strict"
"$py" -m mypy.stubtest --mypy-config-file "$root/pyproject.toml" \
  --allowlist "$root/bindings/python/stubtest-allowlist.txt" sla
"$py" -m mypy --strict --config-file "$root/pyproject.toml" --cache-dir "$work/.mypy_cache" -p sla

echo "== python: examples"
"$py" "$root/examples/python/due_times.py"
"$py" "$root/examples/python/attainment.py" --tickets 300 --chart "$work/attainment.png"
"$py" "$root/examples/python/dask_attainment.py" --tickets 800 --partitions 4 --workers 2

echo "== python: benchmark (quick run; figures are not checked)"
"$py" "$root/bench/python_vs_pandas.py" --quick
