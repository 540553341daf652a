import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import type { FieldErrors } from '../components/forms.tsx';
import { errorMessage } from '../components/ui.tsx';
import { useFormErrors } from './form-errors.ts';

/** An issue of the contract (a path of keys) or of the server (a dotted path). */
export type IssueLike = { path: string | readonly PropertyKey[]; message: string };
/** Issues put on the form's fields; the others are general messages. */
export type PlaceIssues = (issues: readonly IssueLike[]) => { fields: FieldErrors; general: string[] };
/** A body checked on the client, shaped like zod's `safeParse` result. */
export type Checked<T> = { success: true; data: T } | { success: false; error: { issues: readonly IssueLike[] } };

/**
 * A form's submit, built on `useFormErrors`. `handle` wraps the submit (no reload, nothing while one runs);
 * `check` shows the form's own errors merged with the contract's issues; `send` runs the call with the busy
 * flag and shows a refusal: a validation refusal placed by `place` (its message if no issue is placed), any
 * other error as one message. Each failed submit moves the focus to the error summary again.
 */
export function useFormSubmit(place: PlaceIssues) {
  const form = useFormErrors();
  const { fail } = form;
  const [busy, setBusy] = useState(false);

  const handle = (submit: () => unknown) => (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void submit();
  };

  /** The checked body, or undefined once the errors are shown; the form's own messages win over the contract's. */
  function check<T>(found: FieldErrors, parsed: Checked<T>): T | undefined {
    const placed = parsed.success ? { fields: {}, general: [] } : place(parsed.error.issues);
    for (const [k, v] of Object.entries(placed.fields)) found[k] ??= v;
    if (parsed.success && Object.keys(found).length === 0) return parsed.data;
    fail(found, placed.general);
    return undefined;
  }

  async function send<T>(call: () => Promise<T>, done: (result: T) => void): Promise<void> {
    setBusy(true);
    try {
      const result = await call();
      setBusy(false);
      done(result);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.isValidation) {
        const split = place(error.issues);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    }
  }

  return { ...form, busy, handle, check, send };
}
