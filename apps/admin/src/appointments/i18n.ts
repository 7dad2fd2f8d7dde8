export default {
  ja: {
    empty: '予約はまだありません。',
    filters: { q: '氏名・電話番号で検索', date: '予約日' },
    slot_remaining: '（残り%{remaining}）',
    move_hint: '予約枠を変えると、元の枠の席を返し新しい枠の席を取る処理を一度に行います（新しい枠が満席なら変更されません）。',
    open_record: '窓口記録 #%{id}',
    checked_in: '受け付けました。窓口記録を仕上げて保存してください。',
    helper: {
      slotId: '受付中の枠から選びます',
      partySize: '1〜%{max}人（同伴者を含む）',
      notes: 'マイナンバー・暗証番号は書かないでください。',
    },
  },
  en: {
    empty: 'No appointments yet.',
    filters: { q: 'Search name or phone', date: 'Date' },
    slot_remaining: '(%{remaining} left)',
    move_hint: 'Choosing another slot gives the old seats back and takes the new ones in one step (nothing changes when the new slot is full).',
    open_record: 'Visit record #%{id}',
    checked_in: 'Checked in. Complete the visit record and save it.',
    helper: {
      slotId: 'Open slots only',
      partySize: '1 to %{max} (companions included)',
      notes: 'Never write a My Number or PIN.',
    },
  },
};
