import { TextInput, maxLength, type TextInputProps } from 'react-admin';
import { useDistricts } from './districts';
import { noMyNumber } from './validators';

/** Free text (≤ 40 characters) with the city's districts suggested. */
export function DistrictInput(props: Omit<TextInputProps, 'source'> & { source?: string }) {
  const districts = useDistricts();
  const listId = 'district-suggestions';
  return (
    <>
      <TextInput source="district" validate={[maxLength(40), noMyNumber]} {...props} slotProps={{ htmlInput: { list: listId, autoComplete: 'off' } }} />
      <datalist id={listId}>
        {districts.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
    </>
  );
}
