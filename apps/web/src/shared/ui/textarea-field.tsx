import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

interface TextareaFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange' | 'value'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
}

/** A labelled multi-line text box. */
export function TextareaField({ id, label, value, onChange, hint, error, optional, ...rest }: TextareaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      {(aria) => (
        <textarea
          id={id}
          name={id}
          className="field__input field__input--multiline"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...aria}
          {...rest}
        />
      )}
    </FieldFrame>
  );
}
