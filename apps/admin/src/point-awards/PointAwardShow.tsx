import { Divider } from '@mui/material';
import { NumberField, ReferenceField, Show, SimpleShowLayout, TextField, WithRecord } from 'react-admin';
import { TRANSACTION_KIND } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { ParticipantLedger } from './ParticipantLedger';

export function PointAwardShow() {
  return (
    <Show actions={false}>
      <SimpleShowLayout>
        <TextField source="participantRef" />
        <ReferenceField source="paymentServiceId" reference="payment-services" link="show">
          <TextField source="name" />
        </ReferenceField>
        <TextField source="externalId" />
        <JpDateField source="transactionDate" />
        <EnumField source="kind" enumDef={TRANSACTION_KIND} />
        <NumberField source="amountYen" locales="ja-JP" />
        <NumberField source="points" locales="ja-JP" />
        <ReferenceField source="importId" reference="imports" link="show" emptyText="—">
          <TextField source="filename" />
        </ReferenceField>
        <JpDateField source="createdAt" showTime />
        <Divider />
        <WithRecord render={(r: { participantId: number; capYen: number }) => <ParticipantLedger participantId={r.participantId} capYen={r.capYen} />} />
      </SimpleShowLayout>
    </Show>
  );
}
