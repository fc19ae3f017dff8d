import {
  ChipField,
  Datagrid,
  DateField,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { ROLE_CHOICES, STATUS_CHOICES } from '../../components/choices';
import { CursorPagination } from '../../components/CursorPagination';
import { RowLink } from '../../components/RowLink';

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
        <RowLink to="show" source="name" sortable={false}>
          <TextField source="name" />
        </RowLink>
        <TextField source="email" sortable={false} />
        <ChipField source="role" sortable={false} size="small" />
        <TextField source="status" sortable={false} />
        <DateField
          locales="en-GB"
          source="suspendedUntil"
          showTime
          sortable={false}
          emptyText="—"
        />
        <NumberField source="openReports" label="Open reports" sortable={false} />
        <DateField locales="en-GB" source="createdAt" label="Joined" sortable={false} />
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
