import type { ApiScope, ApiToken, User } from '../accounts/account.ts';

export interface AccountStore {
  createUser(input: {
    email: string;
    name: string;
    passwordHash: string;
    isSuperuser: boolean;
    mustChangePassword: boolean;
  }): Promise<User>;
  findUserByEmail(email: string): Promise<(User & { passwordHash: string }) | null>;
  countUsers(): Promise<number>;
  addMember(input: {
    organizationId: number;
    userId: number;
    role: 'owner' | 'admin' | 'member' | 'viewer';
  }): Promise<void>;

  createApiToken(input: {
    name: string;
    tokenHash: string;
    tokenPrefix: string;
    scopes: ApiScope[];
    userId: number | null;
  }): Promise<ApiToken>;
  findApiTokenByHash(tokenHash: string): Promise<ApiToken | null>;
  touchApiToken(id: number, at: Date): Promise<void>;
}
