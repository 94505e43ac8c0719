#!/usr/bin/env bash
# For each model the pull request affects, evaluates the run it would ship against the base branch's
# champion: the run its release.json promotes (fetched from the artifact store by an earlier step), or,
# for a model with no release yet, its latest run (trained here when there is none). The base branch's
# release.json names the champion and records its metrics; a model without one on the base branch has
# no champion yet. Each report's headline and slices go to the job summary ($GITHUB_STEP_SUMMARY), its
# HTML stays under runs/<model>/<run>/report/ for the artifact step, and a failed gate fails the script
# after every model is evaluated.
set -euo pipefail

base=${BASE_SHA:?BASE_SHA must name the base branch commit the pull request merges into}
summary=${GITHUB_STEP_SUMMARY:-/dev/stdout}
scratch=$(mktemp -d)
status=0

for model in $(bash "$(dirname "$0")/affected-models.sh" | jq -r '.[]'); do
  # Absent when the base branch released nothing yet: the report then says there is no champion.
  base_release="$scratch/$model-base-release.json"
  git show "$base:models/$model/release.json" >"$base_release" 2>/dev/null || rm -f "$base_release"
  if [ -f "models/$model/release.json" ]; then
    run_id=$(jq -r '.runId' "models/$model/release.json")
    pnpm sagepack evaluate "$model" --run "$run_id" --release-file "$base_release" \
      --markdown "$summary" --fail-on-gate || status=1
  else
    [ -d "runs/$model" ] || pnpm train "$model"
    pnpm sagepack evaluate "$model" --release-file "$base_release" \
      --markdown "$summary" --fail-on-gate || status=1
  fi
done
exit "$status"
