import { useEffect } from 'react';
import { useFormContext } from 'react-hook-form';

/**
 * Puts a default into a field once it is known (say, the only open quota, which
 * arrives with a request of its own), unless the field already has a value. The
 * form is not remounted for it: staff often type the MyKey ID before the lists
 * have loaded, and a remount would throw their typing away.
 */
export function DefaultWhenEmpty({ source, value }: { source: string; value: unknown }) {
  const { getValues, setValue } = useFormContext();
  useEffect(() => {
    if (value === undefined || value === null) return;
    const current = getValues(source);
    if (current === undefined || current === null || current === '') setValue(source, value, { shouldDirty: false });
  }, [source, value, getValues, setValue]);
  return null;
}
