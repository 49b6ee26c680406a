import { timestamp } from '../api/route-schema.js';
import { PERMISSION_NAMES } from '../permissions/permission-names.js';
import { ALL_PERMISSIONS_SCOPE } from './scopes.js';

export const createTokenBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 255 },
    scopes: {
      type: 'array',
      maxItems: 50,
      uniqueItems: true,
      items: { type: 'string', enum: [ALL_PERMISSIONS_SCOPE, ...PERMISSION_NAMES] },
      description: '`*` (all of the user\'s permissions, the default when omitted or empty) or permission names.',
    },
  },
} as const;

export const tokenParams = {
  type: 'object',
  required: ['id', 'token_id'],
  properties: {
    id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
    token_id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  },
} as const;

const tokenProperties = {
  id: { type: 'string' },
  name: { type: 'string' },
  scopes: { type: 'array', items: { type: 'string' } },
  user_id: { type: 'integer' },
  client_id: { type: 'integer' },
  revoked: { type: 'boolean' },
  created_at: timestamp,
  expires_at: timestamp,
} as const;

export const tokenSchema = { type: 'object', required: Object.keys(tokenProperties), properties: tokenProperties } as const;

export const createdTokenSchema = {
  type: 'object',
  required: [...Object.keys(tokenProperties), 'access_token', 'token_type'],
  properties: {
    ...tokenProperties,
    access_token: { type: 'string', description: 'Shown once; only its SHA-256 is kept.' },
    token_type: { type: 'string', enum: ['Bearer'] },
  },
} as const;
