/** The permission names of DESIGN §5, titled and grouped for pickers. */
export const PERMISSION_GROUPS: { group: string; permissions: { name: string; title: string }[] }[] = [
  { group: 'Users', permissions: verbs('users', 'Users') },
  { group: 'Groups', permissions: verbs('groups', 'Groups') },
  { group: 'Auth Clients', permissions: verbs('auth_clients', 'Auth Clients') },
  { group: 'Security Logs', permissions: [{ name: 'view-security_logs', title: 'View Security Logs' }] },
];

function verbs(entity: string, title: string) {
  return ['view', 'create', 'edit', 'delete'].map((verb) => ({
    name: `${verb}-${entity}`,
    title: `${verb[0].toUpperCase()}${verb.slice(1)} ${title}`,
  }));
}

export const ALL_PERMISSIONS = PERMISSION_GROUPS.flatMap((g) => g.permissions.map((p) => p.name));
