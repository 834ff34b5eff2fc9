import type {
  ApiScope,
  ApiToken,
  MemberChangeResult,
  Membership,
  OrganizationMember,
  OrganizationRole,
  User,
} from '../accounts/account.ts';

export interface AccountStore {
  createUser(input: {
    email: string;
    name: string;
    passwordHash: string;
    isSuperuser: boolean;
    mustChangePassword: boolean;
  }): Promise<User>;
  findUserByEmail(email: string): Promise<(User & { passwordHash: string }) | null>;
  getUser(id: number): Promise<User | null>;
  countUsers(): Promise<number>;
  /** The organizations a user belongs to, with the role in each. */
  listMemberships(userId: number): Promise<Membership[]>;
  addMember(input: { organizationId: number; userId: number; role: OrganizationRole }): Promise<void>;

  createApiToken(input: {
    name: string;
    tokenHash: string;
    tokenPrefix: string;
    scopes: ApiScope[];
    userId: number | null;
    tokenLastCharacters?: string;
  }): Promise<ApiToken>;
  findApiTokenByHash(tokenHash: string): Promise<ApiToken | null>;
  touchApiToken(id: number, at: Date): Promise<void>;

  updateUser(
    id: number,
    patch: { name?: string; passwordHash?: string; mustChangePassword?: boolean },
  ): Promise<User | null>;
  getMembership(organizationId: number, userId: number): Promise<Membership | null>;
  /** Members of an organization with their users, in the order they joined. */
  listMembers(organizationId: number): Promise<OrganizationMember[]>;
  /** Atomically refuses to demote the organization's last owner. */
  setMemberRole(organizationId: number, userId: number, role: OrganizationRole): Promise<MemberChangeResult>;
  /** Removes the membership and the user's teams in that organization; never the last owner. */
  removeMember(organizationId: number, userId: number): Promise<MemberChangeResult>;

  getApiToken(id: number): Promise<ApiToken | null>;
  /** Oldest first. `userId`: tokens of that user; `organizationId`: tokens of that organization's members. */
  listApiTokens(query: { userId?: number; organizationId?: number }): Promise<ApiToken[]>;
  deleteApiToken(id: number): Promise<boolean>;
}
