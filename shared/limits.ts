// Text limits. Table Storage holds at most 64 KiB (about 32,000 UTF-16 characters) in one string
// property and 1 MiB in one entity; these limits are far below that so that a goal, its
// milestones and its history always fit, and so that a card built from them stays under Teams'
// card size limit.
export const limits = {
  title: 120,
  description: 2_000,
  shortText: 200,
  longText: 1_000,
  reason: 500,
  unit: 30,
  name: 100,
  behaviors: 12,
  priorities: 12,
  goalsPerPair: 50,
  milestonesPerGoal: 30,
  activitiesPerGoal: 30,
} as const;

/** What a person reads when a plan or goal is full; the same whether the service or storage notices. */
export const limitMessages = {
  goalsPerPair: `A plan holds at most ${limits.goalsPerPair} goals.`,
  milestonesPerGoal: `A goal holds at most ${limits.milestonesPerGoal} milestones.`,
  activitiesPerGoal: `A goal holds at most ${limits.activitiesPerGoal} activities.`,
} as const;

/** Table Storage: a string property holds at most 64 KiB, stored as UTF-16. */
export const TABLE_STRING_PROPERTY_MAX_BYTES = 64 * 1024;
/** Table Storage: one entity holds at most 1 MiB in all. */
export const TABLE_ENTITY_MAX_BYTES = 1024 * 1024;
