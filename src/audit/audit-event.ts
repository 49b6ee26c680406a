export interface Actor {
  type: 'user' | 'client' | 'system';
  id: string;
  name?: string;
}

export interface AuditEvent {
  id: number;
  event: string;
  actor: Actor | null;
  target: { type: string; id: string } | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
  createdAt: number;
}

export interface AuditFilter {
  /** Case-insensitive substring of the event name or the actor's name. */
  search?: string;
  actorType?: Actor['type'];
  actorId?: string;
  event?: string;
  from?: number;
  to?: number;
  targetType?: string;
  targetId?: string;
}
