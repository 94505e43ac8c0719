// Writes an exported model into a folder: model.onnx, and model.onnx.data when its weights went to
// external data. Each file is written atomically, the data file first, so model.onnx never names a
// data file that is not complete; a data file left by an earlier, bigger export is removed.
import { open, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '@sagepack/core-data'
import type { OnnxModelFiles } from './export-onnx'
import { type ExternalDataLayout, ONNX_EXTERNAL_DATA_FILE } from './external-data'

export const ONNX_MODEL_FILE = 'model.onnx'

/** Writes the files into `dir` and returns the names written. */
export async function writeOnnxFiles(dir: string, files: OnnxModelFiles): Promise<string[]> {
  const written: string[] = []
  if (files.externalData) {
    await writeExternalData(join(dir, files.externalData.location), files.externalData)
    written.push(files.externalData.location)
  } else {
    await rm(join(dir, ONNX_EXTERNAL_DATA_FILE), { force: true })
  }
  await writeFileAtomic(join(dir, ONNX_MODEL_FILE), Buffer.from(files.model))
  return [ONNX_MODEL_FILE, ...written]
}

/** Streams the tensors to a temp file at their offsets (the gaps stay zeros), then renames it into place. */
async function writeExternalData(path: string, layout: ExternalDataLayout): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`
  const file = await open(temp, 'w')
  try {
    for (const tensor of layout.tensors)
      await file.write(tensor.bytes, 0, tensor.bytes.byteLength, tensor.offset)
    await file.truncate(layout.size)
    await file.sync()
  } catch (error) {
    await file.close()
    await rm(temp, { force: true })
    throw error
  }
  await file.close()
  await rename(temp, path)
}
