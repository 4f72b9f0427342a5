// The Microsoft 365 Agents Playground's users, generated from the demo data. Each user's channel id
// is their Entra object id: the Playground's people picker (an Adaptive Card `Input.ChoiceSet` with
// `choices.data` from graph.microsoft.com/users) answers with the picked users' channel ids, where
// Teams answers with Entra object ids. With any other id the bot could not resolve whom the mentee
// picked: the ids would name nobody the app knows, and the Playground's member lookup only knows the
// people of the chat (in a personal chat, the mentee alone) and answers 404 for everyone else.
import type { Person } from '../../shared/person';
import { DEMO_TENANT_ID, demoPeople } from './demoData';

/** The Playground's activities come from the demo data's tenant, so the bot finds the demo people there. */
export const PLAYGROUND_TENANT_ID = DEMO_TENANT_ID;

export interface PlaygroundUser {
  /** The channel id the Playground sends as `from.id` and as a people picker's value. */
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}

const fromDemo = (p: Pick<Person, 'id' | 'displayName' | 'email'>): PlaygroundUser => ({
  id: p.id,
  name: p.displayName,
  aadObjectId: p.id,
  email: p.email ?? `${p.id}@contoso.example`,
});
const colleague = (aadObjectId: string, name: string, email: string): PlaygroundUser => ({ id: aadObjectId, name, aadObjectId, email });

/** The demo people one can chat as: `npm run playground -- --as priya`. */
export const playgroundDemoUsers = {
  alex: fromDemo(demoPeople.menteeAlex),
  priya: fromDemo(demoPeople.mentor),
  sam: fromDemo(demoPeople.menteeSam),
  jordan: fromDemo(demoPeople.manager),
} as const;
export type PlaygroundDemoUser = keyof typeof playgroundDemoUsers;

/** Two colleagues the app does not know: asking them is refused, as in Teams for someone the app does not know and who is not in the chat. */
const colleagues = [
  colleague('00000000-0000-4000-8000-0000000000a1', 'Megan Bowen', 'megan.bowen@contoso.example'),
  colleague('00000000-0000-4000-8000-0000000000a2', 'Adele Vance', 'adele.vance@contoso.example'),
];

/** Who chats, and the five other users the Playground wants: the three other demo people and the two colleagues. */
export function playgroundUsers(as: PlaygroundDemoUser = 'alex'): { current: PlaygroundUser; others: PlaygroundUser[] } {
  const current = playgroundDemoUsers[as];
  return { current, others: [...Object.values(playgroundDemoUsers).filter((u) => u !== current), ...colleagues] };
}

/** `--as NAME` among the arguments: which demo person chats (Alex when not given). */
export function chattingAs(args: readonly string[]): PlaygroundDemoUser {
  if (!args.includes('--as')) return 'alex';
  const name = args[args.indexOf('--as') + 1];
  if (name && name in playgroundDemoUsers) return name as PlaygroundDemoUser;
  throw new Error(`--as takes one of: ${Object.keys(playgroundDemoUsers).join(', ')}`);
}

/** The Playground's config file (YAML). */
export function playgroundConfig(as: PlaygroundDemoUser = 'alex'): string {
  const users = playgroundUsers(as);
  // JSON strings are valid YAML scalars, so no YAML library is needed.
  const user = (u: PlaygroundUser, indent: string) => {
    const [givenName, ...rest] = u.name.split(' ');
    const fields = {
      id: u.id,
      name: u.name,
      userPrincipleName: u.email,
      aadObjectId: u.aadObjectId,
      givenName,
      surname: rest.join(' ') || givenName,
      email: u.email,
    };
    return Object.entries(fields)
      .map(([k, v]) => `${indent}${k}: ${JSON.stringify(v)}`)
      .join('\n');
  };
  return [
    'version: "0.1.1"',
    `tenantId: ${JSON.stringify(PLAYGROUND_TENANT_ID)}`,
    'bot:',
    '  id: "00000000-0000-4000-8000-0000000b0711"',
    '  name: "Mentoring"',
    'currentUser:',
    user(users.current, '  '),
    'users:',
    ...users.others.map((u) => user(u, '    ').replace(/^ {4}/, '  - ')),
    'personalChat:',
    `  id: "personal-chat-${as}"`,
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
