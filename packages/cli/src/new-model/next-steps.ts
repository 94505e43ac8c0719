// What to run after `sagepack new-model`: the whole path from a first local run to a merged PR.
import { LINK_NEW_PACKAGE } from './install-workspace'
import { modelPackageName } from './model-name-free'

export function nextSteps(name: string, options: { installed: boolean }): string {
  const folder = `models/${name}`
  return [
    'Next steps:',
    ...(options.installed
      ? []
      : ['  Link the new package first (pnpm install was skipped):', `    ${LINK_NEW_PACKAGE}`]),
    `  Train it here (a run in runs/${name}/), bundle the run for SageMaker, serve the bundle on :8080:`,
    `    pnpm train ${name}`,
    `    pnpm bundle ${name}`,
    `    pnpm serve ${name}`,
    "  Predict the request a deploy smoke-tests the endpoint with, and run the model's own tests:",
    `    pnpm predict ${name} --input ${folder}/inference/example.json`,
    `    pnpm --filter ${modelPackageName(name)} test`,
    '  Pick the run to deploy, promote it (release.json names it), and share it for CI:',
    `    pnpm sagepack runs list ${name}`,
    `    pnpm sagepack runs promote ${name} <run-id>`,
    `    pnpm sagepack runs push ${name} <run-id>`,
    '  Open a pull request: CI tests and bundles the model; the merge deploys it to staging, then prod:',
    `    git switch -c add-${name}-model`,
    `    git add ${folder} .github/CODEOWNERS pnpm-lock.yaml`,
    `    git commit -m "Add the ${name} model"`,
    '    git push -u origin HEAD && gh pr create --fill',
    '',
  ].join('\n')
}
