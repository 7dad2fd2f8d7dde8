import { defineDomainException } from '../common/errors/domain.exception';

export enum ParticipantError {
  NotFound = 'participant_not_found',
}

export class ParticipantException extends defineDomainException<ParticipantError>({
  [ParticipantError.NotFound]: 404,
}) {}
