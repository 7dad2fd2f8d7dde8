import { Divider } from '@mui/material';
import { NumberField, ReferenceField, Show, SimpleShowLayout, TextField, WithRecord } from 'react-admin';
import { POINT_AWARD_KIND } from '@mynapoint/domain';
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
        <ReferenceField source="measureId" reference="measures" link="show" emptyText="—" />
        <TextField source="externalId" emptyText="—" />
        <JpDateField source="transactionDate" />
        <EnumField source="kind" enumDef={POINT_AWARD_KIND} />
        <NumberField source="amountYen" locales="ja-JP" emptyText="—" />
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
