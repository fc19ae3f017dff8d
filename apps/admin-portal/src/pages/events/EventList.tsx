import {
  Datagrid,
  DateField,
  DateTimeInput,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { EVENT_CATEGORY_CHOICES } from '../../components/choices';
import { CursorPagination } from '../../components/CursorPagination';
import { MemberLink } from '../../components/MemberLink';
import { RowLink } from '../../components/RowLink';

const filters = [
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder="Title"
    aria-label="Search events by title"
  />,
  <SelectInput key="category" source="category" choices={EVENT_CATEGORY_CHOICES} alwaysOn />,
  <DateTimeInput
    key="from"
    source="from"
    label="Starting after"
    parse={(value: string) => (value ? new Date(value).toISOString() : '')}
  />,
  <DateTimeInput
    key="to"
    source="to"
    label="Starting before"
    parse={(value: string) => (value ? new Date(value).toISOString() : '')}
  />,
];

/** Scheduled events, soonest first (cancelled ones leave the list, as in the API). */
export function EventList() {
  return (
    <List filters={filters} pagination={<CursorPagination />} perPage={25} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <RowLink to="show" source="title" sortable={false}>
          <TextField source="title" />
        </RowLink>
        <TextField source="category" sortable={false} />
        <DateField locales="en-GB" source="startsAt" label="Starts" showTime sortable={false} />
        <TextField source="location.name" label="Where" sortable={false} />
        <FunctionField
          label="Registered"
          render={(event: { registeredCount: number; capacity: number; waitlistedCount: number }) =>
            `${event.registeredCount}/${event.capacity}${event.waitlistedCount ? ` (+${event.waitlistedCount} waiting)` : ''}`
          }
        />
        <MemberLink source="organizerId" label="Organizer" />
      </Datagrid>
    </List>
  );
}
