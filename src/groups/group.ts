export type GroupStatus = 'ACTIVE' | 'INACTIVE';

/** A set of users sharing permissions; an INACTIVE group grants nothing (DESIGN §5). */
export interface Group {
  id: number;
  name: string;
  description: string;
  status: GroupStatus;
  createdAt: number;
  updatedAt: number;
}

export interface NewGroup {
  name: string;
  description?: string;
  status?: GroupStatus;
}

export type GroupChanges = Partial<NewGroup>;
