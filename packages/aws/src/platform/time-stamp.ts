// The UTC time in the names sagepack gives what it creates on AWS (change sets, transform jobs):
// `20261123-164512`, sortable and valid in every AWS name.
export function timeStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
}
