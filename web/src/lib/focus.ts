import { useEffect, useRef } from 'react';

/** A ref that takes the focus once, when its element appears (the heading of a form that opens). */
export function useFocusOnMount<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/** A ref that takes the focus each time `trigger` changes while `shown` holds (a result, a message). */
export function useFocusWhen<E extends HTMLElement>(shown: boolean, trigger: unknown) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [trigger]);
  return ref;
}
