/**
 * The cadre form's shared state: values, per-field errors keyed by zod path ("family.0.name"),
 * and whether the page is in view or edit mode. Fields read and write through it by key.
 */
import { Autocomplete, Textarea, TextInput, type TextInputProps } from '@mantine/core';
import { createContext, useContext } from 'react';
import { normalizeCode } from '../../../../shared/domain/codes.js';
import { parseYearMonth } from '../../../../shared/rules/dates.js';
import type { FormValues } from '../formModel';

export interface FormApi {
  values: FormValues;
  set: <K extends keyof FormValues>(key: K, value: FormValues[K]) => void;
  errors: Record<string, string>;
  setError: (path: string, message: string | null) => void;
  readOnly: boolean;
}

export const FormContext = createContext<FormApi | null>(null);

export function useForm(): FormApi {
  const f = useContext(FormContext);
  if (!f) throw new Error('useForm outside FormContext');
  return f;
}

type StringKey = { [K in keyof FormValues]-?: FormValues[K] extends string ? K : never }[keyof FormValues];

/** Plain text field bound to a top-level string key. */
export function TextField({ k, label, ...rest }: { k: StringKey; label: string } & Omit<TextInputProps, 'value' | 'onChange' | 'label'>) {
  const f = useForm();
  return <TextInput label={label} value={f.values[k]} onChange={(e) => f.set(k, e.currentTarget.value)} error={f.errors[k]} readOnly={f.readOnly} {...rest} />;
}

export function AreaField({ k, label, rows = 3 }: { k: StringKey; label: string; rows?: number }) {
  const f = useForm();
  return <Textarea label={label} autosize minRows={rows} maxRows={14} value={f.values[k]} onChange={(e) => f.set(k, e.currentTarget.value)} error={f.errors[k]} readOnly={f.readOnly} />;
}

/**
 * Year-month as officials write it. Accepts what people type ("1975.3", "1975年3月", "1975-03")
 * and shows the canonical "1975.03" when the field is left.
 */
export function YmInput({ value, onChange, error, path, label, placeholder, readOnly, onErrorChange, ...rest }: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
  path: string;
  label?: string;
  placeholder?: string;
  readOnly: boolean;
  onErrorChange: (path: string, message: string | null) => void;
} & Omit<TextInputProps, 'value' | 'onChange' | 'error' | 'label' | 'onBlur'>) {
  return (
    <TextInput
      label={label}
      placeholder={placeholder ?? (readOnly ? '' : '如 1975.03')}
      value={value}
      readOnly={readOnly}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={() => {
        if (readOnly || !value.trim()) return;
        const r = parseYearMonth(value, label ?? '');
        if (r.ok) {
          if (r.value !== value) onChange(r.value);
          onErrorChange(path, null);
        } else onErrorChange(path, r.message);
      }}
      {...rest}
    />
  );
}

/** Top-level year-month field. */
export function YmField({ k, label, ...rest }: { k: StringKey; label: string } & Omit<TextInputProps, 'value' | 'onChange' | 'error' | 'label' | 'onBlur'>) {
  const f = useForm();
  return <YmInput path={k} label={label} value={f.values[k]} onChange={(v) => f.set(k, v)} error={f.errors[k]} readOnly={f.readOnly} onErrorChange={f.setError} {...rest} />;
}

/**
 * A value from a national code table, typed freely (imports carry odd spellings) and mapped to
 * the table's label on leaving the field: 汉 → 汉族, 党员 → 中共党员, 本科 → 大学.
 */
export function CodeInput({ table, value, onChange, error, label, ariaLabel, readOnly, placeholder, size }: {
  table: readonly string[];
  /** For a cell in a table of rows, where no visible label sits beside the box. */
  ariaLabel?: string;
  size?: 'xs' | 'sm';
  value: string;
  onChange: (v: string) => void;
  error?: string;
  label?: string;
  readOnly: boolean;
  placeholder?: string;
}) {
  return (
    <Autocomplete
      label={label}
      aria-label={label ? undefined : ariaLabel}
      size={size}
      data={[...table]}
      value={value}
      readOnly={readOnly}
      error={error}
      placeholder={placeholder}
      limit={60}
      onChange={onChange}
      onBlur={() => {
        if (readOnly) return;
        const canonical = normalizeCode(table, value);
        if (canonical && canonical !== value) onChange(canonical);
      }}
    />
  );
}

export function CodeField({ k, label, table }: { k: StringKey; label: string; table: readonly string[] }) {
  const f = useForm();
  return <CodeInput label={label} table={table} value={f.values[k]} onChange={(v) => f.set(k, v)} error={f.errors[k]} readOnly={f.readOnly} />;
}
