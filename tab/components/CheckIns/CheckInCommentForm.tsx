// The mentor's comment on an answered check-in, from the plan page: the same use case (and rules) as
// the comment field of the mentor's check-in card. Closed behind a button; it opens on the newest
// answered check-in, and the history shows the comment to both people once it is saved.
import { Button, Field, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { checkInCommentInput } from '../../../shared/api';
import type { CheckInHistoryView } from '../../../shared/checkins/checkInHistory';
import { limits } from '../../../shared/limits';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { formatDate } from '../../format';
import { zodFieldErrors } from '../../forms/fieldErrors';
import { FormNoticeBar } from '../../forms/FormNoticeBar';
import { useSubmit } from '../../forms/useSubmit';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  open: { alignSelf: 'flex-start' },
});

export interface CheckInCommentFormProps {
  history: CheckInHistoryView;
  /** Loads the history again, so the comment shows where both people read it. */
  onAdded: () => Promise<void>;
}

/** Shown to the mentor of a pair that is not read-only, once a check-in has been answered. */
export function CheckInCommentForm({ history, onAdded }: CheckInCommentFormProps) {
  const styles = useStyles();
  const { plan, readOnly } = usePlanContext();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const answered = history.checkIns.filter((c) => c.status === 'answered');
  if (plan.viewerRole !== 'mentor' || readOnly || answered.length === 0) return null;
  const s = strings.checkIns;
  return (
    <div>
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{s.commentSaved}</MessageBarBody>
        </MessageBar>
      )}
      {open ? (
        <CommentForm
          slots={answered.map((c) => c.slot)}
          onCancel={() => setOpen(false)}
          onAdded={async () => {
            setOpen(false);
            setSaved(true);
            await onAdded();
          }}
        />
      ) : (
        <Button
          className={styles.open}
          onClick={() => {
            setSaved(false);
            setOpen(true);
          }}
        >
          {s.addComment}
        </Button>
      )}
    </div>
  );
}

function CommentForm({ slots, onCancel, onAdded }: { slots: string[]; onCancel: () => void; onAdded: () => Promise<void> }) {
  const styles = useStyles();
  const api = useApi();
  const { pairId, plan } = usePlanContext();
  const [slot, setSlot] = useState(slots[0] ?? '');
  const [comment, setComment] = useState('');
  const { busy, fieldErrors, notice, run, reject } = useSubmit();
  const s = strings.checkIns;
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const parsed = checkInCommentInput.safeParse({ comment });
    if (!parsed.success) return reject(zodFieldErrors(parsed.error), form);
    await run(
      async () => {
        await call(api, routes.commentOnCheckIn, { params: { pairId, slot }, body: parsed.data });
        await onAdded();
      },
      { form },
    );
  }

  return (
    <form className={styles.form} aria-label={s.commentFormLabel(formatDate(slot))} onSubmit={(e) => void submit(e)} noValidate>
      <FormNoticeBar notice={notice} />
      {slots.length > 1 && (
        <Field label={s.heading}>
          <Select value={slot} onChange={(_, d) => setSlot(d.value)}>
            {slots.map((x) => (
              <option key={x} value={x}>
                {s.period(formatDate(x))}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={s.commentLabel} hint={s.commentHint(plan.mentee.displayName)} required validationMessage={fieldErrors.comment}>
        <Textarea ref={textRef} value={comment} maxLength={limits.longText} resize="vertical" onChange={(_, d) => setComment(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? s.sendingComment : s.sendComment}
        </Button>
        <Button onClick={onCancel}>{strings.common.cancel}</Button>
      </div>
    </form>
  );
}
