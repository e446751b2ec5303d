import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/problem/build-problem.js';
import { defaultDialects } from '../../src/problem/default-dialects.js';

const problem = (body: unknown) => buildProblem({ status: 422, contentType: 'application/json', body }, defaultDialects);

describe('R-CODE: the structural normaliser on a body that is a list', () => {
  it("R-CODE: a list body's code is its first issue's code, as for an object body", () => {
    // Constructed: the entries of seed 001's `errors` list, sent as the body itself.
    const entries = [
      { message: 'Second error message' },
      { errorCode: 'ABC-123', message: 'Error message', parameterName: 'extensionId' },
    ];
    expect(problem(entries)).toMatchObject({ code: 'ABC-123', fieldErrors: { extensionId: ['Error message'] }, formErrors: ['Second error message'] });
    expect(problem({ errors: entries }).code).toBe('ABC-123');
    expect(problem(['Name is required']).code).toBeUndefined();
  });
});
