import { validate, type StandardSchemaV1 } from '../core/schema.js';
import type { QueryLike } from './types.js';

/**
 * R-WRITE-SCHEMA: a query's schema travels with the query as `meta.fetchwise.schema`, so a write can find
 * it from the cache entry. Non-enumerable: a persister that serialises `meta` never sees the schema.
 */
export function withQuerySchema<M extends object>(meta: M, schema: StandardSchemaV1 | undefined): M & { readonly schema?: StandardSchemaV1 } {
  if (schema !== undefined) Object.defineProperty(meta, 'schema', { value: schema, enumerable: false });
  return meta;
}

function schemaOf(query: QueryLike): StandardSchemaV1 | undefined {
  const schema = (query.meta?.fetchwise as { schema?: unknown } | undefined)?.schema;
  return typeof schema === 'object' && schema !== null ? (schema as StandardSchemaV1) : undefined;
}

/**
 * R-WRITE-SCHEMA: the data a write's body becomes in `query`: the body itself when the query has no schema
 * (or the write was validated by the same one), else the schema's output; `undefined` when the body fails
 * the query's schema, and the query must be invalidated instead.
 */
export async function dataForQuery(query: QueryLike, body: unknown, writeSchema: StandardSchemaV1 | undefined): Promise<{ data: unknown } | undefined> {
  const schema = schemaOf(query);
  if (schema === undefined || schema === writeSchema) return { data: body };
  try {
    const outcome = await validate(schema, body);
    return outcome.ok ? { data: outcome.value } : undefined;
  } catch {
    return undefined;
  }
}
