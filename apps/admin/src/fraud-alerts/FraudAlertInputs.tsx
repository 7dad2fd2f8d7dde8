import { Box, Button, Divider, Stack, Typography } from '@mui/material';
import EditNoteIcon from '@mui/icons-material/EditNote';
import {
  NumberInput,
  RadioButtonGroupInput,
  SelectInput,
  TextInput,
  maxLength,
  minValue,
  required,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { JpDateTimeInput } from '../common/JpDateInputs';
import { useFormContext } from 'react-hook-form';
import {
  FRAUD_CHANNEL,
  FRAUD_STATUS,
  IMPERSONATED,
  NOTICE_BODY_MAX,
  NOTICE_TITLE_MAX,
  draftFraudNotice,
  nextFraudStatuses,
  type FraudStatus,
} from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';
import { noMyNumber } from '../common/validators';
import { DistrictInput } from '../common/DistrictInput';
import { RequestedItemsInput } from './RequestedItemsInput';
import { SeverityInput, SeverityPreview } from './SeverityInput';

function Section({ title }: { title: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, mb: 1, width: '100%' }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
        {translate(title)}
      </Typography>
      <Divider />
    </Box>
  );
}

// What the resident reported: the part counter staff fill in, in under a minute.
function IntakeInputs() {
  const channels = useEnumChoices(FRAUD_CHANNEL);
  const impersonated = useEnumChoices(IMPERSONATED);
  return (
    <>
      <Section title="resources.fraud-alerts.sections.intake" />
      <JpDateTimeInput source="reportedAt" validate={required()} sx={{ maxWidth: 320 }} />
      <RadioButtonGroupInput source="channel" choices={channels} validate={required()} helperText="resources.fraud-alerts.helper.channel" />
      <RadioButtonGroupInput source="impersonated" choices={impersonated} validate={required()} helperText="resources.fraud-alerts.helper.impersonated" />
      <RequestedItemsInput />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <NumberInput
          source="damageYen"
          min={0}
          step={1000}
          validate={[minValue(0)]}
          parse={(v: string) => (v === '' || v == null ? 0 : Math.max(0, Math.trunc(Number(v))))}
          helperText="resources.fraud-alerts.helper.damageYen"
          sx={{ minWidth: 220 }}
        />
        <DistrictInput chips helperText="resources.fraud-alerts.helper.district" sx={{ minWidth: 300 }} />
      </Stack>
      <TextInput
        source="description"
        multiline
        minRows={3}
        validate={[required(), maxLength(2000), noMyNumber]}
        helperText="resources.fraud-alerts.helper.description"
      />
    </>
  );
}

function StatusInputs() {
  const record = useRecordContext();
  const current = (record?.status ?? 'new') as FraudStatus;
  const choices = useEnumChoices(FRAUD_STATUS, [current, ...nextFraudStatuses(current)]);
  return (
    <>
      <SelectInput source="status" choices={choices} validate={required()} sx={{ maxWidth: 320 }} />
      <TextInput source="statusComment" validate={[maxLength(500), noMyNumber]} helperText="resources.fraud-alerts.helper.statusComment" />
    </>
  );
}

function NoticeInputs() {
  const translate = useTranslate();
  const record = useRecordContext();
  const { getValues, setValue } = useFormContext();
  const published = Boolean(record?.noticePublishedAt);
  const fillDraft = () => {
    const [title, body] = [getValues('noticeTitle'), getValues('noticeBody')];
    if ((title || body) && !window.confirm(translate('resources.fraud-alerts.draft.confirm'))) return;
    const draft = draftFraudNotice({ channel: getValues('channel'), impersonated: getValues('impersonated'), requestedItems: getValues('requestedItems') ?? [] });
    setValue('noticeTitle', draft.title, { shouldDirty: true });
    setValue('noticeBody', draft.body, { shouldDirty: true });
  };
  return (
    <>
      <Section title="resources.fraud-alerts.sections.notice" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(published ? 'resources.fraud-alerts.notice.published' : 'resources.fraud-alerts.helper.notice', {
          date: record?.noticePublishedAt ? new Date(record.noticePublishedAt).toLocaleDateString('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric' }) : '',
          name: record?.noticePublishedByName ?? '',
        })}
      </Typography>
      {!published && (
        <Button size="small" variant="outlined" startIcon={<EditNoteIcon />} onClick={fillDraft} sx={{ mb: 1, alignSelf: 'flex-start' }}>
          {translate('resources.fraud-alerts.draft.button')}
        </Button>
      )}
      <TextInput source="noticeTitle" validate={[maxLength(NOTICE_TITLE_MAX), noMyNumber]} disabled={published} />
      <TextInput source="noticeBody" multiline minRows={4} validate={[maxLength(NOTICE_BODY_MAX), noMyNumber]} disabled={published} />
    </>
  );
}

/** The form body shared by Create and Edit; limits mirror the API's DTO. */
export function FraudAlertInputs({ mode }: { mode: 'create' | 'edit' }) {
  // Counter staff record; judging severity and drafting notices is for roles that may edit.
  const { canAccess: mayTriage } = useCanAccess({ resource: 'fraud-alerts', action: 'edit' });
  return (
    <Stack sx={{ width: '100%', maxWidth: 860 }}>
      <IntakeInputs />
      {mayTriage ? (
        <>
          <Section title="resources.fraud-alerts.sections.triage" />
          <SeverityInput />
          {mode === 'edit' && <StatusInputs />}
          <NoticeInputs />
        </>
      ) : (
        <SeverityPreview />
      )}
    </Stack>
  );
}
