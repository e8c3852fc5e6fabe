// The response template repository. A template is an item collection like a
// case: the template item (`TEMPLATE#<id>` / `TEMPLATE`) and one history item
// per version (`HIST#<version>`), so one Query reads it with its history. A
// change and its history entry are one transaction, conditional on the
// version the caller read. Listed by `templatesByCat` (README.md here).
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, PreconditionFailed } from '#domain/errors';
import type { Template, TemplateHistoryEntry, TemplateListQuery, TemplateRef } from '#domain/template';
import type { Deps } from '#shared/deps';
import { cancellationCodes } from './errors';
import { equals, type Filter, type Page, queryAll, queryIndexPage, type TransactItem } from './query';
import { indexKeys, isIndexKeyAttribute } from './table';

export const templateKey = (id: string) => ({ pk: `TEMPLATE#${id}`, sk: 'TEMPLATE' });
const historySk = (version: number) => `HIST#${String(version).padStart(8, '0')}`;
const INTERNAL = new Set(['pk', 'sk', 'entity', 'templateId']);
/** After every category id (ids are lower-case ASCII): the end of one category's sort-key range. */
const RANGE_END = '\uffff';

const toItem = (t: Template): Record<string, unknown> => ({
  ...t,
  ...templateKey(t.id),
  entity: 'template',
  ...indexKeys('templatesByCat', 'TEMPLATE', `${t.category}#${t.createdAt}#${t.id}`),
});

const strip = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !INTERNAL.has(k) && !isIndexKeyAttribute(k))) as T;

const historyItem = (id: string, entry: TemplateHistoryEntry) => ({
  ...entry,
  pk: `TEMPLATE#${id}`,
  sk: historySk(entry.version),
  entity: 'template-history',
  templateId: id,
});

const write = async (deps: Deps, items: TransactItem[], id: string): Promise<void> => {
  try {
    await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (err) {
    const codes = cancellationCodes(err);
    if (!codes) throw err;
    if (codes[0] === 'ConditionalCheckFailed' || codes[1] === 'ConditionalCheckFailed') {
      const current = await getTemplate(deps, id);
      throw new PreconditionFailed(
        'The template has changed since you read it; read it again and retry.',
        { currentVersion: current?.version ?? null },
        current ? { etag: `"${current.version}"` } : {},
      );
    }
    throw new Conflict('The template is busy; retry shortly.', {}, { 'retry-after': '1' });
  }
};

/** A new template and its first history entry. */
export const putNewTemplate = (deps: Deps, t: Template, entry: TemplateHistoryEntry): Promise<void> =>
  write(
    deps,
    [
      {
        Put: { TableName: deps.tableName, Item: toItem(t), ConditionExpression: 'attribute_not_exists(pk)' },
      },
      {
        Put: {
          TableName: deps.tableName,
          Item: historyItem(t.id, entry),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
    t.id,
  );

/** One change, conditional on the version read, with its history entry. */
export const saveTemplateChange = (
  deps: Deps,
  before: Template,
  next: Template,
  entry: TemplateHistoryEntry,
): Promise<void> =>
  write(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: toItem(next),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': before.version },
        },
      },
      {
        Put: {
          TableName: deps.tableName,
          Item: historyItem(next.id, entry),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
    next.id,
  );

export const getTemplate = async (deps: Deps, id: string): Promise<Template | undefined> => {
  const out = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: templateKey(id), ConsistentRead: true }),
  );
  return out.Item ? strip<Template>(out.Item) : undefined;
};

/** The template and its history, oldest entry first, in one (paged) Query. */
export const getTemplateWithHistory = async (
  deps: Deps,
  id: string,
): Promise<{ template: Template; history: TemplateHistoryEntry[] } | undefined> => {
  let template: Template | undefined;
  const history: TemplateHistoryEntry[] = [];
  const items = await queryAll(deps, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `TEMPLATE#${id}` },
    ConsistentRead: true,
  });
  for (const item of items) {
    if (item.sk === 'TEMPLATE') template = strip<Template>(item);
    else if (typeof item.sk === 'string' && item.sk.startsWith('HIST#'))
      history.push(strip<TemplateHistoryEntry>(item));
  }
  return template ? { template, history } : undefined;
};

/** Templates of a category (a sort-key range) or all of them; `status` filters. */
export const listTemplates = async (deps: Deps, q: TemplateListQuery): Promise<Page<Template>> => {
  const filters: Filter[] = q.status ? [equals('status', q.status, 'fstatus')] : [];
  const page = await queryIndexPage(deps, {
    index: 'templatesByCat',
    partition: 'TEMPLATE',
    filters,
    limit: q.limit,
    cursor: q.cursor,
    binding: { category: q.category, status: q.status },
    ...(q.category ? { sortKey: { between: [`${q.category}#`, `${q.category}#${RANGE_END}`] } } : {}),
  });
  return { items: page.items.map((i) => strip<Template>(i)), nextCursor: page.nextCursor };
};

/**
 * A condition for a case action's transaction: the cited template is still
 * active and at the cited version when the response is stored.
 */
export const templateStillCurrent = (deps: Deps, ref: TemplateRef): TransactItem => ({
  ConditionCheck: {
    TableName: deps.tableName,
    Key: templateKey(ref.id),
    ConditionExpression: '#s = :active AND version = :v',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':active': 'active', ':v': ref.version },
  },
});
