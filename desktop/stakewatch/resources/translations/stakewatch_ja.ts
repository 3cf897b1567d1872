<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Stakewatch</source>
            <translation>Stakewatch について</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>Import refused</source>
            <translation>読み込みを中止しました</translation>
        </message>
        <message>
            <source>Import watchlists</source>
            <translation>ウォッチリストの読み込み</translation>
        </message>
        <message>
            <source>Watchlists (*.json *.opml *.xml);;All files (*)</source>
            <translation>ウォッチリスト (*.json *.opml *.xml);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>Export watchlists</source>
            <translation>ウォッチリストの書き出し</translation>
        </message>
        <message>
            <source>Watchlist JSON (*.json);;Feeds as OPML (*.opml)</source>
            <translation>ウォッチリスト JSON (*.json);;フィード一覧 OPML (*.opml)</translation>
        </message>
        <message>
            <source>Briefing saved: {} ({} pages, {} alerts).</source>
            <translation>ブリーフィングを保存しました: {}（{} ページ、アラート {} 件）</translation>
        </message>
        <message>
            <source>Diagnostics copied to the clipboard</source>
            <translation>診断情報をクリップボードにコピーしました</translation>
        </message>
    </context>
    <context>
        <name>AlertKind</name>
        <message>
            <source>statement</source>
            <translation>発言</translation>
        </message>
        <message>
            <source>coverage</source>
            <translation>報道</translation>
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
            <source>Export briefing</source>
            <translation>ブリーフィングを書き出す</translation>
        </message>
        <message>
            <source>All watchlists</source>
            <translation>すべてのウォッチリスト</translation>
        </message>
        <message>
            <source>Statements only (leave out coverage)</source>
            <translation>発言のみ（報道を除く）</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>選択…</translation>
        </message>
        <message>
            <source>Open the PDF when it is ready</source>
            <translation>完成したら PDF を開く</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>期間</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>開始日</translation>
        </message>
        <message>
            <source>Watchlist</source>
            <translation>ウォッチリスト</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>用紙</translation>
        </message>
        <message>
            <source>Save as</source>
            <translation>保存先</translation>
        </message>
        <message>
            <source>Save briefing</source>
            <translation>ブリーフィングを保存</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>Cli</name>
        <message>
            <source>never</source>
            <translation>なし</translation>
        </message>
        <message>
            <source>No alerts.</source>
            <translation>アラートはありません。</translation>
        </message>
        <message>
            <source>No sources.</source>
            <translation>情報源はありません。</translation>
        </message>
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
        <message>
            <source>Link</source>
            <translation>リンク</translation>
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
            <translation>直近のエラー</translation>
        </message>
        <message>
            <source>failing: {source}: {error}</source>
            <translation>障害: {source}: {error}</translation>
        </message>
        <message>
            <source>skipped: {source}: {reason}</source>
            <translation>対象外: {source}: {reason}</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <source>Briefing</source>
            <translation>ブリーフィング</translation>
        </message>
        <message>
            <source>Credentials</source>
            <translation>認証情報</translation>
        </message>
        <message>
            <source>unknown setting '{key}'</source>
            <translation>「{key}」という設定項目はありません</translation>
        </message>
        <message>
            <source>none</source>
            <translation>なし</translation>
        </message>
        <message>
            <source>no watchlist named '{name}' (there are: {names})</source>
            <translation>「{name}」というウォッチリストはありません（登録済み: {names}）</translation>
        </message>
        <message>
            <source>{file} should end in .pdf</source>
            <translation>{file} の拡張子は .pdf にしてください</translation>
        </message>
        <message>
            <source>PDF output needs Qt (PySide6): {error}</source>
            <translation>PDF の作成には Qt（PySide6）が必要です: {error}</translation>
        </message>
        <message>
            <source>Wrote {file}: {pages} {pages:?page|pages}, {alerts} {alerts:?alert|alerts}.</source>
            <translation>{file} を作成しました（{pages} ページ、アラート {alerts} 件）。</translation>
        </message>
        <message>
            <source>Deleted the credential '{name}' from the keyring.</source>
            <translation>認証情報「{name}」をキーリングから削除しました。</translation>
        </message>
        <message>
            <source>Stored the credential '{name}' in the keyring.</source>
            <translation>認証情報「{name}」をキーリングに保存しました。</translation>
        </message>
        <message>
            <source>no secret given on standard input</source>
            <translation>標準入力から秘密情報が渡されていません</translation>
        </message>
        <message>
            <source>Secret for {name}: </source>
            <translation>{name} の秘密情報: </translation>
        </message>
        <message>
            <source>no display (DISPLAY and WAYLAND_DISPLAY are unset)</source>
            <translation>画面がありません（DISPLAY と WAYLAND_DISPLAY が未設定）</translation>
        </message>
        <message>
            <source>Qt is not available ({error})</source>
            <translation>Qt を利用できません（{error}）</translation>
        </message>
        <message>
            <source>{reason}; watching without a tray (stakewatch watch).</source>
            <translation>{reason}。トレイなしで監視を続けます（stakewatch watch）。</translation>
        </message>
        <message>
            <source>No enabled sources: import a watchlist first (stakewatch import FILE).</source>
            <translation>有効な情報源がありません。先にウォッチリストを読み込んでください（stakewatch import ファイル名）。</translation>
        </message>
        <message>
            <source>Notifications shown: {shown} (through {backend}).</source>
            <translation>表示した通知: {shown} 件（{backend} 経由）</translation>
        </message>
        <message>
            <source>Watching {sources} {sources:?source|sources}; notifications through {backend}; Ctrl+C stops.</source>
            <translation>{sources} 件の情報源を監視しています。通知は {backend} 経由で表示します。Ctrl+C で終了します。</translation>
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message>
            <source>Stakewatch</source>
            <translation>Stakewatch</translation>
        </message>
        <message>
            <source>This desktop has no system tray: Stakewatch runs in this window. Closing it keeps Stakewatch running until you quit.</source>
            <translation>このデスクトップにはシステムトレイがありません。Stakewatch はこのウィンドウで動作します。閉じても終了するまで動き続けます。</translation>
        </message>
        <message>
            <source>Checking the sources failed: {}</source>
            <translation>情報源の確認に失敗しました: {}</translation>
        </message>
        <message numerus="yes">
            <source>%n new alert(s)</source>
            <translation>
                <numerusform>新着アラート %n 件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n source(s) failing</source>
            <translation>
                <numerusform>%n 件の情報源で障害</numerusform>
            </translation>
        </message>
        <message>
            <source>paused until {}</source>
            <translation>{} まで一時停止中</translation>
        </message>
        <message>
            <source>demo</source>
            <translation>デモ</translation>
        </message>
    </context>
    <context>
        <name>EditorView</name>
        <message>
            <source>Choose a watchlist, an entity or a source on the left.</source>
            <translation>左からウォッチリスト、対象、または情報源を選んでください。</translation>
        </message>
        <message>
            <source>New watchlist</source>
            <translation>新しいウォッチリスト</translation>
        </message>
        <message>
            <source>New entity</source>
            <translation>新しい対象</translation>
        </message>
        <message>
            <source>New source</source>
            <translation>新しい情報源</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>削除</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>削除を取り消す</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>読み込み…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>書き出し…</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>情報源</translation>
        </message>
        <message>
            <source>Make a watchlist first</source>
            <translation>先にウォッチリストを作成してください</translation>
        </message>
        <message>
            <source>Saved {}</source>
            <translation>{} を保存しました</translation>
        </message>
        <message>
            <source>{} of the {} most recent stored items match</source>
            <translation>最近の保存済み記事 {} 件中 {} 件が一致</translation>
        </message>
        <message>
            <source>Stored the secret {} in the keyring</source>
            <translation>秘密情報 {} をキーリングに保存しました</translation>
        </message>
        <message>
            <source>Fetching {}…</source>
            <translation>{} を取得しています…</translation>
        </message>
        <message>
            <source>Nothing to show: {}</source>
            <translation>表示できる項目がありません: {}</translation>
        </message>
        <message>
            <source>Looking for feeds on {}…</source>
            <translation>{} のフィードを探しています…</translation>
        </message>
        <message>
            <source>No feed found: {}</source>
            <translation>フィードが見つかりません: {}</translation>
        </message>
        <message>
            <source>Double-click a feed to use it</source>
            <translation>使うフィードをダブルクリックしてください</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Undo delete of {}</source>
            <translation>{} の削除を取り消す</translation>
        </message>
        <message>
            <source>Deleted {}</source>
            <translation>{} を削除しました</translation>
        </message>
        <message>
            <source>Restored {}</source>
            <translation>{} を元に戻しました</translation>
        </message>
    </context>
    <context>
        <name>EntityForm</name>
        <message>
            <source>One alias per line: other spellings, the name in other scripts</source>
            <translation>1 行に 1 つ: 別表記や他の文字での名前</translation>
        </message>
        <message>
            <source>One per line; if any are given, one must appear</source>
            <translation>1 行に 1 つ。指定した場合、いずれかを含む記事だけが一致します</translation>
        </message>
        <message>
            <source>One per line; an item with any of these is not a match</source>
            <translation>1 行に 1 つ。いずれかを含む記事は一致としません</translation>
        </message>
        <message>
            <source>Priority: notify even in quiet hours</source>
            <translation>優先: 静かな時間帯でも通知する</translation>
        </message>
        <message>
            <source>Muted: keep alerts, no notifications</source>
            <translation>ミュート: アラートは残し、通知しない</translation>
        </message>
        <message>
            <source>Save entity</source>
            <translation>対象を保存</translation>
        </message>
        <message>
            <source>Stored item that would match</source>
            <translation>一致する保存済み記事</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>情報源</translation>
        </message>
        <message>
            <source>Matched words</source>
            <translation>一致した語</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>種別</translation>
        </message>
        <message>
            <source>Aliases</source>
            <translation>別名</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>文脈語</translation>
        </message>
        <message>
            <source>Exclude</source>
            <translation>除外語</translation>
        </message>
        <message>
            <source>Test against stored items</source>
            <translation>保存済みの記事で試す</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>Stakewatch ran into a problem</source>
            <translation>Stakewatch で問題が発生しました</translation>
        </message>
        <message>
            <source>Something went wrong that Stakewatch did not expect. Your data is safe; the error has been written to the log. Copy the diagnostics below to report it.</source>
            <translation>予期しないエラーが発生しました。データは保持されています。エラーの内容はログに記録しました。報告の際は、下の診断情報をコピーしてお送りください。</translation>
        </message>
        <message>
            <source>Copy diagnostics</source>
            <translation>診断情報をコピー</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>コピーしました</translation>
        </message>
    </context>
    <context>
        <name>Health</name>
        <message>
            <source>ok</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>failing</source>
            <translation>障害</translation>
        </message>
        <message>
            <source>backing off</source>
            <translation>再試行待ち</translation>
        </message>
        <message>
            <source>stale</source>
            <translation>更新停滞</translation>
        </message>
        <message>
            <source>new</source>
            <translation>未取得</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>無効</translation>
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
            <translation>直近のエラー</translation>
        </message>
        <message>
            <source>Next check</source>
            <translation>次回確認</translation>
        </message>
        <message>
            <source>Retry now</source>
            <translation>今すぐ再試行</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>無効にする</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>有効にする</translation>
        </message>
        <message>
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
            <source>Search titles and text (Ctrl+F)</source>
            <translation>見出しと本文を検索 (Ctrl+F)</translation>
        </message>
        <message>
            <source>Unread only</source>
            <translation>未読のみ</translation>
        </message>
        <message>
            <source>From</source>
            <translation>期間</translation>
        </message>
        <message>
            <source>to</source>
            <translation>〜</translation>
        </message>
        <message>
            <source>Open original</source>
            <translation>元の記事を開く</translation>
        </message>
        <message>
            <source>Copy link</source>
            <translation>リンクをコピー</translation>
        </message>
        <message>
            <source>Mark unread</source>
            <translation>未読にする</translation>
        </message>
        <message>
            <source>Mute entity</source>
            <translation>この対象をミュート</translation>
        </message>
        <message>
            <source>All watchlists</source>
            <translation>すべてのウォッチリスト</translation>
        </message>
        <message>
            <source>All entities</source>
            <translation>すべての対象</translation>
        </message>
        <message>
            <source>All sources</source>
            <translation>すべての情報源</translation>
        </message>
        <message>
            <source>Statements and coverage</source>
            <translation>発言と報道</translation>
        </message>
        <message>
            <source>Statements</source>
            <translation>発言</translation>
        </message>
        <message>
            <source>Coverage</source>
            <translation>報道</translation>
        </message>
        <message numerus="yes">
            <source>%n alert(s)</source>
            <translation>
                <numerusform>%n 件のアラート</numerusform>
            </translation>
        </message>
        <message>
            <source>No alert selected</source>
            <translation>アラートが選択されていません</translation>
        </message>
        <message>
            <source>Mark read</source>
            <translation>既読にする</translation>
        </message>
        <message>
            <source>Link copied</source>
            <translation>リンクをコピーしました</translation>
        </message>
        <message>
            <source>{} muted: its alerts fill the inbox without notifications</source>
            <translation>{} をミュートしました: アラートは通知なしで受信箱に入ります</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Stakewatch</source>
            <translation>Stakewatch</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>アラート</translation>
        </message>
        <message>
            <source>Source health</source>
            <translation>情報源の状態</translation>
        </message>
        <message>
            <source>Watchlists</source>
            <translation>ウォッチリスト</translation>
        </message>
    </context>
    <context>
        <name>Notification</name>
        <message>
            <source>Statement by {entities}</source>
            <translation>{entities} の発言</translation>
        </message>
        <message>
            <source>Statement by {entities} (also {others})</source>
            <translation>{entities} の発言（関連: {others}）</translation>
        </message>
        <message>
            <source>Coverage: {entities}</source>
            <translation>{entities} に関する報道</translation>
        </message>
        <message>
            <source>Priority · {head}</source>
            <translation>【重要】{head}</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>{n} new: {summary}</source>
            <translation>新着 {n} 件 — {summary}</translation>
        </message>
        <message>
            <source>{entity} {n}</source>
            <translation>{entity} {n} 件</translation>
        </message>
        <message>
            <source>{statements} {statements:?statement|statements}, {coverage} coverage</source>
            <translation>発言 {statements} 件、報道 {coverage} 件</translation>
        </message>
        <message>
            <source>while quiet</source>
            <translation>通知を控えていた間の分</translation>
        </message>
        <message>
            <source>Source failing: {source}</source>
            <translation>情報源で障害: {source}</translation>
        </message>
        <message>
            <source>{n} sources failing</source>
            <translation>{n} 件の情報源で障害</translation>
        </message>
        <message>
            <source>{n:?Source|Sources} back: {sources}</source>
            <translation>情報源が復旧: {sources}</translation>
        </message>
        <message>
            <source>Answering normally again.</source>
            <translation>正常に応答しています。</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>開く</translation>
        </message>
        <message>
            <source>Open inbox</source>
            <translation>受信箱を開く</translation>
        </message>
    </context>
    <context>
        <name>Service</name>
        <message>
            <source>Imported {watchlists} {watchlists:?watchlist|watchlists}, {entities} {entities:?entity|entities} and {sources} {sources:?source|sources}.</source>
            <translation>ウォッチリスト {watchlists} 件、対象 {entities} 件、情報源 {sources} 件を読み込みました。</translation>
        </message>
        <message>
            <source>Imported {watchlists} {watchlists:?watchlist|watchlists}, {entities} {entities:?entity|entities} and {sources} {sources:?source|sources} from {file}.</source>
            <translation>{file} から、ウォッチリスト {watchlists} 件、対象 {entities} 件、情報源 {sources} 件を読み込みました。</translation>
        </message>
        <message>
            <source>Exported to {file}.</source>
            <translation>{file} に書き出しました。</translation>
        </message>
        <message>
            <source>Polled {polled} {polled:?source|sources}: {ok} ok ({unchanged} unchanged), {failing} failing; {items} new {items:?item|items}; {alerts} new {alerts:?alert|alerts}{rest}.</source>
            <translation>情報源 {polled} 件を確認しました: 正常 {ok} 件（更新なし {unchanged} 件）、障害 {failing} 件。新着記事 {items} 件、新着アラート {alerts} 件{rest}。</translation>
        </message>
        <message>
            <source>; {skipped} skipped</source>
            <translation>、確認を見送った情報源 {skipped} 件</translation>
        </message>
        <message>
            <source>Loaded the default watchlist (Japan AI &amp; IP).</source>
            <translation>既定のウォッチリスト（日本の AI・知的財産）を読み込みました。</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Quiet hours</source>
            <translation>通知しない時間帯</translation>
        </message>
        <message>
            <source>Digest from</source>
            <translation>まとめ通知にする件数</translation>
        </message>
        <message>
            <source>Requests per host</source>
            <translation>サイトあたりの同時接続数</translation>
        </message>
        <message>
            <source>Requests at once</source>
            <translation>全体の同時接続数</translation>
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
            <translation>1 回の取得の上限時間（秒）</translation>
        </message>
        <message>
            <source>Largest answer (MiB)</source>
            <translation>応答サイズの上限（MiB）</translation>
        </message>
        <message>
            <source>Proxy</source>
            <translation>プロキシ</translation>
        </message>
        <message>
            <source>Stakewatch settings</source>
            <translation>Stakewatch の設定</translation>
        </message>
        <message>
            <source>Start Stakewatch when I log in</source>
            <translation>ログイン時に Stakewatch を起動する</translation>
        </message>
    </context>
    <context>
        <name>SourceForm</name>
        <message>
            <source>A feed address, or any web page: Find feeds looks for its feeds</source>
            <translation>フィードのアドレス、または任意のウェブページ（「フィードを探す」で検出）</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分</translation>
        </message>
        <message>
            <source>Enabled</source>
            <translation>有効</translation>
        </message>
        <message>
            <source>Entities whose own statements this source carries, comma-separated</source>
            <translation>この情報源が本人の発言を載せる対象（カンマ区切り）</translation>
        </message>
        <message>
            <source>Find feeds on this page</source>
            <translation>このページのフィードを探す</translation>
        </message>
        <message>
            <source>CSS selector of each item, e.g. ul.press li</source>
            <translation>各項目の CSS セレクター（例: ul.press li）</translation>
        </message>
        <message>
            <source>within an item; a</source>
            <translation>項目内のセレクター（例: a）</translation>
        </message>
        <message>
            <source>within an item; optional</source>
            <translation>項目内のセレクター（省略可）</translation>
        </message>
        <message>
            <source>Choose a preset…</source>
            <translation>プリセットを選択…</translation>
        </message>
        <message>
            <source>Entities to search for, comma-separated (all when empty)</source>
            <translation>検索する対象（カンマ区切り、空欄ならすべて）</translation>
        </message>
        <message>
            <source>Preview what this source gives</source>
            <translation>この情報源の内容をプレビュー</translation>
        </message>
        <message>
            <source>Name of a secret in the keyring, if the source needs one</source>
            <translation>必要な場合、キーリング内の秘密情報の名前</translation>
        </message>
        <message>
            <source>Typed here, kept only in the system keyring</source>
            <translation>ここに入力した値はシステムのキーリングにのみ保存されます</translation>
        </message>
        <message>
            <source>Save to keyring</source>
            <translation>キーリングに保存</translation>
        </message>
        <message>
            <source>Save source</source>
            <translation>情報源を保存</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>種別</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>アドレス</translation>
        </message>
        <message>
            <source>Search preset</source>
            <translation>検索プリセット</translation>
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
            <source>Search for</source>
            <translation>検索対象</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>言語</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地域</translation>
        </message>
        <message>
            <source>Check every</source>
            <translation>確認間隔</translation>
        </message>
        <message>
            <source>Official for</source>
            <translation>公式発言の対象</translation>
        </message>
        <message>
            <source>Credential</source>
            <translation>認証情報</translation>
        </message>
        <message>
            <source>Authentication</source>
            <translation>認証方式</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>ユーザー名</translation>
        </message>
        <message>
            <source>Header</source>
            <translation>ヘッダー</translation>
        </message>
        <message>
            <source>Secret</source>
            <translation>秘密情報</translation>
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <source>unexpected error: {error}</source>
            <translation>予期しないエラー: {error}</translation>
        </message>
    </context>
    <context>
        <name>TrayMenu</name>
        <message>
            <source>Latest alerts</source>
            <translation>最新のアラート</translation>
        </message>
        <message>
            <source>No alerts yet</source>
            <translation>まだアラートはありません</translation>
        </message>
        <message>
            <source>Open inbox</source>
            <translation>受信箱を開く</translation>
        </message>
        <message>
            <source>Source health</source>
            <translation>情報源の状態</translation>
        </message>
        <message numerus="yes">
            <source>Source health (%n failing)</source>
            <translation>
                <numerusform>情報源の状態（%n 件で障害）</numerusform>
            </translation>
        </message>
        <message>
            <source>Export briefing…</source>
            <translation>ブリーフィングを書き出す…</translation>
        </message>
        <message>
            <source>Import watchlists…</source>
            <translation>ウォッチリストを読み込む…</translation>
        </message>
        <message>
            <source>Export watchlists…</source>
            <translation>ウォッチリストを書き出す…</translation>
        </message>
        <message>
            <source>Edit watchlists…</source>
            <translation>ウォッチリストを編集…</translation>
        </message>
        <message>
            <source>Refresh now</source>
            <translation>今すぐ更新</translation>
        </message>
        <message>
            <source>Pause alerts</source>
            <translation>通知を一時停止</translation>
        </message>
        <message>
            <source>Alerts paused</source>
            <translation>通知を一時停止中</translation>
        </message>
        <message>
            <source>For 1 hour</source>
            <translation>1 時間</translation>
        </message>
        <message>
            <source>Until tomorrow</source>
            <translation>明朝まで</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>再開</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>設定…</translation>
        </message>
        <message>
            <source>Copy diagnostics</source>
            <translation>診断情報をコピー</translation>
        </message>
        <message>
            <source>About Stakewatch</source>
            <translation>Stakewatch について</translation>
        </message>
        <message>
            <source>Quit Stakewatch</source>
            <translation>Stakewatch を終了</translation>
        </message>
    </context>
    <context>
        <name>TrayState</name>
        <message>
            <source>idle</source>
            <translation>待機中</translation>
        </message>
        <message>
            <source>checking sources</source>
            <translation>情報源を確認中</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>一時停止中</translation>
        </message>
        <message>
            <source>new alerts</source>
            <translation>新着アラートあり</translation>
        </message>
        <message>
            <source>sources failing</source>
            <translation>情報源に障害あり</translation>
        </message>
    </context>
</TS>
