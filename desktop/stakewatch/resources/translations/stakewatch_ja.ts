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
        <name>BriefingPdf</name>
        <message>
            <source>Alerts per day, one panel per entity (same scale, highest day: {peak})</source>
            <translation>対象ごとの日別アラート数（共通の目盛り、最多日: {peak} 件）</translation>
        </message>
        <message>
            <source>No alerts in this period</source>
            <translation>この期間のアラートはありません</translation>
        </message>
        <message>
            <source>Top stories of the period</source>
            <translation>期間中の主な記事</translation>
        </message>
        <message>
            <source>Watchlists: {names}</source>
            <translation>ウォッチリスト: {names}</translation>
        </message>
        <message>
            <source>alerts</source>
            <translation>アラート</translation>
        </message>
        <message>
            <source>carried by {n} {n:?source|sources}</source>
            <translation>{n} 件の情報源が掲載</translation>
        </message>
        <message>
            <source>coverage</source>
            <translation>報道</translation>
        </message>
        <message>
            <source>entities in the news</source>
            <translation>話題になった対象</translation>
        </message>
        <message>
            <source>generated {when}</source>
            <translation>作成 {when}</translation>
        </message>
        <message>
            <source>sources failing</source>
            <translation>障害のある情報源</translation>
        </message>
        <message>
            <source>statement</source>
            <translation>発言</translation>
        </message>
        <message>
            <source>statements</source>
            <translation>発言</translation>
        </message>
        <message>
            <source>stories</source>
            <translation>記事</translation>
        </message>
        <message>
            <source>Nothing was found in this period.</source>
            <translation>この期間に見つかったものはありません。</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <source>no watchlist named {name!r} (there are: {names})</source>
            <translation>ウォッチリスト {name!r} はありません（あるもの: {names}）</translation>
        </message>
        <message>
            <source>the folder {folder} does not exist; create it or choose another</source>
            <translation>フォルダー {folder} がありません。作成するか、別のフォルダーを指定してください</translation>
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message>
            <source>This desktop has no system tray: Stakewatch runs in this window. Closing it keeps Stakewatch running until you quit.</source>
            <translation>このデスクトップにはシステムトレイがありません。Stakewatch はこのウィンドウで動作します。閉じても終了するまで動き続けます。</translation>
        </message>
        <message>
            <source>Notifications paused until {}</source>
            <translation>{} まで通知を一時停止中</translation>
        </message>
        <message>
            <source>Quiet hours now ({}): only priority entities notify</source>
            <translation>現在おやすみ時間（{}）: 優先対象のみ通知します</translation>
        </message>
        <message>
            <source>Quiet hours {}</source>
            <translation>おやすみ時間 {}</translation>
        </message>
        <message numerus="yes">
            <source>%n unread alert(s)</source>
            <translation>
                <numerusform>未読アラート %n 件</numerusform>
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
            <source>quiet hours</source>
            <translation>おやすみ時間中</translation>
        </message>
        <message>
            <source>demo</source>
            <translation>デモ</translation>
        </message>
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
            <source>For 1 hour</source>
            <translation>1 時間</translation>
        </message>
        <message>
            <source>Until tomorrow</source>
            <translation>明日まで</translation>
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
        <message>
            <source>Import watchlists</source>
            <translation>ウォッチリストを読み込む</translation>
        </message>
        <message>
            <source>Watchlists (*.json *.opml *.xml);;All files (*)</source>
            <translation>ウォッチリスト (*.json *.opml *.xml);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>Imported {} watchlist(s), {} entities and {} source(s).</source>
            <translation>ウォッチリスト {} 件、対象 {} 件、情報源 {} 件を読み込みました。</translation>
        </message>
        <message>
            <source>Import refused</source>
            <translation>読み込みを拒否しました</translation>
        </message>
        <message>
            <source>Export watchlists</source>
            <translation>ウォッチリストを書き出す</translation>
        </message>
        <message>
            <source>Watchlist JSON (*.json);;Feeds as OPML (*.opml)</source>
            <translation>ウォッチリスト JSON (*.json);;フィード OPML (*.opml)</translation>
        </message>
        <message>
            <source>Exported to {}.</source>
            <translation>{} に書き出しました。</translation>
        </message>
        <message>
            <source>Briefing saved: {} ({} pages, {} alerts).</source>
            <translation>ブリーフィングを保存しました: {}（{} ページ、{} 件）</translation>
        </message>
        <message>
            <source>Diagnostics copied to the clipboard</source>
            <translation>診断情報をクリップボードにコピーしました</translation>
        </message>
        <message>
            <source>Stakewatch: test notification</source>
            <translation>Stakewatch: テスト通知</translation>
        </message>
        <message>
            <source>Alerts look like this: who said it, statement or coverage, and the title. A click opens the original.</source>
            <translation>アラートはこのように表示されます（発言者、発言か報道か、見出し）。クリックすると元の記事を開きます。</translation>
        </message>
    </context>
    <context>
        <name>Credentials</name>
        <message>
            <source>the system keyring did not store {name!r}: {why}</source>
            <translation>システムのキーリングに {name!r} を保存できませんでした: {why}</translation>
        </message>
        <message>
            <source>it is locked, and its password prompt was closed or refused</source>
            <translation>キーリングがロックされており、パスワードの入力画面が閉じられたか拒否されました</translation>
        </message>
        <message>
            <source>it could not be opened (its password prompt may have been closed, or no keyring service is running)</source>
            <translation>キーリングを開けませんでした（パスワードの入力画面が閉じられたか、キーリングのサービスが動いていない可能性があります）</translation>
        </message>
        <message>
            <source>it did not accept the secret</source>
            <translation>キーリングが秘密情報を受け付けませんでした</translation>
        </message>
        <message>
            <source>it answered with an error ({detail})</source>
            <translation>キーリングがエラーを返しました（{detail}）</translation>
        </message>
        <message>
            <source>Waiting for your keyring… it may be asking for its password in another window.</source>
            <translation>キーリングの応答を待っています… 別のウィンドウでパスワードを求めている場合があります。</translation>
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
            <source>Import…</source>
            <translation>読み込み…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>書き出し…</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>削除を取り消す</translation>
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
            <source>Kind</source>
            <translation>種類</translation>
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
            <source>Address</source>
            <translation>アドレス</translation>
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
            <source>Options</source>
            <translation>オプション</translation>
        </message>
        <message>
            <source>Enabled</source>
            <translation>有効</translation>
        </message>
        <message>
            <source>{}, line {}: {}</source>
            <translation>{}（{} 行目）: {}</translation>
        </message>
        <message>
            <source>{}: {}</source>
            <translation>{}: {}</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>削除(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Undo delete</source>
            <translation>削除を取り消す(&amp;U)</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>保存されていない変更</translation>
        </message>
        <message>
            <source>The form has changes that are not saved. Save them?</source>
            <translation>フォームに保存されていない変更があります。保存しますか？</translation>
        </message>
        <message>
            <source>Name: must not be empty</source>
            <translation>名前: 入力してください</translation>
        </message>
        <message>
            <source>Name: another watchlist is called {}</source>
            <translation>名前: {} という名前のウォッチリストが既にあります</translation>
        </message>
        <message>
            <source>{} of the {} most recent stored items match</source>
            <translation>最近の保存済み記事 {1} 件中 {0} 件が一致</translation>
        </message>
        <message>
            <source>no entity named {}</source>
            <translation>{} という対象はありません</translation>
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
            <source>Deleted {} — Ctrl+Z undoes it</source>
            <translation>{} を削除しました — Ctrl+Z で元に戻せます</translation>
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
            <source>Watchl&amp;ist</source>
            <translation>ウォッチリスト(&amp;I)</translation>
        </message>
        <message>
            <source>Alia&amp;ses</source>
            <translation>別名(&amp;S)</translation>
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
            <source>&amp;Name</source>
            <translation>名前(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>種類(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Context</source>
            <translation>文脈語(&amp;C)</translation>
        </message>
        <message>
            <source>E&amp;xclude</source>
            <translation>除外語(&amp;X)</translation>
        </message>
        <message>
            <source>Test against stored items</source>
            <translation>保存済みの記事で試す</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <source>Loaded the example watchlist ({name}): {sources} sources to poll. Import your own with `stakewatch import FILE`.</source>
            <translation>サンプルのウォッチリスト（{name}）を読み込みました。確認する情報源は {sources} 件です。独自のものは `stakewatch import FILE` で読み込めます。</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Welcome to Stakewatch</source>
            <translation>Stakewatch へようこそ</translation>
        </message>
        <message>
            <source>Stakewatch follows watchlists of officials, companies and AI products and tells you when one of them says something. How would you like to start?</source>
            <translation>Stakewatch は、政府関係者・企業・AI 製品のウォッチリストを追跡し、発言や動きがあればお知らせします。どのように始めますか？</translation>
        </message>
        <message>
            <source>&amp;Example watchlist: Japan AI &amp;&amp; IP (ministers, OpenAI, Sora 2)</source>
            <translation>サンプルのウォッチリスト: Japan AI &amp;&amp; IP（閣僚、OpenAI、Sora 2）(&amp;E)</translation>
        </message>
        <message>
            <source>Start &amp;empty: I will add my own</source>
            <translation>空の状態で始める: 自分で追加する(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Import a watchlist file (JSON or OPML)…</source>
            <translation>ウォッチリストのファイルを読み込む（JSON または OPML）(&amp;I)…</translation>
        </message>
        <message>
            <source>Import watchlists</source>
            <translation>ウォッチリストを読み込む</translation>
        </message>
        <message>
            <source>Watchlists (*.json *.opml *.xml);;All files (*)</source>
            <translation>ウォッチリスト (*.json *.opml *.xml);;すべてのファイル (*)</translation>
        </message>
    </context>
    <context>
        <name>Health</name>
        <message>
            <source>This computer seems to be offline: every source failed the same way ({error}). Stakewatch tries again on its own when the network is back.</source>
            <translation>このコンピューターはオフラインのようです。すべての情報源が同じ理由で失敗しました（{error}）。ネットワークが戻ると自動的に再試行します。</translation>
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
            <source>No sources yet. Add feeds, pages or news searches in the Watchlists tab, or import a watchlist file (File › Import watchlists…).</source>
            <translation>情報源はまだありません。「ウォッチリスト」タブでフィード、ページ、ニュース検索を追加するか、ウォッチリストのファイルを読み込んでください（ファイル › ウォッチリストを読み込む…）。</translation>
        </message>
        <message>
            <source>&amp;Retry now</source>
            <translation>今すぐ再試行(&amp;R)</translation>
        </message>
        <message>
            <source>Retry a&amp;ll</source>
            <translation>すべて再試行(&amp;L)</translation>
        </message>
        <message>
            <source>E&amp;nable</source>
            <translation>有効にする(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Disable</source>
            <translation>無効にする(&amp;D)</translation>
        </message>
        <message>
            <source>Checking {} now</source>
            <translation>{} を今すぐ確認しています</translation>
        </message>
        <message>
            <source>Checking every source now</source>
            <translation>すべての情報源を今すぐ確認しています</translation>
        </message>
    </context>
    <context>
        <name>Import</name>
        <message>
            <source>{n} problems; nothing was imported:</source>
            <translation>{n} 件の問題があるため、何も読み込みませんでした:</translation>
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
            <source>Mar&amp;k all read</source>
            <translation>すべて既読にする(&amp;K)</translation>
        </message>
        <message>
            <source>to</source>
            <translation>〜</translation>
        </message>
        <message>
            <source>&amp;Unread only</source>
            <translation>未読のみ(&amp;U)</translation>
        </message>
        <message>
            <source>F&amp;rom</source>
            <translation>期間(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Clear search and filters</source>
            <translation>検索と絞り込みを解除(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Open original</source>
            <translation>元の記事を開く(&amp;O)</translation>
        </message>
        <message>
            <source>Copy &amp;link</source>
            <translation>リンクをコピー(&amp;L)</translation>
        </message>
        <message>
            <source>Mark u&amp;nread</source>
            <translation>未読にする(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Mute entity</source>
            <translation>対象をミュート(&amp;M)</translation>
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
            <source>No alert matches “{}” with these filters.</source>
            <translation>この絞り込みでは「{}」に一致するアラートはありません。</translation>
        </message>
        <message>
            <source>No alert matches these filters.</source>
            <translation>この絞り込みに一致するアラートはありません。</translation>
        </message>
        <message>
            <source>No alerts yet.

Stakewatch checks your sources in the background and lists here everything they say about the people and products you follow. If sources are failing, Source health says why.</source>
            <translation>アラートはまだありません。

Stakewatch はバックグラウンドで情報源を確認し、フォローしている人物や製品に関する内容をここに一覧表示します。情報源に障害がある場合は「情報源の状態」で理由を確認できます。</translation>
        </message>
        <message>
            <source>Mark rea&amp;d</source>
            <translation>既読にする(&amp;D)</translation>
        </message>
        <message>
            <source>Un&amp;mute {}</source>
            <translation>{} のミュートを解除(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Mute {}</source>
            <translation>{} をミュート(&amp;M)</translation>
        </message>
        <message>
            <source>No alert selected</source>
            <translation>アラートが選択されていません</translation>
        </message>
        <message>
            <source>Statement</source>
            <translation>発言</translation>
        </message>
        <message>
            <source>{} — Ctrl+Z undoes it</source>
            <translation>{} — Ctrl+Z で元に戻せます</translation>
        </message>
        <message>
            <source>Nothing to undo</source>
            <translation>元に戻す操作はありません</translation>
        </message>
        <message>
            <source>Undone: {}</source>
            <translation>元に戻しました: {}</translation>
        </message>
        <message numerus="yes">
            <source>%n link(s) copied</source>
            <translation>
                <numerusform>%n 件のリンクをコピーしました</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n marked read</source>
            <translation>
                <numerusform>%n 件を既読にしました</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n marked unread</source>
            <translation>
                <numerusform>%n 件を未読にしました</numerusform>
            </translation>
        </message>
        <message>
            <source>Every alert shown is already read</source>
            <translation>表示中のアラートはすべて既読です</translation>
        </message>
        <message>
            <source>{} unmuted: its alerts notify again</source>
            <translation>{} のミュートを解除しました: 再び通知します</translation>
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
            <source>&amp;Alerts</source>
            <translation>アラート(&amp;A)</translation>
        </message>
        <message>
            <source>Source &amp;health</source>
            <translation>情報源の状態(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Watchlists</source>
            <translation>ウォッチリスト(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Import watchlists…</source>
            <translation>ウォッチリストを読み込む(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Export watchlists…</source>
            <translation>ウォッチリストを書き出す(&amp;E)…</translation>
        </message>
        <message>
            <source>Export &amp;briefing…</source>
            <translation>ブリーフィングを書き出す(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Close window</source>
            <translation>ウィンドウを閉じる(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Quit Stakewatch</source>
            <translation>Stakewatch を終了(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>編集(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>元に戻す(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Find in alerts</source>
            <translation>アラートを検索(&amp;F)</translation>
        </message>
        <message>
            <source>Mark all &amp;read</source>
            <translation>すべて既読にする(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>表示(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Refresh now</source>
            <translation>今すぐ更新(&amp;R)</translation>
        </message>
        <message>
            <source>No&amp;tifications</source>
            <translation>通知(&amp;T)</translation>
        </message>
        <message>
            <source>Hel&amp;p</source>
            <translation>ヘルプ(&amp;P)</translation>
        </message>
        <message>
            <source>Pause for &amp;1 hour</source>
            <translation>1 時間停止(&amp;1)</translation>
        </message>
        <message>
            <source>Pause until &amp;tomorrow</source>
            <translation>明日まで停止(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>再開(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>設定(&amp;S)…</translation>
        </message>
        <message>
            <source>Copy &amp;diagnostics</source>
            <translation>診断情報をコピー(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;About Stakewatch</source>
            <translation>Stakewatch について(&amp;A)</translation>
        </message>
        <message>
            <source>Notifications are on</source>
            <translation>通知は有効です</translation>
        </message>
    </context>
    <context>
        <name>Proxy</name>
        <message>
            <source>Use the system's proxy settings</source>
            <translation>システムのプロキシ設定を使う</translation>
        </message>
        <message>
            <source>No proxy</source>
            <translation>プロキシを使わない</translation>
        </message>
        <message>
            <source>This proxy:</source>
            <translation>次のプロキシ:</translation>
        </message>
    </context>
    <context>
        <name>QuietHours</name>
        <message>
            <source>Hold notifications from</source>
            <translation>通知を保留する時間帯</translation>
        </message>
        <message>
            <source>to</source>
            <translation>〜</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>seconds</source>
            <translation>秒</translation>
        </message>
        <message>
            <source>Combine into one summary from</source>
            <translation>まとめて 1 件の通知にする件数</translation>
        </message>
        <message>
            <source>alerts at once</source>
            <translation>件以上</translation>
        </message>
        <message>
            <source>Quiet hours</source>
            <translation>おやすみ時間</translation>
        </message>
        <message>
            <source>Keep fetched articles for</source>
            <translation>取得した記事の保存期間</translation>
        </message>
        <message>
            <source>days (0: forever)</source>
            <translation>日（0: 無期限）</translation>
        </message>
        <message>
            <source>Proxy</source>
            <translation>プロキシ</translation>
        </message>
        <message>
            <source>Downloads at once from one site</source>
            <translation>1 つのサイトからの同時ダウンロード数</translation>
        </message>
        <message>
            <source>at most</source>
            <translation>件まで</translation>
        </message>
        <message>
            <source>Downloads at once in all</source>
            <translation>全体の同時ダウンロード数</translation>
        </message>
        <message>
            <source>Give up connecting after</source>
            <translation>接続をあきらめるまで</translation>
        </message>
        <message>
            <source>Give up on a silent site after</source>
            <translation>応答のないサイトをあきらめるまで</translation>
        </message>
        <message>
            <source>Give up on any download after</source>
            <translation>ダウンロード全体の上限時間</translation>
        </message>
        <message>
            <source>Refuse downloads larger than</source>
            <translation>受け付けないダウンロードの大きさ</translation>
        </message>
        <message>
            <source>MB</source>
            <translation>MB</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Notifications</source>
            <translation>通知</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Network (for slow or filtered connections)</source>
            <translation>ネットワーク（遅い回線や制限のある回線向け）</translation>
        </message>
        <message>
            <source>Stakewatch settings</source>
            <translation>Stakewatch の設定</translation>
        </message>
        <message>
            <source>Send a &amp;test notification</source>
            <translation>テスト通知を送る(&amp;T)</translation>
        </message>
        <message>
            <source>Start Stakewatch when I &amp;log in</source>
            <translation>ログイン時に Stakewatch を起動する(&amp;L)</translation>
        </message>
        <message>
            <source>{}: type the proxy's address, e.g. http://proxy.example.org:8080</source>
            <translation>{}: プロキシのアドレスを入力してください（例: http://proxy.example.org:8080）</translation>
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
            <source>Find feeds on this page</source>
            <translation>このページのフィードを探す</translation>
        </message>
        <message>
            <source>U&amp;se this feed</source>
            <translation>このフィードを使う(&amp;S)</translation>
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
            <source>Save to ke&amp;yring</source>
            <translation>キーリングに保存(&amp;Y)</translation>
        </message>
        <message>
            <source>Save source</source>
            <translation>情報源を保存</translation>
        </message>
        <message>
            <source>Add&amp;ress</source>
            <translation>アドレス(&amp;R)</translation>
        </message>
        <message>
            <source>Search preset</source>
            <translation>検索プリセット</translation>
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
            <source>Tick the entities whose own statements this source carries</source>
            <translation>この情報源が本人の発言を載せる対象にチェックを付けてください</translation>
        </message>
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
            <source>&amp;Name</source>
            <translation>名前(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>種類(&amp;K)</translation>
        </message>
        <message>
            <source>Feeds found</source>
            <translation>見つかったフィード</translation>
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
            <source>&amp;Official for</source>
            <translation>公式発言の対象(&amp;O)</translation>
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
        <message>
            <source>Preview</source>
            <translation>プレビュー</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>falling back to the terminal watcher (stakewatch watch): it polls, prints and notifies new alerts; Ctrl+C stops it.</source>
            <translation>端末での監視（stakewatch watch）に切り替えます。新しいアラートを確認して表示・通知します。Ctrl+C で終了します。</translation>
        </message>
        <message>
            <source>the demo is running in another Stakewatch; this command uses its data.</source>
            <translation>デモは別の Stakewatch で実行中です。このコマンドはそのデータを使います。</translation>
        </message>
        <message>
            <source>the desktop cannot show Stakewatch's windows: {reason}</source>
            <translation>デスクトップに Stakewatch のウィンドウを表示できません: {reason}</translation>
        </message>
        <message>
            <source>Qt's display plugin needs libraries that are not installed: {libraries}</source>
            <translation>Qt の表示プラグインに必要なライブラリがインストールされていません: {libraries}</translation>
        </message>
        <message>
            <source>Install them with one of:
  Debian/Ubuntu: sudo apt install {debian}
  Fedora:        sudo dnf install {fedora}
  Arch:          sudo pacman -S {arch}</source>
            <translation>次のいずれかでインストールしてください:
  Debian/Ubuntu: sudo apt install {debian}
  Fedora:        sudo dnf install {fedora}
  Arch:          sudo pacman -S {arch}</translation>
        </message>
        <message>
            <source>no display is set (DISPLAY and WAYLAND_DISPLAY are empty)</source>
            <translation>ディスプレイが設定されていません（DISPLAY と WAYLAND_DISPLAY が空です）</translation>
        </message>
        <message>
            <source>the display {display} cannot be reached</source>
            <translation>ディスプレイ {display} に接続できません</translation>
        </message>
        <message>
            <source>Qt did not start within {seconds} seconds</source>
            <translation>Qt が {seconds} 秒以内に起動しませんでした</translation>
        </message>
        <message>
            <source>Qt stopped while starting ({detail})</source>
            <translation>Qt が起動中に停止しました（{detail}）</translation>
        </message>
        <message>
            <source>Qt (PySide6) is not installed</source>
            <translation>Qt（PySide6）がインストールされていません</translation>
        </message>
    </context>
    <context>
        <name>WatchlistForm</name>
        <message>
            <source>&amp;Muted: keep its alerts, no notifications</source>
            <translation>ミュート: アラートは残し、通知しない(&amp;M)</translation>
        </message>
        <message>
            <source>Save watchlist</source>
            <translation>ウォッチリストを保存</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>名前(&amp;N)</translation>
        </message>
        <message numerus="yes">
            <source>%n entity(ies)</source>
            <translation>
                <numerusform>対象 %n 件</numerusform>
            </translation>
        </message>
    </context>
</TS>
