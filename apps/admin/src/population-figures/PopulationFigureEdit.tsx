import { Edit, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { PopulationFigureInputs, validatePopulationFigure } from './PopulationFigureInputs';

export function PopulationFigureEdit() {
  const notifyError = useNotifyServerError();
  return (
    <Edit redirect="show" mutationMode="pessimistic" mutationOptions={{ onError: notifyError }}>
      <SimpleForm validate={validatePopulationFigure}>
        <PopulationFigureInputs />
      </SimpleForm>
    </Edit>
  );
}
