/** A problem found in a content folder: an error or a warning, named by file and line. */
export type Severity = 'error' | 'warning';
export type Problem = { severity: Severity; file: string; line: number; message: string };

/** Collects problems in the order they are found, so one run reports all of them. */
export class ProblemList {
  readonly items: Problem[] = [];
  error(file: string, line: number, message: string): void {
    this.items.push({ severity: 'error', file, line, message });
  }
  warning(file: string, line: number, message: string): void {
    this.items.push({ severity: 'warning', file, line, message });
  }
  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === 'error');
  }
  get warnings(): Problem[] {
    return this.items.filter((p) => p.severity === 'warning');
  }
}

/** `path/to/file.yaml:LINE: message`, the form editors and terminals link to. */
export const formatProblem = (p: Problem): string => `${p.file}:${p.line}: ${p.message}`;
