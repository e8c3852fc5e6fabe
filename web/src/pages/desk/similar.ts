// The desk's similar reports of a report (`GET /reports/{id}/similar`): on the
// report page, and to offer the rest of a group in the inbox's dialogs.
import { api, call } from '../../api/client';
import { askFor, type GroupExtra, groupExtras } from './groups';
import { forEach } from './selection';

export interface SimilarItem {
  id: string;
  title: string;
  status: 'new' | 'linked' | 'dismissed';
  caseId: string | null;
  similarityGroup: string;
  submittedAt: string;
  reason: 'sameUrl' | 'similarText';
  score?: number;
}

/** The reports the API finds similar to `id` (desk only). */
export const similarReports = async (id: string): Promise<SimilarItem[]> => {
  // INTERIM until h-sim-store's route is in the generated types.
  const get = api().GET as unknown as (
    path: string,
    init: { params: { path: { id: string } } },
  ) => Promise<{ data?: { items: SimilarItem[] }; error?: unknown; response: Response }>;
  const { data } = await call(get('/reports/{id}/similar', { params: { path: { id } } }));
  return data.items;
};

type Row = {
  id: string;
  title: string;
  status: string;
  submittedAt: string;
  similarityGroup?: string | undefined;
};

/**
 * The reports that could go with the selected ones: their groups' other `new`
 * reports, from the rows in view and the API's similar reports. `incomplete`
 * when some group could not be read (the offer then holds what is in view).
 */
export const findGroupExtras = async (
  selected: readonly string[],
  rows: readonly Row[],
): Promise<{ extras: GroupExtra[]; incomplete: boolean }> => {
  const found: SimilarItem[] = [];
  const results = await forEach(askFor(selected, rows), async (id) => {
    found.push(...(await similarReports(id)));
  });
  return {
    extras: groupExtras(selected, rows, found),
    incomplete: results.some((r) => !r.ok),
  };
};
