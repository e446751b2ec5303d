import { isStandardSchema, validate, type StandardSchemaV1 } from '../core/schema.js';
import { summarizeRequest } from '../errors/fetchwise-error.js';
import { RequestShapeError } from '../errors/request-shape-error.js';

/** `mutationOptions({ variables })` takes a Standard Schema or nothing; anything else fails when the options are made. */
export function checkVariablesSchema(schema: unknown): void {
  if (schema !== undefined && !isStandardSchema(schema)) {
    throw new TypeError('fetchwise: mutationOptions `variables` must be a Standard Schema (zod, valibot, arktype, …)');
  }
}

/** The variables as the schema outputs them, or a `RequestShapeError` (nothing is sent). */
export async function checkVariables(schema: StandardSchemaV1, variables: unknown, method: string, url: string): Promise<unknown> {
  const checked = await validate(schema, variables);
  if (!checked.ok) throw new RequestShapeError(summarizeRequest(method, url), { issues: checked.issues });
  return checked.value;
}
