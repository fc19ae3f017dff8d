import { Injectable } from '@nestjs/common';
import { DomainError, MODERATION_ERRORS, TOPICS, USER_ERRORS } from '@rendezvous/contracts';
import type { AuthUser, Page } from '@rendezvous/platform';
import {
  OutboxService,
  decodeCursor,
  invalidFields,
  secondsUntilNextUtcDay,
  toPage,
  utcDay,
} from '@rendezvous/platform';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { BlocksService } from '../blocks/blocks.service';
import { UserConfig } from '../config';
import { AccountStandingService } from '../moderation/account-standing.service';
import { isSuspendedNow } from '../users/standing';
import type { UserRow } from '../users/user-record';
import { UsersRepository } from '../users/users.repository';
import type { CreateReportDto } from './dto/create-report.dto';
import type { DecisionDto } from './dto/decision.dto';
import type { OwnReportView, QueueItem } from './report-views';
import { toOwnReportView, toQueueItem } from './report-views';
import type { QueueFilters, ReportRow } from './reports.repository';
import { ReportsRepository, reportCursor } from './reports.repository';

const REPORT_CREATED_VERSION = 1;
const REPORT_DECIDED_VERSION = 2;

@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
    private readonly users: UsersRepository,
    private readonly blocks: BlocksService,
    private readonly standing: AccountStandingService,
    private readonly outbox: OutboxService,
    private readonly config: UserConfig,
  ) {}

  /**
   * One open report per reporter and subject, `REPORTS_PER_DAY` a UTC day; blocks the subject
   * unless told not to; hides the subject once enough different people reported them lately.
   * A suspended or banned subject is 404, as everywhere else.
   */
  async file(reporterId: string, dto: CreateReportDto): Promise<OwnReportView> {
    const subjectId = dto.subjectUserId;
    if (subjectId === reporterId) {
      throw invalidFields([
        { path: 'subjectUserId', message: 'subjectUserId must not be yourself' },
      ]);
    }
    return this.dataSource.transaction(async (tx) => {
      await this.reports.lockSubject(tx, subjectId);
      const people = await this.users.lockAllActive(tx, [reporterId, subjectId]);
      const subject = people.get(subjectId);
      if (!people.has(reporterId))
        throw new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');
      if (!subject || isSuspendedNow(subject)) {
        throw new DomainError(USER_ERRORS.USER_NOT_FOUND, 'No such user');
      }
      if (await this.reports.hasOpen(tx, reporterId, subjectId)) throw alreadyOpen();
      await this.takeDailyReport(tx, reporterId);
      if (dto.block !== false) await this.blocks.blockIn(tx, reporterId, subjectId);
      const report = await this.reports.insert(tx, {
        reporterId,
        subjectUserId: subjectId,
        reason: dto.reason,
        details: dto.details ?? null,
        context: dto.context ? { ...dto.context } : null,
      });
      if (!report) throw alreadyOpen();
      await this.autoHide(tx, subject);
      await this.announceCreated(tx, report);
      return toOwnReportView(report);
    });
  }

  async mine(reporterId: string, limit: number, cursor?: string): Promise<Page<OwnReportView>> {
    const after = decodeCursor(cursor, 'instant');
    const rows = await this.reports.pageMine(this.dataSource.manager, reporterId, after, limit);
    return toPage(rows, limit, reportCursor, toOwnReportView);
  }

  async queue(filters: QueueFilters, limit: number, cursor?: string): Promise<Page<QueueItem>> {
    const after = decodeCursor(cursor, 'instant');
    const rows = await this.reports.pageQueue(this.dataSource.manager, filters, after, limit);
    return toPage(rows, limit, reportCursor, toQueueItem);
  }

  /**
   * Exactly one decision per report, whoever decides at once: the subject's lock serialises
   * deciders and the report is decided only while open. Effect, events and audit entry commit
   * together.
   */
  async decide(actor: AuthUser, reportId: string, dto: DecisionDto): Promise<QueueItem> {
    return this.dataSource.transaction(async (tx) => {
      const found = await this.reports.find(tx, reportId);
      if (!found) throw reportNotFound();
      await this.reports.lockSubject(tx, found.subject_user_id);
      const report = await this.reports.lock(tx, reportId);
      if (!report) throw reportNotFound();
      if (report.status !== 'open') {
        throw new DomainError(
          MODERATION_ERRORS.REPORT_ALREADY_DECIDED,
          'This report has been decided already',
        );
      }
      await this.standing.decide(
        tx,
        actor,
        { id: report.id, subjectUserId: report.subject_user_id },
        dto.action,
        { note: dto.note, durationHours: dto.durationHours },
      );
      await this.reports.clearAutoHidden(tx, report.subject_user_id);
      const decided = await this.reports.decide(tx, report.id, {
        action: dto.action,
        decidedBy: actor.id,
        note: dto.note,
      });
      if (!decided) throw new Error(`report ${report.id} was locked open but not decided`);
      await this.announceDecided(tx, decided);
      const item = await this.reports.findForQueue(tx, report.id);
      if (!item) throw reportNotFound();
      return toQueueItem(item);
    });
  }

  private async takeDailyReport(tx: EntityManager, reporterId: string): Promise<void> {
    const now = new Date();
    const perDay = this.config.REPORTS_PER_DAY;
    if (!(await this.reports.takeDailyReport(tx, reporterId, utcDay(now), perDay))) {
      throw new DomainError(
        MODERATION_ERRORS.REPORT_LIMIT,
        `You have filed today's ${perDay} reports`,
        undefined,
        secondsUntilNextUtcDay(now),
      );
    }
  }

  /** Reports from enough different people within the window hide the subject until a decision. */
  private async autoHide(tx: EntityManager, subject: UserRow): Promise<void> {
    const windowSeconds =
      this.config.MODERATION_AUTO_HIDE_WINDOW_HOURS * this.config.MODERATION_HOUR_SECONDS;
    const reporters = await this.reports.recentReporters(tx, subject.id, windowSeconds);
    if (reporters < this.config.MODERATION_AUTO_HIDE_REPORTERS) return;
    await this.reports.markAutoHidden(tx, subject.id, windowSeconds);
    if (!subject.hidden) await this.users.changeStanding(tx, subject.id, { hidden: true });
  }

  private async announceCreated(tx: EntityManager, report: ReportRow): Promise<void> {
    await this.outbox.add(tx, {
      type: TOPICS.REPORT_CREATED,
      aggregateId: report.id,
      aggregateVersion: REPORT_CREATED_VERSION,
      recipientIds: await this.reports.staffIds(tx, report.subject_user_id),
      data: {
        reportId: report.id,
        reporterId: report.reporter_id,
        subjectUserId: report.subject_user_id,
        reason: report.reason,
        context: report.context,
        subjectOpenReports: await this.reports.countOpenAbout(tx, report.subject_user_id),
        createdAt: report.created_at.toISOString(),
      },
    });
  }

  private async announceDecided(tx: EntityManager, report: ReportRow): Promise<void> {
    const action = report.action;
    if (!action || !report.decided_by || !report.decided_at || report.status === 'open') {
      throw new Error(`report ${report.id} is not decided`);
    }
    await this.outbox.add(tx, {
      type: TOPICS.REPORT_DECIDED,
      aggregateId: report.id,
      aggregateVersion: REPORT_DECIDED_VERSION,
      ...(action === 'warn' ? { recipientIds: [report.subject_user_id] } : {}),
      data: {
        reportId: report.id,
        subjectUserId: report.subject_user_id,
        reason: report.reason,
        action,
        status: report.status,
        decidedBy: report.decided_by,
        decidedAt: report.decided_at.toISOString(),
      },
    });
  }
}

const reportNotFound = () => new DomainError(MODERATION_ERRORS.REPORT_NOT_FOUND, 'No such report');

const alreadyOpen = () =>
  new DomainError(
    MODERATION_ERRORS.REPORT_ALREADY_OPEN,
    'You already have an open report on this person',
  );
