import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, isHttpError, readProblem } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';
import { expected } from './expected.js';

// Bodies captured from running apps (tests/dialects/live/capture.mjs), and a few copied from framework
// repositories; each is read the way an app would read it, with no dialects option.

interface Fixture {
  framework: string;
  source: 'live' | 'copied';
  status: number;
  contentType: string | null;
  body: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtures: { id: string; fixture: Fixture }[] = [];
for (const source of ['live', 'copied']) {
  for (const framework of readdirSync(join(root, source)).sort()) {
    for (const file of readdirSync(join(root, source, framework)).sort()) {
      const fixture = JSON.parse(readFileSync(join(root, source, framework, file), 'utf8')) as Fixture;
      fixtures.push({ id: `${framework}/${file.replace(/\.json$/, '')}`, fixture });
    }
  }
}
const errors = fixtures.filter(({ id }) => expected[id] !== null);
const tally = { cases: 0, fieldExact: 0, bothExact: 0 };

function headersOf(fixture: Fixture): Record<string, string> {
  return fixture.contentType ? { 'content-type': fixture.contentType } : {};
}

describe('R-FORM-FALLBACK / R-PATHS: live captures, read by the structural normaliser', () => {
  const server = useTestServer();

  it('every fixture has a hand-written expectation, and every expectation a fixture', () => {
    expect(fixtures.map(({ id }) => id).sort()).toEqual(Object.keys(expected).sort());
    expect(fixtures.length).toBeGreaterThanOrEqual(90);
  });

  it.each(errors)('R-FORM-FALLBACK: $id: fieldErrors and formErrors are what a form should show', async ({ id, fixture }) => {
    const want = expected[id]!;
    const problem = await readProblem(new Response(fixture.body, { status: fixture.status, headers: headersOf(fixture) }));
    tally.cases++;
    const fieldExact = JSON.stringify(problem.fieldErrors) === JSON.stringify(want.fields);
    if (fieldExact) tally.fieldExact++;
    if (fieldExact && JSON.stringify(problem.formErrors) === JSON.stringify(want.form)) tally.bothExact++;
    expect({ fields: problem.fieldErrors, form: problem.formErrors }).toEqual(want);
    expect(() => JSON.stringify(problem)).not.toThrow();
  });

  it.each(errors)('R-422: $id: createClient reads the same problem from a real server', async ({ id, fixture }) => {
    server.route('POST', '/users', { status: fixture.status, headers: headersOf(fixture), body: fixture.body });
    const client = createClient({ baseUrl: server.url, retry: 0 });
    const error = await client.post('/users', { json: {} }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(isHttpError(error)).toBe(true);
    if (!isHttpError(error)) return;
    expect({ fields: error.problem.fieldErrors, form: error.problem.formErrors }).toEqual(expected[id]);
  });

  afterAll(() => {
    // Figures for the report (`npx vitest run tests/dialects/live.test.ts` prints them).
    const percent = (n: number) => ((100 * n) / Math.max(tally.cases, 1)).toFixed(1);
    console.log(`live+copied fixtures: ${tally.cases} error cases; field-exact ${tally.fieldExact} (${percent(tally.fieldExact)}%); with formErrors exact too ${tally.bothExact} (${percent(tally.bothExact)}%)`);
  });
});
