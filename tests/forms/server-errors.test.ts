import { describe, expect, it } from 'vitest';
import { readProblem, ValidationError } from '../../src/index.js';
import { splitServerErrors } from '../../src/forms/index.js';

describe('forms: splitServerErrors', () => {
  it('a field named __proto__ (the names come from the server) is an own field, and no prototype changes', async () => {
    const body = '{"errors":{"__proto__":["odd but legal"],"name":["required"]}}';
    const problem = await readProblem(new Response(body, { status: 422, headers: { 'content-type': 'application/json' } }));
    const error = new ValidationError(problem, { method: 'POST', url: 'https://api.example.com/x' }, { retryable: false, headers: new Headers() });
    const split = splitServerErrors(error, () => true);
    expect(Object.getPrototypeOf(split.fields)).toBe(Object.prototype);
    expect(Object.hasOwn(split.fields, '__proto__')).toBe(true);
    expect(Object.keys(split.fields).sort()).toEqual(['__proto__', 'name']);
  });
});
