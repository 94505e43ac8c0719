// Lists the files of a folder that go into a bundle, refusing anything that could leak or escape:
// links to outside the folder, paths that would extract elsewhere, and files that look like secrets.
// Symlinks inside the folder are stored as the file they point to; directories are not stored.
import type { Stats } from 'node:fs'
import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { type ArchiveMode, compareArchivePaths } from '../archive/archive-entry'
import { archivePathProblem } from '../archive/archive-path'
import { loadBundleIgnore } from './bundle-ignore'
import { secretDirectoryReason, secretFileReason, secretNameReason } from './secret-files'

export interface BundleFile {
  /** POSIX path inside the archive, no leading slash: the prefix plus the path in the folder. */
  archivePath: string
  /** The file to read: the real path, symlinks resolved. */
  sourcePath: string
  size: number
  mode: ArchiveMode
}

export interface CollectBundleFilesOptions {
  /** Put in front of every path, e.g. `code/`; '' (the default) for the archive's top level. */
  archivePrefix?: string
  /** A .bundleignore (see bundle-ignore.ts), patterns relative to rootDir; a missing file ignores nothing. */
  ignoreFile?: string
}

const IGNORE_HINT = 'or list it in .bundleignore to leave it out'

export async function collectBundleFiles(
  rootDir: string,
  options: CollectBundleFilesOptions = {},
): Promise<BundleFile[]> {
  const prefix = checkedPrefix(options.archivePrefix ?? '')
  const root = await realFolder(rootDir)
  const ignore = await loadBundleIgnore(options.ignoreFile)
  // Compared with real paths below; a .bundleignore inside the folder is not bundled itself.
  const ignoreFile =
    options.ignoreFile === undefined ? undefined : await realpath(options.ignoreFile).catch(() => undefined)
  const files: BundleFile[] = []
  /** Real paths of the bundled files by inode, to tell hard links within the folder from links out of it. */
  const linksByInode = new Map<string, { stats: Stats; paths: Set<string>; shownAs: string }>()
  const shown = (path: string) => join(rootDir, path)

  const addFile = async (path: string, sourcePath: string, stats: Stats) => {
    const reason = await secretFileReason(path, sourcePath)
    if (reason) throw secretFile(shown(path), reason)
    const archivePath = prefix + path
    const problem = archivePathProblem(archivePath)
    if (problem) {
      throw new UserError({
        input: shown(path),
        problem: `cannot be stored in a bundle as ${JSON.stringify(archivePath)}: ${problem}`,
        fix: `rename the file, ${IGNORE_HINT}`,
      })
    }
    const mode: ArchiveMode = (stats.mode & 0o111) !== 0 ? 0o755 : 0o644
    files.push({ archivePath, sourcePath, size: stats.size, mode })
    const inode = `${stats.dev}:${stats.ino}`
    const links = linksByInode.get(inode) ?? { stats, paths: new Set<string>(), shownAs: shown(path) }
    links.paths.add(sourcePath)
    linksByInode.set(inode, links)
  }

  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(join(root, dir), { withFileTypes: true })
    entries.sort((a, b) => compareArchivePaths(a.name, b.name))
    for (const entry of entries) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`
      const absolute = join(root, path)
      if (absolute === ignoreFile || ignore.ignores(path, entry.isDirectory())) continue
      if (entry.isDirectory()) {
        const reason = secretDirectoryReason(path)
        if (reason) throw secretFile(`${shown(path)}${sep}`, reason)
        await walk(path)
      } else if (entry.isSymbolicLink()) {
        const target = await linkTarget(root, absolute, shown(path))
        const targetStats = await stat(target)
        if (!targetStats.isFile()) throw notAFile(shown(path), 'a symlink to something other than a file')
        // The link's name may be harmless while its target is `.env`, left out or not.
        const reason = secretNameReason(relative(root, target).split(sep).join('/'))
        if (reason) throw secretFile(shown(path), `it links to ${relative(root, target)}, and ${reason}`)
        await addFile(path, target, targetStats)
      } else if (entry.isFile()) {
        await addFile(path, absolute, await lstat(absolute))
      } else {
        throw notAFile(shown(path), 'neither a file, a directory nor a symlink (a socket, pipe or device?)')
      }
    }
  }

  await walk('')
  for (const { stats, paths, shownAs } of linksByInode.values()) {
    if (stats.nlink > paths.size) {
      throw new UserError({
        input: shownAs,
        problem: `is a hard link (${stats.nlink} names) to a file outside the folder or left out of the bundle`,
        expected: 'files that belong to the folder alone',
        fix: `replace it by a copy (cp --remove-destination <source> ${shownAs}), ${IGNORE_HINT}`,
      })
    }
  }
  return files.sort((a, b) => compareArchivePaths(a.archivePath, b.archivePath))
}

function checkedPrefix(prefix: string): string {
  if (prefix === '') return prefix
  const problem = prefix.endsWith('/') ? archivePathProblem(prefix.slice(0, -1)) : 'it does not end with /'
  if (problem) {
    throw new UserError({
      input: `archive prefix ${JSON.stringify(prefix)}`,
      problem: `cannot be used: ${problem}`,
      expected: "'' or a relative folder path ending in /, e.g. 'code/'",
    })
  }
  return prefix
}

async function realFolder(rootDir: string): Promise<string> {
  try {
    const root = await realpath(rootDir)
    if ((await stat(root)).isDirectory()) return root
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  throw new UserError({ input: rootDir, problem: 'is not a folder', expected: 'the folder to bundle' })
}

/** The real path a symlink resolves to, refused when it does not resolve or resolves outside `root`. */
async function linkTarget(root: string, absolute: string, shownAs: string): Promise<string> {
  let target: string
  try {
    target = await realpath(absolute)
  } catch {
    throw notAFile(shownAs, 'a symlink that points to nothing (or loops)')
  }
  if (target !== root && !target.startsWith(root + sep)) {
    throw new UserError({
      input: shownAs,
      problem: `is a symlink to ${target}, outside the folder being bundled`,
      expected: 'files inside the folder, or symlinks to files inside it',
      fix: `copy the file into the folder instead of linking to it, ${IGNORE_HINT}`,
    })
  }
  return target
}

function secretFile(shownAs: string, reason: string): UserError {
  return new UserError({
    input: shownAs,
    problem: `looks like a secret and will not be bundled: ${reason}`,
    fix: `move it out of the folder, ${IGNORE_HINT}`,
  })
}

function notAFile(shownAs: string, what: string): UserError {
  return new UserError({
    input: shownAs,
    problem: `is ${what}`,
    expected: 'regular files (bundles store files only)',
    fix: `replace it by the file it stands for, ${IGNORE_HINT}`,
  })
}
