import { defineDomainException } from '../common/errors/domain.exception';

export enum AppointmentSlotError {
  NotFound = 'appointment_slot_not_found',
  DeskNotFound = 'appointment_slot_desk_not_found',
  TimesOrder = 'appointment_slot_times_order',
  Exists = 'appointment_slot_exists',
  CapacityBelowBooked = 'appointment_slot_capacity_below_booked',
  Booked = 'appointment_slot_booked',
  InUse = 'appointment_slot_in_use',
  PatternInvalid = 'appointment_slot_pattern_invalid',
  /** A booking named a slot that does not exist. */
  UnknownSlot = 'appointment_slot_unknown',
  Full = 'appointment_slot_full',
  Past = 'appointment_slot_past',
}

export class AppointmentSlotException extends defineDomainException<AppointmentSlotError>({
  [AppointmentSlotError.NotFound]: 404,
  [AppointmentSlotError.DeskNotFound]: 400,
  [AppointmentSlotError.TimesOrder]: 400,
  [AppointmentSlotError.Exists]: 409,
  [AppointmentSlotError.CapacityBelowBooked]: 409,
  [AppointmentSlotError.Booked]: 409,
  [AppointmentSlotError.InUse]: 409,
  [AppointmentSlotError.PatternInvalid]: 400,
  [AppointmentSlotError.UnknownSlot]: 400,
  [AppointmentSlotError.Full]: 409,
  [AppointmentSlotError.Past]: 409,
}) {}
