import { Alert } from '@mui/material';
import { useEffect } from 'react';
import { Edit, SaveButton, SimpleForm, Toolbar, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useLocation } from 'react-router-dom';
import { TODAY_BOARD_PATH } from '../desks/board';
import { useLang } from '../common/enums';
import { AssistanceRecordInputs, validateRecord } from './AssistanceRecordInputs';
import { useEditWindow } from './useEditWindow';

// From the day board (?back=today): the record its check-in opened. A resident who waited
// is served later from the board's 「窓口記録」 (&start=now): the visit starts now, so the
// wait (check-in to the visit's start, the desks' dashboard figure) is what it was.
function FromBoard({ start }: { start: boolean }) {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  useEffect(() => {
    if (!start) return undefined;
    // After the form has taken the record's values (its own reset runs after this child's effect).
    const timer = setTimeout(() => setValue('visitedAt', new Date().toISOString(), { shouldDirty: true }), 0);
    return () => clearTimeout(timer);
  }, [start, setValue]);
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="from-board">
      {translate(start ? 'resources.assistance-records.edit.from_board_start' : 'resources.assistance-records.edit.from_board')}
    </Alert>
  );
}

function EditForm() {
  const translate = useTranslate();
  const lang = useLang();
  const { locked } = useEditWindow();
  const query = new URLSearchParams(useLocation().search);
  const fromBoard = query.get('back') === 'today';
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
      {fromBoard && !locked ? <FromBoard start={query.get('start') === 'now'} /> : null}
      <AssistanceRecordInputs />
    </SimpleForm>
  );
}

// Opened from the day board (?back=today): saving goes back to the board.
export function AssistanceRecordEdit() {
  const { search } = useLocation();
  const back = new URLSearchParams(search).get('back') === 'today';
  return (
    <Edit mutationMode="pessimistic" redirect={back ? () => TODAY_BOARD_PATH : 'show'}>
      <EditForm />
    </Edit>
  );
}
