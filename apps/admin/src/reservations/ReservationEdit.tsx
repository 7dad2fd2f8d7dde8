import { CounterEdit } from '../common/CounterEdit';
import { ReservationInputs } from './ReservationInputs';

export function ReservationEdit() {
  return (
    <CounterEdit fixed={{ source: 'quotaId', reference: 'reservation-quotas' }}>
      <ReservationInputs editing />
    </CounterEdit>
  );
}
