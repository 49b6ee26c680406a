/** Wire shapes of `/api/1.0` (DESIGN §6); field names as the server sends them. */
export interface Meta {
  total: number;
  count: number;
  per_page: number;
  current_page: number;
  total_pages: number;
}

export interface Paginated<T> {
  data: T[];
  meta: Meta;
}

export type ClientType = 'authorization_code_grant' | 'password_client' | 'personal_access_client' | 'client_credentials_grant';

export interface AuthClient {
  id: number;
  name: string;
  types: ClientType[];
  redirect: string[];
  confidential: boolean;
  require_pkce: boolean;
  trusted?: boolean;
  permissions: string[];
  revoked: boolean;
  created_at: string;
  updated_at: string;
  /** Only on create and rotate. */
  secret?: string;
}

export interface AuthClientInput {
  name: string;
  types: ClientType[];
  redirect: string[];
  confidential: boolean;
  permissions: string[];
}

export type UserStatus = 'ACTIVE' | 'INACTIVE';

export interface User {
  id: number;
  username: string;
  email: string;
  firstname: string;
  lastname: string;
  status: UserStatus;
  is_administrator: boolean;
  created_at: string;
  updated_at: string;
}

/** `GET /users/{id}`: the user with direct and effective permissions and their groups. */
export interface UserDetail extends User {
  permissions: string[];
  effective_permissions: string[];
  groups: { id: number; name: string }[];
}

export interface Me extends User {
  type: 'user';
  permissions: string[];
  scopes: string[];
}

export interface Group {
  id: number;
  name: string;
  description: string;
  status: 'ACTIVE' | 'INACTIVE';
  permissions?: string[];
  members_count?: number;
  created_at: string;
  updated_at: string;
}

export interface Permission {
  id?: number;
  name: string;
  title: string;
  group: string;
}

export interface PersonalToken {
  id: string;
  name: string;
  scopes: string[];
  revoked?: boolean;
  created_at: string;
  expires_at: string | null;
  user_id: number;
  /** Only in the create response: the token, shown once. */
  access_token?: string;
}

export interface SecurityLog {
  id: number;
  event: string;
  actor: { type: string; id: string; name?: string | null } | null;
  target: { type: string; id: string; name?: string | null } | null;
  ip: string | null;
  user_agent: string | null;
  details?: Record<string, unknown>;
  created_at: string;
}
