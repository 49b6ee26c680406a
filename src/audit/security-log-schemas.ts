import { collectionQuerystring } from '../api/pagination.js';
import { timestamp } from '../api/route-schema.js';

export const securityLogQuerystring = collectionQuerystring(
  ['created_at', 'id'],
  {
    event: { type: 'string', maxLength: 64, description: 'Exact event name, e.g. `auth_client.created`.' },
    actor_type: { type: 'string', enum: ['user', 'client', 'system'] },
    actor_id: { type: 'string', maxLength: 64 },
    target_type: { type: 'string', maxLength: 32 },
    target_id: { type: 'string', maxLength: 64 },
    from: { ...timestamp, description: 'Events at or after this instant (ISO 8601).' },
    to: { ...timestamp, description: 'Events at or before this instant (ISO 8601).' },
  },
  { order: 'created_at', direction: 'desc' },
);

export const securityLogSchema = {
  type: 'object',
  required: ['id', 'event', 'actor', 'target', 'ip', 'user_agent', 'details', 'created_at'],
  properties: {
    id: { type: 'integer' },
    event: { type: 'string', description: '`<entity>.<verb>`, e.g. `auth_client.secret_revealed`.' },
    actor: {
      type: ['object', 'null'],
      properties: { type: { type: 'string', enum: ['user', 'client', 'system'] }, id: { type: 'string' }, name: { type: ['string', 'null'] } },
    },
    target: { type: ['object', 'null'], properties: { type: { type: 'string' }, id: { type: 'string' } } },
    ip: { type: ['string', 'null'] },
    user_agent: { type: ['string', 'null'] },
    details: { type: 'object', additionalProperties: true, description: 'Identifiers and names only; never a secret, password or token.' },
    created_at: timestamp,
  },
} as const;

export interface SecurityLogQuerystring {
  filter?: string;
  order_by: string;
  order_direction: 'asc' | 'desc';
  page: number;
  per_page: number;
  event?: string;
  actor_type?: 'user' | 'client' | 'system';
  actor_id?: string;
  target_type?: string;
  target_id?: string;
  from?: string;
  to?: string;
}
