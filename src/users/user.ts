export type UserStatus = 'ACTIVE' | 'INACTIVE';

export interface User {
  id: number;
  username: string;
  email: string;
  firstname: string;
  lastname: string;
  status: UserStatus;
  isAdministrator: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface NewUser {
  username: string;
  email: string;
  firstname?: string;
  lastname?: string;
  passwordHash: string;
  status?: UserStatus;
  isAdministrator?: boolean;
}

/** Profile and status changes; the password hash has its own method. */
export type UserChanges = Partial<Pick<User, 'username' | 'email' | 'firstname' | 'lastname' | 'status' | 'isAdministrator'>> & { passwordHash?: string };
