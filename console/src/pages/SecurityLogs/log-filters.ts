/** The Security Logs filters as the form holds them, and as query parameters for the API. */
export interface LogFilters {
  event: string;
  actor: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: LogFilters = { event: '', actor: '', from: '', to: '' };

/** Dates from <input type="date"> cover whole days: `to` runs to the end of its day (UTC). */
export function filterParams(filters: LogFilters): Record<string, string | undefined> {
  return {
    event: filters.event.trim() || undefined,
    actor: filters.actor.trim() || undefined,
    from: filters.from ? `${filters.from}T00:00:00.000Z` : undefined,
    to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined,
  };
}

/** "user 4 (admin)" or "system" for the Actor and Target columns. */
export function describeParty(party: { type: string; id: string; name?: string } | null): string {
  if (!party) return '—';
  if (party.type === 'system') return 'System';
  const kind = party.type === 'auth_client' || party.type === 'client' ? 'Client' : party.type[0].toUpperCase() + party.type.slice(1).replace(/_/g, ' ');
  return party.name ? `${kind} ${party.id} (${party.name})` : `${kind} ${party.id}`;
}
