import { Datagrid, List, NumberField, SelectInput, TextField, usePermissions } from 'react-admin';
import { can } from '../../auth/permissions';
import type { Role } from '../../auth/token';
import { VENUE_CATEGORY_CHOICES } from '../../components/choices';
import { CursorPagination } from '../../components/CursorPagination';
import { RowLink } from '../../components/RowLink';

const filters = [
  <SelectInput key="category" source="category" choices={VENUE_CATEGORY_CHOICES} alwaysOn />,
];

export function VenueList() {
  const { permissions } = usePermissions<Role>();
  const editable = can.editVenues(permissions ?? null);
  return (
    <List filters={filters} pagination={<CursorPagination />} perPage={25} exporter={false}>
      <Datagrid rowClick={editable ? 'edit' : false} bulkActionButtons={false}>
        <RowLink to={editable && 'edit'} source="name" sortable={false}>
          <TextField source="name" />
        </RowLink>
        <TextField source="category" sortable={false} />
        <NumberField source="priceLevel" label="Price" sortable={false} />
        <NumberField source="rating" sortable={false} emptyText="—" />
        <NumberField source="capacity" sortable={false} />
        <NumberField source="lat" sortable={false} options={{ maximumFractionDigits: 5 }} />
        <NumberField source="lng" sortable={false} options={{ maximumFractionDigits: 5 }} />
      </Datagrid>
    </List>
  );
}
