import { useRef } from 'react';
import type { AgreementDetail } from '../../lib/agreements.ts';
import { RecordExitForm, type ExitRequest } from './RecordExitForm.tsx';

/** The "record an exit" button, or its form once opened; closing the form gives the focus back to the button. */
export function RecordExitAction({
  agreement,
  open,
  onOpenChange,
  categories,
  onRecorded,
}: {
  agreement: AgreementDetail;
  open: boolean;
  onOpenChange(open: boolean): void;
  categories: { categories: { value: string; label: string }[]; catalogue: { loading: boolean; error: Error | undefined; reload(): void } };
  onRecorded(request: ExitRequest): void;
}) {
  const button = useRef<HTMLButtonElement>(null);
  if (open) {
    return (
      <RecordExitForm
        agreement={agreement}
        categories={categories.categories}
        categoriesState={categories.catalogue}
        onRecorded={onRecorded}
        onCancel={() => {
          onOpenChange(false);
          setTimeout(() => button.current?.focus(), 0);
        }}
      />
    );
  }
  return (
    <p>
      <button type="button" className="btn btn-secondary" ref={button} onClick={() => onOpenChange(true)}>
        Enregistrer une dénonciation
      </button>
    </p>
  );
}
