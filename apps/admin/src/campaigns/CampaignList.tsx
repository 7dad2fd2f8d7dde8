import { CreateButton, DataTable, List, SearchInput, TopToolbar, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { CampaignRuleField } from './CampaignRuleField';
import { PeriodField } from './PeriodField';
import { ServerExportButton } from '../common/ServerExportButton';
import { ListLoadError } from '../common/ListLoadError';
import { NameWithNationalChip } from '../common/NationalChip';

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.campaigns.empty')}
      </Typography>
      <CreateButton />
    </Box>
  );
}

export function CampaignList() {
  const translate = useTranslate();
  const filters = [<SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.campaigns.filters.q')} />];
  return (
    <List error={<ListLoadError />} filters={filters} sort={{ field: 'reservationOpensOn', order: 'DESC' }} empty={<Empty />} actions={<TopToolbar><CreateButton /><ServerExportButton /></TopToolbar>}>
      <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}>
        <DataTable.Col source="name">
          <NameWithNationalChip />
        </DataTable.Col>
        <DataTable.Col source="reservationOpensOn" label="resources.campaigns.periods.reservation">
          <PeriodField from="reservationOpensOn" to="reservationClosesOn" />
        </DataTable.Col>
        <DataTable.Col source="applicationOpensOn" label="resources.campaigns.periods.application">
          <PeriodField from="applicationOpensOn" to="applicationClosesOn" />
        </DataTable.Col>
        <DataTable.Col source="earningStartsOn" label="resources.campaigns.periods.earning">
          <PeriodField from="earningStartsOn" to="earningEndsOn" />
        </DataTable.Col>
        <DataTable.Col source="awardRatePercent" label="resources.campaigns.sections.rule">
          <CampaignRuleField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
