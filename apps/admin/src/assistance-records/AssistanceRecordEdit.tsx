import { Alert } from '@mui/material';
import { Edit, SaveButton, SimpleForm, Toolbar, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { TODAY_BOARD_PATH } from '../desks/board';
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

// Opened from the day board's check-in (?back=today): saving goes back to the board.
export function AssistanceRecordEdit() {
  const { search } = useLocation();
  const back = new URLSearchParams(search).get('back') === 'today';
  return (
    <Edit mutationMode="pessimistic" redirect={back ? () => TODAY_BOARD_PATH : 'show'}>
      <EditForm />
    </Edit>
  );
}
