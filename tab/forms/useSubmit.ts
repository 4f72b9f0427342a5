import { useState } from 'react';
import { ApiError } from '../api/client';
import { strings } from '../strings';
import { serverFieldErrors, type FieldErrors } from './fieldErrors';

/** After React has marked the fields (Fluent's Field sets aria-invalid), focus the first one. */
function focusFirstInvalid(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

export interface FormNotice {
  intent: 'error' | 'warning';
  title?: string;
  message: string;
}

/**
 * Sends a form and turns a failure into something to show: the server's field issues next to their
 * fields, a conflict as a warning (a form that edits a version merges the stored one in, see
 * useVersionedForm, and says so), anything else as one message above the actions.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<FormNotice>();

  async function run(
    action: () => Promise<void>,
    options: { form?: HTMLFormElement; onConflict?: (error: ApiError) => FormNotice | void } = {},
  ): Promise<boolean> {
    const { form, onConflict } = options;
    setBusy(true);
    setNotice(undefined);
    setFieldErrors({});
    try {
      await action();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setNotice({ intent: 'error', message: strings.errors.unexpected(0) });
      } else if (e.isConflict) {
        const handled = onConflict?.(e);
        setNotice(
          handled || {
            intent: 'warning',
            title: strings.errors.conflictTitle,
            message: onConflict ? strings.errors.conflictInForm : strings.errors.conflict,
          },
        );
      } else if (e.issues.length > 0) {
        const errors = serverFieldErrors(e.issues);
        setFieldErrors(errors);
        setNotice({ intent: 'error', message: errors[''] ?? strings.goalForm.invalidFields });
        if (form) focusFirstInvalid(form);
      } else {
        setNotice({ intent: 'error', message: e.message });
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** Shows errors found before sending (client-side validation) and moves focus to the first. */
  function reject(errors: FieldErrors, form?: HTMLFormElement) {
    setFieldErrors(errors);
    setNotice({ intent: 'error', message: errors[''] ?? strings.goalForm.invalidFields });
    if (form) focusFirstInvalid(form);
  }

  /** Sets or clears one field's message, e.g. when the person fixes it. */
  function setFieldError(field: string, message: string | undefined) {
    setFieldErrors((errors) => {
      if (errors[field] === message) return errors;
      const next = { ...errors };
      if (message === undefined) delete next[field];
      else next[field] = message;
      return next;
    });
  }

  return { busy, fieldErrors, notice, run, reject, setFieldError, setNotice };
}
