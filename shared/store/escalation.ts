// The escalation ladder's read (docs/jobs.md, "Escalation ladder"): verifying
// cases with a deadline before a horizon, from the sparse `casesDue` index
// (a case leaves it when it is responded or closed, which stops its ladder).
import type { Deps } from '#shared/deps';
import { onIndex, queryAll } from './query';

export interface EscalatingCase {
  id: string;
  title: string;
  status: string;
  agencyId: string | null;
  dueAt: string | null;
  assignedAt: string | null;
}

/** Verifying cases due before `to` (casesDue, `CDUE`, sort key `<`), oldest deadline first; one Query, paged. */
export const casesDueBefore = async (deps: Deps, to: Date): Promise<EscalatingCase[]> =>
  (await queryAll(deps, {
    ...onIndex('casesDue', { '#s': 'status' }),
    KeyConditionExpression: '#ipk = :pk AND #isk < :to',
    ExpressionAttributeValues: { ':pk': 'CDUE', ':to': to.toISOString() },
    ProjectionExpression: 'id, title, #s, agencyId, dueAt, assignedAt',
  })) as unknown as EscalatingCase[];
