/** ProcessMaker's permission names (DESIGN §5), with a title and a group for the console. */
export const PERMISSIONS = [
  ['view-users', 'View Users', 'Users'],
  ['create-users', 'Create Users', 'Users'],
  ['edit-users', 'Edit Users', 'Users'],
  ['delete-users', 'Delete Users', 'Users'],
  ['view-groups', 'View Groups', 'Groups'],
  ['create-groups', 'Create Groups', 'Groups'],
  ['edit-groups', 'Edit Groups', 'Groups'],
  ['delete-groups', 'Delete Groups', 'Groups'],
  ['view-auth_clients', 'View Auth Clients', 'Auth Clients'],
  ['create-auth_clients', 'Create Auth Clients', 'Auth Clients'],
  ['edit-auth_clients', 'Edit Auth Clients', 'Auth Clients'],
  ['delete-auth_clients', 'Delete Auth Clients', 'Auth Clients'],
  ['view-security_logs', 'View Security Logs', 'Security Logs'],
].map(([name, title, group]) => ({ name, title, group }));

export const PERMISSION_NAMES: readonly string[] = PERMISSIONS.map((p) => p.name);
