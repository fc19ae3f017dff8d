import { Edit } from 'react-admin';
import { VenueForm } from './VenueForm';

/** Pessimistic, so the API's field errors land on the form instead of an undo notice. */
export const VenueEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <VenueForm />
  </Edit>
);
