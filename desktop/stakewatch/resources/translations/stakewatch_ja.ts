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
        <name>ChannelDialog</name>
        <message>
            <source>Add channel</source>
            <translation>チャンネルを追加</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>すべて</translation>
        </message>
        <message>
            <source>Statements only</source>
            <translation>発言のみ</translation>
        </message>
        <message>
            <source>Priority entities only</source>
            <translation>重要な対象のみ</translation>
        </message>
        <message>
            <source>Also source-health notices</source>
            <translation>情報源の障害通知も送る</translation>
        </message>
        <message>
            <source>Send during quiet hours too</source>
            <translation>通知停止時間帯にも送る</translation>
        </message>
        <message>
            <source>e.g. daily 08:00 or weekly mon 08:00 (optional)</source>
            <translation>例: daily 08:00、weekly mon 08:00（省略可）</translation>
        </message>
        <message>
            <source>Only the scheduled digest</source>
            <translation>定時のまとめのみ</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Apprise URL</source>
            <translation>Apprise URL</translation>
        </message>
        <message>
            <source>Watchlists (none ticked: all)</source>
            <translation>ウォッチリスト（未選択ならすべて）</translation>
        </message>
        <message>
            <source>Receives</source>
            <translation>受け取る内容</translation>
        </message>
        <message>
            <source>Scheduled digest</source>
            <translation>定時のまとめ</translation>
        </message>
    </context>
    <context>
        <name>Channels</name>
        <message>
            <source>a channel named {name!r} exists already; remove it first</source>
            <translation>チャンネル {name!r} は既にあります。先に削除してください</translation>
        </message>
        <message>
            <source>no channel named {name!r} (there are: {names})</source>
            <translation>チャンネル {name!r} はありません（登録済み: {names}）</translation>
        </message>
        <message>
            <source>no watchlist named {name!r} (there are: {names})</source>
            <translation>ウォッチリスト {name!r} はありません（登録済み: {names}）</translation>
        </message>
        <message>
            <source>{name!r} is the name of a source's credential; choose another channel name</source>
            <translation>{name!r} は情報源の認証情報の名前として使われています。別のチャンネル名を指定してください</translation>
        </message>
        <message>
            <source>a channel receives everything, only statements or only priority entities</source>
            <translation>チャンネルが受け取るのは、すべて・発言のみ・重要な対象のみ のいずれかです</translation>
        </message>
        <message>
            <source>Added the channel {name!r}; its URL is in the keyring.</source>
            <translation>チャンネル {name!r} を追加しました。URL はキーリングに保存されています。</translation>
        </message>
        <message>
            <source>Removed the channel {name!r} and its URL from the keyring.</source>
            <translation>チャンネル {name!r} を削除し、URL をキーリングから消去しました。</translation>
        </message>
        <message>
            <source>Sent a test message to {name!r}.</source>
            <translation>{name!r} にテストメッセージを送信しました。</translation>
        </message>
        <message>
            <source>the test message to {name!r} failed: {reason}</source>
            <translation>{name!r} へのテストメッセージの送信に失敗しました: {reason}</translation>
        </message>
        <message>
            <source>No channels. Add one: echo URL | stakewatch channel add NAME</source>
            <translation>チャンネルはありません。追加するには: echo URL | stakewatch channel add NAME</translation>
        </message>
        <message>
            <source>all</source>
            <translation>すべて</translation>
        </message>
        <message>
            <source>Channel messages sent: {sent}, failed: {failed}.</source>
            <translation>チャンネルへの送信: 成功 {sent} 件、失敗 {failed} 件。</translation>
        </message>
        <message>
            <source>Apprise URL for {name}: </source>
            <translation>{name} の Apprise URL: </translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>チャンネル</translation>
        </message>
        <message>
            <source>the channel's Apprise URL was not found in the keyring; add the channel again</source>
            <translation>チャンネルの Apprise URL がキーリングに見つかりません。チャンネルを追加し直してください</translation>
        </message>
        <message>
            <source>Apprise does not recognise this URL (check the service's URL format)</source>
            <translation>Apprise が認識できない URL です（サービスの URL 形式を確認してください）</translation>
        </message>
        <message>
            <source>no Apprise URL given on standard input</source>
            <translation>標準入力から Apprise URL が渡されていません</translation>
        </message>
        <message>
            <source>a channel needs a name of 1 to 60 characters without control characters</source>
            <translation>チャンネル名は制御文字を含まない 1〜60 文字で指定してください</translation>
        </message>
        <message>
            <source>{value!r} is not a digest time like 'daily 08:00' or 'weekly mon 08:00'</source>
            <translation>{value!r} はまとめ配信の時刻として無効です（例: 'daily 08:00'、'weekly mon 08:00'）</translation>
        </message>
        <message>
            <source>the service is limiting how often we may send (HTTP 429); retrying later</source>
            <translation>送信先サービスが送信頻度を制限しています（HTTP 429）。後で再送します</translation>
        </message>
        <message>
            <source>the service had an error (HTTP {code}); retrying later</source>
            <translation>送信先サービスでエラーが発生しました（HTTP {code}）。後で再送します</translation>
        </message>
        <message>
            <source>the service refused the credentials in the channel's URL (HTTP {code})</source>
            <translation>送信先サービスがチャンネル URL の認証情報を拒否しました（HTTP {code}）</translation>
        </message>
        <message>
            <source>the service refused the message (HTTP {code})</source>
            <translation>送信先サービスがメッセージを拒否しました（HTTP {code}）</translation>
        </message>
        <message>
            <source>the service could not be reached (connection refused, no network or wrong address)</source>
            <translation>送信先サービスに接続できません（接続拒否、ネットワーク未接続、またはアドレスの誤り）</translation>
        </message>
        <message>
            <source>the service did not answer in time</source>
            <translation>送信先サービスが時間内に応答しませんでした</translation>
        </message>
        <message>
            <source>the mail server did not accept the message: {detail}</source>
            <translation>メールサーバーがメッセージを受け付けませんでした: {detail}</translation>
        </message>
        <message>
            <source>the service did not accept the message: {detail}</source>
            <translation>送信先サービスがメッセージを受け付けませんでした: {detail}</translation>
        </message>
        <message>
            <source>no reason given</source>
            <translation>理由は示されていません</translation>
        </message>
        <message>
            <source>Stakewatch test message</source>
            <translation>Stakewatch テストメッセージ</translation>
        </message>
        <message>
            <source>This channel ({name}) will receive Stakewatch alerts.</source>
            <translation>このチャンネル（{name}）に Stakewatch のアラートが届きます。</translation>
        </message>
        <message>
            <source>Stakewatch digest {start} to {end}: {n} {n:?alert|alerts}</source>
            <translation>Stakewatch まとめ {start}〜{end}: アラート {n} 件</translation>
        </message>
        <message>
            <source>Statement</source>
            <translation>発言</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>重要</translation>
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
            <source>Sources: {names}</source>
            <translation>掲載元: {names}</translation>
        </message>
        <message>
            <source>Nothing new in this period.</source>
            <translation>この期間に新しい情報はありません。</translation>
        </message>
        <message>
            <source>The briefing PDF is attached.</source>
            <translation>ブリーフィング PDF を添付しています。</translation>
        </message>
        <message>
            <source>gave up on {n} {n:?message|messages} after a day of failures: {reason}</source>
            <translation>1 日間失敗が続いたため {n} 件のメッセージの送信を断念しました: {reason}</translation>
        </message>
        <message>
            <source>Channel failing: {name}</source>
            <translation>チャンネルで障害: {name}</translation>
        </message>
        <message>
            <source>unexpected error: {detail}</source>
            <translation>予期しないエラー: {detail}</translation>
        </message>
    </context>
    <context>
        <name>ChannelsView</name>
        <message>
            <source>Add channel…</source>
            <translation>チャンネルを追加…</translation>
        </message>
        <message>
            <source>Send test message</source>
            <translation>テストメッセージを送信</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>削除</translation>
        </message>
        <message>
            <source>everything</source>
            <translation>すべて</translation>
        </message>
        <message>
            <source>statements</source>
            <translation>発言</translation>
        </message>
        <message>
            <source>priority</source>
            <translation>重要</translation>
        </message>
        <message>
            <source>all</source>
            <translation>すべて</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>チャンネル</translation>
        </message>
        <message>
            <source>Added the channel {}; its URL is in the keyring.</source>
            <translation>チャンネル {} を追加しました。URL はキーリングに保存されています。</translation>
        </message>
        <message>
            <source>Sent a test message to {}.</source>
            <translation>{} にテストメッセージを送信しました。</translation>
        </message>
        <message>
            <source>Sending a test message to {}…</source>
            <translation>{} にテストメッセージを送信しています…</translation>
        </message>
        <message>
            <source>Removed the channel {}.</source>
            <translation>チャンネル {} を削除しました。</translation>
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message>
            <source>This desktop has no system tray: Stakewatch runs in this window. Closing it keeps Stakewatch running until you quit.</source>
            <translation>このデスクトップにはシステムトレイがありません。Stakewatch はこのウィンドウで動作します。閉じても終了するまで動き続けます。</translation>
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
        <name>HealthView</name>
        <message>
            <source>Retry now</source>
            <translation>今すぐ再試行</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>無効にする</translation>
        </message>
        <message>
            <source>Channel: {}</source>
            <translation>チャンネル: {}</translation>
        </message>
        <message>
            <source>failing</source>
            <translation>障害</translation>
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
        <message>
            <source>Channels</source>
            <translation>チャンネル</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
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
</TS>
