/// <reference types="jest" />
import { toAppointmentBody, validateBooking, type BookingValues } from './booking';

const values = (over: Partial<BookingValues> = {}): BookingValues => ({ slotId: '12', residentName: ' 阿賀野 花子 ', phone: '', purpose: ['mykey_reservation'], partySize: '2', notes: '', ...over });
const msg = { required: 'required', myNumber: 'my number', phone: 'phone' };

describe('toAppointmentBody', () => {
  it('sends numbers as numbers, trimmed text, and null for empty optional fields', () => {
    expect(toAppointmentBody(values())).toEqual({ slotId: 12, residentName: '阿賀野 花子', phone: null, purpose: ['mykey_reservation'], partySize: 2, notes: null });
    expect(toAppointmentBody(values({ phone: ' 0254-22-3101 ', notes: ' 車いす ' }))).toMatchObject({ phone: '0254-22-3101', notes: '車いす' });
  });
});

describe('validateBooking', () => {
  it('asks for the slot, the name and a purpose', () => {
    expect(validateBooking(values(), msg)).toEqual({});
    expect(validateBooking(values({ slotId: null, residentName: '  ', purpose: [] }), msg)).toEqual({ slotId: 'required', residentName: 'required', purpose: 'required' });
  });
  it('takes phone numbers as the API does and refuses a My Number anywhere', () => {
    expect(validateBooking(values({ phone: '０２５４－２２－３１０１' }), msg)).toEqual({});
    expect(validateBooking(values({ phone: 'call me' }), msg)).toEqual({ phone: 'phone' });
    expect(validateBooking(values({ notes: '番号 1234 5678 9018' }), msg)).toEqual({ notes: 'my number' });
  });
});
