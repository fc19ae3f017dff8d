import { Create } from 'react-admin';
import { VenueForm } from './VenueForm';

export const VenueCreate = () => (
  <Create redirect="list" mutationMode="pessimistic">
    <VenueForm />
  </Create>
);
