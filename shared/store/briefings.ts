// The briefing repository: one item per briefing (`BRIEFING#<id>`), on the
// briefingsByStart index under `BRIEFING` keyed by start time, so "briefings
// between two instants" is one Query. A briefing's agenda is the cases flagged
// for it (casesOnAgenda, `CBRIEF#<id>`).
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Briefing } from '#domain/briefing';
import type { AgendaItem } from '#domain/briefing-types';
import type { CaseStatus } from '#domain/case';
import { Conflict } from '#domain/errors';
import type { Deps } from '#shared/deps';
import { isConditionalCheckFailed } from './errors';
import { onIndex, type Page, queryAll, queryIndexPage } from './query';
import { indexKeys, isIndexKeyAttribute } from './table';

export const briefingKey = (id: string) => ({ pk: `BRIEFING#${id}`, sk: 'BRIEFING' });
const INTERNAL = new Set(['pk', 'sk', 'entity']);

const toItem = (b: Briefing) => ({
  ...b,
  ...briefingKey(b.id),
  entity: 'briefing',
  ...indexKeys('briefingsByStart', 'BRIEFING', `${b.startsAt}#${b.id}`),
});

const fromItem = (item: Record<string, unknown>): Briefing =>
  Object.fromEntries(
    Object.entries(item).filter(([k]) => !INTERNAL.has(k) && !isIndexKeyAttribute(k)),
  ) as unknown as Briefing;

/** Writes a briefing unless one with its id exists: materializing twice is harmless. */
export const putBriefingIfAbsent = async (deps: Deps, b: Briefing): Promise<boolean> => {
  try {
    await deps.db.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: toItem(b),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (err) {
    if (isConditionalCheckFailed(err)) return false;
    throw err;
  }
};

export const getBriefing = async (deps: Deps, id: string): Promise<Briefing | undefined> => {
  const out = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: briefingKey(id), ConsistentRead: true }),
  );
  return out.Item ? fromItem(out.Item) : undefined;
};

/** Saves a changed briefing, conditional on the version it was read at. */
export const saveBriefing = async (deps: Deps, before: Briefing, after: Briefing): Promise<void> => {
  try {
    await deps.db.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: toItem(after),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': before.version },
      }),
    );
  } catch (err) {
    if (isConditionalCheckFailed(err))
      throw new Conflict('The briefing changed meanwhile; read it again and retry.');
    throw err;
  }
};

/** Briefings starting in [from, to], earliest first (cancelled ones included). */
export const briefingsPage = async (
  deps: Deps,
  from: Date,
  to: Date,
  limit: number,
  cursor?: string,
): Promise<Page<Briefing>> => {
  const page = await queryIndexPage(deps, {
    index: 'briefingsByStart',
    partition: 'BRIEFING',
    sortKey: { between: [from.toISOString(), to.toISOString()] },
    filters: [],
    binding: { from: from.toISOString(), to: to.toISOString() },
    limit,
    cursor,
    newestFirst: false,
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};

/** Every briefing starting in [from, to] (the reminders job: a handful of items). */
export const briefingsBetweenAll = async (deps: Deps, from: Date, to: Date): Promise<Briefing[]> => {
  const all: Briefing[] = [];
  let cursor: string | undefined;
  do {
    const page = await briefingsPage(deps, from, to, 100, cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
};

/** The cases flagged for a briefing. */
export const agendaOf = async (deps: Deps, briefingId: string): Promise<AgendaItem[]> => {
  const items = await queryAll(deps, {
    ...onIndex('casesOnAgenda', { '#s': 'status' }, false),
    KeyConditionExpression: '#ipk = :pk',
    ExpressionAttributeValues: { ':pk': `CBRIEF#${briefingId}` },
    ProjectionExpression: 'id, title, #s, agencyId',
  });
  return items.map((c) => ({
    caseId: String(c.id),
    title: String(c.title),
    status: c.status as CaseStatus,
    agencyId: (c.agencyId as string | null) ?? null,
    agencyName: (deps.config.agencies.find((a) => a.id === c.agencyId)?.name as string | undefined) ?? null,
  }));
};
