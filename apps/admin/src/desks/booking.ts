import { containsMyNumber, defineEnum } from '@mynapoint/domain';

// The day board's booking form: its values, the API body, and the checks made before
// the round trip (the server checks all of it again).

export interface BookingValues {
  slotId: string | null;
  residentName: string;
  phone: string;
  purpose: string[];
  partySize: string;
  notes: string;
}

// The party as digits (the group's label says 人数).
export const PARTY_SIZES = defineEnum({
  '1': { ja: '1', en: '1' },
  '2': { ja: '2', en: '2' },
  '3': { ja: '3', en: '3' },
  '4': { ja: '4', en: '4' },
});

/** The form's values as the API's appointment body. */
export function toAppointmentBody(v: BookingValues) {
  return {
    slotId: Number(v.slotId),
    residentName: v.residentName.trim(),
    phone: v.phone.trim() || null,
    purpose: v.purpose,
    partySize: Number(v.partySize),
    notes: v.notes?.trim() || null,
  };
}

export function validateBooking(v: BookingValues, msg: { required: string; myNumber: string; phone: string }): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.slotId) e.slotId = msg.required;
  if (!v.residentName?.trim()) e.residentName = msg.required;
  if (!v.purpose?.length) e.purpose = msg.required;
  // the API's rule: digits, hyphens, brackets and spaces, at most 30
  if (v.phone && (!/^[0-9０-９+()（）\-‐－ ]*$/.test(v.phone) || v.phone.length > 30)) e.phone = msg.phone;
  for (const f of ['residentName', 'phone', 'notes'] as const) if (v[f] && containsMyNumber(v[f])) e[f] = msg.myNumber;
  return e;
}
