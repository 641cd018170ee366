import { TextInput, type TextInputProps } from '@mantine/core';

interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type'> {
  value: string;
  onChange: (value: string) => void;
}

/** A calendar date as "YYYY-MM-DD" through the browser's own date picker (good on phones). */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  return (
    <TextInput
      {...props}
      type="date"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      max={props.max ?? '9999-12-31'}
    />
  );
}
