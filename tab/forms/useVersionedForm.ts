// The state of a form that edits a stored version, and the one way every such form handles a stale
// save (409): the stored version in the answer is merged with what the person typed (shared/
// conflicts.ts), the next save presents its ETag, and the notice says who saved meanwhile.
import { useState } from 'react';
import type { PlanView, Versioned } from '../../shared/api';
import { conflictSaver, mergeEdit, type ConflictSaver, type FieldClash } from '../../shared/conflicts';
import type { ApiError } from '../api/client';
import { strings } from '../strings';
import type { FieldErrors } from './fieldErrors';
import type { FormNotice } from './useSubmit';

/** A form's fields as the person sees them: text, even for numbers and dates. */
export type FormValues = Record<string, string>;

/** The person editing, and the names of the others who may have saved meanwhile. */
export interface ConflictViewer {
  id: string;
  nameOf: (personId: string) => string | undefined;
}

export const planViewer = (plan: PlanView): ConflictViewer => ({
  id: plan.viewerRole === 'mentor' ? plan.mentor.id : plan.mentee.id,
  nameOf: (personId) => [plan.mentor, plan.mentee].find((p) => p.id === personId)?.displayName,
});

export interface VersionedFormOptions<T, V extends FormValues> {
  /** The version the form opens; absent when it adds something new. */
  version: Versioned<T> | undefined;
  toValues: (value: T) => V;
  empty: () => V;
  /** What is edited, for the notice: "goal", "milestone". */
  what: string;
  viewer: ConflictViewer;
  /** Field labels, for the notice and the choice between two values. */
  labels: Record<keyof V & string, string>;
}

export type Clash<V extends FormValues> = FieldClash<keyof V & string, string>;

const sameText = (a: string, b: string) => a.trim() === b.trim();

export function useVersionedForm<T extends { updatedBy?: string }, V extends FormValues>(options: VersionedFormOptions<T, V>) {
  const { version, toValues, empty, what, viewer, labels } = options;
  const [base, setBase_] = useState(version);
  const [values, setValues] = useState<V>(() => (version ? toValues(version.value) : empty()));
  const [clashes, setClashes] = useState<Clash<V>[]>([]);
  const [saver, setSaver] = useState<ConflictSaver>({ kind: 'unknown' });

  /** Sets one field and returns the form's values with it, for validating right away. */
  function setField(field: keyof V & string, value: string): V {
    const next = { ...values, [field]: value };
    setValues(next);
    return next;
  }

  /** Sets several fields at once (one update, so none overwrites another). */
  function setFields(patch: Partial<V>): V {
    const next = { ...values, ...patch } as V;
    setValues(next);
    return next;
  }

  function choose(field: keyof V & string, side: 'mine' | 'theirs') {
    const clash = clashes.find((c) => c.field === field);
    if (!clash) return;
    if (side === 'theirs') setValues((v) => ({ ...v, [field]: clash.theirs }));
    setClashes((all) => all.filter((c) => c.field !== field));
  }

  /** A message on each field whose two values still wait for a choice. */
  function unresolved(): FieldErrors {
    return Object.fromEntries(clashes.map((c) => [c.field, strings.conflicts.chooseOne]));
  }

  /**
   * For `useSubmit`'s `onConflict`: merges the stored version into the form. Without a stored
   * version in the answer there is nothing to merge, and the generic notice stands.
   */
  function onConflict(error: ApiError): FormNotice | undefined {
    const current = error.current as Versioned<T> | undefined;
    if (!current || !base) return undefined;
    const merged = mergeEdit<keyof V & string, string>(toValues(base.value), values, toValues(current.value), sameText);
    const who = conflictSaver(current.value.updatedBy, viewer.id, viewer.nameOf);
    setBase_(current);
    setValues(merged.values as V);
    // A field still waiting from an earlier conflict is decided again against the newest version.
    setClashes(merged.clashes);
    setSaver(who);
    const c = strings.conflicts;
    const title = who.kind === 'you' ? c.titleYou(what) : who.kind === 'person' ? c.titlePerson(who.name, what) : c.titleUnknown(what);
    const clashing = merged.clashes.map((x) => `“${labels[x.field]}”`);
    return { intent: 'warning', title, message: clashing.length > 0 ? c.mergedWithClashes(c.and(clashing)) : c.merged };
  }

  /** Whose value the other side of a clash is, for its label. */
  const theirsLabel =
    saver.kind === 'you'
      ? strings.conflicts.theirsYou
      : saver.kind === 'person'
        ? strings.conflicts.theirsPerson(saver.name)
        : strings.conflicts.theirsUnknown;

  /** For a form that stays open after saving: the saved version is the one the next save presents. */
  function setBase(saved: Versioned<T>) {
    setBase_(saved);
    setValues(toValues(saved.value));
    setClashes([]);
  }

  return { base, values, setField, setFields, clashes, choose, unresolved, onConflict, theirsLabel, labels, setBase };
}
