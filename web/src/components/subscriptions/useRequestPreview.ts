import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { previewByRow, previewRows, requestBody, type DraftRow, type Preview, type RowPreview } from '../../lib/request-draft.ts';
import type { Finding } from '../../lib/subscriptions.ts';
import { errorMessage } from '../ui.tsx';

export interface LivePreview {
  /** What the server said, row by row (by row key); rows not yet complete are absent. */
  rows: Record<string, RowPreview>;
  general: Finding[];
  estimate: Preview['estimate'] | null;
  checking: boolean;
  error: string | null;
}

const EMPTY: LivePreview = { rows: {}, general: [], estimate: null, checking: false, error: null };
const DELAY_MS = 400;

/**
 * The live check of a request being written: once the typing pauses, the complete rows are sent to the preview
 * route (nothing is saved) and its refusals, warnings and estimate come back placed on their rows.
 */
export function useRequestPreview(providerId: string, organisationId: string, rows: readonly DraftRow[], year: number | undefined): LivePreview {
  const [state, setState] = useState<LivePreview>(EMPTY);
  const sent = previewRows(rows);
  const body = providerId && organisationId && sent.length ? requestBody(providerId, organisationId, sent) : null;
  const key = body ? JSON.stringify([body, year, sent.map((r) => r.key)]) : '';

  useEffect(() => {
    if (!body) {
      setState(EMPTY);
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, checking: true }));
    const timer = window.setTimeout(() => {
      api.subscriptions
        .preview(body, year, controller.signal)
        .then((preview) => {
          if (controller.signal.aborted) return;
          const placed = previewByRow(preview, sent);
          setState({ rows: placed.rows, general: placed.general, estimate: preview.estimate, checking: false, error: null });
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setState({ ...EMPTY, error: errorMessage(error) });
        });
    }, DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  return state;
}
