import { useEffect, useRef, type RefObject } from 'react';
import { Create, NumberInput, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, minValue, required, useGetOne, useTranslate } from 'react-admin';
import { Alert, Stack } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { TRANSACTION_KIND, toJstDate } from '@mynapoint/domain';
import { JpDateInput } from '../common/JpDateInputs';
import { useEnumChoices } from '../common/enums';
import { validMyKeyId } from '../common/MyKeyIdInput';
import { useNotifyServerError } from '../common/serverErrors';
import { noMyNumber } from '../common/validators';
import { toPointAwardBody } from './pointAwardBody';

type Measure = { id: number; kind: string; name: string; fixedAmountYen?: number | null; ratePercent?: number | null; capPerPersonYen?: number | null };

function useChosenMeasure(): Measure | undefined {
  const id = useWatch({ name: 'measureId' }) as number | undefined;
  return useGetOne<Measure>('measures', { id: id! }, { enabled: Boolean(id) }).data;
}

/** The fields of the chosen measure's kind: a registration date (fixed amount), or the transaction (rate). */
function AwardFields() {
  const translate = useTranslate();
  const kinds = useEnumChoices(TRANSACTION_KIND);
  const measure = useChosenMeasure();
  if (measure?.kind === 'fixed_amount') {
    return (
      <>
        <Alert severity="info" sx={{ mb: 2 }} data-testid="registration-award">
          {translate('resources.point-awards.helper.registration', { amount: (measure.fixedAmountYen ?? 0).toLocaleString('ja-JP') })}
        </Alert>
        <JpDateInput source="occurredOn" validate={required()} defaultValue={toJstDate(new Date())} helperText="resources.point-awards.helper.occurredOn" />
      </>
    );
  }
  return (
    <>
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('resources.point-awards.helper.rule')}
      </Alert>
      <ReferenceInput source="paymentServiceId" reference="payment-services" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
        <SelectInput optionText="name" validate={required()} />
      </ReferenceInput>
      <TextInput source="externalId" validate={[required(), maxLength(100), noMyNumber]} helperText="resources.point-awards.helper.externalId" />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <JpDateInput source="transactionDate" validate={required()} />
        <SelectInput source="kind" choices={kinds} defaultValue="charge" validate={required()} sx={{ minWidth: 160 }} />
        <NumberInput source="amountYen" validate={[required(), minValue(1)]} min={1} step={1} helperText="resources.point-awards.helper.amountYen" />
      </Stack>
    </>
  );
}

/** The measure list, newest first; the kind decides which fields follow. */
function MeasureInput() {
  return (
    <ReferenceInput source="measureId" reference="measures" sort={{ field: 'applicationOpensOn', order: 'DESC' }} perPage={100}>
      <SelectInput optionText="name" helperText="resources.point-awards.helper.measureId" sx={{ minWidth: 320 }} />
    </ReferenceInput>
  );
}

/** Tells the page which kind the chosen measure is (the save sends that kind's body). */
function KindMirror({ kindRef }: { kindRef: RefObject<string | undefined> }) {
  const kind = useChosenMeasure()?.kind;
  useEffect(() => {
    kindRef.current = kind;
  }, [kind, kindRef]);
  return null;
}

// A single award, for corrections and for registrations confirmed at the counter; the
// server applies the same rules, cap and budget as to imports.
export function PointAwardCreate() {
  const notifyError = useNotifyServerError();
  const kindRef = useRef<string | undefined>(undefined);
  const transform = (values: Record<string, unknown>) => toPointAwardBody(values, kindRef.current);
  return (
    <Create redirect="show" transform={transform} mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <Stack sx={{ width: '100%', maxWidth: 720 }}>
          <TextInput source="myKeyId" validate={[required(), validMyKeyId]} helperText="resources.point-awards.helper.myKeyId" autoComplete="off" autoFocus />
          <MeasureInput />
          <KindMirror kindRef={kindRef} />
          <AwardFields />
        </Stack>
      </SimpleForm>
    </Create>
  );
}
