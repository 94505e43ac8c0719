// What a bundle's code/package.json declares: the package its weights need (onnxruntime-node for ONNX,
// @tensorflow/tfjs for tfjs) and the native packages its inference code imports, each at the version the
// runtime image provides (runtime-image-packages.ts).
export function runtimeDependencies(
  imagePackages: Readonly<Record<string, string>>,
  modelFormat: 'onnx' | 'tfjs',
  imported: readonly string[],
): Record<string, string> {
  const names = [modelFormat === 'onnx' ? 'onnxruntime-node' : '@tensorflow/tfjs', ...imported]
  return Object.fromEntries(names.map((name) => [name, imagePackages[name] ?? '*']))
}
