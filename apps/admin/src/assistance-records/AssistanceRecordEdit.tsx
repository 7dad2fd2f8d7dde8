import { Alert } from '@mui/material';
import { Edit, SaveButton, SimpleForm, Toolbar, useTranslate } from 'react-admin';
import { useLang } from '../common/enums';
import { AssistanceRecordInputs, validateRecord } from './AssistanceRecordInputs';
import { useEditWindow } from './useEditWindow';

function EditForm() {
  const translate = useTranslate();
  const lang = useLang();
  const { locked } = useEditWindow();
  return (
    <SimpleForm
      validate={(values) => validateRecord(values, lang, translate('resources.assistance-records.quick.errors.required'))}
      toolbar={
        <Toolbar>
          <SaveButton disabled={locked} />
        </Toolbar>
      }
    >
      {locked ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="edit-locked">
          {translate('resources.assistance-records.edit.locked')}
        </Alert>
      ) : null}
      <AssistanceRecordInputs />
    </SimpleForm>
  );
}

export function AssistanceRecordEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <EditForm />
    </Edit>
  );
}
