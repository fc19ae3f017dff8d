import {
  BooleanField,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  SelectInput,
  TextField,
  TextInput,
  useNotify,
  useRefresh,
} from 'react-admin';
import { REPORT_REASON_CHOICES, REPORT_STATUS_CHOICES } from '../../components/choices';
import { CursorPagination } from '../../components/CursorPagination';
import { MemberLink } from '../../components/MemberLink';
import { useRealtime } from '../../realtime/use-realtime';
import { DecideButton } from './DecideButton';

const filters = [
  <SelectInput
    key="status"
    source="status"
    choices={REPORT_STATUS_CHOICES}
    alwaysOn
    emptyText="Open"
  />,
  <SelectInput key="reason" source="reason" choices={REPORT_REASON_CHOICES} alwaysOn />,
  <TextInput key="subject" source="subjectUserId" label="Subject id" alwaysOn />,
];

/** New reports arrive over Socket.IO: the queue reloads in place and says what came in. */
function LiveReports() {
  const refresh = useRefresh();
  const notify = useNotify();
  useRealtime('moderation.report_created', (report) => {
    refresh();
    notify(
      `New report: ${report.reason.replace(/_/g, ' ')} (${report.subjectOpenReports} open about this person).`,
      {
        type: 'info',
      },
    );
  });
  return null;
}

const context = (record: { context?: { type: string; id?: string } | null }) =>
  record.context
    ? `${record.context.type}${record.context.id ? ` ${record.context.id.slice(0, 8)}…` : ''}`
    : '—';

export function ReportList() {
  return (
    <>
      <LiveReports />
      <List
        filters={filters}
        filterDefaultValues={{ status: 'open' }}
        pagination={<CursorPagination />}
        perPage={25}
        exporter={false}
        title="Reports (oldest first)"
      >
        <Datagrid rowClick={false} bulkActionButtons={false}>
          <DateField locales="en-GB" source="createdAt" label="Filed" showTime sortable={false} />
          <TextField source="reason" sortable={false} />
          <DecideButton />
          <MemberLink source="subjectUserId" label="Subject" />
          <NumberField source="subjectOpenReports" label="Open about them" sortable={false} />
          <BooleanField source="autoHidden" label="Auto-hidden" sortable={false} />
          <TextField
            source="details"
            sortable={false}
            emptyText="—"
            sx={{ whiteSpace: 'pre-wrap' }}
          />
          <FunctionField label="Context" render={context} sortable={false} />
          <MemberLink source="reporterId" label="Reporter" />
          <TextField source="status" sortable={false} />
          <TextField source="action" label="Decision" sortable={false} emptyText="—" />
        </Datagrid>
      </List>
    </>
  );
}
