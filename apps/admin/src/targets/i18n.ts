export default {
  ja: {
    empty: '目標はまだ登録されていません（例: 国の交付金の要件 申請率 53.9%）。',
    helper: { percent: '0より大きく100以下（小数第1位まで）', dueOn: 'この日までに達成する' },
  },
  en: {
    empty: 'No targets yet (e.g. a national grant’s 53.9 % application rate).',
    helper: { percent: 'Above 0, at most 100 (one decimal)', dueOn: 'To be reached by this day' },
  },
};
