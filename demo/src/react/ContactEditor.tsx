import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isResponseShapeError } from '../../../src/index.ts';
import { contactFieldNames, describeError } from '../shared/error-view.ts';
import { Contact, inputOf, type ContactInput } from '../shared/schemas.ts';
import { ConflictBanner } from './ConflictBanner.tsx';
import { ContactForm, FormErrors } from './ContactForm.tsx';
import { api, contactQuery, queryClient } from './demo.ts';

/**
 * Detail and edit: the query brings the contact and its ETag; the PATCH sends `If-Match` by itself.
 * A 422 (any dialect) or a response that fails the schema shows field by field; a 412 offers
 * "reload / overwrite" once fetchwise has refetched the server's version.
 */
export function ContactEditor({ id }: { id: string }) {
  const query = useQuery(contactQuery(id));
  const [draft, setDraft] = useState<ContactInput>();
  const save = useMutation({
    // An Idempotency-Key makes the PATCH retryable (a flaky 503 is retried, not shown).
    ...api.mutationOptions<typeof Contact, ContactInput>('PATCH', `/contacts/${id}`, { schema: Contact, idempotencyKey: true }),
    onSuccess: () => setDraft(undefined),
    onError: (error) => {
      // Saved, but the answer was unreadable: show what the server now has, with its new ETag.
      if (isResponseShapeError(error)) void queryClient.invalidateQueries({ queryKey: contactQuery(id).queryKey });
    },
  });
  const remove = useMutation({ mutationFn: () => api.request('DELETE', `/contacts/${id}`) });

  const contact = query.data;
  if (!contact) {
    const error = describeError(query.error, []);
    return (
      <section className="editor" data-status={error ? 'error' : 'loading'}>
        <a href="#/">← Contacts</a>
        {error ? <FormErrors error={error} /> : <p className="muted">Loading contact {id}…</p>}
      </section>
    );
  }
  if (remove.isSuccess) {
    return (
      <section className="editor" data-status="deleted">
        <p className="notice" data-deleted={remove.data.alreadyGone ? 'already-gone' : 'deleted'}>
          {remove.data.alreadyGone
            ? `${contact.name} had already been deleted (the API answered 404; fetchwise resolves a DELETE of a missing resource).`
            : `${contact.name} was deleted.`}
        </p>
        <a href="#/">← Contacts</a>
      </section>
    );
  }

  const value = draft ?? inputOf(contact);
  const error = describeError(save.error, contactFieldNames);
  const status = save.isPending
    ? 'saving'
    : error?.kind === 'conflict'
      ? 'conflict'
      : error && (Object.keys(error.fields).length > 0 || error.form.length > 0)
        ? 'invalid'
        : error
          ? 'error'
          : save.isSuccess && !draft
            ? 'saved'
            : 'ready';
  const removeError = describeError(remove.error, []);

  return (
    <section className="editor">
      <a href="#/">← Contacts</a>
      <h2>
        {contact.name || 'Unnamed'} <span className="version">version {contact.version}</span>
      </h2>
      <ContactForm
        value={value}
        onChange={setDraft}
        onSubmit={() => save.mutate(value)}
        error={error}
        status={status}
        busy={save.isPending}
        submitLabel="Save"
        banner={
          error?.kind === 'conflict' && (
            <ConflictBanner
              theirs={query.isFetching ? undefined : contact}
              mine={value}
              onReload={() => {
                setDraft(undefined);
                save.reset();
              }}
              onOverwrite={() => save.mutate(value)}
            />
          )
        }
        actions={
          <>
            {status === 'saved' && <span className="saved">Saved ✓</span>}
            <button type="button" className="danger quiet" onClick={() => remove.mutate()} disabled={remove.isPending}>
              Delete
            </button>
          </>
        }
      />
      {removeError && <FormErrors error={removeError} />}
    </section>
  );
}
