import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const DESKS_LABELS = defineResourceLabels({
  one: { ja: '窓口', en: 'Support desk' },
  many: { ja: '窓口（本庁・支所・出張窓口）', en: 'Support desks' },
  fields: {
    ...COMMON_FIELDS,
    name: { ja: '窓口の名称', en: 'Name' },
    office: { ja: '種別', en: 'Kind' },
    place: { ja: '場所', en: 'Place' },
    opensOn: { ja: '開設日', en: 'Opens on' },
    closesOn: { ja: '終了日', en: 'Closes on' },
    active: { ja: '利用中', en: 'Active' },
  },
});

export const APPOINTMENT_SLOTS_LABELS = defineResourceLabels({
  one: { ja: '予約枠（窓口）', en: 'Appointment slot' },
  many: { ja: '窓口の予約枠', en: 'Appointment slots' },
  fields: {
    ...COMMON_FIELDS,
    deskId: { ja: '窓口', en: 'Desk' },
    deskName: { ja: '窓口', en: 'Desk' },
    startsAt: { ja: '開始日時', en: 'Starts at' },
    endsAt: { ja: '終了日時', en: 'Ends at' },
    capacity: { ja: '定員', en: 'Capacity' },
    booked: { ja: '予約済みの席', en: 'Booked' },
    remaining: { ja: '残り', en: 'Remaining' },
    status: { ja: '状態', en: 'Status' },
    date: { ja: '日付', en: 'Date' },
  },
});

export const APPOINTMENTS_LABELS = defineResourceLabels({
  one: { ja: '来庁予約', en: 'Appointment' },
  many: { ja: '来庁予約', en: 'Appointments' },
  fields: {
    ...COMMON_FIELDS,
    slotId: { ja: '予約枠', en: 'Slot' },
    deskId: { ja: '窓口', en: 'Desk' },
    deskName: { ja: '窓口', en: 'Desk' },
    startsAt: { ja: '予約日時', en: 'Starts at' },
    endsAt: { ja: '枠の終了日時', en: 'Ends at' },
    residentName: { ja: '氏名', en: 'Name' },
    phone: { ja: '電話番号', en: 'Phone' },
    purpose: { ja: '用件', en: 'Purpose' },
    partySize: { ja: '人数', en: 'Party size' },
    status: { ja: '状態', en: 'Status' },
    notes: { ja: '備考', en: 'Notes' },
    walkIn: { ja: '予約なし来庁', en: 'Walk-in' },
    checkedInAt: { ja: '受付日時', en: 'Checked in at' },
    assistanceRecordId: { ja: '窓口支援記録', en: 'Assistance record' },
    erasedAt: { ja: '個人情報の消去日時', en: 'Personal data erased at' },
    bookedBy: { ja: '受付職員ID', en: 'Booked by (ID)' },
  },
});

export const TERMINALS_LABELS = defineResourceLabels({
  one: { ja: '共用端末', en: 'Shared terminal' },
  many: { ja: '共用端末', en: 'Shared terminals' },
  fields: {
    ...COMMON_FIELDS,
    deskId: { ja: '窓口', en: 'Desk' },
    deskName: { ja: '窓口', en: 'Desk' },
    name: { ja: '端末名', en: 'Name' },
    active: { ja: '利用中', en: 'Active' },
  },
});

export const WRONG_PERSON_INCIDENTS_LABELS = defineResourceLabels({
  one: { ja: '別人付与事案', en: 'Wrong-person incident' },
  many: { ja: '別人へのポイント付与事案', en: 'Wrong-person incidents' },
  fields: {
    ...COMMON_FIELDS,
    occurredOn: { ja: '発生日', en: 'Occurred on' },
    cause: { ja: '原因', en: 'Cause' },
    terminalId: { ja: '共用端末', en: 'Terminal' },
    paymentServiceId: { ja: '決済サービス', en: 'Payment service' },
    assistanceRecordIds: { ja: '関係する来庁記録', en: 'Visits involved' },
    description: { ja: '経緯', en: 'Description' },
    residentsContactStatus: { ja: '住民への連絡', en: 'Residents contacted' },
    operatorReplyStatus: { ja: '決済事業者への照会', en: 'Payment operator' },
    operatorReply: { ja: '決済事業者の回答', en: "Operator's reply" },
    micReportedOn: { ja: '総務省への報告日', en: 'Reported to MIC on' },
    micReportRef: { ja: '報告の文書番号', en: 'MIC report reference' },
    status: { ja: '対応状況', en: 'Status' },
    statusComment: { ja: '状況変更のコメント', en: 'Status comment' },
    reportedBy: { ja: '登録職員ID', en: 'Recorded by (ID)' },
    reportedByName: { ja: '登録職員', en: 'Recorded by' },
  },
});
