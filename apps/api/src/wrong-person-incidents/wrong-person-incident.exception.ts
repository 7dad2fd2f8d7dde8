import { defineDomainException } from '../common/errors/domain.exception';

export enum WrongPersonIncidentError {
  NotFound = 'wrong_person_incident_not_found',
  IllegalTransition = 'wrong_person_incident_illegal_transition',
  StatusNeeds = 'wrong_person_incident_status_needs',
  StatusCommentWithoutChange = 'wrong_person_incident_status_comment_without_change',
  UnknownVisit = 'wrong_person_incident_unknown_visit',
  UnknownTerminal = 'wrong_person_incident_unknown_terminal',
  UnknownPaymentService = 'wrong_person_incident_unknown_payment_service',
  InFuture = 'wrong_person_incident_in_future',
}

export class WrongPersonIncidentException extends defineDomainException<WrongPersonIncidentError>({
  [WrongPersonIncidentError.NotFound]: 404,
  [WrongPersonIncidentError.IllegalTransition]: 409,
  [WrongPersonIncidentError.StatusNeeds]: 400,
  [WrongPersonIncidentError.StatusCommentWithoutChange]: 400,
  [WrongPersonIncidentError.UnknownVisit]: 400,
  [WrongPersonIncidentError.UnknownTerminal]: 400,
  [WrongPersonIncidentError.UnknownPaymentService]: 400,
  [WrongPersonIncidentError.InFuture]: 400,
}) {}
