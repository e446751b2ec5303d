import { Hono } from 'hono';
import { problem } from '../http.ts';
import type { Contact, DemoState } from '../state.ts';

const maxIds = 20;
const body = (contact: Contact) => ({ id: contact.id, name: contact.name, email: contact.email, phone: contact.phone, version: contact.version });

interface Part {
  status: number;
  contentType: string;
  value: unknown;
}

/**
 * Seed 000's batch read: `GET /contacts/batch/1,2,99` answers `207 Multi-Status` with a
 * `multipart/mixed` body. The first part lists the status of every following part, in order; then one
 * part per id, the contact or (for an unknown id) a `404` problem+json body.
 */
export function batchRoutes(state: DemoState): Hono {
  const app = new Hono();

  app.get('/batch/:ids', (c) => {
    const ids = c.req.param('ids').split(',').map((id) => id.trim());
    if (ids.length > maxIds || ids.some((id) => id === '')) {
      return problem(400, 'Bad Request', `Give 1 to ${maxIds} comma-separated contact ids, e.g. /contacts/batch/1,2,3`);
    }
    const parts: Part[] = ids.map((id) => {
      const contact = state.contacts.get(id);
      return contact
        ? { status: 200, contentType: 'application/json', value: body(contact) }
        : { status: 404, contentType: 'application/problem+json', value: { type: 'about:blank', title: 'Not Found', status: 404, detail: `There is no contact ${id}` } };
    });
    const boundary = `Boundary_contacts_${Date.now().toString(36)}`;
    const section = (contentType: string, value: unknown) => `--${boundary}\r\nContent-Type: ${contentType}\r\n\r\n${JSON.stringify(value)}\r\n`;
    const text =
      section('application/json', { response: parts.map(({ status }) => ({ status })) }) +
      parts.map((part) => section(part.contentType, part.value)).join('') +
      `--${boundary}--\r\n`;
    return new Response(text, {
      status: 207,
      statusText: 'Multi-Status',
      headers: { 'content-type': `multipart/mixed; boundary=${boundary}`, 'cache-control': 'no-store' },
    });
  });

  return app;
}
