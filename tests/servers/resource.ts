/**
 * The resource every server in the matrix serves at `/contacts/1`: a contact of about 1.7 KB, the size
 * the issue measured (1,706 body bytes per revalidation), with a `createdAt` that a query schema
 * turns into a `Date` (R-WRITE-SCHEMA).
 */
export interface Contact {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  notes: string;
  [field: string]: unknown;
}

export const contactPath = '/contacts/1';

export function initialContact(): Contact {
  return {
    id: '1',
    name: 'Ada Lovelace',
    email: 'ada@example.org',
    createdAt: '2026-11-22T09:30:00.000Z',
    notes: 'Wrote the first published algorithm for a machine. '.repeat(30).trim(),
  };
}
