// Complete, drop or reopen a goal. Each asks for an optional reason, which the history keeps.
import {
  Button,
  Dialog,
  DialogSurface,
  Field,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  Textarea,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { goalPatchInput, type GoalView } from '../../../shared/api';
import type { GoalStatus } from '../../../shared/goal';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { DialogForm } from '../../forms/DialogFrame';
import { zodFieldErrors } from '../../forms/fieldErrors';
import { useSubmit } from '../../forms/useSubmit';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';

type Transition = Exclude<GoalStatus, 'active'> | 'reopen';

const texts = (t: Transition, title: string) => {
  const s = strings.statusChange;
  if (t === 'completed') return { title: s.completeTitle, body: s.completeBody(title), confirm: s.confirmComplete };
  if (t === 'dropped') return { title: s.dropTitle, body: s.dropBody(title), confirm: s.confirmDrop };
  return { title: s.reopenTitle, body: s.reopenBody(title), confirm: s.confirmReopen };
};

export function GoalStatusMenu({ goal }: { goal: GoalView }) {
  const [transition, setTransition] = useState<Transition>();
  const restoreFocus = useRestoreFocusTarget();
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button {...restoreFocus} icon={<MoreHorizontalRegular />} aria-label={strings.goal.moreActions(goal.value.title)} />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {goal.can.close && <MenuItem onClick={() => setTransition('completed')}>{strings.goal.complete}</MenuItem>}
            {goal.can.close && <MenuItem onClick={() => setTransition('dropped')}>{strings.goal.drop}</MenuItem>}
            {goal.can.reopen && <MenuItem onClick={() => setTransition('reopen')}>{strings.goal.reopen}</MenuItem>}
          </MenuList>
        </MenuPopover>
      </Menu>
      <Dialog open={transition !== undefined} onOpenChange={(_, d) => !d.open && setTransition(undefined)}>
        <DialogSurface>
          {transition && <StatusForm goal={goal} transition={transition} onDone={() => setTransition(undefined)} />}
        </DialogSurface>
      </Dialog>
    </>
  );
}

function StatusForm({ goal, transition, onDone }: { goal: GoalView; transition: Transition; onDone: () => void }) {
  const api = useApi();
  const { pairId, reload } = usePlanContext();
  const { busy, fieldErrors, notice, run, reject } = useSubmit();
  const [reason, setReason] = useState('');
  const t = texts(transition, goal.value.title);

  async function submit(form: HTMLFormElement) {
    const parsed = goalPatchInput.safeParse({
      status: transition === 'reopen' ? 'active' : transition,
      reason: reason.trim() || undefined,
    });
    if (!parsed.success) return reject(zodFieldErrors(parsed.error), form);
    const done = await run(
      async () => {
        await call(api, routes.updateGoal, { params: { pairId, goalId: goal.value.id }, body: parsed.data, etag: goal.etag });
        await reload();
      },
      { form, onConflict: () => void reload() },
    );
    if (done) onDone();
  }

  return (
    <DialogForm title={t.title} notice={notice} busy={busy} submitLabel={t.confirm} onSubmit={submit}>
      <Text>{t.body}</Text>
      <Field label={strings.statusChange.reason} hint={strings.statusChange.reasonHint} validationMessage={fieldErrors.reason}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
    </DialogForm>
  );
}
