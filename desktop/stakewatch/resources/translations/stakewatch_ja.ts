<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../qt/about.py" line="44"/>
        <source>About Stakewatch</source>
        <translation>Stakewatch について</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <source>Last 24 hours</source>
        <translation>過去 24 時間</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>Since a date</source>
        <translation>指定日以降</translation>
    </message>
    <message>
        <location filename="../../qt/briefing_dialog.py" line="44"/>
        <source>Export briefing</source>
        <translation>ブリーフィングを書き出す</translation>
    </message>
    <message>
        <location filename="../../qt/briefing_dialog.py" line="55"/>
        <source>All watchlists</source>
        <translation>すべてのウォッチリスト</translation>
    </message>
    <message>
        <location filename="../../qt/briefing_dialog.py" line="57"/>
        <source>Statements only (leave out coverage)</source>
        <translation>発言のみ（報道を除く）</translation>
    </message>
    <message>
        <location filename="../../qt/briefing_dialog.py" line="61"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../qt/briefing_dialog.py" line="66"/>
        <source>Open the PDF when it is ready</source>
        <translation>完成したら PDF を開く</translation>
    </message>
    <message>
        <location filename="../../qt/briefing_dialog.py" line="69"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../qt/briefing_dialog.py" line="70"/>
        <source>Since</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../qt/briefing_dialog.py" line="71"/>
        <source>Watchlist</source>
        <translation>ウォッチリスト</translation>
    </message>
    <message>
        <location filename="../../qt/briefing_dialog.py" line="73"/>
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <location filename="../../qt/briefing_dialog.py" line="74"/>
        <source>Save as</source>
        <translation>保存先</translation>
    </message>
    <message>
        <location filename="../../qt/briefing_dialog.py" line="84"/>
        <source>Save briefing</source>
        <translation>ブリーフィングを保存</translation>
    </message>
    <message>
        <location filename="../../qt/briefing_dialog.py" line="85"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../qt/app.py" line="118"/>
        <source>This desktop has no system tray: Stakewatch runs in this window. Closing it keeps Stakewatch running until you quit.</source>
        <translation>このデスクトップにはシステムトレイがありません。Stakewatch はこのウィンドウで動作します。閉じても終了するまで動き続けます。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qt/app.py" line="222"/>
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>新着アラート %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../qt/app.py" line="224"/>
        <source>%n source(s) failing</source>
        <translation>
            <numerusform>%n 件の情報源で障害</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="226"/>
        <source>paused until {}</source>
        <translation>{} まで一時停止中</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="228"/>
        <source>demo</source>
        <translation>デモ</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="235"/>
        <source>Latest alerts</source>
        <translation>最新のアラート</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="238"/>
        <source>No alerts yet</source>
        <translation>まだアラートはありません</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="246"/>
        <source>Open inbox</source>
        <translation>受信箱を開く</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="247"/>
        <source>Source health</source>
        <translation>情報源の状態</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="251"/>
        <source>Export briefing…</source>
        <translation>ブリーフィングを書き出す…</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="252"/>
        <source>Import watchlists…</source>
        <translation>ウォッチリストを読み込む…</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="253"/>
        <source>Export watchlists…</source>
        <translation>ウォッチリストを書き出す…</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="254"/>
        <source>Edit watchlists…</source>
        <translation>ウォッチリストを編集…</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="255"/>
        <source>Refresh now</source>
        <translation>今すぐ更新</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="256"/>
        <source>Pause alerts</source>
        <translation>通知を一時停止</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="257"/>
        <source>For 1 hour</source>
        <translation>1 時間</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="258"/>
        <source>Until tomorrow</source>
        <translation>明日まで</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="259"/>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="262"/>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="263"/>
        <source>Copy diagnostics</source>
        <translation>診断情報をコピー</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="264"/>
        <source>About Stakewatch</source>
        <translation>Stakewatch について</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="265"/>
        <source>Quit Stakewatch</source>
        <translation>Stakewatch を終了</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="318"/>
        <source>Import watchlists</source>
        <translation>ウォッチリストを読み込む</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="319"/>
        <source>Watchlists (*.json *.opml *.xml);;All files (*)</source>
        <translation>ウォッチリスト (*.json *.opml *.xml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="327"/>
        <source>Imported {} watchlist(s), {} entities and {} source(s).</source>
        <translation>ウォッチリスト {} 件、対象 {} 件、情報源 {} 件を読み込みました。</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="339"/>
        <source>Import refused</source>
        <translation>読み込みを拒否しました</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="349"/>
        <source>Export watchlists</source>
        <translation>ウォッチリストを書き出す</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="350"/>
        <source>Watchlist JSON (*.json);;Feeds as OPML (*.opml)</source>
        <translation>ウォッチリスト JSON (*.json);;フィード OPML (*.opml)</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="357"/>
        <source>Exported to {}.</source>
        <translation>{} に書き出しました。</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="381"/>
        <source>Briefing saved: {} ({} pages, {} alerts).</source>
        <translation>ブリーフィングを保存しました: {}（{} ページ、{} 件）</translation>
    </message>
    <message>
        <location filename="../../qt/app.py" line="412"/>
        <source>Diagnostics copied to the clipboard</source>
        <translation>診断情報をクリップボードにコピーしました</translation>
    </message>
</context>
<context>
    <name>EditorView</name>
    <message>
        <location filename="../../qt/editor.py" line="334"/>
        <source>Choose a watchlist, an entity or a source on the left.</source>
        <translation>左からウォッチリスト、対象、または情報源を選んでください。</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="339"/>
        <location filename="../../qt/editor.py" line="627"/>
        <source>New watchlist</source>
        <translation>新しいウォッチリスト</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="340"/>
        <source>New entity</source>
        <translation>新しい対象</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="341"/>
        <source>New source</source>
        <translation>新しい情報源</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="342"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="343"/>
        <location filename="../../qt/editor.py" line="671"/>
        <source>Undo delete</source>
        <translation>削除を取り消す</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="348"/>
        <source>Import…</source>
        <translation>読み込み…</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="348"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="398"/>
        <source>Sources</source>
        <translation>情報源</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="455"/>
        <source>Make a watchlist first</source>
        <translation>先にウォッチリストを作成してください</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="487"/>
        <location filename="../../qt/editor.py" line="557"/>
        <source>Saved {}</source>
        <translation>{} を保存しました</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="515"/>
        <source>{} of the {} most recent stored items match</source>
        <translation>最近の保存済み記事 {} 件中 {} 件が一致</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="568"/>
        <source>Stored the secret {} in the keyring</source>
        <translation>秘密情報 {} をキーリングに保存しました</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="576"/>
        <source>Fetching {}…</source>
        <translation>{} を取得しています…</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="589"/>
        <source>Nothing to show: {}</source>
        <translation>表示できる項目がありません: {}</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="597"/>
        <source>Looking for feeds on {}…</source>
        <translation>{} のフィードを探しています…</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="609"/>
        <source>No feed found: {}</source>
        <translation>フィードが見つかりません: {}</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="615"/>
        <source>Double-click a feed to use it</source>
        <translation>使うフィードをダブルクリックしてください</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="627"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="658"/>
        <location filename="../../qt/editor.py" line="670"/>
        <source>Undo delete of {}</source>
        <translation>{} の削除を取り消す</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="661"/>
        <source>Deleted {}</source>
        <translation>{} を削除しました</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="673"/>
        <source>Restored {}</source>
        <translation>{} を元に戻しました</translation>
    </message>
</context>
<context>
    <name>EntityForm</name>
    <message>
        <source>One alias per line: other spellings, the name in other scripts</source>
        <translation>1 行に 1 つ: 別の表記、他の文字での名前</translation>
    </message>
    <message>
        <source>One per line; if any are given, one must appear</source>
        <translation>1 行に 1 つ: 指定した場合、いずれかが含まれる必要があります</translation>
    </message>
    <message>
        <source>One per line; an item with any of these is not a match</source>
        <translation>1 行に 1 つ: いずれかを含む記事は一致としません</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="106"/>
        <source>Priority: notify even in quiet hours</source>
        <translation>優先: 静かな時間帯でも通知する</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="107"/>
        <source>Muted: keep alerts, no notifications</source>
        <translation>ミュート: アラートは残し、通知しない</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="112"/>
        <source>Save entity</source>
        <translation>対象を保存</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="115"/>
        <source>Stored item that would match</source>
        <translation>一致する保存済み記事</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="115"/>
        <source>Source</source>
        <translation>情報源</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="116"/>
        <source>Matched words</source>
        <translation>一致した語</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="121"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="122"/>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="123"/>
        <source>Aliases</source>
        <translation>別名</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="124"/>
        <source>Context</source>
        <translation>文脈語</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="125"/>
        <source>Exclude</source>
        <translation>除外語</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="132"/>
        <source>Test against stored items</source>
        <translation>保存済みの記事で試す</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Source</source>
        <translation>情報源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>最終成功</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>失敗回数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最後のエラー</translation>
    </message>
    <message>
        <source>Next check</source>
        <translation>次回確認</translation>
    </message>
    <message>
        <location filename="../../qt/health.py" line="51"/>
        <source>Retry now</source>
        <translation>今すぐ再試行</translation>
    </message>
    <message>
        <location filename="../../qt/health.py" line="52"/>
        <location filename="../../qt/health.py" line="100"/>
        <source>Disable</source>
        <translation>無効にする</translation>
    </message>
    <message>
        <location filename="../../qt/health.py" line="99"/>
        <source>Enable</source>
        <translation>有効にする</translation>
    </message>
    <message>
        <location filename="../../qt/health.py" line="108"/>
        <source>Checking {} now</source>
        <translation>{} を今すぐ確認しています</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>Published</source>
        <translation>公開日時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>見出し</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>情報源</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../qt/inbox.py" line="138"/>
        <source>Search titles and text (Ctrl+F)</source>
        <translation>見出しと本文を検索 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="144"/>
        <source>Unread only</source>
        <translation>未読のみ</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="145"/>
        <source>From</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="162"/>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="203"/>
        <source>Open original</source>
        <translation>元の記事を開く</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="204"/>
        <source>Copy link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="205"/>
        <location filename="../../qt/inbox.py" line="313"/>
        <location filename="../../qt/inbox.py" line="358"/>
        <source>Mark unread</source>
        <translation>未読にする</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="206"/>
        <source>Mute entity</source>
        <translation>この対象をミュート</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="242"/>
        <source>All watchlists</source>
        <translation>すべてのウォッチリスト</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="243"/>
        <source>All entities</source>
        <translation>すべての対象</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="244"/>
        <source>All sources</source>
        <translation>すべての情報源</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="254"/>
        <source>Statements and coverage</source>
        <translation>発言と報道</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="254"/>
        <source>Statements</source>
        <translation>発言</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="254"/>
        <source>Coverage</source>
        <translation>報道</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qt/inbox.py" line="277"/>
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n 件のアラート</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="302"/>
        <source>No alert selected</source>
        <translation>アラートが選択されていません</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="313"/>
        <location filename="../../qt/inbox.py" line="358"/>
        <source>Mark read</source>
        <translation>既読にする</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="350"/>
        <source>Link copied</source>
        <translation>リンクをコピーしました</translation>
    </message>
    <message>
        <location filename="../../qt/inbox.py" line="364"/>
        <source>{} muted: its alerts fill the inbox without notifications</source>
        <translation>{} をミュートしました: アラートは通知なしで受信箱に入ります</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qt/main_window.py" line="31"/>
        <source>Stakewatch</source>
        <translation>Stakewatch</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="40"/>
        <source>Alerts</source>
        <translation>アラート</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="41"/>
        <source>Source health</source>
        <translation>情報源の状態</translation>
    </message>
    <message>
        <location filename="../../qt/main_window.py" line="42"/>
        <source>Watchlists</source>
        <translation>ウォッチリスト</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Quiet hours</source>
        <translation>静かな時間帯</translation>
    </message>
    <message>
        <source>Digest from</source>
        <translation>まとめ通知の件数</translation>
    </message>
    <message>
        <source>Requests per host</source>
        <translation>ホストあたりの同時要求</translation>
    </message>
    <message>
        <source>Requests at once</source>
        <translation>同時要求数</translation>
    </message>
    <message>
        <source>Connect timeout (s)</source>
        <translation>接続タイムアウト（秒）</translation>
    </message>
    <message>
        <source>Read timeout (s)</source>
        <translation>読み取りタイムアウト（秒）</translation>
    </message>
    <message>
        <source>Request deadline (s)</source>
        <translation>要求の期限（秒）</translation>
    </message>
    <message>
        <source>Largest answer (MiB)</source>
        <translation>最大応答サイズ（MiB）</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="40"/>
        <source>Stakewatch settings</source>
        <translation>Stakewatch の設定</translation>
    </message>
    <message>
        <location filename="../../qt/settings_dialog.py" line="51"/>
        <source>Start Stakewatch when I log in</source>
        <translation>ログイン時に Stakewatch を起動する</translation>
    </message>
</context>
<context>
    <name>SourceForm</name>
    <message>
        <source>CSS selector of each item, e.g. ul.press li</source>
        <translation>各項目の CSS セレクタ（例: ul.press li）</translation>
    </message>
    <message>
        <source>within an item; a</source>
        <translation>項目内（既定: a）</translation>
    </message>
    <message>
        <source>within an item; optional</source>
        <translation>項目内（省略可）</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>見出し</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="162"/>
        <source>A feed address, or any web page: Find feeds looks for its feeds</source>
        <translation>フィードのアドレス、または任意のウェブページ（「フィードを探す」で検出）</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="165"/>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="166"/>
        <source>Enabled</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="169"/>
        <source>Entities whose own statements this source carries, comma-separated</source>
        <translation>この情報源が本人の発言を載せる対象（カンマ区切り）</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="170"/>
        <source>Find feeds on this page</source>
        <translation>このページのフィードを探す</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="178"/>
        <source>Choose a preset…</source>
        <translation>プリセットを選択…</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="182"/>
        <source>Entities to search for, comma-separated (all when empty)</source>
        <translation>検索する対象（カンマ区切り、空欄ならすべて）</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="185"/>
        <source>Preview what this source gives</source>
        <translation>この情報源の内容をプレビュー</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="187"/>
        <source>Name of a secret in the keyring, if the source needs one</source>
        <translation>必要な場合、キーリング内の秘密情報の名前</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="195"/>
        <source>Typed here, kept only in the system keyring</source>
        <translation>ここに入力した値はシステムのキーリングにのみ保存されます</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="196"/>
        <source>Save to keyring</source>
        <translation>キーリングに保存</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="201"/>
        <source>Save source</source>
        <translation>情報源を保存</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="209"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="210"/>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="211"/>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="212"/>
        <source>Search preset</source>
        <translation>検索プリセット</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="216"/>
        <source>Search for</source>
        <translation>検索対象</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="217"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="218"/>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="219"/>
        <source>Check every</source>
        <translation>確認間隔</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="220"/>
        <source>Official for</source>
        <translation>公式発言の対象</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="222"/>
        <source>Credential</source>
        <translation>認証情報</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="223"/>
        <source>Authentication</source>
        <translation>認証方式</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="224"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="225"/>
        <source>Header</source>
        <translation>ヘッダー</translation>
    </message>
    <message>
        <location filename="../../qt/editor.py" line="226"/>
        <source>Secret</source>
        <translation>秘密情報</translation>
    </message>
</context>
</TS>
