// A look at the agreement during a checkpoint, and a form to revise it: a new version replaces the
// old (the API keeps the ETag check) and both accept it again. Shown where the plan is at hand.
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useContext, useState } from 'react';
import { routes } from '../../../shared/api/routes';
import type { Agreement } from '../../../shared/mentorship';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { PlanContext } from '../PlanPage/PlanContext';
import { checkpointStrings } from './checkpointStrings';

const s = checkpointStrings.agreement;

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

type Editable = Pick<Agreement, 'rolesAndResponsibilities' | 'style' | 'boundaries' | 'hoursPerMonth'>;

export function AgreementRevision() {
  const styles = useStyles();
  const api = useApi();
  const context = useContext(PlanContext);
  const [editing, setEditing] = useState<Editable>();
  const [message, setMessage] = useState<{ intent: 'error' | 'success'; text: string }>();
  if (!context) return null;
  const { plan, pairId, reload } = context;
  const agreement = plan.pair.value.agreement;

  async function run(action: () => Promise<unknown>, success: string) {
    setMessage(undefined);
    try {
      await action();
      setEditing(undefined);
      setMessage({ intent: 'success', text: success });
    } catch (e) {
      setMessage({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    }
    await reload();
  }

  return (
    <section className={styles.box} aria-labelledby="checkpoint-agreement-heading">
      <Subtitle2 as="h5" id="checkpoint-agreement-heading">
        {s.heading}
      </Subtitle2>
      <Caption1>{plan.pair.accepted ? s.acceptedByBoth : s.waiting}</Caption1>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {editing ? (
        <>
          <Field label={s.roles}>
            <Textarea
              value={editing.rolesAndResponsibilities}
              onChange={(_, d) => setEditing({ ...editing, rolesAndResponsibilities: d.value })}
            />
          </Field>
          <Field label={s.style}>
            <Textarea value={editing.style} onChange={(_, d) => setEditing({ ...editing, style: d.value })} />
          </Field>
          <Field label={s.boundaries}>
            <Textarea value={editing.boundaries} onChange={(_, d) => setEditing({ ...editing, boundaries: d.value })} />
          </Field>
          <Field label={s.hoursPerMonth}>
            <Input
              type="number"
              min={0.5}
              max={40}
              step={0.5}
              value={String(editing.hoursPerMonth)}
              onChange={(_, d) => setEditing({ ...editing, hoursPerMonth: Number(d.value) })}
            />
          </Field>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              onClick={() =>
                void run(
                  () => call(api, routes.updateAgreement, { params: { pairId }, body: { ...agreement, ...editing }, etag: plan.pair.etag }),
                  s.saved,
                )
              }
            >
              {s.save}
            </Button>
            <Button onClick={() => setEditing(undefined)}>{s.cancel}</Button>
          </div>
        </>
      ) : (
        <div className={styles.actions}>
          {plan.can.editAgreement && (
            <Button
              onClick={() =>
                setEditing({
                  rolesAndResponsibilities: agreement.rolesAndResponsibilities,
                  style: agreement.style,
                  boundaries: agreement.boundaries,
                  hoursPerMonth: agreement.hoursPerMonth,
                })
              }
            >
              {s.revise}
            </Button>
          )}
          {plan.can.acceptAgreement && (
            <Button
              onClick={() => void run(() => call(api, routes.acceptAgreement, { params: { pairId }, etag: plan.pair.etag }), s.accepted)}
            >
              {s.accept}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
