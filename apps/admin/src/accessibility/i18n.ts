// The accessibility statement (アクセシビリティ方針), issue #23. Keep it true to
// docs/accessibility.md and to what the tests check.
export default {
  ja: {
    name: 'アクセシビリティ方針',
    title: 'アクセシビリティ方針',
    back_admin: '管理画面に戻る',
    back_login: 'ログイン画面に戻る',
    sections: {
      policy: {
        heading: '方針',
        body: 'マイナポイント 庁内管理システムは、キーボードだけで操作する職員、スクリーンリーダーや画面拡大を使う職員を含め、すべての職員が使えることを目指します。',
      },
      standard: {
        heading: '対象とする規格と達成等級',
        items: [
          '規格: JIS X 8341-3:2016（WCAG 2.0 と一致）',
          '目標とする適合レベル: AA（自動試験では WCAG 2.1 の A・AA の項目も確認しています）',
          '対象: この管理画面のすべての画面（ログイン、ダッシュボード、各一覧・詳細・編集・作成画面、取り込み、月次報告、注意喚起の印刷画面、この方針のページ）',
        ],
      },
      features: {
        heading: '配慮していること',
        items: [
          'ページの先頭に「メインコンテンツへ移動」のリンクがあります（Tab キーで表示されます）。',
          'キーボードで操作している場所は、黒と白の枠で示します。',
          'グラフにはすべて「表で表示」ボタンがあり、同じ数値を表で読めます。表の数字から、グラフと同じ一覧を開けます。',
          '曜日・時間帯の表や、支援内容などの選択ボタンの並びは Tab 1 回で入り、矢印キーで移動します。',
          '入力の誤りは入力欄のすぐ下に表示され、入力欄に関連付けて読み上げられます。保存や取り込みの進み具合も読み上げられます。',
          '英語表示を選ぶと、ページの言語も英語になります（読み上げの言語が切り替わります）。',
          '文字は背景に対して 4.5:1 以上、グラフの線や棒の輪郭は 3:1 以上のコントラストにしています。色だけでなく模様や線の種類でも区別できます。',
          '200% に拡大しても、画面幅 1280×720 でも、ページ全体が横にスクロールしないようにしています（幅の広い表は表の中で横にスクロールします）。',
        ],
      },
      testing: {
        heading: '試験の方法',
        items: [
          '自動試験: axe-core（WCAG 2.0/2.1 の A・AA の規則）で、4つの役割（システム管理者・政策推進係・窓口職員・管理職）がそれぞれ開けるすべての画面と、開いた状態のダイアログ・メニューを、変更のたびに試験しています。重大（serious・critical）な問題は 0 件でなければ試験が通りません。',
          'キーボード試験: 役割ごとの主な作業（窓口: 来庁記録と予約の登録、政策推進係: 予約枠の作成とファイルの取り込み、管理職: 月次報告の出力と注意喚起の公開、システム管理者: ユーザーの作成）を、マウスを使わずキーボードだけで行う試験を自動で行っています。',
          '表示の試験: 1280×720 と 200% 拡大相当の画面で、ページが横にスクロールしないことを確かめています。',
        ],
      },
      exceptions: {
        heading: '既知の例外と今後の対応',
        items: [
          'スクリーンリーダー（NVDA、JAWS、VoiceOver など）の実機での確認はまだ行っていません。自動試験で確かめられるのは規則に沿っているかどうかまでです。',
          '月次報告の PDF はタグ付き PDF ではありません。同じ内容を Excel でも出力できます。',
          '注意喚起の印刷用チラシ（A4）は印刷のための固定レイアウトで、拡大すると横にスクロールします。',
          'グラフの図そのものはキーボードで操作できません。同じ数値と一覧へのリンクは「表で表示」の表にあります。',
        ],
      },
      contact: {
        heading: 'お問い合わせ',
        body: '使いにくい点や読み上げられない箇所があれば、システムの担当課にお知らせください。',
      },
    },
  },
  en: {
    name: 'Accessibility',
    title: 'Accessibility statement',
    back_admin: 'Back to the back office',
    back_login: 'Back to sign-in',
    sections: {
      policy: {
        heading: 'Policy',
        body: 'The Mynapoint back office aims to be usable by all staff, including those who work by keyboard only or with a screen reader or screen magnifier.',
      },
      standard: {
        heading: 'Standard and level',
        items: [
          'Standard: JIS X 8341-3:2016 (identical to WCAG 2.0)',
          'Target level: AA (the automated checks also cover the WCAG 2.1 A and AA rules)',
          'Scope: every screen of this back office (sign-in, dashboard, every list, show, edit and create page, imports, monthly reports, the notice print page and this page)',
        ],
      },
      features: {
        heading: 'What we do',
        items: [
          'A “Skip to content” link comes first on each page (it shows with the Tab key).',
          'Where the keyboard is shows as a black and white ring.',
          'Every chart has a “Show as table” button with the same figures as a table; a figure in the table opens the same list as the chart.',
          'The weekday × hour grid and groups of choice buttons are one Tab stop each; the arrow keys move inside them.',
          'Input errors are shown under their field and tied to it for screen readers; saving and import progress are announced too.',
          'Choosing English sets the page language to English (screen readers switch voice).',
          'Text has 4.5:1 contrast or more against its background, chart lines and bar edges 3:1; colours are backed by patterns and dash styles.',
          'At 200 % zoom and at 1280×720 the page does not scroll sideways (wide tables scroll inside themselves).',
        ],
      },
      testing: {
        heading: 'How it is tested',
        items: [
          'Automated: axe-core (WCAG 2.0/2.1 A and AA rules) on every page each of the four roles (administrator, policy, counter, manager) can open, with dialogs and menus open, on every change. The tests fail on any serious or critical finding.',
          'Keyboard: each role’s core task (counter: a visit and a reservation; policy: a quota and an import; manager: the monthly report and publishing a notice; administrator: a new user) is done with the keyboard alone in automated browser tests.',
          'Layout: at 1280×720 and at the equivalent of 200 % zoom no page scrolls sideways.',
        ],
      },
      exceptions: {
        heading: 'Known exceptions',
        items: [
          'Not yet checked by hand with screen readers (NVDA, JAWS, VoiceOver): automated tests check conformance to rules only.',
          'The monthly report PDF is not a tagged PDF; the same content is available as Excel.',
          'The A4 notice flyer for printing has a fixed print layout and scrolls sideways when zoomed.',
          'The chart drawings themselves cannot be used by keyboard; the same figures and links are in “Show as table”.',
        ],
      },
      contact: {
        heading: 'Contact',
        body: 'If something is hard to use or not read out, please tell the department running the system.',
      },
    },
  },
};
