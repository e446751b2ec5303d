import { useIsFetching, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { BatchCard } from './BatchCard.tsx';
import { describeError } from '../shared/error-view.ts';
import { contactHref } from '../shared/route.ts';
import { FormErrors } from './ContactForm.tsx';
import { contactsQuery, queryClient } from './demo.ts';
import { useRenderCount } from './hooks.ts';

export function ContactsPage() {
  return (
    <section>
      <div className="toolbar">
        <h2>Contacts</h2>
        <RevalidateButton />
        <a className="button" href="#/pages">
          Pages
        </a>
        <a className="button" href="#/new">
          New contact
        </a>
      </div>
      <ContactTable />
      <p className="hint">
        <b>Revalidate</b> sends <code>If-None-Match</code>. The API answers <code>304</code>, fetchwise resolves with the very
        same cached array, and the table does not render again: watch its counter.
      </p>
      <BatchCard />
    </section>
  );
}

/** Its own component, so that "fetching…" re-renders this button and not the table. */
function RevalidateButton() {
  const { queryKey } = contactsQuery();
  const fetching = useIsFetching({ queryKey }) > 0;
  return (
    <button type="button" data-fetching={fetching ? 'yes' : 'no'} onClick={() => void queryClient.refetchQueries({ queryKey })}>
      {fetching ? 'Revalidating…' : 'Revalidate'}
    </button>
  );
}

/** Reads only `data` and `error`: TanStack Query re-renders it only when one of them changes. */
function ContactTable() {
  const ref = useRef<HTMLDivElement>(null);
  const { data, error } = useQuery(contactsQuery());
  useRenderCount(ref);
  const view = describeError(error, []);
  return (
    <div ref={ref} className="contact-table" data-testid="contact-table" data-status={data ? 'ready' : view ? 'error' : 'loading'}>
      {view && <FormErrors error={view} />}
      {!data && !view && <p className="muted">Loading contacts…</p>}
      {data && (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Phone</th>
            </tr>
          </thead>
          <tbody>
            {data.map((contact) => (
              <tr key={contact.id} data-contact={contact.id}>
                <td>
                  <a href={contactHref(contact.id)}>{contact.name}</a>
                </td>
                <td>{contact.email || '—'}</td>
                <td>{contact.phone || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="render-badge" data-render-badge />
    </div>
  );
}
