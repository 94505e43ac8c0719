#!/usr/bin/env bash
# Fetches, for each model named, the run its release.json promotes, when this checkout does not have
# it: runs/ is not in git, and bundling a released model needs exactly that run. Models without a
# release.json are skipped (`pnpm bundle` trains one). The artifact store and credentials come from the
# environment (SAGEPACK_ARTIFACT_STORE, the AWS SDK's usual sources).
set -euo pipefail

for model in "$@"; do
  release="models/$model/release.json"
  [ -f "$release" ] || continue
  run_id=$(jq -r '.runId' "$release")
  if [ -d "runs/$model/$run_id" ]; then
    echo "$model: promoted run $run_id is already here"
  else
    pnpm sagepack runs pull "$model" "$run_id"
  fi
done
