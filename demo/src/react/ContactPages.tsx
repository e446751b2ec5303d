import { useInfiniteQuery } from '@tanstack/react-query';
import { describeError } from '../shared/error-view.ts';
import { contactHref } from '../shared/route.ts';
import { FormErrors } from './ContactForm.tsx';
import { contactPagesQuery } from './demo.ts';

/**
 * The contacts a page at a time: `useInfiniteQuery(api.infiniteQueryOptions(…, { pages: halPages() }))` follows the API's HAL
 * `_links.next`, with no `getNextPageParam` of ours. "Load more" disappears on the page without `next`.
 */
export function ContactPages() {
  const { data, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useInfiniteQuery(contactPagesQuery());
  const view = describeError(error, []);
  const pages = data?.pages ?? [];
  return (
    <section className="contact-table" data-testid="contact-pages" data-status={data ? (hasNextPage ? 'more' : 'all') : view ? 'error' : 'loading'}>
      <div className="toolbar">
        <h2>Contacts, page by page</h2>
        <a href="#/">← Contacts</a>
      </div>
      {view && <FormErrors error={view} />}
      {!data && !view && <p className="muted">Loading the first page…</p>}
      {data && (
        <table>
          <tbody>
            {pages.flatMap((page, index) =>
              page.data._embedded.contacts.map((contact) => (
                <tr key={contact.id} data-contact={contact.id} data-page={index + 1}>
                  <td className="muted">p{index + 1}</td>
                  <td>
                    <a href={contactHref(contact.id)}>{contact.name}</a>
                  </td>
                  <td>{contact.email || '—'}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <div className="actions">
        {hasNextPage && (
          <button type="button" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        )}
        {data && !hasNextPage && (
          <p className="muted" data-pages-done>
            All loaded: {pages.length} pages.
          </p>
        )}
      </div>
      <p className="hint">
        Each page is <code>application/hal+json</code>; fetchwise reads its <code>_links.next</code> and asks for the next page
        only when you click.
      </p>
    </section>
  );
}
