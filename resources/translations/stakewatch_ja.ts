<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>About</name>
    <message>
        <source>Follows officials, companies and AI products and tells you, with a link to the original, when they say something.</source>
        <translation>政府関係者・企業・AI 製品の発言や動きを追い、元の記事へのリンクとともにお知らせします。</translation>
    </message>
    <message>
        <source>Qt {qt}, PySide6 {pyside}, Python {python} on {system}.</source>
        <translation>Qt {qt}、PySide6 {pyside}、Python {python}（{system}）</translation>
    </message>
    <message>
        <source>Stakewatch is MIT-licensed. It ships these parts under their own licences:</source>
        <translation>Stakewatch は MIT ライセンスです。同梱する次の部品は、それぞれのライセンスに従います。</translation>
    </message>
</context>
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
    <name>App</name>
    <message>
        <source>Stakewatch is already running; it has been brought forward.</source>
        <translation>Stakewatch はすでに起動しています。ウィンドウを前面に表示しました。</translation>
    </message>
    <message>
        <source>Stakewatch is running; notifications through {backend}; tray {tray}.</source>
        <translation>Stakewatch を起動しました。通知: {backend}、トレイ: {tray}。</translation>
    </message>
    <message>
        <source>Stakewatch is running (demo); notifications through {backend}; tray {tray}.</source>
        <translation>Stakewatch をデモモードで起動しました。通知: {backend}、トレイ: {tray}。</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>表示中</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>利用不可</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Start at login</source>
        <translation>ログイン時の起動</translation>
    </message>
    <message>
        <source>could not be turned on: {error}</source>
        <translation>有効にできませんでした: {error}</translation>
    </message>
    <message>
        <source>could not be turned off: {error}</source>
        <translation>無効にできませんでした: {error}</translation>
    </message>
</context>
<context>
    <name>Briefing</name>
    <message>
        <source>Stakewatch briefing</source>
        <translation>Stakewatch 動向ブリーフィング</translation>
    </message>
    <message>
        <source>local time</source>
        <translation>現地時間</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>ブリーフィング</translation>
    </message>
    <message>
        <source>Statements ({n})</source>
        <translation>本人の発言（{n} 件）</translation>
    </message>
    <message>
        <source>Coverage ({n} {n:?story|stories})</source>
        <translation>関連報道（{n} 件）</translation>
    </message>
    <message>
        <source>Nothing was found in this period.</source>
        <translation>この期間に該当する記事はありませんでした。</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>ウォッチリスト</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>発言</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>報道</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>情報源</translation>
    </message>
    <message>
        <source>Sources failing</source>
        <translation>取得できなかった情報源</translation>
    </message>
    <message>
        <source>All sources answered normally.</source>
        <translation>すべての情報源から正常に取得できました。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>{n} {n:?alert|alerts} in the period.</source>
        <translation>期間中のアラートは {n} 件です。</translation>
    </message>
    <message>
        <source>Page {number} of {total}</source>
        <translation>{number} / {total} ページ</translation>
    </message>
    <message>
        <source>Generated {when} ({zone})</source>
        <translation>作成日時: {when}（{zone}）</translation>
    </message>
    <message>
        <source>Watchlists: {names}</source>
        <translation>ウォッチリスト: {names}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>{n} {n:?alert|alerts}: {statements} {statements:?statement|statements}, {coverage} coverage</source>
        <translation>アラート {n} 件（発言 {statements} 件、報道 {coverage} 件）</translation>
    </message>
    <message>
        <source>{n} {n:?source|sources} failing at the end of the period</source>
        <translation>期間末時点で障害のある情報源: {n} 件</translation>
    </message>
    <message>
        <source>Alerts per entity per day</source>
        <translation>対象別・日別のアラート件数</translation>
    </message>
    <message>
        <source>No alerts in this period</source>
        <translation>この期間のアラートはありません</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>cannot write {file}</source>
        <translation>{file} に書き込めません</translation>
    </message>
    <message>
        <source>cannot write {file}: {error}</source>
        <translation>{file} に書き込めません: {error}</translation>
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
        <source>unknown setting &apos;{key}&apos;</source>
        <translation>「{key}」という設定項目はありません</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>no watchlist named &apos;{name}&apos; (there are: {names})</source>
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
        <source>Deleted the credential &apos;{name}&apos; from the keyring.</source>
        <translation>認証情報「{name}」をキーリングから削除しました。</translation>
    </message>
    <message>
        <source>Stored the credential &apos;{name}&apos; in the keyring.</source>
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
    <name>CliHelp</name>
    <message>
        <source>Follow officials, companies and AI products; alerts link to the original.</source>
        <translation>政府関係者・企業・AI 製品の動向を追跡し、アラートから元の記事を開きます。</translation>
    </message>
    <message>
        <source>run on bundled demo feeds served from this computer (own data dir)</source>
        <translation>同梱のデモ用フィードをこのコンピューターから配信して動かす（専用のデータフォルダーを使用）</translation>
    </message>
    <message>
        <source>where to keep data (default: ${variable} or the user data dir)</source>
        <translation>データの保存先（既定: ${variable} またはユーザーのデータフォルダー）</translation>
    </message>
    <message>
        <source>keep a source&apos;s key or password in the keyring (read from stdin)</source>
        <translation>情報源のキーやパスワードをキーリングに保存する（標準入力から読み取り）</translation>
    </message>
    <message>
        <source>add watchlists and sources from JSON or OPML</source>
        <translation>JSON または OPML からウォッチリストと情報源を追加する</translation>
    </message>
    <message>
        <source>write watchlists and sources as JSON (or .opml)</source>
        <translation>ウォッチリストと情報源を JSON（または .opml）に書き出す</translation>
    </message>
    <message>
        <source>fetch every enabled source once</source>
        <translation>有効な情報源をすべて 1 回取得する</translation>
    </message>
    <message>
        <source>one cycle, then exit (the only mode)</source>
        <translation>1 回確認して終了する（このモードのみ）</translation>
    </message>
    <message>
        <source>also fetch sources that asked to wait or are backing off</source>
        <translation>待機を求められた情報源や再試行待ちの情報源も取得する</translation>
    </message>
    <message>
        <source>show desktop notifications for what this cycle found</source>
        <translation>今回見つかったものをデスクトップ通知で表示する</translation>
    </message>
    <message>
        <source>list stored alerts, newest first</source>
        <translation>保存済みのアラートを新しい順に一覧表示する</translation>
    </message>
    <message>
        <source>only alerts published or found since: 7d, 12h, 30m, 2w or a date</source>
        <translation>この時点以降に公開または検出されたアラートのみ: 7d、12h、30m、2w または日付</translation>
    </message>
    <message>
        <source>show every source&apos;s health</source>
        <translation>すべての情報源の状態を表示する</translation>
    </message>
    <message>
        <source>write a briefing PDF of a period</source>
        <translation>期間を指定してブリーフィング PDF を作成する</translation>
    </message>
    <message>
        <source>the period: 7d, 24h, 2w or a date</source>
        <translation>期間: 7d、24h、2w または日付</translation>
    </message>
    <message>
        <source>versions, settings and recent errors for a bug report</source>
        <translation>不具合報告用に、バージョン・設定・最近のエラーを表示する</translation>
    </message>
    <message>
        <source>show or change a setting (limits, proxy)</source>
        <translation>設定（上限、プロキシなど）を表示または変更する</translation>
    </message>
    <message>
        <source>poll on schedule without a GUI, printing alerts</source>
        <translation>GUI なしで予定どおりに確認し、アラートを表示する</translation>
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
    <name>Credentials</name>
    <message>
        <source>Credentials</source>
        <translation>認証情報</translation>
    </message>
    <message>
        <source>must be the name of a secret in the keyring</source>
        <translation>キーリングに保存した秘密情報の名前を指定してください</translation>
    </message>
    <message>
        <source>must be one of {kinds}</source>
        <translation>{kinds} のいずれかを指定してください</translation>
    </message>
    <message>
        <source>basic authentication needs a user name</source>
        <translation>Basic 認証にはユーザー名が必要です</translation>
    </message>
    <message>
        <source>name the header that carries the key, e.g. X-Api-Key</source>
        <translation>キーを載せるヘッダー名を指定してください（例: X-Api-Key）</translation>
    </message>
    <message>
        <source>secrets belong in the keyring, not in the source</source>
        <translation>秘密情報は情報源の設定ではなくキーリングに保存してください</translation>
    </message>
    <message>
        <source>no keyring could be opened ({error})</source>
        <translation>キーリングを開けませんでした（{error}）</translation>
    </message>
    <message>
        <source>no system keyring is available (no Secret Service, Keychain or Credential Manager)</source>
        <translation>システムのキーリングを利用できません（Secret Service、キーチェーン、資格情報マネージャーのいずれもありません）</translation>
    </message>
    <message>
        <source>the only keyring available stores secrets unprotected ({backend})</source>
        <translation>利用できるキーリングは秘密情報を保護せずに保存します（{backend}）</translation>
    </message>
    <message>
        <source>the credential needs a name</source>
        <translation>認証情報には名前が必要です</translation>
    </message>
    <message>
        <source>{problem}; the secret was not stored</source>
        <translation>{problem}。秘密情報は保存していません</translation>
    </message>
    <message>
        <source>the keyring refused to store &apos;{name}&apos;: {error}</source>
        <translation>キーリングが「{name}」の保存を拒否しました: {error}</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <source>could not copy the database to {file} before upgrading it: {error}</source>
        <translation>更新の前にデータベースを {file} へ複製できませんでした: {error}</translation>
    </message>
    <message>
        <source>{file} cannot be opened: {error}</source>
        <translation>{file} を開けません: {error}</translation>
    </message>
    <message>
        <source>{file} was written by a newer Stakewatch (schema {version}, this one knows {known})</source>
        <translation>{file} は新しい版の Stakewatch で作成されています（スキーマ {version}、この版が扱えるのは {known} まで）</translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <source>{platform} feed</source>
        <translation>{platform} のフィード</translation>
    </message>
    <message>
        <source>This address is a feed</source>
        <translation>このアドレス自体がフィードです</translation>
    </message>
    <message>
        <source>WordPress feed</source>
        <translation>WordPress のフィード</translation>
    </message>
    <message>
        <source>the page announces no feed (no &lt;link rel=&quot;alternate&quot;&gt; to RSS, Atom or JSON)</source>
        <translation>このページはフィードを案内していません（RSS、Atom、JSON への &lt;link rel=&quot;alternate&quot;&gt; がありません）</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>Watchlists</source>
        <translation>ウォッチリスト</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>情報源</translation>
    </message>
    <message>
        <source>no watchlist named &apos;{name}&apos;</source>
        <translation>「{name}」というウォッチリストはありません</translation>
    </message>
    <message>
        <source>no entity named &apos;{name}&apos; in &apos;{watchlist}&apos;</source>
        <translation>「{watchlist}」に「{name}」という対象はありません</translation>
    </message>
    <message>
        <source>no source named &apos;{name}&apos;</source>
        <translation>「{name}」という情報源はありません</translation>
    </message>
    <message>
        <source>entity {name}</source>
        <translation>対象「{name}」</translation>
    </message>
    <message>
        <source>watchlist {name}</source>
        <translation>ウォッチリスト「{name}」</translation>
    </message>
    <message>
        <source>source {name}</source>
        <translation>情報源「{name}」</translation>
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
        <translation>最近の保存済み記事 {1} 件中 {0} 件が一致</translation>
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
    <name>Feed</name>
    <message>
        <source>not a feed: the JSON is broken</source>
        <translation>フィードではありません: JSON が壊れています</translation>
    </message>
    <message>
        <source>not a feed: got JSON that is not a JSON Feed</source>
        <translation>フィードではありません: JSON Feed 形式ではない JSON が返されました</translation>
    </message>
    <message>
        <source>not a feed: the JSON Feed has no items list</source>
        <translation>フィードではありません: JSON Feed に items の一覧がありません</translation>
    </message>
    <message>
        <source>not a feed: it defines nested XML entities (an expansion attack)</source>
        <translation>フィードではありません: 入れ子の XML 実体が定義されています（展開攻撃のおそれ）</translation>
    </message>
    <message>
        <source>not a feed: the parser failed ({error})</source>
        <translation>フィードではありません: 解析に失敗しました（{error}）</translation>
    </message>
    <message>
        <source>not a feed: got an HTML page</source>
        <translation>フィードではありません: HTML のページが返されました</translation>
    </message>
    <message>
        <source>not a feed: the answer was empty</source>
        <translation>フィードではありません: 応答が空でした</translation>
    </message>
    <message>
        <source>not a feed: could not read it as RSS, Atom or JSON Feed</source>
        <translation>フィードではありません: RSS、Atom、JSON Feed のいずれとしても読めませんでした</translation>
    </message>
</context>
<context>
    <name>Fetch</name>
    <message>
        <source>{n} MiB</source>
        <translation>{n} MiB</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} バイト</translation>
    </message>
    <message>
        <source>not a valid web address</source>
        <translation>正しいウェブアドレスではありません</translation>
    </message>
    <message>
        <source>not a valid web address ({error})</source>
        <translation>正しいウェブアドレスではありません（{error}）</translation>
    </message>
    <message>
        <source>only http and https addresses are fetched, not {scheme}</source>
        <translation>取得できるのは http と https のアドレスだけです（{scheme} は対象外）</translation>
    </message>
    <message>
        <source>only http and https addresses are fetched, not a bare path</source>
        <translation>取得できるのは http と https のアドレスだけです（パスだけでは取得できません）</translation>
    </message>
    <message>
        <source>the address has no host name</source>
        <translation>アドレスにホスト名がありません</translation>
    </message>
    <message>
        <source>redirected to an address that is not fetched ({reason})</source>
        <translation>取得対象外のアドレスに転送されました（{reason}）</translation>
    </message>
    <message>
        <source>too many redirects (more than {n})</source>
        <translation>転送が多すぎます（{n} 回を超えました）</translation>
    </message>
    <message>
        <source>unexpected failure: {error}</source>
        <translation>予期しない失敗: {error}</translation>
    </message>
    <message>
        <source>server answered {status}</source>
        <translation>サーバーの応答: {status}</translation>
    </message>
    <message>
        <source>server answered {status} ({phrase})</source>
        <translation>サーバーの応答: {status}（{phrase}）</translation>
    </message>
    <message>
        <source>{answer}; asked to wait until {until} UTC</source>
        <translation>{answer}。{until}（UTC）まで待つよう求められています</translation>
    </message>
    <message>
        <source>server answered {status} without a place to go</source>
        <translation>サーバーが転送先を示さずに {status} を返しました</translation>
    </message>
    <message>
        <source>response larger than {size}</source>
        <translation>応答が {size} を超えています</translation>
    </message>
    <message>
        <source>response larger than {size} after decompression</source>
        <translation>展開後の応答が {size} を超えています</translation>
    </message>
    <message>
        <source>server used a compression Stakewatch does not read ({encoding})</source>
        <translation>Stakewatch が読めない圧縮形式です（{encoding}）</translation>
    </message>
    <message>
        <source>the compressed answer was cut short</source>
        <translation>圧縮された応答が途中で切れています</translation>
    </message>
    <message>
        <source>the answer&apos;s compression is broken</source>
        <translation>応答の圧縮データが壊れています</translation>
    </message>
    <message>
        <source>connection closed before the whole answer arrived</source>
        <translation>応答をすべて受け取る前に接続が切れました</translation>
    </message>
    <message>
        <source>no complete answer within {seconds} s</source>
        <translation>{seconds} 秒以内に応答を受け取りきれませんでした</translation>
    </message>
    <message>
        <source>no answer within {seconds} s</source>
        <translation>{seconds} 秒以内に応答がありませんでした</translation>
    </message>
    <message>
        <source>could not connect within {seconds} s</source>
        <translation>{seconds} 秒以内に接続できませんでした</translation>
    </message>
    <message>
        <source>secure connection failed (TLS handshake error)</source>
        <translation>安全な接続を確立できませんでした（TLS ハンドシェイクの失敗）</translation>
    </message>
    <message>
        <source>could not find the server {host} (name lookup failed)</source>
        <translation>サーバー {host} が見つかりません（名前解決に失敗）</translation>
    </message>
    <message>
        <source>could not connect to {host}: connection refused</source>
        <translation>{host} に接続できません: 接続を拒否されました</translation>
    </message>
    <message>
        <source>{host} reset the connection</source>
        <translation>{host} が接続を切断しました</translation>
    </message>
    <message>
        <source>{host} closed the connection without answering</source>
        <translation>{host} が応答せずに接続を閉じました</translation>
    </message>
    <message>
        <source>{host} did not answer in time</source>
        <translation>{host} から時間内に応答がありませんでした</translation>
    </message>
    <message>
        <source>{host} did not answer in HTTP</source>
        <translation>{host} の応答が HTTP ではありません</translation>
    </message>
    <message>
        <source>could not reach {host}</source>
        <translation>{host} に接続できません</translation>
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
    <name>Import</name>
    <message>
        <source>Import refused</source>
        <translation>読み込みを中止しました</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>読み込み</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>must be text, got {got}</source>
        <translation>文字列で指定してください（指定値: {got}）</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>空欄にはできません</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <translation>{limit} 文字を超えています</translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation>制御文字が含まれています</translation>
    </message>
    <message>
        <source>must be true or false, got {got}</source>
        <translation>true か false で指定してください（指定値: {got}）</translation>
    </message>
    <message>
        <source>must be a list of words</source>
        <translation>語句のリストで指定してください</translation>
    </message>
    <message>
        <source>has more than {limit} entries</source>
        <translation>{limit} 件を超えています</translation>
    </message>
    <message>
        <source>has nothing to match once spaces and dashes are set aside</source>
        <translation>空白とダッシュを除くと照合できる文字が残りません</translation>
    </message>
    <message>
        <source>must be an object, got {got}</source>
        <translation>オブジェクトで指定してください（指定値: {got}）</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>リストで指定してください</translation>
    </message>
    <message>
        <source>must be one of {kinds}, got {got}</source>
        <translation>{kinds} のいずれかを指定してください（指定値: {got}）</translation>
    </message>
    <message>
        <source>duplicate entity name &apos;{name}&apos; in this watchlist</source>
        <translation>このウォッチリストには「{name}」という対象がすでにあります</translation>
    </message>
    <message>
        <source>duplicate watchlist name &apos;{name}&apos;</source>
        <translation>「{name}」というウォッチリストがすでにあります</translation>
    </message>
    <message>
        <source>duplicate source name &apos;{name}&apos;</source>
        <translation>「{name}」という情報源がすでにあります</translation>
    </message>
    <message>
        <source>unknown source kind {kind} (known: {known})</source>
        <translation>情報源の種類 {kind} には対応していません（対応: {known}）</translation>
    </message>
    <message>
        <source>{reason} ({url})</source>
        <translation>{reason}（{url}）</translation>
    </message>
    <message>
        <source>must be a whole number of minutes from 1 to {limit}</source>
        <translation>1 から {limit} までの整数（分）で指定してください</translation>
    </message>
    <message>
        <source>a {kind} source carries coverage, never statements</source>
        <translation>{kind} 型の情報源は報道のみを扱い、本人の発言は扱いません</translation>
    </message>
    <message>
        <source>a search address needs {placeholder} where the search words go</source>
        <translation>検索用アドレスには、検索語を入れる位置に {placeholder} が必要です</translation>
    </message>
    <message>
        <source>this Stakewatch reads version {version}, got {got}</source>
        <translation>この Stakewatch が読めるのは形式 {version} です（ファイルの形式: {got}）</translation>
    </message>
    <message>
        <source>no entity named &apos;{name}&apos;</source>
        <translation>「{name}」という対象はありません</translation>
    </message>
    <message>
        <source>the file has no watchlists and no sources</source>
        <translation>ファイルにウォッチリストも情報源もありません</translation>
    </message>
    <message>
        <source>not well-formed XML ({error})</source>
        <translation>XML の形式が正しくありません（{error}）</translation>
    </message>
    <message>
        <source>the root element is &lt;{tag}&gt;, not &lt;opml&gt;</source>
        <translation>ルート要素が &lt;opml&gt; ではなく &lt;{tag}&gt; です</translation>
    </message>
    <message>
        <source>no outline with an xmlUrl (no feeds) in the file</source>
        <translation>ファイルに xmlUrl を持つ outline（フィード）がありません</translation>
    </message>
    <message>
        <source>the file is larger than 20 MiB</source>
        <translation>ファイルが 20 MiB を超えています</translation>
    </message>
    <message>
        <source>cannot read {file}: {error}</source>
        <translation>{file} を読み込めません: {error}</translation>
    </message>
    <message>
        <source>cannot write {file}: {error}</source>
        <translation>{file} に書き込めません: {error}</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>ファイルが UTF-8 のテキストではありません</translation>
    </message>
    <message>
        <source>line {line} column {column}</source>
        <translation>{line} 行 {column} 列</translation>
    </message>
    <message>
        <source>invalid JSON ({error})</source>
        <translation>JSON として正しくありません（{error}）</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>JSON の入れ子が深すぎます</translation>
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
        <source>Carried by</source>
        <translation>掲載元</translation>
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
    <name>Page</name>
    <message>
        <source>a listing page needs the CSS selector of its items</source>
        <translation>一覧ページには各項目の CSS セレクターが必要です</translation>
    </message>
    <message>
        <source>not a web page: it could not be read as HTML</source>
        <translation>ウェブページではありません: HTML として読めませんでした</translation>
    </message>
    <message>
        <source>the item selector is not valid CSS ({error})</source>
        <translation>項目のセレクターが CSS として正しくありません（{error}）</translation>
    </message>
    <message>
        <source>the page has nothing matching the item selector &apos;{selector}&apos;</source>
        <translation>ページに項目セレクター「{selector}」に合う要素がありません</translation>
    </message>
</context>
<context>
    <name>Poller</name>
    <message>
        <source>not due yet</source>
        <translation>まだ確認の時刻ではありません</translation>
    </message>
    <message>
        <source>server asked to wait until {until} UTC</source>
        <translation>サーバーから {until}（UTC）まで待つよう求められています</translation>
    </message>
    <message>
        <source>backing off after {n} failure(s) until {until} UTC</source>
        <translation>{n} 回失敗したため {until}（UTC）まで再試行を控えています</translation>
    </message>
    <message>
        <source>unknown source kind &apos;{kind}&apos;</source>
        <translation>情報源の種類「{kind}」には対応していません</translation>
    </message>
    <message>
        <source>could not read the answer ({error})</source>
        <translation>応答を読めませんでした（{error}）</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>must be a list of entity names</source>
        <translation>対象名のリストで指定してください</translation>
    </message>
    <message>
        <source>must be text such as en or JP</source>
        <translation>en や JP のような文字列で指定してください</translation>
    </message>
    <message>
        <source>not a search answer: the JSON is broken</source>
        <translation>検索結果ではありません: JSON が壊れています</translation>
    </message>
    <message>
        <source>not a search answer: unexpected JSON</source>
        <translation>検索結果ではありません: 想定外の JSON です</translation>
    </message>
    <message>
        <source>not a search answer: no article list</source>
        <translation>検索結果ではありません: 記事の一覧がありません</translation>
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
        <source>Polled {polled} {polled:?source|sources}: {ok} ok ({unchanged} unchanged), {failing} failing; {items} new items; {alerts} new alerts{rest}.</source>
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
    <name>Settings</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>must be a whole number from {low} to {high}</source>
        <translation>{low} から {high} までの整数で指定してください</translation>
    </message>
    <message>
        <source>must be system, none, or an http(s):// proxy address</source>
        <translation>system、none、または http(s):// で始まるプロキシのアドレスを指定してください</translation>
    </message>
    <message>
        <source>must look like 22:00-07:00, or off</source>
        <translation>22:00-07:00 の形式か off で指定してください</translation>
    </message>
    <message>
        <source>unknown setting &apos;{key}&apos; (known: {known})</source>
        <translation>「{key}」という設定項目はありません（設定項目: {known}）</translation>
    </message>
    <message>
        <source>{key} {reason}</source>
        <translation>{key}: {reason}</translation>
    </message>
    <message>
        <source>this many at once become one digest</source>
        <translation>同時にこの件数以上届いたら 1 件のまとめ通知にします</translation>
    </message>
    <message>
        <source>hold alerts, e.g. 22:00-07:00 (priority breaks through)</source>
        <translation>通知を控える時間帯（例: 22:00-07:00。優先の対象は通知します）</translation>
    </message>
    <message>
        <source>requests at once to one host</source>
        <translation>1 つのサイトへの同時接続数</translation>
    </message>
    <message>
        <source>requests at once in all</source>
        <translation>全体の同時接続数</translation>
    </message>
    <message>
        <source>seconds to connect</source>
        <translation>接続を待つ秒数</translation>
    </message>
    <message>
        <source>seconds to wait for each piece of an answer</source>
        <translation>応答の各部分を待つ秒数</translation>
    </message>
    <message>
        <source>seconds for a whole request</source>
        <translation>1 回の取得にかける上限の秒数</translation>
    </message>
    <message>
        <source>largest answer accepted, in MiB</source>
        <translation>受け付ける応答の上限（MiB）</translation>
    </message>
    <message>
        <source>system, none, or a proxy address</source>
        <translation>system、none、またはプロキシのアドレス</translation>
    </message>
    <message>
        <source>days items are kept (alerts always are); 0 keeps all</source>
        <translation>記事を保存する日数（アラートは常に保存。0 で無期限）</translation>
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
    <message>
        <source>{label} {problem}</source>
        <translation>{label}: {problem}</translation>
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
<context>
    <name>Validation</name>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}: {reason}</translation>
    </message>
</context>
<context>
    <name>When</name>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{year}年{month}{day}日</translation>
    </message>
    <message>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message>
        <source>{n} {n:?minute|minutes} ago</source>
        <translation>{n} 分前</translation>
    </message>
    <message>
        <source>{n} {n:?hour|hours} ago</source>
        <translation>{n} 時間前</translation>
    </message>
    <message>
        <source>{n} {n:?day|days} ago</source>
        <translation>{n} 日前</translation>
    </message>
    <message>
        <source>in {n} {n:?minute|minutes}</source>
        <translation>{n} 分後</translation>
    </message>
    <message>
        <source>in {n} {n:?hour|hours}</source>
        <translation>{n} 時間後</translation>
    </message>
    <message>
        <source>in {n} {n:?day|days}</source>
        <translation>{n} 日後</translation>
    </message>
</context>
</TS>
