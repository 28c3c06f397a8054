/** `validate <folder>`: prints every error, then every warning, and says whether the folder can be published. */
import { formatProblem } from '../content/problems.ts';
import { type ValidationResult, validateFolder } from '../content/validate.ts';

export function runValidate(folder: string, log: (line: string) => void = console.log): ValidationResult {
  const result = validateFolder(folder);
  const { errors, warnings } = result.problems;
  for (const p of errors) log(`${formatProblem(p)}`);
  for (const p of warnings) log(`${formatProblem(p)} (warning)`);
  const counts = `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
  log(
    errors.length > 0
      ? `✗ ${folder}: ${counts}. Fix the errors, then run validate again.`
      : `✓ ${folder}: ${counts}. Ready to publish.`,
  );
  return result;
}
