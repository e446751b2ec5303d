import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/problem/build-problem.js';
import { defaultDialects } from '../../src/problem/default-dialects.js';
import { structural } from '../../src/problem/normalise.js';

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

describe('the structural normaliser: bounds and the shape of what it returns', () => {
  it('R-LINEAR: a `keys` list is read up to its first 1,000 items, like every list', () => {
    const keys = (list: unknown[]) => problem({ errors: [{ message: 'm', keys: list }] }).fieldErrors;
    expect(keys([...Array(1_000).fill(1), 'a'])).toEqual({});
    expect(keys([...Array(999).fill(null), 'a', 'b'])).toEqual({ a: ['m'] });
    const many = { errors: [{ message: 'm', keys: Array.from({ length: 1_000_000 }, (_, i) => `k${i}`) }] };
    expect(Object.keys(problem(many).fieldErrors)).toHaveLength(1_000);
    const started = performance.now();
    structural.parse(many, { status: 422 } as never);
    // Generous: the whole list through pathOf/join took ~0.5 s; the first 1,000 take a few milliseconds.
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('R-SERIALISABLE: entries are read down to depth 32 and no deeper, without throwing', () => {
    const nested = (depth: number) => JSON.parse(`${'['.repeat(depth)}{"field":"x","message":"deep"}${']'.repeat(depth)}`);
    expect(problem(nested(31)).fieldErrors).toEqual({ x: ['deep'] });
    expect(problem(nested(40)).fieldErrors).toEqual({});
  });

  it('structural.parse gives an issue a code or a pointer only when the body has one (a dialect may spread them)', () => {
    const parts = structural.parse({ errors: [{ field: 'a', message: 'm' }, { field: 'b', message: 'n', code: 'c', pointer: '/b' }] }, { status: 422 } as never);
    expect(parts?.issues).toStrictEqual([
      { path: 'a', message: 'm' },
      { path: 'b', message: 'n', code: 'c', pointer: '/b' },
    ]);
  });
});
