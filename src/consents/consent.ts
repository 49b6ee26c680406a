/** A user's remembered approval of a client's scopes (the consent page's "Allow"). */
export interface Consent {
  userId: number;
  clientId: number;
  scopes: string[];
  createdAt: number;
}

/** True when the remembered consent covers every requested scope. */
export function consentCovers(consent: Consent | undefined, requested: readonly string[]): boolean {
  return consent !== undefined && requested.every((scope) => consent.scopes.includes(scope));
}
