import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { type FocusEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseTypedDate } from '../app/format';

type OwnProps = 'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'maxDate' | 'minDate';

interface DateFieldProps extends Omit<DateInputProps, OwnProps> {
  /** "YYYY-MM-DD", or '' when empty. */
  value: string;
  onChange: (value: string) => void;
  /** Latest allowed day, "YYYY-MM-DD" (e.g. today for a date that cannot be in the future). */
  maxDate?: string;
  /** Earliest allowed day, "YYYY-MM-DD". */
  minDate?: string;
}

/**
 * A calendar date shown and typed as dd/mm/yyyy whatever the browser's language, with a calendar
 * in the interface language. The value is always the ISO string "YYYY-MM-DD" (never a Date, so
 * no time zone can shift the day); optional fields can be emptied.
 */
/** The server accepts years 1900–2100 only; anything outside is a typing mistake. */
const EARLIEST = '1900-01-01';
const LATEST = '2100-12-31';

export function DateField({
  value,
  onChange,
  maxDate = LATEST,
  minDate = EARLIEST,
  error,
  onBlur,
  ...props
}: DateFieldProps) {
  const { t } = useTranslation();
  // What was typed when it could not be used: the field falls back to the last good date on blur,
  // so say why instead of silently dropping the input.
  const [typed, setTyped] = useState<string | null>(null);

  const check = (event: FocusEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value.trim();
    onBlur?.(event);
    if (!text || text === formatDate(value)) {
      setTyped(null);
      return;
    }
    const parsed = parseTypedDate(text);
    if (parsed === null) setTyped(t('dates.invalid', { text }));
    else if (parsed > maxDate) setTyped(t('dates.afterMax', { date: formatDate(maxDate) }));
    else if (parsed < minDate) setTyped(t('dates.beforeMin', { date: formatDate(minDate) }));
    else setTyped(null);
  };

  return (
    <DateInput
      leftSection={<IconCalendar size={16} />}
      placeholder={t('dates.placeholder')}
      clearable={!props.required && !props.readOnly}
      clearButtonProps={{ 'aria-label': t('dates.clear') }}
      ariaLabels={t('dates.aria', { returnObjects: true })}
      monthLabelFormat={t('dates.monthLabelFormat')}
      monthsListFormat={t('dates.monthsListFormat')}
      popoverProps={{ shadow: 'md' }}
      {...props}
      valueFormat="DD/MM/YYYY"
      dateParser={parseTypedDate}
      value={value || null}
      onChange={(next) => {
        setTyped(null);
        onChange(next ?? '');
      }}
      onBlur={check}
      maxDate={maxDate}
      minDate={minDate}
      error={typed ?? error}
    />
  );
}
