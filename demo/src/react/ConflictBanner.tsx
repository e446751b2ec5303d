import { contactFields } from '../shared/error-view.ts';
import type { Contact, ContactInput } from '../shared/schemas.ts';

interface Props {
  /** The server's version, refetched by fetchwise after the 412 (undefined while it loads). */
  theirs: Contact | undefined;
  mine: ContactInput;
  onReload(): void;
  onOverwrite(): void;
}

/** 412 Precondition Failed: show both versions and let the user choose. */
export function ConflictBanner({ theirs, mine, onReload, onOverwrite }: Props) {
  return (
    <div className="conflict" role="alert" data-conflict>
      <p className="summary">
        <strong>412 Precondition Failed.</strong> Someone else changed this contact since you opened it
        {theirs ? ` (it is now version ${theirs.version}).` : '.'}
      </p>
      <table>
        <thead>
          <tr>
            <th />
            <th>Their version</th>
            <th>Yours</th>
          </tr>
        </thead>
        <tbody>
          {contactFields.map(({ name, label }) => (
            <tr key={name} className={theirs && theirs[name] !== mine[name] ? 'differs' : undefined}>
              <th>{label}</th>
              <td data-theirs={name}>{theirs ? theirs[name] || '—' : '…'}</td>
              <td>{mine[name] || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={onReload} disabled={!theirs}>
          Reload their version
        </button>
        <button type="button" className="danger" onClick={onOverwrite} disabled={!theirs}>
          Overwrite with mine
        </button>
      </div>
    </div>
  );
}
