// Where commands print: stdout for results, stderr when stdout carries a machine-readable document.

export interface Output {
  line(text?: string): void;
}

export const stdout: Output = { line: (text = '') => process.stdout.write(text + '\n') };
export const stderr: Output = { line: (text = '') => process.stderr.write(text + '\n') };
