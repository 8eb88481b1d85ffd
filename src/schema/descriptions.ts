/** Descriptions written once and used by several fields. */

/** The `...Raw` twin of an enum field: the value exactly as the upstream sent it. */
export function rawDescription(field: string): string {
  return `\`${field}\` exactly as the upstream sent it: the way to see a value the gateway shows as UNKNOWN.`;
}
