#!/usr/bin/env bash
# Prints the models (folder names under models/) as one JSON array: those affected since the commit in
# TURBO_SCM_BASE when it is set, else every model. ci.yml and deploy.yml build their model lists here.
set -euo pipefail

# turbo counts a model as affected when its folder changed or a package it depends on did.
if [ -n "${TURBO_SCM_BASE:-}" ]; then
  pnpm exec turbo ls --affected --output=json
else
  pnpm exec turbo ls --output=json
fi | jq -c '[.packages.items[] | select(.path | startswith("models/")) | .path | ltrimstr("models/")] | sort'
