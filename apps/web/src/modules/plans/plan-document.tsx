import { Paper } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlanSnapshot } from '../../app/types';
import classes from './plan-document.module.css';
import { SafeHtml } from './safe-html';

type DocumentPlan = Pick<
  PlanSnapshot,
  'number' | 'title' | 'unitName' | 'place' | 'signedOn' | 'sections' | 'signerTitle' | 'signerName'
>;

interface PlanDocumentProps {
  plan: DocumentPlan;
  /** The union above the issuing unit, printed over its name. */
  superiorName?: string | null;
}

/** "Ninh Bình, ngày 22 tháng 01 năm 2024". */
function placeAndDate(t: TFunction, place: string, signedOn: string | null): string {
  if (!signedOn) return place ? t('plans.doc.placeOnly', { place }) : t('plans.doc.notSigned');
  const [year, month, day] = signedOn.split('-');
  const date = t('plans.doc.date', { day, month, year });
  return place ? `${place}, ${date}` : date;
}

/**
 * The plan as the document it is: issuing unit and number on the left, the national title and
 * place/date on the right, "KẾ HOẠCH" and the title, the sections, then recipients and signer.
 */
export function PlanDocument({ plan, superiorName }: PlanDocumentProps) {
  const { t } = useTranslation();
  const body = (['purpose', 'targets', 'tasks', 'organisation'] as const).filter((key) => plan.sections[key]);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} className={classes.document} data-testid="plan-document">
      <div className={classes.header}>
        <div>
          {superiorName ? <div className={classes.upper}>{superiorName}</div> : null}
          <div className={classes.unitName}>{plan.unitName}</div>
          <div className={classes.rule} />
          <div>{t('plans.doc.number', { number: plan.number || '…' })}</div>
        </div>
        <div>
          <div className={classes.motto}>{t('plans.doc.republic')}</div>
          <div className={classes.motto}>{t('plans.doc.motto')}</div>
          <div className={classes.rule} />
          <div className={classes.dateLine}>{placeAndDate(t, plan.place, plan.signedOn)}</div>
        </div>
      </div>
      <div className={classes.kind}>{t('plans.doc.kind')}</div>
      <div className={classes.title}>{plan.title}</div>
      {body.map((key) => (
        <SafeHtml key={key} html={plan.sections[key]} />
      ))}
      <div className={classes.footer}>
        <div className={classes.recipients}>
          {plan.sections.recipients ? <SafeHtml html={plan.sections.recipients} /> : null}
        </div>
        <div className={classes.signer}>
          {plan.signerTitle}
          {plan.signerName ? <div className={classes.signerName}>{plan.signerName}</div> : null}
        </div>
      </div>
    </Paper>
  );
}
