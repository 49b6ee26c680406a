/** The Security Logs filters as the form holds them, and as query parameters for the API. */
export interface LogFilters {
  /** Free text over the event name and the actor's name. */
  search: string;
  /** An exact event name, e.g. `auth_client.created`. */
  event: string;
  actorId: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: LogFilters = { search: '', event: '', actorId: '', from: '', to: '' };

/** Dates from <input type="date"> cover whole days: `to` runs to the end of its day (UTC). */
export function filterParams(filters: LogFilters): Record<string, string | undefined> {
  return {
    filter: filters.search.trim() || undefined,
    event: filters.event.trim() || undefined,
    actor_id: filters.actorId.trim() || undefined,
    from: filters.from ? `${filters.from}T00:00:00.000Z` : undefined,
    to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined,
  };
}

/** "user 4 (admin)" or "system" for the Actor and Target columns. */
export function describeParty(party: { type: string; id: string; name?: string | null } | null): string {
  if (!party) return '—';
  if (party.type === 'system') return 'System';
  const kind = party.type === 'auth_client' || party.type === 'client' ? 'Client' : party.type[0].toUpperCase() + party.type.slice(1).replace(/_/g, ' ');
  return party.name ? `${kind} ${party.id} (${party.name})` : `${kind} ${party.id}`;
}
