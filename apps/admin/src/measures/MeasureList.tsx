import { Box, Typography } from '@mui/material';
import { CreateButton, DataTable, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { ListLoadError } from '../common/ListLoadError';
import { EnumField, useEnumChoices } from '../common/enums';
import { PeriodField } from '../campaigns/PeriodField';
import { BudgetGaugeField } from './BudgetGauge';
import { MeasureRuleField } from './MeasureRuleField';
import { FUNDED_BY, MEASURE_KIND } from './measureEnums';

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.measures.empty')}
      </Typography>
      <CreateButton />
    </Box>
  );
}

function useMeasureFilters() {
  const translate = useTranslate();
  const kinds = useEnumChoices(MEASURE_KIND);
  const funders = useEnumChoices(FUNDED_BY);
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.measures.filters.q')} />,
    <ReferenceInput key="campaign" source="campaignId" reference="campaigns" alwaysOn>
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <SelectInput key="kind" source="kind" choices={kinds} />,
    <SelectInput key="fundedBy" source="fundedBy" choices={funders} />,
  ];
}

export function MeasureList() {
  return (
    <List error={<ListLoadError />} filters={useMeasureFilters()} sort={{ field: 'applicationOpensOn', order: 'ASC' }} empty={<Empty />} actions={<TopToolbar><CreateButton /></TopToolbar>}>
      <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}>
        <DataTable.Col source="name" />
        <DataTable.Col source="campaignId">
          <ReferenceField source="campaignId" reference="campaigns" link={false} />
        </DataTable.Col>
        <DataTable.Col source="kind">
          <EnumField source="kind" enumDef={MEASURE_KIND} chip />
        </DataTable.Col>
        <DataTable.Col source="rule" label="resources.measures.columns.rule" disableSort>
          <MeasureRuleField />
        </DataTable.Col>
        <DataTable.Col source="applicationOpensOn" label="resources.measures.windows.application">
          <PeriodField from="applicationOpensOn" to="applicationClosesOn" />
        </DataTable.Col>
        <DataTable.Col source="fundedBy">
          <EnumField source="fundedBy" enumDef={FUNDED_BY} />
        </DataTable.Col>
        <DataTable.Col source="remainingBudgetYen" label="resources.measures.columns.budget" disableSort>
          <BudgetGaugeField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
