import {
  ChipField,
  Datagrid,
  DateField,
  EmailField,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { ROLE_CHOICES, STATUS_CHOICES } from '../../components/choices';
import { CursorPagination } from '../../components/CursorPagination';

const filters = [
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder="Email prefix or name"
    aria-label="Search members"
  />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
  <SelectInput key="role" source="role" choices={ROLE_CHOICES} alwaysOn />,
];

export function MemberList() {
  return (
    <List
      filters={filters}
      pagination={<CursorPagination />}
      perPage={25}
      sort={undefined}
      exporter={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <EmailField source="email" sortable={false} />
        <ChipField source="role" sortable={false} size="small" />
        <TextField source="status" sortable={false} />
        <DateField source="suspendedUntil" showTime sortable={false} emptyText="—" />
        <NumberField source="openReports" label="Open reports" sortable={false} />
        <DateField source="createdAt" label="Joined" sortable={false} />
        <DateField
          source="lastActiveAt"
          label="Last active"
          showTime
          sortable={false}
          emptyText="—"
        />
      </Datagrid>
    </List>
  );
}
