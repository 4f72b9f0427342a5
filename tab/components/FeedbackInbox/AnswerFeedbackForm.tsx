// The answer to one feedback request, in the tab: the same fields as the request card (a 1-5 rating
// per behavior, one example, one suggestion), sent to the same use case. The server decides what is
// complete; its field issues land next to their fields.
import { Button, Field, Radio, RadioGroup, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AskedFeedbackAnswered, AskedFeedbackView } from '../../../shared/api';
import { FEEDBACK_TEXT_MAX, feedbackAnswer } from '../../../shared/feedback/feedbackRequest';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { zodFieldErrors } from '../../forms/fieldErrors';
import { FormNoticeBar } from '../../forms/FormNoticeBar';
import { useSubmit } from '../../forms/useSubmit';
import { ApiError } from '../../api/client';
import { strings } from '../../strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, '& > *': { flexShrink: 0 } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface AnswerFeedbackFormProps {
  id: string;
  request: AskedFeedbackView;
  onSaved: (answered: AskedFeedbackAnswered) => void;
  onCancel: () => void;
}

export function AnswerFeedbackForm({ id, request, onSaved, onCancel }: AnswerFeedbackFormProps) {
  const styles = useStyles();
  const api = useApi();
  const s = strings.feedbackInbox;
  const [ratings, setRatings] = useState<Record<string, number>>(() => ({ ...request.answer?.ratings }));
  const [example, setExample] = useState(request.answer?.example ?? '');
  const [suggestion, setSuggestion] = useState(request.answer?.suggestion ?? '');
  const { busy, fieldErrors, notice, run, reject, setNotice } = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  // The form replaces the button that opened it: focus moves to its first field, not to the page.
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const rated = Object.fromEntries(request.behaviors.filter((b) => ratings[b] !== undefined).map((b) => [b, ratings[b]!]));
    const parsed = feedbackAnswer.safeParse({ ratings: rated, example, suggestion });
    if (!parsed.success) return reject(zodFieldErrors(parsed.error), form);
    let closed: ApiError | undefined;
    const done = await run(
      async () => {
        try {
          onSaved(
            await call(api, routes.answerAskedFeedback, {
              params: { pairId: request.pairId, requestId: request.requestId },
              body: parsed.data,
            }),
          );
        } catch (error) {
          // A closed request is not someone else's edit: say what the server said, not "changed meanwhile".
          if (error instanceof ApiError && error.status === 409) closed = error;
          else throw error;
        }
      },
      { form },
    );
    if (done && closed) setNotice({ intent: 'warning', title: s.closedMeanwhile, message: closed.message });
  }

  return (
    <form
      ref={formRef}
      id={id}
      className={styles.form}
      aria-label={s.formLabel(request.menteeName)}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <FormNoticeBar notice={notice} />
      <Text>{s.ratingsIntro}</Text>
      {request.behaviors.map((behavior) => (
        <Field key={behavior} label={behavior} required validationMessage={fieldErrors[`ratings.${behavior}`]}>
          <RadioGroup
            layout="horizontal"
            value={ratings[behavior] === undefined ? '' : String(ratings[behavior])}
            onChange={(_, d) => setRatings((r) => ({ ...r, [behavior]: Number(d.value) }))}
          >
            {s.ratingChoices.map((label, i) => (
              <Radio key={label} value={String(i + 1)} label={label} />
            ))}
          </RadioGroup>
        </Field>
      ))}
      <Field label={s.example} hint={s.exampleHint} required validationMessage={fieldErrors.example}>
        <Textarea value={example} maxLength={FEEDBACK_TEXT_MAX} resize="vertical" onChange={(_, d) => setExample(d.value)} />
      </Field>
      <Field label={s.suggestion} hint={s.suggestionHint} required validationMessage={fieldErrors.suggestion}>
        <Textarea value={suggestion} maxLength={FEEDBACK_TEXT_MAX} resize="vertical" onChange={(_, d) => setSuggestion(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? s.sending : s.send}
        </Button>
        <Button onClick={onCancel}>{s.cancel}</Button>
      </div>
    </form>
  );
}
