import { normalizePhone } from '@lan-toa/contracts';
import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconUserPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage, fieldErrors, otherDetails } from '../../app/errors';
import { type EntryBody, useRegisterEntry } from './public-contest-api';

const FIELDS = ['fullName', 'unitName', 'phone'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

/** The server's rule for a phone, after the same normalising ("+84 912-345-678" → "0912345678"). */
const PHONE = /^0\d{9,10}$/u;

/**
 * What the form can tell before sending: an empty field asks to be filled in; only a phone that
 * was typed can be "không hợp lệ". The server checks the same and more.
 */
function check(values: EntryBody, t: TFunction): Errors {
  const errors: Errors = {};
  if (values.fullName.trim() === '') errors.fullName = t('contests.public.fullNameRequired');
  if (values.unitName.trim() === '') errors.unitName = t('contests.public.unitNameRequired');
  const phone = values.phone.trim();
  if (phone === '') errors.phone = t('contests.public.phoneRequired');
  else if (!PHONE.test(normalizePhone(phone))) errors.phone = t('contests.public.phoneInvalid');
  return errors;
}

/**
 * "Đăng ký dự thi" for a public contest: full name, unit, phone. The server checks everything
 * and its Vietnamese messages show under each field; a phone already registered from another
 * browser is refused under the phone field.
 */
export function PublicEntryForm({ contestId, signedIn }: { contestId: number; signedIn: boolean }) {
  const { t } = useTranslation();
  const register = useRegisterEntry(contestId);
  const [values, setValues] = useState<EntryBody>({ fullName: '', unitName: '', phone: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  const change = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  };

  // What every field of the form shares: focus on a refusal, its value, its error.
  const bind = (field: Field) => ({
    ref: (node: HTMLInputElement | null) => {
      inputs.current[field] = node;
    },
    size: 'md' as const,
    required: true,
    value: values[field],
    onChange: change(field),
    error: errors[field],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setGeneral([]);
    const local = check(values, t);
    const firstLocal = FIELDS.find((field) => local[field]);
    if (firstLocal) {
      setErrors(local);
      inputs.current[firstLocal]?.focus();
      return;
    }
    register.mutate(values, {
      onSuccess: () => {
        setErrors({});
        // The start button of the open round is right below: bring it into view.
        window.setTimeout(() => {
          document
            .querySelector('[data-testid="round-start"]')
            ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
        }, 100);
      },
      onError: (error) => {
        const byField = fieldErrors(error);
        const next: Errors = {};
        for (const field of FIELDS) if (byField[field]) next[field] = byField[field];
        setErrors(next);
        const others = otherDetails(error, FIELDS);
        // A refusal with its own explanation (a phone registered elsewhere, too many tries) is
        // shown above the form too; a plain "check the fields" is said by the fields alone.
        const plain = error instanceof ApiError && error.code === 'VALIDATION_FAILED';
        setGeneral(
          others.length > 0 ? others : !plain || Object.keys(next).length === 0 ? [errorMessage(error, t)] : [],
        );
        const first = FIELDS.find((field) => next[field]);
        if (first) inputs.current[first]?.focus();
      },
    });
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} data-testid="public-entry-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {t('contests.public.registerTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {signedIn ? t('contests.public.registerIntroSignedIn') : t('contests.public.registerIntro')}
            </Text>
          </Stack>
          {general.length > 0 ? (
            <Alert color="red" icon={<IconAlertTriangle size={20} />} role="alert" data-testid="public-entry-error">
              <Stack gap={2}>
                {general.map((message) => (
                  <Text key={message} size="sm">
                    {message}
                  </Text>
                ))}
              </Stack>
            </Alert>
          ) : null}
          <TextInput
            {...bind('fullName')}
            label={t('contests.public.fullName')}
            placeholder={t('contests.public.fullNamePlaceholder')}
            autoComplete="name"
            maxLength={120}
            data-testid="entry-full-name"
          />
          <TextInput
            {...bind('unitName')}
            label={t('contests.public.unitName')}
            placeholder={t('contests.public.unitNamePlaceholder')}
            autoComplete="organization"
            maxLength={300}
            data-testid="entry-unit-name"
          />
          <TextInput
            {...bind('phone')}
            label={t('contests.public.phone')}
            description={t('contests.public.phoneHint')}
            placeholder={t('contests.public.phonePlaceholder')}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            data-testid="entry-phone"
          />
          <Button
            type="submit"
            size="lg"
            fullWidth
            leftSection={<IconUserPlus size={20} />}
            loading={register.isPending}
            data-testid="entry-submit"
          >
            {t('contests.public.registerSubmit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
