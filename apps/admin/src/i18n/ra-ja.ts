import type { TranslationMessages } from 'react-admin';

// react-admin's own texts in Japanese (our translation of ra-language-english).
//
// Plural forms: polyglot picks the form after ` |||| ` from `smart_count`.
// For the locale 'ja' polyglot has a single plural form and always uses the
// first one, so the first forms below are written to read correctly for any
// count wherever the English singular allows it.
export const raJapanese: TranslationMessages = {
  ra: {
    action: {
      add_filter: '絞り込み条件を追加',
      add: '追加',
      back: '戻る',
      bulk_actions: '%{smart_count}件選択中 |||| %{smart_count}件選択中',
      cancel: 'キャンセル',
      clear_array_input: 'リストをクリア',
      clear_input_value: '入力値をクリア',
      clone: '複製',
      confirm: '確定',
      create: '作成',
      create_item: '「%{item}」を作成',
      delete: '削除',
      edit: '編集',
      export: 'エクスポート',
      list: '一覧',
      refresh: '再読み込み',
      remove_filter: 'この絞り込み条件を解除',
      remove_all_filters: 'すべての絞り込み条件を解除',
      remove: '削除',
      reset: 'リセット',
      save: '保存',
      search: '検索',
      search_columns: '列を検索',
      select_all: 'すべて選択',
      select_all_button: 'すべて選択',
      select_row: 'この行を選択',
      show: '詳細',
      sort: '並べ替え',
      undo: '元に戻す',
      unselect: '選択解除',
      expand: '展開',
      close: '閉じる',
      open_menu: 'メニューを開く',
      close_menu: 'メニューを閉じる',
      update: '更新',
      move_up: '上へ移動',
      move_down: '下へ移動',
      open: '開く',
      toggle_theme: 'ライト／ダークモードの切り替え',
      select_columns: '表示列',
      update_application: 'アプリケーションを再読み込み',
    },
    boolean: {
      true: 'はい',
      false: 'いいえ',
      null: ' ',
    },
    page: {
      create: '%{name}の作成',
      dashboard: 'ダッシュボード',
      edit: '%{name}の編集 %{recordRepresentation}',
      error: 'エラーが発生しました',
      list: '%{name}一覧',
      loading: '読み込み中',
      not_found: 'ページが見つかりません',
      show: '%{name}の詳細 %{recordRepresentation}',
      empty: '%{name}はまだ登録されていません。',
      invite: '新しく作成しますか？',
      access_denied: 'アクセス権限がありません',
      authentication_error: '認証エラー',
    },
    input: {
      file: {
        upload_several:
          'アップロードするファイル（複数可）をここにドロップするか、クリックして選択してください。',
        upload_single:
          'アップロードするファイルをここにドロップするか、クリックして選択してください。',
      },
      image: {
        upload_several:
          'アップロードする画像（複数可）をここにドロップするか、クリックして選択してください。',
        upload_single:
          'アップロードする画像をここにドロップするか、クリックして選択してください。',
      },
      references: {
        all_missing: '参照先のデータが見つかりません。',
        many_missing: '関連付けられた参照先の一部が利用できなくなっています。',
        single_missing: '関連付けられた参照先が利用できなくなっています。',
      },
      password: {
        toggle_visible: 'パスワードを隠す',
        toggle_hidden: 'パスワードを表示',
      },
    },
    message: {
      about: 'このアプリについて',
      access_denied: 'このページにアクセスする権限がありません。',
      are_you_sure: 'よろしいですか？',
      authentication_error:
        '認証サーバーでエラーが発生したため、認証情報を確認できませんでした。',
      auth_error: '認証トークンの検証中にエラーが発生しました。',
      bulk_delete_content:
        '選択した%{name}を削除しますか？ |||| 選択した%{smart_count}件の%{name}を削除しますか？',
      bulk_delete_title: '%{name}の削除 |||| %{name}の削除（%{smart_count}件）',
      bulk_update_content:
        '%{name}「%{recordRepresentation}」を更新しますか？ |||| 選択した%{smart_count}件の%{name}を更新しますか？',
      bulk_update_title:
        '%{name}「%{recordRepresentation}」の更新 |||| %{name}の更新（%{smart_count}件）',
      clear_array_input: 'リストをすべてクリアしますか？',
      delete_content: 'この%{name}を削除しますか？',
      delete_title: '%{name}「%{recordRepresentation}」の削除',
      details: '詳細',
      error: 'クライアントエラーが発生したため、処理を完了できませんでした。',
      invalid_form: '入力内容に誤りがあります。エラーを確認してください。',
      loading: 'しばらくお待ちください',
      no: 'いいえ',
      not_found:
        'URLに誤りがあるか、無効なリンクからアクセスした可能性があります。',
      select_all_limit_reached:
        '件数が多すぎるため、すべてを選択できません。先頭の%{max}件のみ選択しました。',
      unsaved_changes:
        '保存されていない変更があります。変更を破棄してもよろしいですか？',
      yes: 'はい',
      placeholder_data_warning:
        'ネットワークエラー：データを更新できませんでした。',
    },
    navigation: {
      clear_filters: '絞り込みを解除',
      no_filtered_results: '現在の絞り込み条件に該当する%{name}はありません。',
      no_results: '該当する%{name}はありません',
      no_more_results:
        'ページ %{page} は範囲外です。前のページに戻ってください。',
      page_out_of_boundaries: 'ページ %{page} は範囲外です',
      page_out_from_end: '最後のページより後には移動できません',
      page_out_from_begin: '1ページ目より前には移動できません',
      page_range_info: '%{offsetBegin}～%{offsetEnd}件 / 全%{total}件',
      partial_page_range_info:
        '%{offsetBegin}～%{offsetEnd}件 / %{offsetEnd}件以上',
      current_page: 'ページ %{page}',
      page: 'ページ %{page} へ移動',
      first: '最初のページへ移動',
      last: '最後のページへ移動',
      next: '次のページへ移動',
      previous: '前のページへ移動',
      page_rows_per_page: '表示件数：',
      skip_nav: 'メインコンテンツへ移動',
    },
    sort: {
      sort_by: '%{field_lower_first}を%{order}で並べ替え',
      ASC: '昇順',
      DESC: '降順',
    },
    auth: {
      auth_check_error: '続行するにはログインしてください',
      user_menu: 'ユーザー情報',
      username: 'ユーザー名',
      password: 'パスワード',
      email: 'メールアドレス',
      sign_in: 'ログイン',
      sign_in_error: '認証に失敗しました。もう一度お試しください',
      logout: 'ログアウト',
    },
    notification: {
      updated: '更新しました |||| %{smart_count}件を更新しました',
      created: '作成しました',
      deleted: '削除しました |||| %{smart_count}件を削除しました',
      bad_item: '不正なデータです',
      item_doesnt_exist: 'データが存在しません',
      http_error: 'サーバーとの通信でエラーが発生しました',
      data_provider_error:
        'データプロバイダーでエラーが発生しました。詳細はコンソールを確認してください。',
      i18n_error: '指定された言語の翻訳を読み込めませんでした',
      canceled: '操作を取り消しました',
      logged_out: 'セッションが終了しました。再度ログインしてください。',
      not_authorized: 'このデータにアクセスする権限がありません。',
      application_update_available: '新しいバージョンが利用可能です。',
      offline: 'ネットワークに接続されていません。データを取得できませんでした。',
    },
    validation: {
      required: '必須項目です',
      minLength: '%{min}文字以上で入力してください',
      maxLength: '%{max}文字以内で入力してください',
      minValue: '%{min}以上の値を入力してください',
      maxValue: '%{max}以下の値を入力してください',
      number: '数値を入力してください',
      email: '有効なメールアドレスを入力してください',
      oneOf: '次のいずれかを指定してください：%{options}',
      regex: '指定された形式（正規表現）で入力してください：%{pattern}',
      unique: 'この値はすでに使用されています',
    },
    saved_queries: {
      label: '保存した検索条件',
      query_name: '検索条件名',
      new_label: '現在の検索条件を保存…',
      new_dialog_title: '現在の検索条件に名前を付けて保存',
      remove_label: '保存した検索条件を削除',
      remove_label_with_name: '検索条件「%{name}」を削除',
      remove_dialog_title: '保存した検索条件を削除しますか？',
      remove_message: 'この検索条件を保存済みの一覧から削除しますか？',
      help: '一覧を絞り込んで、この検索条件を保存できます',
    },
    guesser: {
      empty: {
        title: '表示するデータがありません',
        message: 'データプロバイダーを確認してください',
      },
    },
    configurable: {
      customize: 'カスタマイズ',
      configureMode: 'このページを設定',
      inspector: {
        title: 'インスペクター',
        content: '設定する画面要素にマウスを重ねてください',
        reset: '設定をリセット',
        hideAll: 'すべて非表示',
        showAll: 'すべて表示',
      },
      Datagrid: {
        title: 'データグリッド',
        unlabeled: 'ラベルなしの列 #%{column}',
      },
      SimpleForm: {
        title: 'フォーム',
        unlabeled: 'ラベルなしの入力欄 #%{input}',
      },
      SimpleList: {
        title: '一覧',
        primaryText: '主テキスト',
        secondaryText: '副テキスト',
        tertiaryText: '第3テキスト',
      },
    },
  },
};
