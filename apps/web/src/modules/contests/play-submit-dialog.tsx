import { Alert, Button, Group, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';

interface SubmitDialogProps {
  opened: boolean;
  /** Numbers (1-based) of the questions without an answer. */
  unanswered: number[];
  missingPrediction: boolean;
  missingEssay: boolean;
  submitting: boolean;
  onGo: (index: number) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Nộp bài?" — with the questions still unanswered, each a link back to it. */
export function SubmitDialog(props: SubmitDialogProps) {
  const { t } = useTranslation();
  const complete = props.unanswered.length === 0 && !props.missingPrediction && !props.missingEssay;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onCancel}
      title={t('contests.play.submitTitle')}
      size="sm"
      closeOnClickOutside={!props.submitting}
      closeOnEscape={!props.submitting}
      withCloseButton={!props.submitting}
    >
      <Stack gap="sm" data-testid="play-submit-dialog">
        {complete ? (
          <Alert color="green" icon={<IconCircleCheck size={20} />}>
            {t('contests.play.allAnswered')}
          </Alert>
        ) : (
          <Alert color="orange" icon={<IconAlertTriangle size={20} />} data-testid="play-unanswered">
            <Stack gap={6}>
              {props.unanswered.length > 0 ? (
                <>
                  <Text size="sm" fw={600}>
                    {t('contests.play.unansweredCount', {
                      count: props.unanswered.length,
                      formatted: formatNumber(props.unanswered.length),
                    })}
                  </Text>
                  <Group gap={6}>
                    {props.unanswered.map((number) => (
                      <UnstyledButton
                        key={number}
                        onClick={() => props.onGo(number - 1)}
                        px={10}
                        py={4}
                        bg="white"
                        style={{ borderRadius: 6, border: '1px solid var(--mantine-color-orange-4)' }}
                        aria-label={t('contests.play.goTo', { number })}
                      >
                        <Text size="sm" fw={600}>
                          {number}
                        </Text>
                      </UnstyledButton>
                    ))}
                  </Group>
                </>
              ) : null}
              {props.missingPrediction ? <Text size="sm">{t('contests.play.missingPrediction')}</Text> : null}
              {props.missingEssay ? <Text size="sm">{t('contests.play.missingEssay')}</Text> : null}
            </Stack>
          </Alert>
        )}
        <Text size="sm">{t('contests.play.submitWarning')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel} disabled={props.submitting}>
            {t('contests.play.keepGoing')}
          </Button>
          <Button
            leftSection={<IconSend size={16} />}
            onClick={props.onConfirm}
            loading={props.submitting}
            data-testid="play-submit-confirm"
          >
            {t('contests.play.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
