// The views of the Program place, in the order of its tab list. Each is drawn for one program the
// person manages and downloads its code when first opened. A new view is one line here and its
// label in strings.program.views.
import { lazy, type ComponentType } from 'react';

export interface ProgramView {
  id: 'setup' | 'enrolment' | 'health' | 'requests';
  Component: ComponentType<{ programId: string }>;
}

export const programViews: readonly ProgramView[] = [
  { id: 'setup', Component: lazy(() => import('./ProgramSetup')) },
  { id: 'enrolment', Component: lazy(() => import('./EnrolmentView')) },
  { id: 'health', Component: lazy(() => import('./ProgramHealth')) },
  { id: 'requests', Component: lazy(() => import('./ProgramRequests')) },
];
