import { type InputHTMLAttributes, type Ref, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

export type FieldErrors = Record<string, string>;

/** Splits issues (from zod or from the API) into one message per known field and general messages. */
export function splitIssues(
  issues: readonly { path: string | readonly PropertyKey[]; message: string }[],
  knownFields: readonly string[],
): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const first = typeof issue.path === 'string' ? issue.path.split(/[.[]/)[0] : issue.path[0];
    const key = typeof first === 'string' || typeof first === 'number' ? String(first) : '';
    if (key && knownFields.includes(key)) {
      fields[key] ??= issue.message;
    } else {
      general.push(typeof issue.path === 'string' && issue.path && !issue.path.startsWith('(') ? `${issue.path} : ${issue.message}` : issue.message);
    }
  }
  return { fields, general };
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

interface FieldShell {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  className?: string;
}

function Label({ id, label, required }: { id: string; label: ReactNode; required?: boolean | undefined }) {
  return (
    <label className="field-label" htmlFor={id}>
      {label}
      {required ? <span className="required"> (obligatoire)</span> : null}
    </label>
  );
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <p className="field-hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error?: string | undefined }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      <span className="sr-only">Erreur : </span>
      {error}
    </p>
  ) : null;
}

/** The frame every single-control field shares: label, hint and error above the control. */
function FieldFrame({ id, label, hint, error, required, className, children }: FieldShell & { children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} required={required} />
      <Hint id={id} hint={hint} />
      <ErrorText id={id} error={error} />
      {children}
    </div>
  );
}

/** The accessibility attributes of a field's control: invalid, required, tied to its hint and error. */
function controlAria({ id, hint, error, required }: Pick<FieldShell, 'id' | 'hint' | 'error' | 'required'>) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined),
  } as const;
}

type InputProps = FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'required'> & { ref?: Ref<HTMLInputElement> };

export function TextField({ id, label, hint, error, required, className, ...input }: InputProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <input id={id} className="input" {...controlAria({ id, hint, error, required })} {...input} />
    </FieldFrame>
  );
}

type TextAreaProps = FieldShell & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'required'> & { ref?: Ref<HTMLTextAreaElement> };

export function TextAreaField({ id, label, hint, error, required, className, ...textarea }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <textarea id={id} className="input textarea" {...controlAria({ id, hint, error, required })} {...textarea} />
    </FieldFrame>
  );
}

type SelectProps = FieldShell & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'required'> & { children: ReactNode };

export function SelectField({ id, label, hint, error, required, className, children, ...select }: SelectProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <select id={id} className="input select" {...controlAria({ id, hint, error, required })} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}

/** A year chosen among those given (newest first, as the callers list them): fiscal years, years of data. */
export function YearField({ years, value, onYear, ...field }: Omit<SelectProps, 'value' | 'onChange' | 'children'> & { years: readonly (number | string)[]; value: number | string; onYear(year: string): void }) {
  return (
    <SelectField {...field} value={String(value)} onChange={(e) => onYear(e.target.value)}>
      {years.map((y) => (
        <option key={y} value={String(y)}>
          {y}
        </option>
      ))}
    </SelectField>
  );
}

/** The submit button of a filter form that shows what was chosen. */
export function ShowButton({ label = 'Afficher' }: { label?: string }) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary">
        {label}
      </button>
    </div>
  );
}

export function CheckboxField({
  id,
  label,
  hint,
  error,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <div className={`field checkbox-field${error ? ' field-invalid' : ''}`}>
      <ErrorText id={id} error={error} />
      <div className="checkbox">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <Hint id={id} hint={hint} />
    </div>
  );
}

/** A group of checkboxes in a fieldset; the legend names the group, the error is tied to each box. */
export function CheckboxGroup<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange(value: V[]): void;
}) {
  return (
    <ChoiceFieldset id={id} legend={legend} hint={hint} error={error} listClass="checkbox-list">
        {options.map((option, index) => {
          const boxId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="checkbox" key={option.value}>
              <input
                type="checkbox"
                id={boxId}
                checked={value.includes(option.value)}
                aria-invalid={error ? true : undefined}
                onChange={(e) => onChange(e.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))}
              />
              <label htmlFor={boxId}>{option.label}</label>
            </div>
          );
        })}
    </ChoiceFieldset>
  );
}

/** The frame shared by checkbox and radio groups: fieldset, legend, hint, error, then the list of choices. */
function ChoiceFieldset({
  id,
  legend,
  hint,
  error,
  required,
  listClass,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean | undefined;
  listClass: string;
  children: ReactNode;
}) {
  const describe = describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined);
  return (
    <fieldset className={`field fieldset${error ? ' field-invalid' : ''}`} aria-describedby={describe}>
      <legend className="field-label">
        {legend}
        {required ? <span className="required"> (obligatoire)</span> : null}
      </legend>
      <Hint id={id} hint={hint} />
      <ErrorText id={id} error={error} />
      <div className={listClass}>{children}</div>
    </fieldset>
  );
}

/** Radio buttons in a fieldset; the first one carries `id`, so the error summary can focus the group. */
export function RadioGroup<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  required,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly { value: V; label: ReactNode }[];
  value: V | '';
  onChange(value: V): void;
  required?: boolean;
}) {
  return (
    <ChoiceFieldset id={id} legend={legend} hint={hint} error={error} required={required} listClass="radio-list">
        {options.map((option, index) => {
          const radioId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="checkbox" key={option.value}>
              <input
                type="radio"
                id={radioId}
                name={id}
                value={option.value}
                checked={value === option.value}
                aria-invalid={error ? true : undefined}
                onChange={() => onChange(option.value)}
              />
              <label htmlFor={radioId}>{option.label}</label>
            </div>
          );
        })}
    </ChoiceFieldset>
  );
}

export { ErrorSummary } from './error-summary.tsx';
