import { describe, expect, it } from 'vitest';
import { readProblem } from '../../src/index.js';

// R-FORM-FALLBACK (SPEC § 6): form-level errors, and the most specific human message when a body has no field
// errors, so a form always has something to show. Bodies marked "Constructed" are built from the rule.

function read(body: string, status = 400, contentType = 'application/json') {
  return readProblem(new Response(body, { status, headers: { 'content-type': contentType } }));
}

describe('R-FORM-FALLBACK: what belongs to no field is a form error', () => {
  it('R-FORM-FALLBACK: non_field_errors, the "" key, a pointer "" and an empty path are form-level', async () => {
    // Constructed: DRF, ASP.NET Core, JSON:API and zod shapes with form-level issues next to a field issue.
    const drf = await read(JSON.stringify({ non_field_errors: ['Passwords differ.'], name: ['Required.'] }));
    expect(drf).toMatchObject({ formErrors: ['Passwords differ.'], fieldErrors: { name: ['Required.'] } });
    const aspnet = await read(JSON.stringify({ title: 'One or more validation errors occurred.', errors: { '': ['Body is empty.'], Name: ['Required.'] } }));
    expect(aspnet).toMatchObject({ formErrors: ['Body is empty.'], fieldErrors: { Name: ['Required.'] } });
    const jsonApi = await read(JSON.stringify({ errors: [{ detail: 'Missing data.', source: { pointer: '' } }] }), 422);
    expect(jsonApi).toMatchObject({ formErrors: ['Missing data.'], fieldErrors: {} });
    const zod = await read(JSON.stringify({ success: false, error: { issues: [{ code: 'custom', path: [], message: 'Dates overlap' }] } }));
    expect(zod).toMatchObject({ formErrors: ['Dates overlap'], fieldErrors: {} });
  });

  it('R-FORM-FALLBACK: with no field errors, the problem detail, else the message, else a short text body', async () => {
    // Constructed: a problem with a detail; an envelope with only a message; a plain-text 400.
    expect((await read(JSON.stringify({ title: 'Bad Request', detail: 'Invalid request content.' }), 400, 'application/problem+json')).formErrors).toEqual(['Invalid request content.']);
    expect((await read(JSON.stringify({ message: 'Item not found' }), 404)).formErrors).toEqual(['Item not found']);
    expect((await read('Malformed JSON in request body', 400, 'text/plain')).formErrors).toEqual(['Malformed JSON in request body']);
  });

  it('R-FORM-FALLBACK: markup, long text and empty bodies are no message; field errors keep the detail out', async () => {
    expect((await read('<!DOCTYPE html><pre>Bad Request</pre>', 400, 'text/html')).formErrors).toEqual([]);
    expect((await read('x'.repeat(301), 400, 'text/plain')).formErrors).toEqual([]);
    expect((await read('', 500, 'text/plain')).formErrors).toEqual([]);
    const laravel = await read(JSON.stringify({ message: 'The name field is required.', errors: { name: ['The name field is required.'] } }), 422);
    expect(laravel).toMatchObject({ formErrors: [], detail: 'The name field is required.' });
  });

  it('R-CODE: a field named only inside a message stays a form error (messages are never parsed)', async () => {
    // Constructed after Fastify's and NestJS's default validation answers.
    const p = await read(JSON.stringify({ statusCode: 400, code: 'FST_ERR_VALIDATION', error: 'Bad Request', message: "body must have required property 'name'" }));
    expect(p).toMatchObject({ fieldErrors: {}, formErrors: ["body must have required property 'name'"], code: 'FST_ERR_VALIDATION', title: 'Bad Request' });
  });
});
