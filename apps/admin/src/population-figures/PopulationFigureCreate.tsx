import { Create, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { PopulationFigureInputs, validatePopulationFigure } from './PopulationFigureInputs';

export function PopulationFigureCreate() {
  const notifyError = useNotifyServerError();
  return (
    <Create redirect="list" mutationOptions={{ onError: notifyError }}>
      <SimpleForm validate={validatePopulationFigure}>
        <PopulationFigureInputs />
      </SimpleForm>
    </Create>
  );
}
