import type { Goal } from './goal';

export type SmartLetter = 'S' | 'M' | 'A' | 'R' | 'T';

export interface SmartGap {
  letter: SmartLetter;
  /** What the goal still lacks for this letter, said so a person knows what to add. */
  reason: string;
}

export const smartLetterName: Record<SmartLetter, string> = {
  S: 'Specific',
  M: 'Measurable',
  A: 'Achievable',
  R: 'Relevant',
  T: 'Time-bound',
};

/** A description shorter than this rarely says what "done" looks like. */
export const SPECIFIC_DESCRIPTION_MIN = 30;

type SmartInput = Pick<
  Goal,
  'title' | 'description' | 'metric' | 'baseline' | 'target' | 'resources' | 'hoursPerMonth' | 'priorityId' | 'aspiration' | 'dueDate'
>;

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** Which SMART letters a goal still lacks, and why, in S-M-A-R-T order. Empty when complete. */
export function smartGaps(goal: SmartInput): SmartGap[] {
  const gaps: SmartGap[] = [];
  if (blank(goal.description) || goal.description.trim().length < SPECIFIC_DESCRIPTION_MIN) {
    gaps.push({
      letter: 'S',
      reason: `Describe what done looks like in a sentence or two (at least ${SPECIFIC_DESCRIPTION_MIN} characters).`,
    });
  }
  const measurableMissing: string[] = [];
  if (blank(goal.metric)) measurableMissing.push('a metric');
  if (goal.baseline === undefined) measurableMissing.push('a baseline');
  if (goal.target === undefined) measurableMissing.push('a target');
  if (measurableMissing.length > 0) {
    gaps.push({ letter: 'M', reason: `Add ${joinWords(measurableMissing)} so progress can be measured.` });
  } else if (goal.target === goal.baseline) {
    gaps.push({ letter: 'M', reason: 'The target equals the baseline: set a target that means progress.' });
  }
  if (blank(goal.resources) && (goal.hoursPerMonth === undefined || goal.hoursPerMonth === 0)) {
    gaps.push({ letter: 'A', reason: 'Name the resources or the hours per month that make it achievable.' });
  }
  const relevantMissing: string[] = [];
  if (goal.priorityId === undefined) relevantMissing.push('the strategic priority it serves');
  if (blank(goal.aspiration)) relevantMissing.push('the personal aspiration it serves');
  if (relevantMissing.length > 0) gaps.push({ letter: 'R', reason: `Add ${joinWords(relevantMissing)}.` });
  if (goal.dueDate === undefined) gaps.push({ letter: 'T', reason: 'Set a due date.' });
  return gaps;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
