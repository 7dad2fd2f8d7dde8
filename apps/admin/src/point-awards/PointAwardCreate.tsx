import { Create, NumberInput, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, minValue, required, useTranslate } from 'react-admin';
import { JpDateInput } from '../common/JpDateInputs';
import { Alert, Stack } from '@mui/material';
import { TRANSACTION_KIND } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';
import { validMyKeyId } from '../common/MyKeyIdInput';
import { noMyNumber } from '../common/validators';

// A single award, for corrections; the server applies the same rule and cap as to imports.
export function PointAwardCreate() {
  const translate = useTranslate();
  const kinds = useEnumChoices(TRANSACTION_KIND);
  return (
    <Create redirect="show">
      <SimpleForm>
        <Stack sx={{ width: '100%', maxWidth: 720 }}>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('resources.point-awards.helper.rule')}
          </Alert>
          <TextInput
            source="myKeyId"
            validate={[required(), validMyKeyId]}
            helperText="resources.point-awards.helper.myKeyId"
            autoComplete="off"
            autoFocus
          />
          <ReferenceInput source="paymentServiceId" reference="payment-services" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
            <SelectInput optionText="name" validate={required()} />
          </ReferenceInput>
          <TextInput source="externalId" validate={[required(), maxLength(100), noMyNumber]} helperText="resources.point-awards.helper.externalId" />
          <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
            <JpDateInput source="transactionDate" validate={required()} />
            <SelectInput source="kind" choices={kinds} defaultValue="charge" validate={required()} sx={{ minWidth: 160 }} />
            <NumberInput source="amountYen" validate={[required(), minValue(1)]} min={1} step={1} helperText="resources.point-awards.helper.amountYen" />
          </Stack>
        </Stack>
      </SimpleForm>
    </Create>
  );
}
