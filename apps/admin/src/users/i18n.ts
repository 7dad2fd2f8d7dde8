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
    security: {
      title: '二要素認証とセッション',
      totp_on: '二要素認証: 有効',
      totp_off: '二要素認証: 無効',
      reset: '二要素認証をリセット',
      reset_title: '二要素認証をリセットしますか？',
      reset_body: '%{name}（%{username}）の認証アプリの登録と復旧コードを無効にし、ログイン中のセッションもすべて終了します。スマートフォンの紛失など、本人からの依頼であることを確認してください。次のログインで設定し直します。',
      reset_done: '%{name} の二要素認証をリセットしました。',
      directory: 'このユーザーは庁内ディレクトリで認証します。役割と表示名はログインのたびにディレクトリのグループから更新されます。',
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
    security: {
      title: 'Two-factor sign-in and sessions',
      totp_on: 'Two-factor: on',
      totp_off: 'Two-factor: off',
      reset: 'Reset two-factor',
      reset_title: 'Reset two-factor sign-in?',
      reset_body: 'This removes the authenticator app and recovery codes of %{name} (%{username}) and ends all their sessions. Make sure the request comes from them (a lost phone). They set it up again at their next sign-in.',
      reset_done: 'Two-factor sign-in of %{name} is reset.',
      directory: 'This user signs in through the city directory; role and name are updated from its groups at each sign-in.',
    },
  },
};
