/** The two SQL dialects the shared storage code knows about. */
export type SqlDialect = 'sqlite' | 'postgres';
