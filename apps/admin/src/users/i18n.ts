export default {
  ja: {
    helper: {
      password: '10文字以上。変更するときだけ入力してください（入力するとこのユーザーはログアウトされます）。',
      active: '無効にするとログインできなくなり、使用中のセッションも終了します。',
    },
  },
  en: {
    helper: {
      password: 'At least 10 characters. Fill in only to change it (the user is signed out).',
      active: 'A disabled user cannot sign in; open sessions end at once.',
    },
  },
};
