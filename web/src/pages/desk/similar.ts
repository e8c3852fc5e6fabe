// The desk's similar reports of a report (`GET /reports/{id}/similar`): on the
// report page, and to offer the rest of a group in the inbox's dialogs.
import { api, call, type paths } from '../../api/client';
import { askFor, type GroupExtra, groupExtras } from './groups';
import { forEach } from './selection';

export type SimilarItem =
  paths['/reports/{id}/similar']['get']['responses'][200]['content']['application/json']['items'][number];

/** The reports the API finds similar to `id` (desk only). */
export const similarReports = async (id: string): Promise<SimilarItem[]> => {
  const { data } = await call(api().GET('/reports/{id}/similar', { params: { path: { id } } }));
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
