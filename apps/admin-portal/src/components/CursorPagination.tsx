import { Pagination } from 'react-admin';
import { PAGE_SIZES } from './choices';

/** Previous / next over the API's cursors: lists have no total, so pages are not numbered. */
export const CursorPagination = () => <Pagination rowsPerPageOptions={PAGE_SIZES} />;
