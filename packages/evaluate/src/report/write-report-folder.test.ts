import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeReportFiles, writeReportFolder } from './write-report-folder'

describe('the report folder appears whole or not at all', () => {
  it('writes into a temporary folder and renames it into place, replacing an older report', async () => {
    const run = mkdtempSync(join(tmpdir(), 'report-folder-'))
    await writeReportFolder(run, (dir) => writeReportFiles(dir, { 'index.html': 'one', 'report.json': '{}' }))
    const dir = await writeReportFolder(run, (dir) => writeReportFiles(dir, { 'index.html': 'two' }))
    expect(dir).toBe(join(run, 'report'))
    expect(readdirSync(run)).toEqual(['report'])
    expect(readdirSync(dir)).toEqual(['index.html'])
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('two')
  })

  it('leaves no report and no temporary folder when writing fails half-way', async () => {
    const run = mkdtempSync(join(tmpdir(), 'report-folder-'))
    const failing = writeReportFolder(run, async (dir) => {
      await writeFile(join(dir, 'report.json'), '{}')
      throw new Error('rendering failed')
    })
    await expect(failing).rejects.toThrow('rendering failed')
    expect(readdirSync(run)).toEqual([])
  })

  it('keeps the previous report when the new one fails', async () => {
    const run = mkdtempSync(join(tmpdir(), 'report-folder-'))
    await writeReportFolder(run, (dir) => writeReportFiles(dir, { 'index.html': 'old' }))
    await expect(writeReportFolder(run, () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(readdirSync(run)).toEqual(['report'])
    expect(readFileSync(join(run, 'report', 'index.html'), 'utf8')).toBe('old')
    expect(existsSync(join(run, 'report', 'report.json'))).toBe(false)
  })
})
