import { defineDomainException } from '../common/errors/domain.exception';

export enum FraudAlertError {
  NotFound = 'fraud_alert_not_found',
  IllegalTransition = 'fraud_alert_illegal_transition',
  StatusCommentWithoutChange = 'fraud_alert_status_comment_without_change',
  SeverityBelowDefault = 'fraud_alert_severity_below_default',
  TriageNotAllowed = 'fraud_alert_triage_not_allowed',
  ReportedInFuture = 'fraud_alert_reported_in_future',
  NoticeIncomplete = 'fraud_alert_notice_incomplete',
  NoticeDraftMarker = 'fraud_alert_notice_draft_marker',
  NoticeAlreadyPublished = 'fraud_alert_notice_already_published',
  NoticeFrozen = 'fraud_alert_notice_frozen',
}

export class FraudAlertException extends defineDomainException<FraudAlertError>({
  [FraudAlertError.NotFound]: 404,
  [FraudAlertError.IllegalTransition]: 409,
  [FraudAlertError.StatusCommentWithoutChange]: 400,
  [FraudAlertError.SeverityBelowDefault]: 400,
  [FraudAlertError.TriageNotAllowed]: 403,
  [FraudAlertError.ReportedInFuture]: 400,
  [FraudAlertError.NoticeIncomplete]: 400,
  [FraudAlertError.NoticeDraftMarker]: 400,
  [FraudAlertError.NoticeAlreadyPublished]: 409,
  [FraudAlertError.NoticeFrozen]: 409,
}) {}
