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
        <name>Aliases</name>
        <message>
            <source>no other spellings known for {name}</source>
            <translation>{name} の別表記は見つかりませんでした</translation>
        </message>
        <message>
            <source>Candidate</source>
            <translation>候補</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>種類</translation>
        </message>
        <message>
            <source>Matches</source>
            <translation>該当件数</translation>
        </message>
        <message>
            <source>Needs context</source>
            <translation>文脈語が必要</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>要</translation>
        </message>
    </context>
    <context>
        <name>Annotations</name>
        <message>
            <source>Note saved on {n} {n:?alert|alerts}.</source>
            <translation>{n} 件のアラートにメモを保存しました。</translation>
        </message>
        <message>
            <source>Note cleared on {n} {n:?alert|alerts}.</source>
            <translation>{n} 件のアラートのメモを消去しました。</translation>
        </message>
        <message>
            <source>Tagged {n} {n:?alert|alerts}: {tags}.</source>
            <translation>{n} 件のアラートにタグを付けました: {tags}</translation>
        </message>
        <message>
            <source>Removed {tags} from {n} {n:?alert|alerts}.</source>
            <translation>{n} 件のアラートからタグ「{tags}」を外しました。</translation>
        </message>
        <message>
            <source>Flagged {n} {n:?alert|alerts} for the briefing.</source>
            <translation>{n} 件のアラートにフラグを付けました（ブリーフィングの冒頭に載ります）。</translation>
        </message>
        <message>
            <source>Flag removed from {n} {n:?alert|alerts}.</source>
            <translation>{n} 件のアラートのフラグを外しました。</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>アラート</translation>
        </message>
        <message>
            <source>there is no alert {id} (see stakewatch alerts for the ids)</source>
            <translation>アラート {id} は見つかりません（ID は stakewatch alerts で確認できます）</translation>
        </message>
        <message>
            <source>there is no story {id} (see stakewatch stories for the ids)</source>
            <translation>ストーリー {id} は見つかりません（ID は stakewatch stories で確認できます）</translation>
        </message>
        <message>
            <source>a tag needs at least one letter or digit: {tag!r}</source>
            <translation>タグには文字か数字を 1 つ以上含めてください: {tag!r}</translation>
        </message>
        <message>
            <source>&amp;Note…</source>
            <translation>メモ(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Tags…</source>
            <translation>タグ(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Flag for briefing</source>
            <translation>ブリーフィング用にフラグ(&amp;F)</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>メモ</translation>
        </message>
        <message>
            <source>Note (an empty note is removed):</source>
            <translation>メモ（空にすると削除します）:</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>タグ</translation>
        </message>
        <message>
            <source>Tags, separated by commas:</source>
            <translation>タグ（カンマ区切り）:</translation>
        </message>
    </context>
    <context>
        <name>Backfill</name>
        <message>
            <source>{n} stored {n:?item|items} matched the new or changed entities</source>
            <translation>保存済みの記事 {n} 件が、追加・変更した対象に一致しました</translation>
        </message>
    </context>
    <context>
        <name>Briefing</name>
        <message>
            <source>Diet record (history, not news)</source>
            <translation>国会会議録（過去の記録であり速報ではありません）</translation>
        </message>
        <message>
            <source>Edited at the source after it was archived</source>
            <translation>保存後に掲載元で変更</translation>
        </message>
        <message>
            <source>Removed from the source; archived text below</source>
            <translation>掲載元から削除(以下は保存済みの本文)</translation>
        </message>
        <message>
            <source>Archived text:</source>
            <translation>保存済みの本文:</translation>
        </message>
        <message>
            <source>Flagged</source>
            <translation>注目（フラグ付き）</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>メモ</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>タグ</translation>
        </message>
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
            <source>the test message to {name!r} failed: {reason}</source>
            <translation>{name!r} へのテストメッセージの送信に失敗しました: {reason}</translation>
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
        <name>Database</name>
        <message>
            <source>Database</source>
            <translation>データベース</translation>
        </message>
        <message>
            <source>the disk holding {path} is full: free some space, then try again</source>
            <translation>{path} を保存しているディスクの空き容量がありません。空き容量を確保してから、もう一度お試しください</translation>
        </message>
        <message>
            <source>the database {path} is busy in another program: try again in a moment, or quit the other Stakewatch</source>
            <translation>データベース {path} は別のプログラムが使用中です。しばらくしてからもう一度お試しいただくか、もう一方の Stakewatch を終了してください</translation>
        </message>
        <message>
            <source>{path} cannot be written (a read-only file or folder): give your user write permission on it, then try again</source>
            <translation>{path} に書き込めません（読み取り専用のファイルまたはフォルダーです）。お使いのユーザーに書き込み権限を与えてから、もう一度お試しください</translation>
        </message>
        <message>
            <source>{path} is damaged: restore it from a backup, or move it aside and import your exported watchlists into a new one ('stakewatch diagnostics' still works)</source>
            <translation>{path} が破損しています。バックアップから復元するか、このファイルを別の場所に移し、書き出しておいたウォッチリストを新しいデータベースに読み込んでください（「stakewatch diagnostics」は引き続き使えます）</translation>
        </message>
        <message>
            <source>reading or writing {path} failed (disk I/O error): check the disk, then try again</source>
            <translation>{path} の読み書きに失敗しました（ディスクの入出力エラー）。ディスクを確認してから、もう一度お試しください</translation>
        </message>
        <message>
            <source>{path} cannot be opened: check that its folder exists and is writable</source>
            <translation>{path} を開けません。フォルダーが存在し、書き込み可能であることを確認してください</translation>
        </message>
        <message>
            <source>the database {path} failed ({reason})</source>
            <translation>データベース {path} でエラーが発生しました（{reason}）</translation>
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
            <source>Type a name first</source>
            <translation>先に名前を入力してください</translation>
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
            <translation>1 行に 1 つ: 別の表記、他の文字での名前</translation>
        </message>
        <message>
            <source>One per line; an alias ticked below counts only if one of these appears</source>
            <translation>1 行に 1 つ。下でチェックした別名は、これらの語のいずれかが記事にある場合にのみ一致とみなします</translation>
        </message>
        <message>
            <source>One per line; cancels the alias it contains, e.g. "Taira clan"</source>
            <translation>1 行に 1 つ。この語句に含まれる別名の出現を無効にします（例:「Taira clan」）</translation>
        </message>
        <message>
            <source>One per line; an item with any of these never matches this entity</source>
            <translation>1 行に 1 つ。これらの語を含む記事は、この対象に一致しません</translation>
        </message>
        <message>
            <source>Ticked: this alias needs a context word. Full names stand alone; bare surnames and common words need context.</source>
            <translation>チェックした別名は文脈語が必要です。フルネームは単独で一致し、姓のみや一般的な語には文脈語が必要です。</translation>
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
            <source>Needs context</source>
            <translation>文脈語が必要</translation>
        </message>
        <message>
            <source>Exclude</source>
            <translation>除外語</translation>
        </message>
        <message>
            <source>Veto</source>
            <translation>除外（記事全体）</translation>
        </message>
        <message>
            <source>Test against stored items</source>
            <translation>保存済みの記事で試す</translation>
        </message>
        <message>
            <source>Suggest aliases…</source>
            <translation>別表記の候補…</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>Export</source>
            <translation>書き出し</translation>
        </message>
        <message>
            <source>say where to write the file with -o FILE.csv or -o FILE.xlsx</source>
            <translation>書き出し先を -o FILE.csv または -o FILE.xlsx で指定してください</translation>
        </message>
        <message>
            <source>Wrote {n} {n:?alert|alerts} to {path}.</source>
            <translation>{n} 件のアラートを {path} に書き出しました。</translation>
        </message>
        <message>
            <source>the folder {folder} does not exist</source>
            <translation>フォルダー {folder} がありません</translation>
        </message>
        <message>
            <source>cannot write {path}: {reason}</source>
            <translation>{path} に書き込めません: {reason}</translation>
        </message>
        <message>
            <source>unknown format {format!r}: use csv or xlsx</source>
            <translation>形式 {format!r} には対応していません。csv か xlsx を指定してください</translation>
        </message>
        <message>
            <source>XLSX export needs the XlsxWriter package ({reason})</source>
            <translation>XLSX で書き出すには XlsxWriter パッケージが必要です（{reason}）</translation>
        </message>
        <message>
            <source>statement</source>
            <translation>発言</translation>
        </message>
        <message>
            <source>coverage</source>
            <translation>報道</translation>
        </message>
        <message>
            <source>Published (UTC, ISO 8601)</source>
            <translation>公開日時（UTC、ISO 8601）</translation>
        </message>
        <message>
            <source>Published (local time)</source>
            <translation>公開日時（ローカル時刻）</translation>
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
            <source>Watchlist</source>
            <translation>ウォッチリスト</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>見出し</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>リンク</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>情報源</translation>
        </message>
        <message>
            <source>Matched words</source>
            <translation>一致した語</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>タグ</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>メモ</translation>
        </message>
        <message>
            <source>Flagged</source>
            <translation>フラグ</translation>
        </message>
        <message>
            <source>Alert</source>
            <translation>アラート ID</translation>
        </message>
        <message>
            <source>Story</source>
            <translation>ストーリー ID</translation>
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
            <source>{} (record)</source>
            <translation>{}（会議録）</translation>
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
            <source>{} from the record (history, not news)</source>
            <translation>{}（会議録：過去の記録であり速報ではありません）</translation>
        </message>
        <message>
            <source>Revised at the source ({} earlier version(s) kept)</source>
            <translation>配信元で更新あり（以前の版 {} 件を保存）</translation>
        </message>
        <message>
            <source>Found in stored items</source>
            <translation>保存済みの記事から検出</translation>
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
        <name>Ingest</name>
        <message>
            <source>the feed gives one GUID to different items: they are told apart by their links</source>
            <translation>このフィードは別々の記事に同じ GUID を付けています。リンクで記事を区別しています</translation>
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
        <name>PagePanel</name>
        <message>
            <source>Statement page archived; last checked {checked}</source>
            <translation>発言ページを保存済み(最終確認 {checked})</translation>
        </message>
        <message>
            <source>Statement page edited since it was archived (removed words struck through, added words underlined); last checked {checked}</source>
            <translation>保存後に発言ページが変更されました(削除された語句は取り消し線、追加された語句は下線で表示)。最終確認 {checked}</translation>
        </message>
        <message>
            <source>Statement page removed; the archived text is kept. Last checked {checked}</source>
            <translation>発言ページは削除されました。保存済みの本文は残っています。最終確認 {checked}</translation>
        </message>
        <message>
            <source>{n} version(s)</source>
            <translation>保存版 {n}件</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <source>Statement edited: {entity}</source>
            <translation>発言ページが更新されました:{entity}</translation>
        </message>
        <message>
            <source>Statement removed: {entity}</source>
            <translation>発言ページが削除されました:{entity}</translation>
        </message>
        <message>
            <source>{n} {n:?statement page|statement pages} changed ({edited} edited, {removed} removed)</source>
            <translation>発言ページ{n}件に変更(更新{edited}件、削除{removed}件)</translation>
        </message>
        <message>
            <source>{title}
The page's text changed since it was archived.</source>
            <translation>{title}
保存時から本文が変更されています。</translation>
        </message>
        <message>
            <source>{title}
The page is gone; the archived text is kept.</source>
            <translation>{title}
ページは削除されました。保存済みの本文は残っています。</translation>
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
        <name>Snapshot</name>
        <message>
            <source>Snapshot</source>
            <translation>スナップショット</translation>
        </message>
        <message>
            <source>there is no alert {id}</source>
            <translation>アラート{id}は存在しません</translation>
        </message>
        <message>
            <source>alert {id} has no archived page yet</source>
            <translation>アラート{id}のページはまだ保存されていません</translation>
        </message>
        <message>
            <source>could not write {path}: {reason}</source>
            <translation>{path}に書き込めませんでした:{reason}</translation>
        </message>
        <message>
            <source>archived</source>
            <translation>保存済み</translation>
        </message>
        <message>
            <source>edited</source>
            <translation>更新あり</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>削除済み</translation>
        </message>
        <message>
            <source>{status} · fetched {fetched} · HTTP {http} · {url}
sha256 {sha256} · {n} {n:?version|versions} kept</source>
            <translation>{status} · 取得 {fetched} · HTTP {http} · {url}
sha256 {sha256} · 保存版数 {n}</translation>
        </message>
        <message>
            <source>No edits: one version archived.</source>
            <translation>変更はありません(保存版は1件です)。</translation>
        </message>
        <message>
            <source>Wrote {path} ({size} bytes, as fetched {fetched}).</source>
            <translation>{path}に書き出しました({size}バイト、{fetched}取得時のまま)。</translation>
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
            <source>The entity whose own blog or account this is: every item is its statement</source>
            <translation>本人のブログやアカウントの場合、その対象名（すべての項目が本人の発言になります）</translation>
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
            <source>Belongs to</source>
            <translation>本人の情報源</translation>
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
        <name>Stories</name>
        <message>
            <source>No stories.</source>
            <translation>ストーリーはありません。</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>公開日時</translation>
        </message>
        <message>
            <source>Story</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Entities</source>
            <translation>対象</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>見出し</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>情報源</translation>
        </message>
    </context>
    <context>
        <name>StoryModel</name>
        <message>
            <source>Published</source>
            <translation>公開日時</translation>
        </message>
        <message>
            <source>Entities</source>
            <translation>対象</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>見出し</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>情報源</translation>
        </message>
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
        <name>SuggestAliasesDialog</name>
        <message>
            <source>Suggest aliases for {}</source>
            <translation>{} の別表記の候補</translation>
        </message>
        <message>
            <source>Looking up readings and counting stored items…</source>
            <translation>読みを調べ、保存済みの記事と照合しています…</translation>
        </message>
        <message>
            <source>Spelling</source>
            <translation>表記</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>種類</translation>
        </message>
        <message>
            <source>Stored items</source>
            <translation>該当記事数</translation>
        </message>
        <message>
            <source>Needs context</source>
            <translation>文脈語が必要</translation>
        </message>
        <message>
            <source>Add ticked aliases</source>
            <translation>チェックした表記を別名に追加</translation>
        </message>
        <message>
            <source>Readings from JMnedict (EDRDG, CC BY-SA 4.0). Keep the spellings that match real items; a bare surname needs context terms.</source>
            <translation>読みは JMnedict（EDRDG、CC BY-SA 4.0）によります。実際の記事に該当する表記を残してください。姓のみの表記には文脈語が必要です。</translation>
        </message>
        <message>
            <source>reading</source>
            <translation>読み</translation>
        </message>
        <message>
            <source>title</source>
            <translation>肩書き</translation>
        </message>
        <message>
            <source>katakana</source>
            <translation>カタカナ</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>要</translation>
        </message>
        <message>
            <source>{0} spellings, {1} of them found in stored items</source>
            <translation>候補 {0} 件、うち保存済みの記事に見つかったもの {1} 件</translation>
        </message>
        <message>
            <source>No other spellings known for this name.</source>
            <translation>この名前の別表記は見つかりませんでした。</translation>
        </message>
    </context>
</TS>
