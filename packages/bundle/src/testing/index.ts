// Test support for packages that write or read archives: independent readers (GNU tar, Python's
// tarfile, node-tar) and tree digests to compare what each extracts.
export { extractWith, python, sha256Of, tempDir, treeDigests } from './archive-readers'
export { type GzipBomb, writeGzipBomb } from './gzip-bomb'
export { SAMPLE_MANIFEST_HEADER } from './sample-manifest-header'
