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
  /** Every definition, by name. */
  list(): Promise<(PermissionDefinition & { id: number })[]>;
  /** Names granted to the user directly (not through groups). */
  directNamesForUser(userId: number): Promise<string[]>;
  /** Replaces the user's direct permissions; unknown names are ignored. */
  setForUser(userId: number, names: readonly string[]): Promise<void>;
  namesForGroup(groupId: number): Promise<string[]>;
  /** Replaces the group's permissions; unknown names are ignored. */
  setForGroup(groupId: number, names: readonly string[]): Promise<void>;
}
