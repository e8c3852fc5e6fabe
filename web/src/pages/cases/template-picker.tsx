// The response templates offered in the respond and close forms: the active
// templates of the case's category, in the user's language. Choosing one fills
// the text field and notes which template and version it came from; text the
// user typed is replaced only after a confirm. The user may edit the text after
// choosing: what is sent is the field's text, with the template it came from.
import { useEffect, useState } from 'preact/hooks';
import { api, call, type paths } from '../../api/client';
import { useI18n } from '../../i18n';
import { Field } from '../../ui/field';
import { useErrorText } from '../../ui/states';
import type { Draft } from './case-model';

type TemplateQuery = NonNullable<paths['/templates']['get']['parameters']['query']>;
type Template = { id: string; title: string; version: number; text: { vi: string; en: string } };

export const TemplatePicker = ({
  id,
  category,
  target,
  fields,
  changeAll,
  error,
}: {
  id: string;
  category: string;
  /** The field the template's text goes into. */
  target: string;
  fields: Draft;
  changeAll: (patch: Draft) => void;
  error: string | undefined;
}) => {
  const { t, lang } = useI18n();
  const text = useErrorText();
  const [templates, setTemplates] = useState<Template[] | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  useEffect(() => {
    call(
      api().GET('/templates', {
        params: {
          query: { category: category as TemplateQuery['category'], status: 'active', limit: 100 },
        },
      }),
    ).then(
      ({ data }) => setTemplates(data.items),
      (e: unknown) => setLoadError(e),
    );
  }, [category]);

  const chosen = templates?.find((x) => x.id === fields.templateId);
  const choose = (value: string, select: HTMLSelectElement) => {
    const next = templates?.find((x) => x.id === value);
    if (!next) {
      changeAll({ templateId: '', templateVersion: '' });
      return;
    }
    const typed = (fields[target] ?? '').trim();
    // Typed text (anything but the text of the template chosen before) is never lost silently.
    const untouched = typed === '' || (chosen && typed === chosen.text[lang].trim());
    if (!untouched && !window.confirm(t.templates.confirmReplace)) {
      select.value = fields.templateId ?? '';
      return;
    }
    changeAll({ [target]: next.text[lang], templateId: next.id, templateVersion: String(next.version) });
  };

  return (
    <Field
      id={id}
      label={t.templates.picker}
      hint={
        templates?.length === 0
          ? t.templates.noneForCategory
          : chosen
            ? t.templates.fromTemplate(chosen.title, chosen.version)
            : undefined
      }
      error={error ?? (loadError ? text(loadError) : undefined)}
    >
      <select
        value={fields.templateId ?? ''}
        onChange={(e) => choose(e.currentTarget.value, e.currentTarget)}
      >
        <option value="">{t.templates.noTemplate}</option>
        {(templates ?? []).map((x) => (
          <option key={x.id} value={x.id}>
            {x.title}
          </option>
        ))}
      </select>
    </Field>
  );
};
