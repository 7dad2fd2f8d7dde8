import { defineDomainException } from '../common/errors/domain.exception';

export enum AssistanceRecordError {
  NotFound = 'assistance_record_not_found',
  /** A cross-field rule of libs/domain/src/assistance-rules.ts (the first one broken). */
  CardApplicationAtBranch = 'card_application_main_office_only',
  UnableReasonRequired = 'unable_reason_required',
  UnableReasonOnlyWhenUnable = 'unable_reason_only_when_unable',
  WrongPersonChecklist = 'wrong_person_checklist_required',
  VisitInFuture = 'visit_in_future',
  PaymentServiceNotFound = 'payment_service_not_found',
  TerminalNotFound = 'assistance_record_terminal_not_found',
  /** Counter staff correcting a record after the day it was logged. */
  EditWindowClosed = 'assistance_record_edit_window_closed',
}

export class AssistanceRecordException extends defineDomainException<AssistanceRecordError>({
  [AssistanceRecordError.NotFound]: 404,
  [AssistanceRecordError.CardApplicationAtBranch]: 400,
  [AssistanceRecordError.UnableReasonRequired]: 400,
  [AssistanceRecordError.UnableReasonOnlyWhenUnable]: 400,
  [AssistanceRecordError.WrongPersonChecklist]: 400,
  [AssistanceRecordError.VisitInFuture]: 400,
  [AssistanceRecordError.PaymentServiceNotFound]: 400,
  [AssistanceRecordError.TerminalNotFound]: 400,
  [AssistanceRecordError.EditWindowClosed]: 403,
}) {}
