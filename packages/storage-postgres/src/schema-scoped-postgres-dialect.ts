import { sql } from 'kysely';
import type {
  DatabaseIntrospector,
  DatabaseMetadata,
  Dialect,
  Kysely,
  PostgresDialect,
  SchemaMetadata,
  TableMetadata,
} from 'kysely';

/**
 * PostgreSQL for one schema. Kysely's own introspector (which its Migrator uses to find its tables)
 * scans the catalog of EVERY schema and calls has_schema_privilege() on each name, so a schema that
 * someone else drops during the scan fails our boot with "schema … does not exist". Several Fixloop
 * databases in one PostgreSQL (tests, tenants) make that a real race; this introspector looks only at
 * our schema.
 */
export class SchemaScopedPostgresDialect implements Dialect {
  constructor(
    private readonly inner: PostgresDialect,
    private readonly schema: string,
  ) {}

  createDriver() {
    return this.inner.createDriver();
  }

  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }

  createAdapter() {
    return this.inner.createAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SchemaScopedIntrospector(db, this.schema);
  }
}

/** Tables and views of one schema, without their columns (nothing in Fixloop reads them). */
class SchemaScopedIntrospector implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly schema: string,
  ) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<SchemaMetadata>`
      SELECT nspname AS name FROM pg_catalog.pg_namespace WHERE nspname = ${this.schema}`.execute(this.db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; is_view: boolean }>`
      SELECT c.relname AS name, c.relkind = 'v' AS is_view
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = ${this.schema} AND c.relkind IN ('r', 'v', 'p')
      ORDER BY c.relname`.execute(this.db);
    return rows.map((row) => ({ name: row.name, isView: row.is_view, schema: this.schema, columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}
