import type { ReactNode } from 'react';
import { contactFields, type ErrorView } from '../shared/error-view.ts';
import type { ContactInput } from '../shared/schemas.ts';

interface Props {
  value: ContactInput;
  onChange(value: ContactInput): void;
  onSubmit(): void;
  /** `describeError(…)` of the last failure: field messages go next to their inputs, the rest above. */
  error: ErrorView | undefined;
  /** `data-status` for the specs: loading, ready, saving, saved, invalid, conflict, error. */
  status: string;
  busy: boolean;
  submitLabel: string;
  /** Shown above the fields (the conflict choices). */
  banner?: ReactNode;
  /** Shown beside the submit button. */
  actions?: ReactNode;
}

/** The contact form: the same markup and error placement as the Vue and Svelte pages. */
export function ContactForm({ value, onChange, onSubmit, error, status, busy, submitLabel, banner, actions }: Props) {
  return (
    <form
      className="contact-form"
      noValidate
      data-status={status}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {error && error.kind !== 'conflict' && <FormErrors error={error} />}
      {banner}
      {contactFields.map((field) => {
        const messages = error?.fields[field.name];
        return (
          <div className="field" key={field.name}>
            <label htmlFor={`field-${field.name}`}>{field.label}</label>
            <input
              id={`field-${field.name}`}
              name={field.name}
              type={field.type}
              autoComplete={field.autocomplete}
              value={value[field.name]}
              aria-invalid={messages ? true : undefined}
              aria-describedby={messages ? `error-${field.name}` : undefined}
              onChange={(event) => onChange({ ...value, [field.name]: event.target.value })}
            />
            {messages && (
              <p className="field-error" id={`error-${field.name}`} data-field-error={field.name}>
                {messages.join(' ')}
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
