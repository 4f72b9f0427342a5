// The program survey (capability 12): a few 1-5 questions and free text the program chose, answered
// once per cycle; answering again replaces the earlier answer. Answers are anonymous to the
// program's managers, who see only figures over five or more people. Opened from the plan.
import { Button, Field, Radio, RadioGroup, Spinner, Textarea } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { routes } from '../../../shared/api/routes';
import { checkAnswers, type SurveyAnswers } from '../../../shared/survey/survey';
import type { SurveyView } from '../../../shared/survey/surveyService';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { DialogFrame, messageOf, type DialogNotice } from '../../forms/DialogFrame';
import { strings } from '../../strings';

export interface SurveyDialogProps {
  programId: string;
  trigger: ReactElement;
}

export function SurveyDialog({ programId, trigger }: SurveyDialogProps) {
  const api = useApi();
  const s = strings.survey;
  const [survey, setSurvey] = useState<SurveyView | undefined>();
  const [answers, setAnswers] = useState<SurveyAnswers>({ ratings: {}, texts: {} });
  const [notice, setNotice] = useState<DialogNotice>();
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setNotice(undefined);
    try {
      const found = await call(api, routes.getSurvey, { params: { programId } });
      setSurvey(found);
      if (found.answered) setNotice({ intent: 'info', text: s.answeredBefore });
    } catch (e) {
      setNotice({ intent: 'error', text: messageOf(e) });
    }
  };

  const send = async () => {
    if (!survey) return;
    const problem = checkAnswers(survey.questions, answers);
    if (problem) return setNotice({ intent: 'error', text: problem });
    setBusy(true);
    setNotice(undefined);
    try {
      await call(api, routes.answerSurvey, { params: { programId }, body: answers });
      setSurvey({ ...survey, answered: true });
      setNotice({ intent: 'success', text: s.thanks });
    } catch (e) {
      setNotice({ intent: 'error', text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogFrame
      trigger={trigger}
      title={s.title}
      intro={s.intro}
      notice={notice}
      onOpen={() => void load()}
      actions={
        survey && (
          <Button appearance="primary" disabled={busy} onClick={() => void send()}>
            {busy ? s.sending : s.send}
          </Button>
        )
      }
    >
      {!survey && !notice && <Spinner size="tiny" label={s.loading} />}
      {survey?.questions.map((q) =>
        q.kind === 'rating' ? (
          <Field key={q.id} label={q.text} required>
            <RadioGroup
              layout="horizontal"
              value={answers.ratings[q.id] === undefined ? '' : String(answers.ratings[q.id])}
              onChange={(_, d) => setAnswers((a) => ({ ...a, ratings: { ...a.ratings, [q.id]: Number(d.value) } }))}
            >
              {[1, 2, 3, 4, 5].map((n) => (
                <Radio key={n} value={String(n)} label={String(n)} aria-label={s.rating(n)} />
              ))}
            </RadioGroup>
          </Field>
        ) : (
          <Field key={q.id} label={q.text}>
            <Textarea
              value={answers.texts[q.id] ?? ''}
              onChange={(_, d) => setAnswers((a) => ({ ...a, texts: { ...a.texts, [q.id]: d.value } }))}
            />
          </Field>
        ),
      )}
    </DialogFrame>
  );
}
