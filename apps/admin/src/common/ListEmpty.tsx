import { Box, Typography } from '@mui/material';
import { CreateButton, useCanAccess, useResourceContext, useTranslate } from 'react-admin';

/** A list's empty state: `resources.<resource>.empty` (and `.empty_hint` when given), with the create button for roles that may create. */
export function ListEmpty({ hint = false }: { hint?: boolean }) {
  const resource = useResourceContext()!;
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource, action: 'create' });
  return (
    <Box sx={{ textAlign: 'center', m: 4 }} data-testid="list-empty">
      <Typography variant="h6" component="p" color="text.secondary" gutterBottom>
        {translate(`resources.${resource}.empty`)}
      </Typography>
      {hint ? (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {translate(`resources.${resource}.empty_hint`)}
        </Typography>
      ) : null}
      {canAccess ? <CreateButton /> : null}
    </Box>
  );
}
