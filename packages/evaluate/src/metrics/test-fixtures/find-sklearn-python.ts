// A Python that has scikit-learn, for the tests that compare our metrics with its: $SAGEPACK_PYTHON,
// Debian's /usr/bin/python3 (python3-sklearn; a pyenv python3 earlier on PATH often lacks it), then
// python3 on PATH. None: an error that says how to install it.
import { spawnSync } from 'node:child_process'

export function findSklearnPython(): string {
  const candidates = [process.env.SAGEPACK_PYTHON, '/usr/bin/python3', 'python3'].filter(
    (candidate): candidate is string => Boolean(candidate),
  )
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import sklearn'], { stdio: 'ignore' })
    if (probe.status === 0) return python
  }
  throw new Error(
    `no Python with scikit-learn: tried ${candidates.join(', ')}. Install Debian's python3-sklearn ` +
      '(apt-get install -y python3-sklearn; .ci/run does when it is missing), or set SAGEPACK_PYTHON ' +
      'to a python that can `import sklearn`.',
  )
}
