import type { User, UserStatus } from '../../api/types.js';
import type { UserInput } from '../../api/users.js';

export interface UserForm {
  username: string;
  firstname: string;
  lastname: string;
  email: string;
  status: UserStatus;
  is_administrator: boolean;
  password: string;
}

export function emptyUserForm(): UserForm {
  return { username: '', firstname: '', lastname: '', email: '', status: 'ACTIVE', is_administrator: false, password: '' };
}

export function userFormFrom(user: User): UserForm {
  return { ...emptyUserForm(), ...pick(user), password: '' };
}

function pick({ username, firstname, lastname, email, status, is_administrator }: User) {
  return { username, firstname: firstname ?? '', lastname: lastname ?? '', email, status, is_administrator };
}

/**
 * The API body. An empty password on edit means "unchanged" and is left out; so is an
 * unchanged administrator flag, which only administrators may send.
 */
export function userInputFrom(form: UserForm, original?: User): UserInput {
  const input: UserInput = {
    username: form.username.trim(),
    firstname: form.firstname.trim(),
    lastname: form.lastname.trim(),
    email: form.email.trim(),
    status: form.status,
  };
  if (form.is_administrator !== (original?.is_administrator ?? false)) input.is_administrator = form.is_administrator;
  if (form.password) input.password = form.password;
  return input;
}
