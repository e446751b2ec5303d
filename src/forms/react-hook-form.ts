import { joinMessages, splitServerErrors, type ServerErrors } from './server-errors.js';

/**
 * The part of React Hook Form's `useForm()` result (or `createFormControl()`) the adapter uses.
 * Structural: nothing of react-hook-form is imported, so nothing of it is bundled. `TName` is the
 * form's own `FieldPath<T>` (read from its `setError`), so no cast is needed at the call site.
 */
export interface HookFormLike<TName extends string> {
  setError: (name: TName | 'root.server', error: { type: string; message: string }, options?: { shouldFocus: boolean }) => void;
  /** Its `control._names.mount`: the names of the registered inputs (`register`, `Controller`, `useController`). */
  control?: { _names?: { mount?: ReadonlySet<string> } } | undefined;
}

export interface HookFormErrorOptions<TName extends string> {
  /** Focus the first field that got an error (React Hook Form's `shouldFocus`). @default false */
  shouldFocus?: boolean;
  /** The fields the form shows, when you would rather list them than have the registered inputs used. */
  fields?: readonly NoInfer<TName>[];
}

/**
 * Puts a server error into a React Hook Form form: each message under its field with
 * `setError(name, { type: 'server', message })`; errors that belong to no field, and errors for fields
 * the form has no input for, go to `errors.root.server`, so nothing is lost. Returns what was set.
 *
 * Which fields the form has: the inputs registered with it (`control._names.mount`, which React Hook
 * Form itself uses to validate and focus), or `options.fields`. Not the form's values: a value without
 * an input (an `id` in `defaultValues`) would swallow its error where nobody sees it.
 *
 * @example
 * const form = useForm<Contact>();
 * const save = useMutation({ ...api.mutationOptions('PATCH', '/contacts/1'), onError: (error) => setHookFormErrors(form, error) });
 */
export function setHookFormErrors<TName extends string>(
  form: HookFormLike<TName>,
  error: unknown,
  options: HookFormErrorOptions<TName> = {},
): ServerErrors<TName> {
  const listed = options.fields ? new Set<string>(options.fields) : form.control?._names?.mount;
  const split = splitServerErrors<TName>(error, (path) => listed?.has(path) ?? false);
  let focus = options.shouldFocus ?? false;
  for (const [name, messages] of Object.entries(split.fields) as [TName, string[]][]) {
    form.setError(name, { type: 'server', message: joinMessages(messages) }, { shouldFocus: focus });
    focus = false;
  }
  if (split.form.length > 0) form.setError('root.server', { type: 'server', message: joinMessages(split.form) });
  return split;
}
