import { defineDomainException } from '../common/errors/domain.exception';

export enum TerminalError {
  NotFound = 'terminal_not_found',
  DeskNotFound = 'terminal_desk_not_found',
  NameTaken = 'terminal_name_taken',
  InUse = 'terminal_in_use',
  VisitNotOnTerminal = 'terminal_visit_not_on_terminal',
}

export class TerminalException extends defineDomainException<TerminalError>({
  [TerminalError.NotFound]: 404,
  [TerminalError.DeskNotFound]: 400,
  [TerminalError.NameTaken]: 409,
  [TerminalError.InUse]: 409,
  [TerminalError.VisitNotOnTerminal]: 400,
}) {}
