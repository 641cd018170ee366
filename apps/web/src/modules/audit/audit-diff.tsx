import { Box, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './audit-diff.module.css';
import { fieldLabel, isPlainObject, valueLabel } from './audit-values';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Field-by-field view of an audit event's before/after snapshots, in the interface's words.
 * "After" often holds only what the request changed, so a field missing there is not a change.
 */
export function AuditDiff({ before, after, compact }: { before: unknown; after: unknown; compact?: boolean }) {
  const { t } = useTranslation();
  if (before == null && after == null) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noSnapshot')}
      </Text>
    );
  }
  const left = isPlainObject(before) ? before : before == null ? {} : { value: before };
  const right = isPlainObject(after) ? after : after == null ? {} : { value: after };
  const keys = [...new Set([...Object.keys(right), ...Object.keys(left)])];
  if (compact) {
    // Phones: one block per field, "before" above "after", instead of a three-column table.
    return (
      <Stack gap="xs">
        {keys.map((key) => {
          const changed = key in right && !same(left[key], right[key]);
          return (
            <Box key={key} data-changed={changed || undefined}>
              <Text size="xs" fw={600} c="dimmed">
                {fieldLabel(t, key)}
              </Text>
              {key in left ? (
                <Text size="xs" className={`${classes.value} ${changed ? classes.removed : ''}`}>
                  {t('audit.before')}: {valueLabel(t, key, left[key])}
                </Text>
              ) : null}
              {key in right ? (
                <Text size="xs" className={`${classes.value} ${changed ? classes.added : ''}`}>
                  {t('audit.after')}: {valueLabel(t, key, right[key])}
                </Text>
              ) : null}
            </Box>
          );
        })}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table className={classes.diff} withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="26%">{t('audit.field')}</Table.Th>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => {
            const changed = key in right && !same(left[key], right[key]);
            return (
              <Table.Tr key={key} data-changed={changed || undefined}>
                <Table.Td className={classes.key}>{fieldLabel(t, key)}</Table.Td>
                <Table.Td className={changed && key in left ? classes.removed : undefined}>
                  <span className={classes.value}>{valueLabel(t, key, left[key])}</span>
                </Table.Td>
                <Table.Td className={changed ? classes.added : undefined}>
                  <span className={classes.value}>{valueLabel(t, key, right[key])}</span>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
