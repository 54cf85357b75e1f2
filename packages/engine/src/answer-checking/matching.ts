/**
 * Maximum bipartite matching of fields to groups by augmenting paths (Kuhn's algorithm).
 * Fields are tried in order and, for each, groups in order, so the result is deterministic.
 *
 * @param fits - `fits[f]` lists, in group order, the groups that field `f` fits.
 * @param groupCount - number of groups.
 * @returns `groupOfField[f]`: the group matched to field `f`, or `undefined`.
 */
export function maximumMatching(fits: readonly (readonly number[])[], groupCount: number): (number | undefined)[] {
  const fieldOfGroup: (number | undefined)[] = Array.from({ length: groupCount }, () => undefined);

  const augment = (field: number, visited: boolean[]): boolean => {
    for (const group of fits[field] ?? []) {
      if (visited[group]) continue;
      visited[group] = true;
      const holder = fieldOfGroup[group];
      if (holder === undefined || augment(holder, visited)) {
        fieldOfGroup[group] = field;
        return true;
      }
    }
    return false;
  };

  fits.forEach((_, field) => augment(field, Array.from({ length: groupCount }, () => false)));
  const groupOfField: (number | undefined)[] = fits.map(() => undefined);
  fieldOfGroup.forEach((field, group) => {
    if (field !== undefined) groupOfField[field] = group;
  });
  return groupOfField;
}
