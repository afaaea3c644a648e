import type { InputHTMLAttributes, Ref } from 'react';
import { FieldFrame } from './field-frame';

interface FormFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  id: string;
  ref?: Ref<HTMLInputElement>;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
}

/** A labelled single-line input. */
export function FormField({ id, label, value, onChange, hint, error, optional, ...inputProps }: FormFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      {(aria) => (
        <input
          id={id}
          name={id}
          className="field__input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...aria}
          {...inputProps}
        />
      )}
    </FieldFrame>
  );
}
