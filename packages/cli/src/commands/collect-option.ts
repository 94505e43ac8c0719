// Commander option parser for repeatable options such as `--set a=1 --set b=2`.
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value]
}
