import { formatInteger } from './format.ts';

export const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export const MONTHS_SHORT = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

export const CHART = { width: 640, height: 240, left: 56, right: 16, top: 16, bottom: 36 };
const PLOT_WIDTH = CHART.width - CHART.left - CHART.right;
const PLOT_HEIGHT = CHART.height - CHART.top - CHART.bottom;

type Values = readonly (number | null)[];

/** A round step for about four gridlines: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(max: number): number {
  if (max <= 0) return 1;
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return Math.max(1, step);
}

/** The vertical axis: from 0 to a round top above the highest value, with its ticks. */
export function axisOf(...series: Values[]): { top: number; ticks: number[] } {
  const max = Math.max(0, ...series.flat().filter((v): v is number => v !== null));
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Math.round(t * 100) / 100);
  return { top, ticks };
}

export const xOf = (month: number) => CHART.left + (PLOT_WIDTH * (month + 0.5)) / 12;
export const yOf = (value: number, top: number) => CHART.top + PLOT_HEIGHT - (PLOT_HEIGHT * value) / top;
export const plotBottom = CHART.top + PLOT_HEIGHT;

/** The series as SVG path data: a month without snapshot breaks the line rather than drawing a false zero. */
export function pathOf(values: Values, top: number): string {
  let d = '';
  let drawing = false;
  values.forEach((value, month) => {
    if (value === null) {
      drawing = false;
      return;
    }
    d += `${drawing ? 'L' : 'M'} ${xOf(month).toFixed(1)} ${yOf(value, top).toFixed(1)} `;
    drawing = true;
  });
  return d.trim();
}

/** « relevés sur 10 mois, de 320 à 335 (moyenne 330) » or « aucun relevé ». */
export function seriesSummary(values: Values): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return 'aucun relevé';
  const min = Math.min(...known);
  const max = Math.max(...known);
  const mean = Math.round(known.reduce((a, b) => a + b, 0) / known.length);
  const span = min === max ? `${formatInteger(min)} chaque mois` : `de ${formatInteger(min)} à ${formatInteger(max)} (moyenne ${formatInteger(mean)})`;
  return `relevés sur ${known.length} mois, ${span}`;
}

/** The difference with the same month of the previous year, signed; a dash when either month has no snapshot. */
export function differenceText(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return '—';
  const diff = current - previous;
  return diff === 0 ? '0' : `${diff > 0 ? '+' : '−'}${formatInteger(Math.abs(diff))}`;
}
