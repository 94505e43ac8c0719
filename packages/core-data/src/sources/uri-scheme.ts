// Tells a URI's scheme from a plain path, the same way for dataset locations and artifact stores.

/** The URI's scheme in lower case (`s3`, `file`), or undefined for a plain path. */
export function schemeOf(uri: string): string | undefined {
  // `file:/x` is a valid file URI without `//`; other schemes need `//` so that a relative path
  // with a colon (or a Windows drive, `C:\data`) is still taken as a path.
  if (/^file:/i.test(uri)) return 'file'
  return /^([a-z][a-z0-9+.-]+):\/\//i.exec(uri)?.[1]?.toLowerCase()
}
