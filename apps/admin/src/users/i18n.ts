export default {
  ja: {
    validation: { username: '半角英数字と . _ - で入力してください。' },
    helper: {
      password: '12文字以上（ユーザー名を含まないもの）。変更するときだけ入力してください（入力するとこのユーザーはログアウトされます）。',
      active: '無効にするとログインできなくなり、使用中のセッションも終了します。',
    },
    unlock: {
      action: 'ロック解除',
      title: 'アカウントのロックを解除しますか？',
      body: '%{name}（%{username}）は、パスワードを %{count} 回続けて間違えたためロックされています。本人からの依頼であることを確認してから解除してください。解除するとすぐにログインできるようになります。',
      done: '%{name} のロックを解除しました。',
      locked: 'このアカウントはログインに続けて失敗したためロックされています。',
    },
  },
  en: {
    validation: { username: 'Use letters, digits and . _ - only.' },
    helper: {
      password: 'At least 12 characters, not containing the username. Fill in only to change it (the user is signed out).',
      active: 'A disabled user cannot sign in; open sessions end at once.',
    },
    unlock: {
      action: 'Unlock',
      title: 'Unlock this account?',
      body: '%{name} (%{username}) is locked after %{count} wrong passwords in a row. Make sure the request comes from them before unlocking; they can sign in at once.',
      done: '%{name} is unlocked.',
      locked: 'This account is locked after repeated failed sign-ins.',
    },
  },
};
