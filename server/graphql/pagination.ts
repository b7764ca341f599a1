import { Field, ObjectType } from 'type-graphql';
import { badUserInput } from '../kernel/errors';

/** Relay page information. */
@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Default page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;

const CURSOR_PREFIX = 'o:';

/** An opaque cursor for the item at `offset` of a stable ordering. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/** The offset after a cursor; a cursor that was not made by this server is a user error. */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(offset) || offset < 0) {
    throw badUserInput(`"after" is not a cursor returned by this server: "${cursor.slice(0, 60)}"`, 'after');
  }
  return offset;
}

/** Checks `first` and `after` and turns them into a limit and offset. */
export function pageWindow(
  first: number | null | undefined,
  after: string | null | undefined,
  maxPageSize: number,
) {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > maxPageSize) {
    throw badUserInput(`"first" must be between 0 and ${maxPageSize}, got ${first}`, 'first');
  }
  const offset = after ? decodeCursor(after) + 1 : 0;
  return { limit, offset };
}

/** Builds the edges and page info of a Relay connection from one page of items. */
export function connectionOf<Node>(items: Node[], offset: number, totalCount: number) {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
