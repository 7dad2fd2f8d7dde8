import { CounterEdit } from '../common/CounterEdit';
import { ApplicationInputs } from './ApplicationInputs';

export function ApplicationEdit() {
  return (
    <CounterEdit fixed={{ source: 'paymentServiceId', reference: 'payment-services' }}>
      <ApplicationInputs editing />
    </CounterEdit>
  );
}
