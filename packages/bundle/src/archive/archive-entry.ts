// What goes into a bundle archive: one regular file per entry, with a normalized mode, taken either from
// a file on disk (streamed) or from bytes in memory (manifest.json, config.json).

/** The only two modes a bundle stores: whether a file is executable is all a runtime needs to know. */
export type ArchiveMode = 0o644 | 0o755

export interface ArchiveEntry {
  /** POSIX path inside the archive, relative, e.g. `code/inference.mjs`. */
  archivePath: string
  mode: ArchiveMode
  /**
   * `sha256`, when the caller already hashed the file (for the manifest), spares the writer hashing it
   * again; the read-back still hashes what landed on disk and compares.
   */
  source: { path: string; size: number; sha256?: string } | { data: Uint8Array }
}

/** The number of bytes an entry's data has. */
export function entrySize(entry: ArchiveEntry): number {
  return 'data' in entry.source ? entry.source.data.byteLength : entry.source.size
}

/**
 * Orders archive paths by their UTF-8 bytes, as `tar --sort=name` and C's strcmp do, so the order does
 * not depend on the locale or on how JavaScript compares UTF-16 code units.
 */
export function compareArchivePaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}
