import { useState } from 'react';

/**
 * The state a form's error summary reads: the errors by field, the general messages, and the number of
 * failed submits (each one moves the focus to the summary again).
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  /** A failed submit: these errors replace the previous ones, and the summary takes the focus. */
  function fail(fields: Record<string, string>, messages: string[] = []) {
    setErrors(fields);
    setGeneral(messages);
    setAttempt((a) => a + 1);
  }

  /** A submit that went through: no error is left. */
  function clear() {
    setErrors({});
    setGeneral([]);
  }

  return { errors, general, attempt, fail, clear };
}
