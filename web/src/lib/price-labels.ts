import type { CatalogueView } from '../shared.ts';
import { optionValueLabels } from './catalogue.ts';

/** « Hébergé · Niveau 2 »: the values of a price's options, in the line's order of dimensions. */
export function optionValuesText(view: CatalogueView, line: string, options: Record<string, string>): string {
  return optionValueLabels(
    view.lines.find((l) => l.code === line),
    options,
  )
    .map((o) => o.value)
    .join(' · ');
}
