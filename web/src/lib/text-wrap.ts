/** Text set inside drawings: measured in the page's font, wrapped to a width. */

let canvas: HTMLCanvasElement | null = null;

/** Width of a text in the page's font, measured on a canvas (an estimate where no canvas is available). */
export function measure(text: string, size: number, weight: number): number {
  try {
    canvas ??= document.createElement('canvas');
    const context = canvas.getContext('2d');
    if (context) {
      const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
      context.font = `${weight} ${size}px ${family}`;
      return context.measureText(text).width;
    }
  } catch {
    // fall through to the estimate
  }
  return text.length * size * 0.56;
}

/** Greedy word wrap into lines no wider than `width`. */
export function wrap(text: string, width: number, size: number, weight: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && measure(candidate, size, weight) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}
