import { Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import { useListContext } from 'react-admin';
import { PAGE_SIZES } from './choices';

/**
 * Previous / next over the API's cursors. Lists have no total, so pages are numbered only as far
 * as they have been walked.
 */
export function CursorPagination() {
  const { page, perPage, setPage, setPerPage, hasNextPage, hasPreviousPage, data, isPending } =
    useListContext();
  if (!hasPreviousPage && !hasNextPage && (data?.length ?? 0) <= PAGE_SIZES[0]) return null;
  return (
    <Stack
      component="nav"
      aria-label="Pages"
      direction="row"
      spacing={2}
      useFlexGap
      sx={{ alignItems: 'center', justifyContent: 'flex-end', flexWrap: 'wrap', p: 1 }}
    >
      <TextField
        select
        size="small"
        label="Rows per page"
        value={perPage}
        onChange={(event) => setPerPage(Number(event.target.value))}
        sx={{ minWidth: 130 }}
      >
        {PAGE_SIZES.map((size) => (
          <MenuItem key={size} value={size}>
            {size}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" aria-live="polite">
        Page {page}
      </Typography>
      <Button
        size="small"
        startIcon={<ChevronLeft />}
        disabled={!hasPreviousPage || isPending}
        onClick={() => setPage(page - 1)}
      >
        Previous
      </Button>
      <Button
        size="small"
        endIcon={<ChevronRight />}
        disabled={!hasNextPage || isPending}
        onClick={() => setPage(page + 1)}
      >
        Next
      </Button>
    </Stack>
  );
}
