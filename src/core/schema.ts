import type { StandardSchemaV1, StandardSchemaV1InferOutput } from 'ky';
import type { ProblemIssue } from '../problem/types.js';
import { normalizePath } from '../problem/paths.js';

export type { StandardSchemaV1 };

/** The output type of a Standard Schema (zod, valibot, arktype, …). */
export type InferOutput<S> = S extends StandardSchemaV1 ? StandardSchemaV1InferOutput<S> : never;

export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { '~standard'?: { validate?: unknown } })['~standard']?.validate === 'function'
  );
}

export type SchemaResult = { ok: true; value: unknown } | { ok: false; issues: ProblemIssue[] };

/** Validates with any Standard Schema, sync or async; issues come out in problem form (`items.0.name`). */
export async function validate(schema: StandardSchemaV1, value: unknown): Promise<SchemaResult> {
  let result = schema['~standard'].validate(value);
  if (result instanceof Promise) result = await result;
  if (!result.issues) return { ok: true, value: result.value };
  return {
    ok: false,
    issues: result.issues.map((issue) => ({
      path: normalizePath(
        issue.path?.map((segment) => (typeof segment === 'object' && segment !== null ? segment.key : segment)),
      ),
      message: issue.message,
    })),
  };
}
