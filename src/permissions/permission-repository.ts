export interface PermissionDefinition {
  name: string;
  title: string;
  group: string;
}

/** Storage of permissions and who holds them. */
export interface PermissionRepository {
  /** Inserts the definitions that are missing; existing rows are left as they are. */
  ensure(definitions: readonly PermissionDefinition[]): Promise<void>;
  /** Names held by the user directly or through any of their groups. */
  namesForUser(userId: number): Promise<string[]>;
}
