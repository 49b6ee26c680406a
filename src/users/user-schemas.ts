import { timestamp } from '../api/route-schema.js';
import { PERMISSION_NAMES } from '../permissions/permission-names.js';

const permissionList = {
  type: 'array',
  maxItems: 50,
  uniqueItems: true,
  items: { type: 'string', enum: [...PERMISSION_NAMES] },
  description: 'Permissions granted to the user directly (replaces the current list).',
} as const;

/** Field rules shared by the users API and the self-service `/me` routes. */
export const editable = {
  username: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[A-Za-z0-9_.@-]+$', description: 'Letters, digits, `_ . @ -`.' },
  email: { type: 'string', minLength: 1, maxLength: 255, format: 'email' },
  firstname: { type: 'string', maxLength: 255 },
  lastname: { type: 'string', maxLength: 255 },
  password: { type: 'string', minLength: 8, maxLength: 1024, description: 'Write-only. Changing it revokes the user\'s tokens.' },
  status: { type: 'string', enum: ['ACTIVE', 'INACTIVE'], description: 'INACTIVE revokes the user\'s tokens and refuses sign-in.' },
  is_administrator: { type: 'boolean', description: 'Only administrators may set it.' },
  permissions: permissionList,
} as const;

export const createUserBody = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'email', 'password'],
  properties: editable,
} as const;

export const updateUserBody = {
  type: 'object',
  additionalProperties: false,
  description: 'Fields not sent keep their value.',
  properties: editable,
} as const;

const userProperties = {
  id: { type: 'integer' },
  username: { type: 'string' },
  email: { type: 'string' },
  firstname: { type: 'string' },
  lastname: { type: 'string' },
  status: { type: 'string', enum: ['ACTIVE', 'INACTIVE'] },
  is_administrator: { type: 'boolean' },
  created_at: timestamp,
  updated_at: timestamp,
} as const;

export const userSchema = { type: 'object', required: Object.keys(userProperties), properties: userProperties } as const;

export const userDetailSchema = {
  type: 'object',
  required: [...Object.keys(userProperties), 'permissions', 'effective_permissions', 'groups'],
  properties: {
    ...userProperties,
    permissions: { type: 'array', items: { type: 'string' }, description: 'Granted directly.' },
    effective_permissions: { type: 'array', items: { type: 'string' }, description: 'Own plus ACTIVE groups\'; all for administrators.' },
    groups: {
      type: 'array',
      items: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' } } },
    },
  },
} as const;

export interface UserBody {
  username?: string;
  email?: string;
  firstname?: string;
  lastname?: string;
  password?: string;
  status?: 'ACTIVE' | 'INACTIVE';
  is_administrator?: boolean;
  permissions?: string[];
}
