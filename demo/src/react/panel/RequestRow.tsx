import { requestSegments, requestTags, type RequestEntry } from '../../shared/network-log.ts';
import { formatMs } from './format.ts';

const statusClass = (entry: RequestEntry) =>
  entry.status === undefined
    ? entry.state === 'failed'
      ? 's-err'
      : 'pending'
    : entry.state === 'failed' && entry.status < 300
      ? 's-err'
      : `s${String(entry.status)[0]}xx s${entry.status}`;

const tagClass = (tag: string) =>
  tag.startsWith('304')
    ? 'cache'
    : tag.startsWith('rate') || tag.startsWith('body')
      ? 'rate'
      : tag.startsWith('retry')
        ? 'retry'
        : tag === 'cancelled'
          ? 'muted'
          : 'auth';

const tagTitles: Record<string, string> = {
  '304 cache hit': 'The API answered 304 Not Modified: fetchwise resolved with the cached object itself',
  cancelled: 'Aborted by TanStack Query: nobody was waiting for it any more (React StrictMode mounts twice in development)',
  'waited for refresh': 'Got a 401; this tab refreshed the token, then the request was replayed',
  'refreshed in another tab': 'Got a 401; another tab had the fresh token, so this tab reused it and replayed the request',
  'body failed the schema': 'The response arrived but did not match its schema: a ResponseShapeError',
};

/** One request: method, URL, status, duration, a waterfall bar of its attempts and waits, and its tags. */
export function RequestRow({ entry, now, scale }: { entry: RequestEntry; now: number; scale: number }) {
  const duration = (entry.end ?? now) - entry.start;
  const tags = requestTags(entry, now);
  return (
    <div
      className={`request ${entry.state}`}
      role="row"
      data-request={entry.id}
      data-method={entry.method}
      data-path={entry.path}
      data-http-status={entry.status ?? ''}
      data-status={entry.state}
      data-retry-delays={entry.retries.map((retry) => Math.round(retry.delay)).join(' ')}
    >
      <span className={`method m-${entry.method.toLowerCase()}`} role="cell">
        {entry.method}
      </span>
      <span className="path" role="cell" title={entry.path}>
        {entry.path}
        {entry.via === 'identity' && <em className="via"> identity provider</em>}
      </span>
      <span className={`status ${statusClass(entry)}`} role="cell" title={entry.error}>
        {entry.status ?? { pending: '…', cancelled: '—', failed: '✕', done: '' }[entry.state]}
      </span>
      <span className="duration" role="cell">
        {formatMs(duration)}
      </span>
      <span className="bar" role="cell" aria-hidden>
        {requestSegments(entry, now).map((segment, index) => (
          <i
            key={index}
            className={`seg ${segment.kind}`}
            title={segment.label}
            style={{ left: `${((segment.from - entry.start) / scale) * 100}%`, width: `${Math.max(0.8, ((segment.to - segment.from) / scale) * 100)}%` }}
          />
        ))}
      </span>
      {tags.length > 0 && (
        <span className="tags" role="cell">
          {tags.map((tag) => (
            <b key={tag} className={`tag ${tagClass(tag)}`} data-tag={tag} title={tagTitles[tag]}>
              {tag}
            </b>
          ))}
        </span>
      )}
    </div>
  );
}
