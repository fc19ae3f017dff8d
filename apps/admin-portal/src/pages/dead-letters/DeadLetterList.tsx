import { Datagrid, DateField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { DEAD_LETTER_STATUS_CHOICES } from '../../components/choices';
import { CursorPagination } from '../../components/CursorPagination';
import { RowLink } from '../../components/RowLink';

const filters = [
  <TextInput key="topic" source="topic" label="Original topic" alwaysOn />,
  <TextInput key="group" source="consumerGroup" label="Consumer group" alwaysOn />,
  <SelectInput key="status" source="status" choices={DEAD_LETTER_STATUS_CHOICES} alwaysOn />,
];

/** Messages a consumer gave up on, newest first. */
export function DeadLetterList() {
  return (
    <List
      filters={filters}
      pagination={<CursorPagination />}
      perPage={25}
      exporter={false}
      title="Dead letters"
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <RowLink to="show" source="failedAt" label="Failed" sortable={false}>
          <DateField locales="en-GB" source="failedAt" showTime />
        </RowLink>
        <TextField source="originalTopic" label="Topic" sortable={false} />
        <TextField source="consumerGroup" label="Group" sortable={false} />
        <TextField source="eventType" label="Event" sortable={false} emptyText="—" />
        <TextField
          source="error"
          sortable={false}
          sx={{ display: 'block', maxWidth: 360, overflowWrap: 'anywhere' }}
        />
        <TextField source="status" sortable={false} />
      </Datagrid>
    </List>
  );
}
