import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Names of the fields a query selects at `path` below the field being resolved (`['edges', 'node']` for
 * the nodes of a connection), through fragments and inline fragments. A superset: fields under
 * `@skip`/`@include` count as selected, so a resolver reading only these fields never misses one.
 */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, depth: number): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'InlineFragment') visit(selection.selectionSet, depth);
      else if (selection.kind === 'FragmentSpread')
        visit(info.fragments[selection.name.value]?.selectionSet, depth);
      else if (depth === path.length) names.add(selection.name.value);
      else if (selection.name.value === path[depth]) visit(selection.selectionSet, depth + 1);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, 0);
  return names;
}
