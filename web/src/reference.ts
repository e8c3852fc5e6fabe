// `/reference`: the configured lists and enumerations, loaded once per session
// and kept on the device (local storage: it holds no user data) so that the
// report form works offline.
import { api, call } from './api/client';
import { useLoad } from './api/use-load';

export type Reference = Awaited<ReturnType<typeof fetchReference>>;

const KEY = 'od.reference';

const fetchReference = async () => (await call(api().GET('/reference'))).data;

let memo: Promise<Awaited<ReturnType<typeof fetchReference>>> | undefined;

export const loadReference = (): ReturnType<typeof fetchReference> => {
  memo ??= fetchReference().then(
    (data) => {
      try {
        localStorage.setItem(KEY, JSON.stringify(data));
      } catch {
        // Without storage the form still works online.
      }
      return data;
    },
    (err: unknown) => {
      memo = undefined;
      const saved = localStorage.getItem(KEY);
      if (saved) return JSON.parse(saved) as Awaited<ReturnType<typeof fetchReference>>;
      throw err;
    },
  );
  return memo;
};

export const useReference = () => useLoad('reference', loadReference);

/** A configured item's name in the language, falling back to its id. */
export const nameOf = (
  list: readonly { id: string; name: string | Record<string, string> }[] | undefined,
  id: string,
  lang: string,
): string => {
  const item = list?.find((x) => x.id === id);
  if (!item) return id;
  return typeof item.name === 'string' ? item.name : (item.name[lang] ?? item.name.vi ?? id);
};
