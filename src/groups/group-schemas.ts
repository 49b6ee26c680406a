import { timestamp } from '../api/route-schema.js';
import { PERMISSION_NAMES } from '../permissions/permission-names.js';

const editable = {
  name: { type: 'string', minLength: 1, maxLength: 255 },
  description: { type: 'string', maxLength: 2000 },
  status: { type: 'string', enum: ['ACTIVE', 'INACTIVE'], description: 'An INACTIVE group grants nothing to its members.' },
  permissions: {
    type: 'array',
    maxItems: 50,
    uniqueItems: true,
    items: { type: 'string', enum: [...PERMISSION_NAMES] },
    description: 'Permissions every member holds (replaces the current list).',
  },
} as const;

export const createGroupBody = { type: 'object', additionalProperties: false, required: ['name'], properties: editable } as const;
export const updateGroupBody = { type: 'object', additionalProperties: false, description: 'Fields not sent keep their value.', properties: editable } as const;

export const memberBody = {
  type: 'object',
  additionalProperties: false,
  required: ['user_id'],
  properties: { user_id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } },
} as const;

export const memberParams = {
  type: 'object',
  required: ['id', 'user_id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 }, user_id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } },
} as const;

const groupProperties = {
  id: { type: 'integer' },
  name: { type: 'string' },
  description: { type: 'string' },
  status: { type: 'string', enum: ['ACTIVE', 'INACTIVE'] },
  members_count: { type: 'integer' },
  created_at: timestamp,
  updated_at: timestamp,
} as const;

export const groupSchema = { type: 'object', required: Object.keys(groupProperties), properties: groupProperties } as const;

export const groupDetailSchema = {
  type: 'object',
  required: [...Object.keys(groupProperties), 'permissions'],
  properties: { ...groupProperties, permissions: { type: 'array', items: { type: 'string' } } },
} as const;

export interface GroupBody {
  name?: string;
  description?: string;
  status?: 'ACTIVE' | 'INACTIVE';
  permissions?: string[];
}
