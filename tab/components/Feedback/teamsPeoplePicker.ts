// Inside Teams, respondents come from the Teams people picker: it knows the whole tenant, guests
// (customers) included, and answers with Entra object ids, the ids the bot sees respondents by.
// teams-js is initialized only when useHost found Teams, so in a browser this reports "not here".
import { app, people } from '@microsoft/teams-js';

export interface PickedPerson {
  personId: string;
  displayName: string;
}

export function teamsPeoplePickerAvailable(): boolean {
  try {
    return app.isInitialized() && people.isSupported();
  } catch {
    return false; // isSupported throws when teams-js was never initialized
  }
}

/** The people chosen in the Teams picker; an empty list when the person closed it. */
export async function pickPeopleInTeams(): Promise<PickedPerson[]> {
  const picked = await people.selectPeople({ openOrgWideSearchInChatOrChannel: true });
  return picked.map((p) => ({ personId: p.objectId, displayName: p.displayName?.trim() || p.email || p.objectId }));
}
