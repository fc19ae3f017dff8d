import { NumberInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { VENUE_CATEGORY_CHOICES } from '../../components/choices';

/**
 * The venue fields. Only presence is checked here; ranges and lengths are the API's to judge, and
 * its problem details put each message on its field, so the form never disagrees with the API.
 */
export function VenueForm() {
  return (
    <SimpleForm>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="description" multiline minRows={2} fullWidth />
      <SelectInput source="category" choices={VENUE_CATEGORY_CHOICES} validate={required()} />
      <NumberInput source="lat" label="Latitude" validate={required()} />
      <NumberInput source="lng" label="Longitude" validate={required()} />
      <NumberInput source="priceLevel" label="Price level (1–4)" validate={required()} />
      <NumberInput source="rating" label="Rating (0–5)" />
      <NumberInput source="capacity" label="Capacity" />
    </SimpleForm>
  );
}
