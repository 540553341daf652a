import type { ReactNode } from 'react';

/** A heading whose level follows where the block sits: h3 under a page section, h4 inside a request of a list. */
export function SubHeading({ level, id, children }: { level: 3 | 4; id?: string; children: ReactNode }) {
  return level === 3 ? <h3 id={id}>{children}</h3> : <h4 id={id}>{children}</h4>;
}
