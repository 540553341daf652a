import { useFocusWhen } from '../../lib/focus.ts';
import { Alert } from '../ui.tsx';

/** Where a success message is shown: next to what was just changed. */
export type Flash = { where: string; text: string } | null;

export function FlashMessage({ flash, where }: { flash: Flash; where: string }) {
  const shown = flash?.where === where;
  const ref = useFocusWhen<HTMLDivElement>(shown, flash);
  return shown ? (
    <Alert tone="success" focusRef={ref}>
      <p>{flash.text}</p>
    </Alert>
  ) : null;
}
