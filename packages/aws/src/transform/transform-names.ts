// Names SageMaker accepts (see core-train's sagemaker-name.ts) for what a batch transform creates: the
// model, named by the bundle's digest so one bundle is one SageMaker model, and the job, by time. The
// digest or time stamp is always whole; a long model name is shortened and followed by its hash, so two
// models whose names share a long beginning never share a job.
import { sageMakerName } from '@sagepack/core-train'
import { timeStamp } from '../platform/time-stamp'

export function transformModelName(model: string, bundleSha256: string): string {
  return sageMakerName(`sagepack-${model}`, bundleSha256.slice(0, 12))
}

/** `sagepack-<model>-20261123-164512`: sortable, and unique unless one model starts two in one second. */
export function transformJobName(model: string, now: Date): string {
  return sageMakerName(`sagepack-${model}`, timeStamp(now))
}
