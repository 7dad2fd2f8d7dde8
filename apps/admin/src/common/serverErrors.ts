import { useNotify } from 'react-admin';

// react-admin shows only "invalid form" when a refusal carries field errors; the
// server's own message says what to do (quota full, 24-hour rule, cap below points
// awarded), so it is shown as well. The field errors still appear next to the inputs.
export function useNotifyServerError() {
  const notify = useNotify();
  return (error: unknown) => {
    const message = (error as { message?: string } | null)?.message;
    notify(message || 'ra.notification.http_error', { type: 'error', messageArgs: { _: message }, autoHideDuration: 10_000 });
  };
}
