// A stale edit, merged field by field (a three-way merge): the version the form started from, what
// the person typed, and the version stored now (a 409 carries it). Nothing the person typed is lost:
// a field only they changed keeps their value, a field only the other save changed takes the stored
// value, and a field both changed to different values is a clash the person resolves.

export interface FieldClash<K extends string, V> {
  field: K;
  /** What the person typed. */
  mine: V;
  /** What the other save stored. */
  theirs: V;
}

export interface MergedEdit<K extends string, V> {
  /** The form's values after the merge; a clashing field keeps the typed value until resolved. */
  values: Record<K, V>;
  clashes: FieldClash<K, V>[];
  /** Fields the other save changed that now show its value. */
  taken: K[];
  /** Fields the person changed that keep the typed value. */
  kept: K[];
}

/**
 * Merges `mine` (started from `base`) with `theirs` (stored meanwhile). `same` says when two values
 * are equal, e.g. ignoring surrounding spaces; by default they must be identical.
 */
export function mergeEdit<K extends string, V>(
  base: Record<K, V>,
  mine: Record<K, V>,
  theirs: Record<K, V>,
  same: (a: V, b: V) => boolean = Object.is,
): MergedEdit<K, V> {
  const values = { ...mine };
  const result: MergedEdit<K, V> = { values, clashes: [], taken: [], kept: [] };
  for (const field of Object.keys(mine) as K[]) {
    const iChanged = !same(base[field], mine[field]);
    const theyChanged = !same(base[field], theirs[field]);
    if (theyChanged && !iChanged) {
      values[field] = theirs[field];
      result.taken.push(field);
    } else if (iChanged && !theyChanged) {
      result.kept.push(field);
    } else if (iChanged && theyChanged && !same(mine[field], theirs[field])) {
      result.clashes.push({ field, mine: mine[field], theirs: theirs[field] });
    }
  }
  return result;
}

/** Who stored the version a conflict returned, as seen by the person whose save was refused. */
export type ConflictSaver = { kind: 'you' } | { kind: 'person'; name: string } | { kind: 'unknown' };

/**
 * The same person saving in another window is not "someone else": compares the stored version's
 * `updatedBy` with the person. `nameOf` finds a display name for anyone else.
 */
export function conflictSaver(
  updatedBy: string | undefined,
  viewerId: string,
  nameOf: (personId: string) => string | undefined,
): ConflictSaver {
  if (!updatedBy) return { kind: 'unknown' };
  if (updatedBy === viewerId) return { kind: 'you' };
  const name = nameOf(updatedBy);
  return name ? { kind: 'person', name } : { kind: 'unknown' };
}
