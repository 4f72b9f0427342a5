// The parts of the plan page that download when first used, not with the first view: dialogs and
// the goal menu (with their forms, validation and Fluent's menu and dialog code). Components import
// them from here under their own names; each stand-in draws the trigger exactly as the part does.
import { Button } from '@fluentui/react-components';
import { HistoryRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import { strings } from '../strings';
import { givenTrigger, lazyDialog } from './lazyDialog';

export const GoalDialog = lazyDialog(() => import('../components/GoalForm/GoalDialog').then((m) => m.GoalDialog), givenTrigger);
export const MilestoneDialog = lazyDialog(
  () => import('../components/Milestones/MilestoneDialog').then((m) => m.MilestoneDialog),
  givenTrigger,
);
export const ActivityDialog = lazyDialog(
  () => import('../components/Activities/ActivityDialog').then((m) => m.ActivityDialog),
  givenTrigger,
);
export const WinDialog = lazyDialog(() => import('../components/Wins/WinDialog').then((m) => m.WinDialog), givenTrigger);
export const FeedbackRequestDialog = lazyDialog(
  () => import('../components/Feedback/FeedbackRequestDialog').then((m) => m.FeedbackRequestDialog),
  givenTrigger,
);
export const ConfirmDialog = lazyDialog(
  () => import('../components/ConfirmDialog/ConfirmDialog').then((m) => m.ConfirmDialog),
  givenTrigger,
);

export const GoalHistoryDialog = lazyDialog(
  () => import('../components/GoalHistory/GoalHistoryDialog').then((m) => m.GoalHistoryDialog),
  () => <Button icon={<HistoryRegular />}>{strings.goal.history}</Button>,
);
export const GoalStatusMenu = lazyDialog(
  () => import('../components/Goal/GoalStatusMenu').then((m) => m.GoalStatusMenu),
  ({ goal }) => <Button icon={<MoreHorizontalRegular />} aria-label={strings.goal.moreActions(goal.value.title)} />,
);
export const SurveyDialog = lazyDialog(() => import('../components/Survey/SurveyDialog').then((m) => m.SurveyDialog), givenTrigger);
export const YourDataDialog = lazyDialog(() => import('../components/YourData/YourDataDialog').then((m) => m.YourDataDialog), givenTrigger);
export const RepairRequestDialog = lazyDialog(
  () => import('../components/Agreement/RepairRequestDialog').then((m) => m.RepairRequestDialog),
  () => <Button appearance="subtle">{strings.repair.open}</Button>,
);
