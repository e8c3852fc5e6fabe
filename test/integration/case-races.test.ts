// Races on one case: 20 workers × 10 actions with retry-on-412 lose nothing;
// and a control that removes the conditions (through a test seam around the
// store client) shows the invariant the race test checks does catch a loss.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { PreconditionFailed } from '#domain/errors';
import type { Principal } from '#http/principal';
import { actOnCase, readCase } from '#service/cases';
import type { Deps } from '#shared/deps';
import { testTable } from '#test/support/aws';
import { anOpenCase } from '#test/support/given';

const desk: Principal = { sub: 'desk-race', roles: ['desk'] };
let t: Awaited<ReturnType<typeof testTable>>;
let deps: Deps;

/** A case the race is about: opened by `desk` on one new report. */
const openOne = (d: Deps) => anOpenCase(d, { desk });

/**
 * The seam: the same real client, with the conditions on the case item and its
 * history entry removed from every transaction — what the code would do
 * without its optimistic concurrency.
 */
const withoutConditions = (d: Deps): Deps => {
  const send = d.db.send.bind(d.db);
  const db = Object.create(d.db) as Deps['db'];
  db.send = ((command: unknown) => {
    if (command instanceof TransactWriteCommand) {
      for (const item of command.input.TransactItems ?? []) {
        const entity = item.Put?.Item?.entity;
        if (item.Put && (entity === 'case' || entity === 'case-history')) {
          delete item.Put.ConditionExpression;
          delete item.Put.ExpressionAttributeValues;
        }
      }
    }
    return send(command as never);
  }) as Deps['db']['send'];
  return { ...d, db };
};

beforeAll(async () => {
  t = await testTable();
  deps = t.deps();
});

/** Each worker comments `actions` times, re-reading and retrying whenever its version was stale. */
const worker = async (d: Deps, caseId: string, w: number, actions: number) => {
  let retries = 0;
  for (let i = 0; i < actions; i++) {
    for (;;) {
      const { version } = await readCase(d, desk, { id: caseId });
      try {
        await actOnCase(d, desk, { id: caseId }, `"${version}"`, { action: 'comment', note: `w${w}-a${i}` });
        break;
      } catch (e) {
        if (!(e instanceof PreconditionFailed) && (e as { status?: number }).status !== 409) throw e;
        retries++;
        // a little jitter, as a real client would back off
        await new Promise((r) => setTimeout(r, Math.random() * 20));
      }
    }
  }
  return retries;
};

describe('twenty writers on one case', () => {
  it('20 × 10 actions with retry-on-412: final version and history exact, no write lost', async () => {
    const c = await openOne(deps);
    const retries = await Promise.all(Array.from({ length: 20 }, (_, w) => worker(deps, c.caseId, w, 10)));
    const final = await readCase(deps, desk, { id: c.caseId });
    expect(final.version).toBe(1 + 200);
    expect(final.history).toHaveLength(201);
    const notes = new Set(final.history.map((h) => h.note));
    for (let w = 0; w < 20; w++) for (let i = 0; i < 10; i++) expect(notes.has(`w${w}-a${i}`)).toBe(true);
    expect(final.history.map((h) => h.version)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
    // contention really happened (otherwise this test proves nothing)
    expect(retries.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 120_000);

  it('control: without the conditions, concurrent writers "succeed" and entries are lost — which the invariant catches', async () => {
    const unsafe = withoutConditions(deps);
    const c = await openOne(deps);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, w) =>
        actOnCase(unsafe, desk, { id: c.caseId }, '"1"', { action: 'comment', note: `w${w}` }),
      ),
    );
    const succeeded = results.filter((r) => r.status === 'fulfilled').length;
    const final = await readCase(deps, desk, { id: c.caseId });
    const newEntries = final.history.length - 1;
    // With the conditions (the test above), every success is one entry. Here they disagree.
    expect(succeeded).toBeGreaterThan(newEntries);
    expect(final.version).toBeLessThan(1 + succeeded);
  });
});
