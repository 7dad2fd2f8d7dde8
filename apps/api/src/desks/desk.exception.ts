import { defineDomainException } from '../common/errors/domain.exception';

export enum DeskError {
  NotFound = 'desk_not_found',
  NameTaken = 'desk_name_taken',
  PopupDates = 'desk_popup_dates_required',
  DatesOrder = 'desk_dates_order',
  InUse = 'desk_in_use',
}

export class DeskException extends defineDomainException<DeskError>({
  [DeskError.NotFound]: 404,
  [DeskError.NameTaken]: 409,
  [DeskError.PopupDates]: 400,
  [DeskError.DatesOrder]: 400,
  [DeskError.InUse]: 409,
}) {}
