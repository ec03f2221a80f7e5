#!/usr/bin/env sh
# Install Synapse (the Matrix homeserver the Matrix tests run against) into its own virtualenv,
# so that its pinned dependencies never clash with the bot's. Idempotent: does nothing when the
# venv is already there and Synapse imports. Usage: scripts/install-synapse.sh [VENV_DIR]
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
venv=${1:-${SYNAPSE_VENV:-"$here/.cache/synapse-venv"}}
python=${PYTHON:-python3}

if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import synapse.app.homeserver" 2>/dev/null; then
    echo "Synapse already installed in $venv"
    exit 0
fi

echo "Installing matrix-synapse into $venv (about 20 s, 270 MB)..."
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check matrix-synapse
"$venv/bin/python" -c "import synapse; print('Synapse', synapse.__version__, 'installed in $venv')"
