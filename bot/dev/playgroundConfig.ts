// The Microsoft 365 Agents Playground's users, generated from the demo data. Each user's channel id
// is their Entra object id: the Playground's people picker (an Adaptive Card `Input.ChoiceSet` with
// `choices.data` from graph.microsoft.com/users) answers with the picked users' channel ids, where
// Teams answers with Entra object ids. With any other id the bot could not resolve whom the mentee
// picked: the ids would name nobody the app knows, and the Playground's member lookup only knows the
// people of the chat (in a personal chat, the mentee alone) and answers 404 for everyone else.
import type { Person } from '../../shared/person';
import { demoPeople } from './demoData';

export const PLAYGROUND_TENANT_ID = '00000000-0000-4000-8000-00000000a11c';

export interface PlaygroundUser {
  /** The channel id the Playground sends as `from.id` and as a people picker's value. */
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}

const fromDemo = (p: Person): PlaygroundUser => ({ id: p.id, name: p.displayName, aadObjectId: p.id, email: p.email ?? `${p.id}@contoso.example` });
const colleague = (aadObjectId: string, name: string, email: string): PlaygroundUser => ({ id: aadObjectId, name, aadObjectId, email });

/**
 * Who chats (the demo mentee Alex) and the five other users the Playground wants: the three other
 * demo people, whom the app knows, and two colleagues it does not (asking them is refused, as in
 * Teams for someone the app does not know and who is not in the chat).
 */
export const playgroundUsers = {
  current: fromDemo(demoPeople.menteeAlex),
  others: [
    fromDemo(demoPeople.mentor),
    fromDemo(demoPeople.menteeSam),
    fromDemo(demoPeople.manager),
    colleague('00000000-0000-4000-8000-0000000000a1', 'Megan Bowen', 'megan.bowen@contoso.example'),
    colleague('00000000-0000-4000-8000-0000000000a2', 'Adele Vance', 'adele.vance@contoso.example'),
  ],
} as const;

/** The Playground's config file (YAML). */
export function playgroundConfig(): string {
  // JSON strings are valid YAML scalars, so no YAML library is needed.
  const user = (u: PlaygroundUser, indent: string) => {
    const [givenName, ...rest] = u.name.split(' ');
    const fields = { id: u.id, name: u.name, userPrincipleName: u.email, aadObjectId: u.aadObjectId, givenName, surname: rest.join(' ') || givenName, email: u.email };
    return Object.entries(fields).map(([k, v]) => `${indent}${k}: ${JSON.stringify(v)}`).join('\n');
  };
  return [
    'version: "0.1.1"',
    `tenantId: ${JSON.stringify(PLAYGROUND_TENANT_ID)}`,
    'bot:',
    '  id: "00000000-0000-4000-8000-0000000b0711"',
    '  name: "Mentoring"',
    'currentUser:',
    user(playgroundUsers.current, '  '),
    'users:',
    ...playgroundUsers.others.map((u) => user(u, '    ').replace(/^ {4}/, '  - ')),
    'personalChat:',
    '  id: "personal-chat-alex"',
    'groupChat:',
    '  id: "group-chat-id"',
    '  name: "Mentoring pairs"',
    'team:',
    '  id: "team-id"',
    '  name: "Engineering"',
    '  aadGroupId: "00000000-0000-4000-8000-0000000000c1"',
    '  channels:',
    '    - id: "channel-general-id"',
    '      name: "Announcements"',
    '',
  ].join('\n');
}
