import { joinMessages, splitServerErrors, type ServerErrors } from './server-errors.js';

/**
 * The part of React Hook Form's `useForm()` result (or `createFormControl()`) the adapter uses.
 * Structural: nothing of react-hook-form is imported, so nothing of it is bundled. `TName` is the
 * form's own `FieldPath<T>` (read from its `setError`), so no cast is needed at the call site.
 */
export interface HookFormLike<TName extends string> {
  setError: (name: TName | 'root.server', error: { type: string; message: string }, options?: { shouldFocus: boolean }) => void;
  /**
   * Its `control`: `_names.mount` holds the names of the registered inputs (`register`, `Controller`,
   * `useController`), and `_fields` their state, where `_f.mount` turns false when an input unmounts.
   */
  control?: { _names?: { mount?: ReadonlySet<string> }; _fields?: object } | undefined;
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
 * Which fields the form has: the inputs registered with it and still mounted (`control._names.mount`
 * and `_f.mount`, what React Hook Form itself uses to validate and focus), or `options.fields`. Not the form's values: a value without
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
  const listed = options.fields && new Set<string>(options.fields);
  const hasField = listed ? (path: string) => listed.has(path) : (path: string) => isMounted(form.control, path);
  const split = splitServerErrors<TName>(error, hasField);
  let focus = options.shouldFocus ?? false;
  for (const [name, messages] of Object.entries(split.fields) as [TName, string[]][]) {
    form.setError(name, { type: 'server', message: joinMessages(messages) }, { shouldFocus: focus });
    focus = false;
  }
  if (split.form.length > 0) form.setError('root.server', { type: 'server', message: joinMessages(split.form) });
  return split;
}

/** A registered input that has not unmounted since (an input kept by `shouldUnregister: false` has). */
function isMounted(control: HookFormLike<string>['control'], path: string): boolean {
  if (!control?._names?.mount?.has(path)) return false;
  let field: unknown = control._fields;
  for (const key of path.split('.')) field = typeof field === 'object' && field !== null ? (field as Record<string, unknown>)[key] : undefined;
  return (field as { _f?: { mount?: boolean } } | undefined)?._f?.mount !== false;
}
