// A form field with its label, hint and error, wired for screen readers:
// the error is announced and linked with aria-describedby.
import { type ComponentChildren, cloneElement, isValidElement, type VNode } from 'preact';
import { useI18n } from '../i18n';

export const Field = ({
  id,
  label,
  required,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string | undefined;
  children: ComponentChildren;
}) => {
  const { t } = useI18n();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const control = isValidElement(children)
    ? cloneElement(children as VNode<Record<string, unknown>>, {
        id,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': describedBy || undefined,
        required,
      })
    : children;
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id}>
        {label}
        {required ? (
          <span class="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
        {required ? <span class="visually-hidden"> ({t.common.required})</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {control}
      {error ? (
        <p class="error-text" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
};
