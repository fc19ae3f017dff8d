import { Datagrid, DateField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { AUDIT_ACTION_CHOICES } from '../../components/choices';
import { CursorPagination } from '../../components/CursorPagination';
import { MemberLink } from '../../components/MemberLink';

const filters = [
  <SelectInput key="action" source="action" choices={AUDIT_ACTION_CHOICES} alwaysOn />,
  <TextInput key="actor" source="actorId" label="Actor id" alwaysOn />,
  <TextInput key="subject" source="subjectUserId" label="Subject id" alwaysOn />,
];

/** Every moderator and admin action, newest first; entries never change. */
export function AuditList() {
  return (
    <List
      filters={filters}
      pagination={<CursorPagination />}
      perPage={25}
      exporter={false}
      title="Audit log"
    >
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <DateField locales="en-GB" source="at" label="When" showTime sortable={false} />
        <TextField source="action" sortable={false} />
        <MemberLink source="actorId" label="By" />
        <MemberLink source="subjectUserId" label="Subject" />
        <TextField
          source="objectId"
          label="Object"
          sortable={false}
          emptyText="—"
          sx={{ fontFamily: 'monospace' }}
        />
        <TextField source="note" sortable={false} emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
      </Datagrid>
    </List>
  );
}
