import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './audit-diff.module.css';

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-by-field view of an audit event's before/after snapshots; changed fields are highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  if (before == null && after == null) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noSnapshot')}
      </Text>
    );
  }
  if (!(isPlainObject(before) || before == null) || !(isPlainObject(after) || after == null)) {
    return (
      <Table className={classes.diff} withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>
              <Code block>{show(before)}</Code>
            </Table.Td>
            <Table.Td>
              <Code block>{show(after)}</Code>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    );
  }
  const left: Plain = before ?? {};
  const right: Plain = after ?? {};
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table className={classes.diff} withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="22%">{t('audit.field')}</Table.Th>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => {
            const changed = !same(left[key], right[key]);
            return (
              <Table.Tr key={key} data-changed={changed || undefined}>
                <Table.Td className={classes.key}>{key}</Table.Td>
                <Table.Td className={changed ? classes.removed : undefined}>
                  <pre className={classes.value}>{show(left[key])}</pre>
                </Table.Td>
                <Table.Td className={changed ? classes.added : undefined}>
                  <pre className={classes.value}>{show(right[key])}</pre>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
