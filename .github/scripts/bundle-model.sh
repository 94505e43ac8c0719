#!/usr/bin/env bash
# Builds models/<model>/dist/model.tar.gz on a fresh runner. runs/ is not in git, so a model whose
# release.json names a run gets that run from the artifact store first; `pnpm bundle` trains a run for
# a model that names none.
set -euo pipefail
model=$1

bash "$(dirname "$0")/pull-released-runs.sh" "$model"
pnpm bundle "$model"
