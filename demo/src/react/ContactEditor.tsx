import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { isPreconditionFailedError, isResponseShapeError } from '../../../src/index.ts';
import { setHookFormErrors } from '../../../src/forms/index.ts';
import { describeError, shownFields } from '../shared/error-view.ts';
import { Contact, ContactInput, inputOf } from '../shared/schemas.ts';
import { ConflictBanner } from './ConflictBanner.tsx';
import { ContactForm, FormErrors } from './ContactForm.tsx';
import { api, contactQuery, queryClient } from './demo.ts';

/** Detail and edit: the contact's query, its delete, and the edit form once the contact is there. */
export function ContactEditor({ id }: { id: string }) {
  const query = useQuery(contactQuery(id));
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
  const removeError = describeError(remove.error, []);
  return (
    <section className="editor">
      <a href="#/">← Contacts</a>
      <h2>
        {contact.name || 'Unnamed'} <span className="version">version {contact.version}</span>
      </h2>
      <EditForm
        id={id}
        contact={contact}
        refetching={query.isFetching}
        deleteButton={
          <button type="button" className="danger quiet" onClick={() => remove.mutate()} disabled={remove.isPending}>
            Delete
          </button>
        }
      />
      {removeError && <FormErrors error={removeError} />}
    </section>
  );
}

/**
 * The edit form, with React Hook Form. The PATCH sends `If-Match` by itself; `setHookFormErrors` puts a
 * 422 (any dialect), or a response that fails the schema, under the inputs, and what fits no input
 * into `errors.root.server`. A 412 offers "reload / overwrite" once fetchwise has refetched the server's version.
 */
function EditForm({ id, contact, refetching, deleteButton }: { id: string; contact: Contact; refetching: boolean; deleteButton: React.ReactNode }) {
  const form = useForm<ContactInput>({ defaultValues: inputOf(contact) });
  const [fields] = useState(() => shownFields(contact));
  const save = useMutation({
    // `variables: ContactInput` types mutate(values). An Idempotency-Key makes the PATCH retryable (a flaky 503 is retried, not shown).
    ...api.mutationOptions('PATCH', `/contacts/${id}`, { schema: Contact, variables: ContactInput, idempotencyKey: true }),
    onSuccess: (saved) => form.reset(inputOf(saved)),
    onError: (error) => {
      if (!isPreconditionFailedError(error)) setHookFormErrors(form, error, { shouldFocus: true });
      // Saved, but the answer was unreadable: show what the server now has, with its new ETag.
      if (isResponseShapeError(error)) void queryClient.invalidateQueries({ queryKey: contactQuery(id).queryKey });
    },
  });
  const values = form.watch();
  const { isDirty, errors } = form.formState;
  const error = describeError(save.error, fields.map((field) => field.name));
  const status = save.isPending
    ? 'saving'
    : error?.kind === 'conflict'
      ? 'conflict'
      : error && Object.keys(errors).length > 0
        ? 'invalid'
        : error
          ? 'error'
          : save.isSuccess && !isDirty
            ? 'saved'
            : 'ready';
  return (
    <ContactForm
      form={form}
      fields={fields}
      onSubmit={(input) => save.mutate(input)}
      error={error}
      status={status}
      busy={save.isPending}
      submitLabel="Save"
      banner={
        error?.kind === 'conflict' && (
          <ConflictBanner
            theirs={refetching ? undefined : contact}
            mine={values}
            onReload={() => {
              form.reset(inputOf(contact));
              save.reset();
            }}
            onOverwrite={() => save.mutate(form.getValues())}
          />
        )
      }
      actions={
        <>
          {status === 'saved' && <span className="saved">Saved ✓</span>}
          {deleteButton}
        </>
      }
    />
  );
}
