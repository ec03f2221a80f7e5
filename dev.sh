#!/usr/bin/env bash
# The project's one entry point on a fresh machine (only Python 3.11+ and the package registries needed):
#   ./dev.sh run    set up, then run the bot (the terminal demo when no platform is configured)
#   ./dev.sh test   set up, then run ruff, mypy --strict and the whole test suite
#   ./dev.sh bench  set up, then run every benchmark and print the figures
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}

setup() {
    if [ ! -x .venv/bin/python ]; then
        "$PYTHON" -m venv .venv
    fi
    # Reinstall only when the dependency list changed.
    local stamp=".venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
    if [ ! -f "$stamp" ]; then
        .venv/bin/python -m pip install --quiet --upgrade pip
        .venv/bin/python -m pip install --quiet -e ".[test]"
        touch "$stamp"
    fi
}

command=${1:-run}
[ $# -gt 0 ] && shift
case "$command" in
    run)
        setup
        exec .venv/bin/circlebot run "$@"
        ;;
    demo)
        setup
        exec .venv/bin/circlebot demo "$@"
        ;;
    test)
        setup
        scripts/install-synapse.sh >&2  # the Matrix tests run against a real homeserver, in its own venv
        .venv/bin/ruff check bot tests benchmarks
        .venv/bin/mypy
        exec .venv/bin/pytest "$@"
        ;;
    bench)
        setup
        exec .venv/bin/python -m benchmarks "$@"
        ;;
    *)
        echo "usage: ./dev.sh run|demo|test|bench [args]" >&2
        exit 2
        ;;
esac
