// The k-anonymity floor of every program figure (capability 13): no figure ever describes a group
// smaller than five people. A figure below the floor is suppressed with a note saying why; it does
// not carry its count either, since "3 people" already describes the group.

export const MIN_GROUP_SIZE = 5;

export const suppressedNote = `Hidden: fewer than ${MIN_GROUP_SIZE} people, so the figure could point at someone.`;

export type Figure<T> = { shown: true; value: T; people: number } | { shown: false; note: string };

/** A figure about `people` distinct people: its value when the group is large enough, a note otherwise. */
export function figureOf<T>(people: number, value: () => T): Figure<T> {
  return people >= MIN_GROUP_SIZE ? { shown: true, value: value(), people } : { shown: false, note: suppressedNote };
}

/** A figure as one CSV cell: the value, or empty with the note left to the export's notes column. */
export const csvCell = <T>(figure: Figure<T>, format: (value: T) => string = String): string => (figure.shown ? format(figure.value) : '');
