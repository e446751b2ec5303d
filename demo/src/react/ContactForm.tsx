import type { ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { contactFields, messageLines, type ContactField, type ErrorView } from '../shared/error-view.ts';
import type { ContactInput } from '../shared/schemas.ts';

interface Props {
  /** The React Hook Form form: values, and the errors `setHookFormErrors` put under each field and in `root.server`. */
  form: UseFormReturn<ContactInput>;
  onSubmit(values: ContactInput): void;
  /** `describeError(…)` of the last failure, for the summary line and what fetchwise made of the response. */
  error: ErrorView | undefined;
  /** `data-status` for the specs: loading, ready, saving, saved, invalid, conflict, error. */
  status: string;
  busy: boolean;
  submitLabel: string;
  /** The inputs to render (every field of a contact unless told otherwise). */
  fields?: readonly ContactField[];
  /** Shown above the fields (the conflict choices). */
  banner?: ReactNode;
  /** Shown beside the submit button. */
  actions?: ReactNode;
}

/** The contact form: the same markup and error placement as the Vue and Svelte pages. */
export function ContactForm({ form, onSubmit, error, status, busy, submitLabel, fields = contactFields, banner, actions }: Props) {
  const { errors } = form.formState;
  const formMessages = messageLines(errors.root?.['server']?.message);
  return (
    <form className="contact-form" noValidate data-status={status} onSubmit={form.handleSubmit(onSubmit)}>
      {error && error.kind !== 'conflict' && <FormErrors error={{ ...error, form: formMessages }} />}
      {banner}
      {fields.map((field) => {
        const message = errors[field.name]?.message;
        return (
          <div className="field" key={field.name}>
            <label htmlFor={`field-${field.name}`}>{field.label}</label>
            <input
              id={`field-${field.name}`}
              type={field.type}
              autoComplete={field.autocomplete}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? `error-${field.name}` : undefined}
              {...form.register(field.name)}
            />
            {message && (
              <p className="field-error" id={`error-${field.name}`} data-field-error={field.name}>
                {messageLines(message).join(' ')}
              </p>
            )}
          </div>
        );
      })}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {actions}
      </div>
    </form>
  );
}

/** Form-level messages and a one-line summary, above the fields. */
export function FormErrors({ error }: { error: ErrorView }) {
  return (
    <div className={`form-errors kind-${error.kind}`} role="alert" data-form-errors={error.kind}>
      <p className="summary">{error.summary}</p>
      {error.form.length > 0 && (
        <ul>
          {error.form.map((message) => (
            <li key={message} data-form-error>
              {message}
            </li>
          ))}
        </ul>
      )}
      <p className="meta">{error.meta}</p>
    </div>
  );
}
