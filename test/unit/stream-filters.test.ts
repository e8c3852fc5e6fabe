// The outbox sender's records, deployed and local: the event source mapping's
// filter patterns (infra/aws/constructs/outbox-sender.ts), evaluated here as
// Lambda evaluates them (every key of the pattern must match; a list is "any
// of" exact values or `{ prefix }`), keep exactly the records the local
// stream reader keeps (infra/local/outbox-stream.ts), over a table of stream
// records of every kind the table writes; and the sender decodes a file id
// from exactly the removed FILE items.
import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import {
  fileRemoveFilter,
  outboxInsertFilter,
  outboxSenderFilters,
} from '#infra/aws/constructs/outbox-sender';
import { isFileRemove, isOutboxInsert, isSenderRecord } from '#infra/local/outbox-stream';
import { removedFileIdOf } from '#store/file-retention';

type Pattern = { [key: string]: Pattern | (string | { prefix: string })[] };

/** Lambda's event filtering, for the rules the mapping uses (exact values and prefixes). */
const matches = (pattern: Pattern, event: unknown): boolean =>
  Object.entries(pattern).every(([key, rule]) => {
    const value = (event as Record<string, unknown> | undefined)?.[key];
    if (Array.isArray(rule))
      return rule.some((r) =>
        typeof r === 'string' ? value === r : typeof value === 'string' && value.startsWith(r.prefix),
      );
    return value !== undefined && matches(rule, value);
  });

const patternOf = (filter: Record<string, unknown>): Pattern =>
  JSON.parse((filter as { pattern: string }).pattern) as Pattern;

const deployedKeeps = (r: StreamRecord) => outboxSenderFilters().some((f) => matches(patternOf(f), r));

const keys = (pk: string, sk: string) => ({ pk: { S: pk }, sk: { S: sk } });
const record = (
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  pk: string,
  sk: string,
  entity?: string,
): StreamRecord => ({
  eventName,
  dynamodb: {
    Keys: keys(pk, sk),
    SequenceNumber: '1',
    StreamViewType: 'NEW_IMAGE',
    // A NEW_IMAGE stream's REMOVE has no image at all.
    ...(eventName === 'REMOVE'
      ? {}
      : { NewImage: { ...keys(pk, sk), ...(entity ? { entity: { S: entity } } : {}) } }),
  },
});

const FILE_ID = '01JF0000000000000000000000';
/** [record, kept by the sender, the file id it removes] */
const cases: [string, StreamRecord, boolean, string | undefined][] = [
  ['a new outbox item', record('INSERT', 'OUTBOX#o1', 'OUTBOX', 'outbox'), true, undefined],
  ['an outbox item marked delivered', record('MODIFY', 'OUTBOX#o1', 'OUTBOX', 'outbox'), false, undefined],
  ['a delivered outbox item expiring', record('REMOVE', 'OUTBOX#o1', 'OUTBOX'), false, undefined],
  ['a new case', record('INSERT', 'CASE#c1', 'CASE', 'case'), false, undefined],
  ['a report expiring', record('REMOVE', 'REPORT#r1', 'REPORT'), false, undefined],
  ['a report’s FILE item expiring', record('REMOVE', 'REPORT#r1', `FILE#${FILE_ID}`), true, FILE_ID],
  ['a case’s FILE item expiring', record('REMOVE', 'CASE#c1', `FILE#${FILE_ID}`), true, FILE_ID],
  ['a FILE item confirmed', record('INSERT', 'REPORT#r1', `FILE#${FILE_ID}`, 'file'), false, undefined],
  ['a FILE item given an expiry', record('MODIFY', 'CASE#c1', `FILE#${FILE_ID}`, 'file'), false, undefined],
  ['a pending upload expiring', record('REMOVE', 'REPORT#r1', `UPLOAD#${FILE_ID}`), false, undefined],
  ['a history entry expiring', record('REMOVE', 'CASE#c1', 'HIST#00000003'), false, undefined],
  ['an sk that only contains FILE#', record('REMOVE', 'CASE#c1', `XFILE#${FILE_ID}`), false, undefined],
];

describe('the outbox sender’s stream filters', () => {
  it('are the outbox INSERT and the FILE REMOVE patterns', () => {
    expect(outboxSenderFilters().map(patternOf)).toEqual([
      patternOf(outboxInsertFilter()),
      patternOf(fileRemoveFilter()),
    ]);
  });

  it.each(cases)('%s: deployed and local agree', (_name, r, kept) => {
    expect(deployedKeeps(r)).toBe(kept);
    expect(isSenderRecord(r)).toBe(kept);
    expect(matches(patternOf(outboxInsertFilter()), r)).toBe(isOutboxInsert(r));
    expect(matches(patternOf(fileRemoveFilter()), r)).toBe(isFileRemove(r));
  });

  it.each(cases)('%s: the file the sender deletes', (_name, r, _kept, fileId) => {
    expect(removedFileIdOf(r as Parameters<typeof removedFileIdOf>[0])).toBe(fileId);
  });

  it('deletes by no FILE key outside a report or case, nor by a key that is not an id', () => {
    expect(removedFileIdOf(record('REMOVE', 'OTHER#x', `FILE#${FILE_ID}`))).toBeUndefined();
    expect(removedFileIdOf(record('REMOVE', 'REPORT#r1', 'FILE#../secret'))).toBeUndefined();
    expect(removedFileIdOf(record('REMOVE', 'REPORT#r1', 'FILE#'))).toBeUndefined();
  });
});
