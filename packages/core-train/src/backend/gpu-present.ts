// Detects an NVIDIA GPU the way the CUDA runtime would find one, without loading any CUDA library.
import { existsSync } from 'node:fs'

/** Device nodes and driver files that exist only where an NVIDIA driver is loaded (and passed into the container). */
const NVIDIA_MARKERS = ['/dev/nvidiactl', '/proc/driver/nvidia/version'] as const

export function nvidiaGpuPresent(): boolean {
  return NVIDIA_MARKERS.some((path) => existsSync(path))
}
