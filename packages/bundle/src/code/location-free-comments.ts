// esbuild heads each module in its output with a comment naming the source file relative to the
// working directory. For a file outside the workspace (a dependency in a shared store such as pnpm's
// global virtual store, or a linked package) that path climbs out with `../`, so the bytes of the
// module would depend on where the checkout sits. Those comments are rewritten to name the file by its
// package instead: `// <package name>/<path in the package>`, the same from every checkout.
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/**
 * `text` with each `// ../…` module comment for one of `inputs` (the metafile's input paths, relative
 * to `workingDir`) renamed; every other line is left exactly as it is.
 */
export function locationFreeComments(text: string, inputs: readonly string[], workingDir: string): string {
  const renamed = new Map<string, string>()
  for (const input of inputs) {
    if (input.startsWith('../')) renamed.set(`// ${input}`, `// ${packagePath(resolve(workingDir, input))}`)
  }
  if (renamed.size === 0) return text
  return text
    .split('\n')
    .map((line) => renamed.get(line) ?? line)
    .join('\n')
}

/** `<name>/<path>` from the nearest package.json with a name, or the file's own name when there is none. */
function packagePath(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const name = packageName(join(dir, 'package.json'))
    if (name) return `${name}/${relative(dir, file).split(sep).join('/')}`
  }
  return file.split(sep).pop() ?? file
}

function packageName(manifest: string): string | undefined {
  try {
    const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }
    return typeof name === 'string' && name !== '' ? name : undefined
  } catch {
    return undefined
  }
}
