import type { User } from '@fixloop/core';

export interface UserJson {
  id: string;
  email: string;
  name: string;
  mustChangePassword: boolean;
  isSuperuser: boolean;
}

export function serializeUser(user: User): UserJson {
  return {
    id: String(user.id),
    email: user.email,
    name: user.name,
    mustChangePassword: user.mustChangePassword,
    isSuperuser: user.isSuperuser,
  };
}
