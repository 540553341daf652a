import { useCallback, useEffect, useRef, useState } from 'react';

/** Sets the document title of a page: "<page> – Mutualis". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – Mutualis` : 'Mutualis';
  }, [title]);
}

export interface Resource<T> {
  data: T | undefined;
  /** The key the data was loaded for: differs from the current key while a new load runs. */
  dataKey: string | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads data when `key` changes; the latest answer wins and a stale one is dropped. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Resource<T> {
  const [state, setState] = useState<{ data: T | undefined; dataKey: string | undefined; error: Error | undefined; loading: boolean }>({
    data: undefined,
    dataKey: undefined,
    error: undefined,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    loadRef
      .current(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ data, dataKey: key, error: undefined, loading: false });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)), loading: false }));
      });
    return () => controller.abort();
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
