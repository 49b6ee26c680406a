import { timestamp } from '../api/route-schema.js';
import { PERMISSION_NAMES } from '../permissions/permission-names.js';
import { WIRE_TYPES } from './client-resource.js';

const url = { type: 'string', maxLength: 2000 } as const;

const editable = {
  name: { type: 'string', title: 'Name', maxLength: 255 },
  types: {
    type: 'array',
    title: 'Auth-Client',
    maxItems: 8,
    items: { type: 'string', maxLength: 64 },
    description: `At least one of ${Object.keys(WIRE_TYPES).join(', ')}.`,
  },
  redirect: {
    type: ['array', 'string'],
    title: 'Redirect',
    maxItems: 20,
    maxLength: 20000,
    items: url,
    description: 'Redirect URLs: a list, or one comma-separated string. Required with authorization_code_grant.',
  },
  require_pkce: { type: 'boolean' },
  trusted: { type: 'boolean', description: 'First-party: skips the consent page. Only administrators may set it.' },
  permissions: {
    type: 'array',
    maxItems: 50,
    items: { type: 'string', maxLength: 64 },
    description: `Permissions the client holds in its client_credentials tokens: ${PERMISSION_NAMES.join(', ')}.`,
  },
} as const;

export const createClientBody = {
  type: 'object',
  additionalProperties: false,
  description: 'name and types are required; redirect too when authorization_code_grant is chosen.',
  properties: { ...editable, confidential: { type: 'boolean', default: true, description: 'false: a public client (PKCE, no secret).' } },
} as const;

export const updateClientBody = {
  type: 'object',
  additionalProperties: false,
  description: 'Fields not sent keep their value.',
  properties: editable,
} as const;

const resourceProperties = {
  id: { type: 'integer' },
  name: { type: 'string' },
  types: { type: 'array', items: { type: 'string' } },
  redirect: { type: 'array', items: { type: 'string' } },
  confidential: { type: 'boolean' },
  require_pkce: { type: 'boolean' },
  trusted: { type: 'boolean' },
  permissions: { type: 'array', items: { type: 'string' } },
  revoked: { type: 'boolean' },
  created_at: timestamp,
  updated_at: timestamp,
} as const;

export const clientSchema = { type: 'object', required: Object.keys(resourceProperties), properties: resourceProperties } as const;

export const clientWithSecretSchema = {
  type: 'object',
  required: [...Object.keys(resourceProperties), 'secret'],
  properties: { ...resourceProperties, secret: { type: ['string', 'null'], description: 'Shown here; null for a public client.' } },
} as const;

export const secretSchema = {
  type: 'object',
  required: ['id', 'secret'],
  properties: { id: { type: 'integer' }, secret: { type: 'string' } },
} as const;

export const rotateBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    grace_seconds: {
      type: 'integer',
      minimum: 0,
      maximum: 2_592_000,
      default: 0,
      description: 'How long the old secret stays valid (0: revoked at once; at most 30 days).',
    },
  },
} as const;

export const rotatedSchema = {
  type: 'object',
  required: [...Object.keys(resourceProperties), 'secret', 'grace_seconds', 'previous_secret_expires_at'],
  properties: {
    ...resourceProperties,
    secret: { type: 'string' },
    grace_seconds: { type: 'integer' },
    previous_secret_expires_at: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;
