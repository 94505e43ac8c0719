import { describe, expect, it } from 'vitest'
import { secretDirectoryReason, secretNameReason } from './secret-files'

describe('secretNameReason', () => {
  it.each([
    '.env',
    '.env.local',
    'a/b/.env.production',
    'certs/tls.pem',
    'server.key',
    'keys/cert.p12',
    'id_rsa',
    'id_ed25519.pub',
    '.aws/credentials',
    'x/.aws/config',
    'credentials',
    '.ssh/known_hosts',
    '.netrc',
  ])('flags %s', (path) => {
    expect(secretNameReason(path)).toBeDefined()
  })

  it.each([
    'model.onnx',
    'config.json',
    'environment.json',
    'env.ts',
    'keys.json',
    'monkey.bin',
    'credentials.md',
    'code/inference.mjs',
  ])('passes %s', (path) => {
    expect(secretNameReason(path)).toBeUndefined()
  })

  it('flags the folders where credentials live', () => {
    expect(secretDirectoryReason('home/.aws')).toMatch(/AWS/)
    expect(secretDirectoryReason('.ssh')).toMatch(/SSH/)
    expect(secretDirectoryReason('aws')).toBeUndefined()
  })
})
