// Imports an optional package at run time and tells "not installed" apart from "installed but broken".

export type ImportModule = (spec: string) => Promise<unknown>

export type ImportOutcome =
  | { ok: true; module: unknown }
  | { ok: false; notInstalled: boolean; message: string }

/** Node's own importer; the specifier is a variable so bundlers leave optional native packages external. */
export const importWithNode: ImportModule = (spec) => import(spec)

export async function tryImport(spec: string, importModule: ImportModule): Promise<ImportOutcome> {
  try {
    return { ok: true, module: await importModule(spec) }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, notInstalled: isMissingPackage(error, spec), message }
  }
}

/**
 * True only when `spec` itself is missing: a package that is installed but lacks one of its own
 * dependencies (or its native library) is a different problem the user has to see.
 */
function isMissingPackage(error: unknown, spec: string): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as NodeJS.ErrnoException).code
  const missing =
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    /Cannot find (package|module)/.test(error.message)
  return missing && error.message.includes(`'${spec}'`)
}
