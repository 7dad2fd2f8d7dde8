// App-wide texts that are not a resource's: title, menu groups, shared widgets.
export const appMessages = {
  ja: {
    app: {
      title: 'マイナポイント 庁内管理システム',
      city: '阿賀野市',
      subtitle: 'マイナポイント事業 庁内管理',
      language: '表示言語',
      role: '役割',
      era: '和暦',
      empty: 'まだデータがありません',
      loading: '読み込み中…',
      yes: 'はい',
      no: 'いいえ',
      required: '必須',
      login: {
        heading: 'マイナポイント 庁内管理システム',
        hint: '職員用アカウントでログインしてください。',
        failed: 'ユーザー名またはパスワードが正しくありません。',
      },
      my_number_warning: 'マイナンバー（12桁の個人番号）のように見える番号が含まれています。マイナンバーは記録できません。',
      mykey: { helper: '英数字8文字（大文字・小文字は区別しません）。保存されるのは照合用の符号と下4桁だけです。' },
      now_if_empty: '空欄なら現在時刻',
      filters: { from: '開始日', to: '終了日' },
      dashboard: {
        welcome: 'ようこそ、%{name} さん',
        intro: '左のメニューから業務を選んでください。',
      },
    },
  },
  en: {
    app: {
      title: 'Mynapoint back office',
      city: 'Agano City',
      subtitle: 'Mynapoint programme back office',
      language: 'Language',
      role: 'Role',
      era: 'Japanese era',
      empty: 'No data yet',
      loading: 'Loading…',
      yes: 'Yes',
      no: 'No',
      required: 'Required',
      login: {
        heading: 'Mynapoint back office',
        hint: 'Sign in with your staff account.',
        failed: 'Wrong username or password.',
      },
      my_number_warning: 'This looks like a My Number (12-digit Individual Number). My Numbers must not be recorded.',
      mykey: { helper: '8 letters or digits (any case). Only a keyed hash and the last 4 are stored.' },
      now_if_empty: 'Empty: now',
      filters: { from: 'From', to: 'To' },
      dashboard: {
        welcome: 'Welcome, %{name}',
        intro: 'Choose a task from the menu on the left.',
      },
    },
  },
};
