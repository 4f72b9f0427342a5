// The texts of the renewal card and its program survey (placeholders are `{name}`, see strings.ts).
export const renewalCardStrings = {
  title: 'Your mentoring cycle ends on {date}',
  intro: {
    mentee:
      'The renewal is open: with your mentor, decide what happens to each goal (carry it over, complete it or drop it), set goals for the next cycle, and whether you continue together, ask for another mentor or close. You can also offer to mentor others.',
    mentor:
      'The renewal is open: with your mentee, decide what happens to each goal (carry it over, complete it or drop it), set goals for the next cycle, and whether you continue together, ask for another mentor or close.',
  },
  cycleEnds: 'Cycle ends',
  renewalOpen: 'Renewal open since',
  openRenewal: 'Open the renewal',
  fallbackText: 'Your mentoring cycle ends on {date}. Open the Mentoring tab to decide the renewal.',
  survey: {
    title: 'Program survey: {program}',
    intro:
      'A few questions to shape the next cycle. Your answers are anonymous: the program sees them only together with at least four other people’s.',
    ratingHint: '1 = not at all, 5 = fully',
    ratingRequired: 'Choose from 1 to 5.',
    submit: 'Send my answers',
    answered: 'Thank you: your answers are in, anonymously.',
    problems: 'Some answers need attention:',
  },
};
