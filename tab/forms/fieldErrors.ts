// Field messages from either side: zod issues from validating the form here, or `issues` from the
// server's 400. Both use the field name as the path, so both land next to the same input.
import type { ZodError } from 'zod';
import { toFieldIssues } from '../../shared/validation';
import type { FieldIssue } from '../api/client';
import { strings } from '../strings';

/** Message per field path; `''` holds messages about the whole form. */
export type FieldErrors = Partial<Record<string, string>>;

/** The same wording the server uses for a 400 (shared/validation.ts), keyed by field. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const issues = toFieldIssues(error);
  const errors: FieldErrors = {};
  error.issues.forEach((issue, i) => {
    // Text in a number field reaches zod as NaN; "Expected number, got nan." is not for people.
    const notANumber = issue.code === 'invalid_type' && issue.expected === 'number';
    errors[issue.path.join('.')] ??= notANumber ? strings.goalForm.enterNumber : (issues[i]?.message ?? issue.message);
  });
  return errors;
}

export function serverFieldErrors(issues: FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path] ??= issue.message;
  return errors;
}

export const hasErrors = (errors: FieldErrors): boolean => Object.values(errors).some(Boolean);
