import { defineDomainException } from '../common/errors/domain.exception';

export enum AppointmentError {
  NotFound = 'appointment_not_found',
  NameRequired = 'appointment_name_required',
  PurposeAtDesk = 'appointment_purpose_not_at_desk',
  /** Only booked appointments move, change size or are cancelled. */
  NotBooked = 'appointment_not_booked',
  IllegalStatus = 'appointment_illegal_status',
  AlreadyCheckedIn = 'appointment_already_checked_in',
  NotToday = 'appointment_not_today',
  WalkInNotToday = 'appointment_walk_in_not_today',
  ContactHidden = 'appointment_contact_hidden',
  DeskNotFound = 'appointment_desk_not_found',
}

export class AppointmentException extends defineDomainException<AppointmentError>({
  [AppointmentError.NotFound]: 404,
  [AppointmentError.NameRequired]: 400,
  [AppointmentError.PurposeAtDesk]: 400,
  [AppointmentError.NotBooked]: 409,
  [AppointmentError.IllegalStatus]: 409,
  [AppointmentError.AlreadyCheckedIn]: 409,
  [AppointmentError.NotToday]: 409,
  [AppointmentError.WalkInNotToday]: 409,
  [AppointmentError.ContactHidden]: 403,
  [AppointmentError.DeskNotFound]: 404,
}) {}
