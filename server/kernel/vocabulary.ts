/** A closed vocabulary such as `{ PUBLIC: 'PUBLIC', … }`: its values, as a set. */
export function vocabularyOf<T extends string>(vocabulary: Readonly<Record<string, T>>): ReadonlySet<string> {
  return new Set(Object.values(vocabulary));
}

/** Whether `value` is one of the vocabulary's values (never an inherited name such as `constructor`). */
export function isMember(vocabulary: ReadonlySet<string>, value: unknown): boolean {
  return typeof value === 'string' && vocabulary.has(value);
}
