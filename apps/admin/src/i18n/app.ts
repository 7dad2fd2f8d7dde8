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
      export: {
        button: 'エクスポート',
        csv: 'CSV（Excel で開けます）',
        csv_hint: 'UTF-8（BOM 付き）・絞り込み中の全件',
        xlsx: 'Excel ファイル（.xlsx）',
        started: '%{count} 件のダウンロードを開始しました。',
        failed: 'エクスポートできませんでした。',
      },
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
      export: {
        button: 'Export',
        csv: 'CSV (opens in Excel)',
        csv_hint: 'UTF-8 with BOM, every filtered row',
        xlsx: 'Excel workbook (.xlsx)',
        started: 'Download of %{count} rows started.',
        failed: 'The export failed.',
      },
      dashboard: {
        welcome: 'Welcome, %{name}',
        intro: 'Choose a task from the menu on the left.',
      },
    },
  },
};
