import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { BatchEntry } from '../../../src/batch/index.ts';
import { isHttpError } from '../../../src/index.ts';
import { describeError } from '../shared/error-view.ts';
import { contactHref } from '../shared/route.ts';
import type { Contact } from '../shared/schemas.ts';
import { FormErrors } from './ContactForm.tsx';
import { contactsBatch } from './demo.ts';

const parseIds = (text: string): string[] => text.split(',').map((id) => id.trim()).filter((id) => id !== '');

/**
 * Several contacts in one request: `GET /api/contacts/batch/1,2,99` answers `207 Multi-Status`
 * (multipart/mixed), and `batch(client, …)` from `fetchwise/batch` gives one entry per id, a contact or the typed error of its part.
 */
export function BatchCard() {
  const [text, setText] = useState('1,2,99');
  const [ids, setIds] = useState<string[]>([]);
  const { data, error, isFetching } = useQuery({
    queryKey: ['demo-batch', ids],
    queryFn: ({ signal }) => contactsBatch(ids, signal),
    enabled: ids.length > 0,
    retry: false, // fetchwise retries by its own rules
  });
  const view = describeError(error, []);
  return (
    <section className="batch card" data-testid="batch" data-status={isFetching ? 'loading' : data ? 'ready' : view ? 'error' : 'idle'}>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setIds(parseIds(text));
        }}
      >
        <h3>Batch</h3>
        <label htmlFor="batch-ids" className="muted">
          ids
        </label>
        <input id="batch-ids" name="ids" value={text} onChange={(event) => setText(event.target.value)} />
        <button type="submit" disabled={parseIds(text).length === 0}>
          Get all
        </button>
      </form>
      {view && <FormErrors error={view} />}
      {data && <BatchTable ids={ids} entries={data} />}
      <p className="hint">
        One request, one <code>207 Multi-Status</code> answer (<code>multipart/mixed</code>), one entry per id: a contact, or the
        typed error of its own part.
      </p>
    </section>
  );
}

function BatchTable({ ids, entries }: { ids: readonly string[]; entries: readonly BatchEntry<Contact>[] }) {
  return (
    <table>
      <tbody>
        {entries.map((entry, index) => (
          <tr key={index} data-batch-entry={ids[index]} data-ok={entry.ok ? 'yes' : 'no'} data-http-status={entry.status}>
            <td>{ids[index]}</td>
            <td>
              <code>{entry.status}</code>
            </td>
            {entry.ok ? (
              <td>
                <a href={contactHref(entry.data.id)}>{entry.data.name}</a>
              </td>
            ) : (
              <td className="failed">
                {isHttpError(entry.error) ? entry.error.problem.title : entry.error.name}{' '}
                <span className="muted">{isHttpError(entry.error) ? entry.error.problem.detail : entry.error.message}</span>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
