// Where commands print: stdout for results, stderr when stdout carries a machine-readable document; and
// how wide a text is on a terminal, for tables whose Korean cells take two columns a character.

import stringWidth from 'string-width';

export { stringWidth };

export interface Output {
  line(text?: string): void;
}

export const stdout: Output = { line: (text = '') => process.stdout.write(text + '\n') };
export const stderr: Output = { line: (text = '') => process.stderr.write(text + '\n') };

/** Pads `text` to `width` terminal columns, on the right (or the left): Hangul and other wide characters take two. */
export function padColumns(text: string, width: number, side: 'end' | 'start' = 'end'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return side === 'end' ? text + fill : fill + text;
}

/** The rows as lines of aligned columns two spaces apart (the last column unpadded), and each column's width. */
export function alignColumns(rows: string[][]): { lines: string[]; widths: number[] } {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => stringWidth(r[i] ?? ''))));
  const lines = rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : padColumns(cell, widths[i]!))).join('  '));
  return { lines, widths };
}
