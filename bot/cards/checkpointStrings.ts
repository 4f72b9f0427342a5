// The texts of the checkpoint cards (placeholders are `{name}`, see strings.ts).
export const checkpointStrings = {
  reminder: {
    title: 'Checkpoint coming up on {date}',
    intro:
      'Every {months} months you and {other} look back on the plan together: update the scorecard, say what worked and what did not, recalibrate the goals and celebrate the breakthroughs.',
    period: 'Period',
    date: 'Checkpoint',
    openCheckpoint: 'Prepare the checkpoint',
    scheduleMeeting: 'Schedule the review',
    meetingSubject: 'Checkpoint review: {mentee} and {mentor}',
    meetingAgenda:
      'Checkpoint of {date}\n- The scorecard of the period\n- What worked, what did not, insights\n- Recalibrate each goal\n- Breakthroughs to celebrate\n- A look at our agreement',
    fallbackText: 'Your checkpoint with {other} is on {date}. Open the Mentoring tab to prepare it.',
  },
  summary: {
    title: 'Checkpoint of {date} signed off',
    intro: 'You and {other} signed off the checkpoint. The latest scorecard, next to the previous one:',
    noPrevious: 'The first scorecard of this mentorship.',
    latestAndPrevious: '{latest} (before: {previous})',
    noValue: 'no data',
    recalibrated: '{count} goal(s) recalibrated.',
    openCheckpoint: 'Open the checkpoint',
    fallbackText: 'The checkpoint of {date} is signed off. Open the Mentoring tab to see the scorecard.',
  },
};
