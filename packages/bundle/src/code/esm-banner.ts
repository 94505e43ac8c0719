// The lines every esbuild-built ES module of ours starts with: CommonJS dependencies bundled into an
// ES module still reach for require(), __filename and __dirname, which ES modules do not define.
export const ESM_BANNER = [
  "import { createRequire as __sagepackCreateRequire } from 'node:module';",
  "import { fileURLToPath as __sagepackFileURLToPath } from 'node:url';",
  "import { dirname as __sagepackDirname } from 'node:path';",
  'const require = __sagepackCreateRequire(import.meta.url);',
  'const __filename = __sagepackFileURLToPath(import.meta.url);',
  'const __dirname = __sagepackDirname(__filename);',
].join('\n')
