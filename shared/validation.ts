// Turns schema errors into messages a person can act on, for the API's 400 answers and the tab's
// inline field messages alike.
import type { ZodError, ZodIssue, ZodType, ZodTypeDef } from 'zod';
import { fail, ok, type FieldIssue, type Result } from './result';

function messageFor(issue: ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      if (issue.type === 'string') return `Use at most ${issue.maximum} characters.`;
      if (issue.type === 'array') return `At most ${issue.maximum} items.`;
      if (issue.type === 'number') return `Use a number no larger than ${issue.maximum}.`;
      return issue.message;
    case 'too_small':
      if (issue.type === 'string' && Number(issue.minimum) <= 1)
        return issue.message.startsWith('String') ? 'This cannot be empty.' : issue.message;
      if (issue.type === 'string') return `Use at least ${issue.minimum} characters.`;
      if (issue.type === 'number') return `Use a number no smaller than ${issue.minimum}.`;
      return issue.message;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
    case 'invalid_type':
      if (issue.received === 'undefined') return 'This is required.';
      // A schema's own wording (invalid_type_error) wins over the generic one.
      if (!/^Expected |^Required$/.test(issue.message)) return issue.message;
      return `Expected ${issue.expected}, got ${issue.received}.`;
    case 'invalid_enum_value':
      return `Use one of: ${issue.options.join(', ')}.`;
    default:
      return issue.message;
  }
}

export function toFieldIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: messageFor(issue) }));
}

/**
 * A door's parse (a card action, a message-extension submit): the input as the schema makes it, or
 * `invalid` with a message per field. Use cases then take the parsed value and never parse again.
 */
export function parseInput<T>(schema: ZodType<T, ZodTypeDef, unknown>, input: unknown, message = 'Some fields need attention.'): Result<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail('invalid', message, { issues: toFieldIssues(parsed.error) });
}
