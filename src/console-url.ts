export function consoleUrl(issuer: string): string {
  return `${issuer}/admin/`;
}
