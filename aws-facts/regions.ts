// AWS's region names, as the partitions' endpoint rules spell them: `eu-west-1`, `us-gov-east-1`,
// `ap-southeast-5`. Both halves need it: the CLI validates `--region`, the sandbox's edge validates the
// region of a request's credential scope before any service makes a name or a path of it.

export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function isRegionName(value: string): boolean {
  return REGION_PATTERN.test(value);
}
