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
    <message>
        <source>What Stakewatch needs</source>
        <translation>Stakewatch が必要とする部品</translation>
    </message>
    <message>
        <source>What those bring in</source>
        <translation>それらが取り込む部品</translation>
    </message>
    <message>
        <source>Runtime, font and data</source>
        <translation>実行環境・フォント・データ</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部品</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>not stated in its metadata</source>
        <translation>メタデータに記載なし</translation>
    </message>
    <message>
        <source>Qt is linked dynamically: its libraries can be replaced.</source>
        <translation>Qt のライブラリは動的にリンクしており、差し替えられます。</translation>
    </message>
    <message>
        <source>Japanese in briefing PDFs; the licences&apos; text: {file}</source>
        <translation>ブリーフィング PDF の日本語に使用。ライセンス全文: {file}</translation>
    </message>
    <message>
        <source>Name readings derived from JMnedict and KANJIDIC2, the property of the Electronic Dictionary Research and Development Group, used in conformance with the Group&apos;s licence (https://www.edrdg.org/edrdg/licence.html).</source>
        <translation>JMnedict と KANJIDIC2 に基づく人名の読み。いずれも Electronic Dictionary Research and Development Group の財産であり、同グループのライセンス（https://www.edrdg.org/edrdg/licence.html）に従って使用しています。</translation>
    </message>
    <message>
        <source>Name readings (JMnedict, KANJIDIC2)</source>
        <translation>人名の読み（JMnedict、KANJIDIC2）</translation>
    </message>
    <message>
        <source>VL Gothic font</source>
        <translation>VL ゴシック フォント</translation>
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
        <source>Export failed</source>
        <translation>書き出せませんでした</translation>
    </message>
    <message>
        <source>Briefing saved: {} ({} pages, {} alerts).</source>
        <translation>ブリーフィングを保存しました: {}（{} ページ、アラート {} 件）</translation>
    </message>
    <message>
        <source>Briefing not written</source>
        <translation>ブリーフィングを作成できませんでした</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard</source>
        <translation>診断情報をクリップボードにコピーしました</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>The settings cannot be read: {}

Change the team server&apos;s address, or empty it so that this computer polls on its own?</source>
        <translation>設定を読み込めません: {}

チームサーバーのアドレスを変更するか、空欄にしてこのコンピューターが自分で取得するようにしますか？</translation>
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
        <source>Hangul</source>
        <translation>ハングル</translation>
    </message>
    <message>
        <source>Chinese characters</source>
        <translation>中国語の字体</translation>
    </message>
    <message>
        <source>office</source>
        <translation>役職</translation>
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
        <source>None of {n:?that alert|those alerts} had {tags}; nothing changed.</source>
        <translation>{n} 件のアラートのどれにも {tags} は付いていませんでした。変更はありません。</translation>
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
        <source>Notes and tags</source>
        <translation>メモ・タグ</translation>
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
        <source>Tag&amp;s…</source>
        <translation>タグ(&amp;S)…</translation>
    </message>
    <message>
        <source>Flag for &amp;briefing</source>
        <translation>ブリーフィング用にフラグ(&amp;B)</translation>
    </message>
    <message>
        <source>Remove the &amp;briefing flag</source>
        <translation>ブリーフィング用のフラグを外す(&amp;B)</translation>
    </message>
    <message numerus="yes">
        <source>Note saved on %n alert(s)</source>
        <translation>
            <numerusform>%n 件のアラートにメモを保存しました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Note removed from %n alert(s)</source>
        <translation>
            <numerusform>%n 件のアラートからメモを削除しました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags saved on %n alert(s)</source>
        <translation>
            <numerusform>%n 件のアラートにタグを保存しました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flagged %n alert(s) for the briefing</source>
        <translation>
            <numerusform>%n 件のアラートにブリーフィング用のフラグを付けました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flag removed from %n alert(s)</source>
        <translation>
            <numerusform>%n 件のアラートからフラグを外しました</numerusform>
        </translation>
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
    <message>
        <source>none (no notification service answers)</source>
        <translation>なし（通知サービスが応答しません）</translation>
    </message>
    <message>
        <source>the demo folder is in use by another Stakewatch command; try again when it ends.</source>
        <translation>デモのフォルダーは別の Stakewatch のコマンドが使用中です。終わってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Stakewatch will not start: {folder} is {why}. Another user may have made it to disable or answer the check that keeps one Stakewatch per data folder. Remove it, or set XDG_RUNTIME_DIR to a folder only you can enter.</source>
        <translation>Stakewatch を起動しません: {folder} は{why}。データフォルダーごとに Stakewatch を一つに保つ確認を、別のユーザーが無効にしたり応答したりするために作った可能性があります。このフォルダーを削除するか、XDG_RUNTIME_DIR に自分だけが入れるフォルダーを指定してください。</translation>
    </message>
    <message>
        <source>not a folder (a link or a file)</source>
        <translation>フォルダーではありません（リンクまたはファイルです）</translation>
    </message>
    <message>
        <source>owned by another user (uid {uid})</source>
        <translation>別のユーザー（uid {uid}）の所有です</translation>
    </message>
    <message>
        <source>open to other users (mode {mode})</source>
        <translation>他のユーザーにも開かれています（モード {mode}）</translation>
    </message>
    <message>
        <source>impossible to create ({error})</source>
        <translation>作成できません（{error}）</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <source>usage: </source>
        <translation>使い方: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>引数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>このヘルプを表示して終了する</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>引数 %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>解釈できない引数があります: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>引数 %s とは同時に指定できません</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>指定された値 %r は使われません</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>次の引数を指定してください: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>引数 %s のどれかを指定してください</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>値を 1 つ指定してください</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>値は 1 つまでです</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>値を 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>値を %s 個指定してください</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>値を %s 個指定してください</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>オプション %(option)s があいまいです（候補: %(matches)s）</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>ここでは使えないオプションです: %s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>%(value)r は %(type)s の値として正しくありません</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>%(value)r は選べません（選べるもの: %(choices)s）</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s</source>
        <translation>%(prog)s: エラー: %(message)s</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>&apos;%(filename)s&apos; を開けません: %(error)s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>%(parser_name)r というコマンドはありません（選べるもの: %(choices)s）</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>バージョンを表示して終了する</translation>
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
    <name>Backfill</name>
    <message>
        <source>{n} stored {n:?item|items} matched the new or changed entities</source>
        <translation>保存済みの記事 {n} 件が、追加・変更した対象に一致しました</translation>
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
        <source>Flagged ({n})</source>
        <translation>注目（フラグ付き・{n} 件）</translation>
    </message>
    <message>
        <source>Alerts per day, one panel per entity (same scale, highest day: {peak})</source>
        <translation>対象ごとの日別アラート数（共通の目盛り、最多日: {peak} 件）</translation>
    </message>
    <message>
        <source>Top stories of the period</source>
        <translation>期間中の主な記事</translation>
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
        <source>entities in the news</source>
        <translation>話題になった対象</translation>
    </message>
    <message>
        <source>sources failing</source>
        <translation>障害のある情報源</translation>
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
    <message>
        <source>{heading} (continued)</source>
        <translation>{heading}（続き）</translation>
    </message>
    <message>
        <source>only {done} of {total} alerts could be laid out; nothing was written</source>
        <translation>{total} 件のうち {done} 件しか配置できなかったため、何も書き出していません</translation>
    </message>
    <message>
        <source>{done} of {total} pages were drawn; nothing was written</source>
        <translation>{total} ページのうち {done} ページしか描けなかったため、何も書き出していません</translation>
    </message>
    <message>
        <source>cannot write {file}: {problem}; the previous file was kept</source>
        <translation>{file} に書き込めません（{problem}）。以前のファイルはそのまま残しています</translation>
    </message>
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
        <source>Statements only (&amp;leave out coverage)</source>
        <translation>発言のみ（報道を除く）(&amp;L)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>選択(&amp;H)…</translation>
    </message>
    <message>
        <source>O&amp;pen the PDF when it is ready</source>
        <translation>完成したら PDF を開く(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;eriod</source>
        <translation>期間(&amp;E)</translation>
    </message>
    <message>
        <source>S&amp;ince</source>
        <translation>開始日(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Watchlist</source>
        <translation>ウォッチリスト(&amp;W)</translation>
    </message>
    <message>
        <source>Pape&amp;r</source>
        <translation>用紙(&amp;R)</translation>
    </message>
    <message>
        <source>Save &amp;as</source>
        <translation>保存先(&amp;A)</translation>
    </message>
    <message>
        <source>Save briefing</source>
        <translation>ブリーフィングを保存</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>ファイルを置き換えますか？</translation>
    </message>
    <message>
        <source>{} already exists.
Replace it with this briefing?</source>
        <translation>{} はすでにあります。
このブリーフィングで置き換えますか？</translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message>
        <source>Add channel</source>
        <translation>チャンネルを追加</translation>
    </message>
    <message>
        <source>&amp;Show the URL</source>
        <translation>URL を表示(&amp;S)</translation>
    </message>
    <message>
        <source>An Apprise URL: mailtos://user:app-password@smtp.example.jp:587?to=team@example.jp, slack://…, msteams://…, line://…, json://…. It is kept in the system keyring, never in Stakewatch&apos;s files.</source>
        <translation>Apprise の URL: mailtos://user:app-password@smtp.example.jp:587?to=team@example.jp、slack://…、msteams://…、line://…、json://… など。URL はシステムのキーリングにだけ保存され、Stakewatch のファイルには書き込まれません。</translation>
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
        <source>Also source-&amp;health notices</source>
        <translation>情報源の障害通知も送る(&amp;H)</translation>
    </message>
    <message>
        <source>Send during &amp;quiet hours too</source>
        <translation>おやすみ時間にも送る(&amp;Q)</translation>
    </message>
    <message>
        <source>Optional: daily 08:00, or weekly mon 08:00</source>
        <translation>省略可。例: daily 08:00（毎日 8 時）、weekly mon 08:00（毎週月曜 8 時）</translation>
    </message>
    <message>
        <source>Onl&amp;y the scheduled digest</source>
        <translation>定時のまとめのみ(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名前(&amp;N)</translation>
    </message>
    <message>
        <source>Apprise &amp;URL</source>
        <translation>Apprise URL(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Watchlists (none ticked: all)</source>
        <translation>ウォッチリスト（未選択ならすべて）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Receives</source>
        <translation>受け取る内容(&amp;R)</translation>
    </message>
    <message>
        <source>Scheduled &amp;digest</source>
        <translation>定時のまとめ(&amp;D)</translation>
    </message>
    <message>
        <source>Enter a name for the channel.</source>
        <translation>チャンネルの名前を入力してください。</translation>
    </message>
    <message>
        <source>Enter the channel&apos;s Apprise URL.</source>
        <translation>チャンネルの Apprise URL を入力してください。</translation>
    </message>
    <message>
        <source>Saving the URL in your keyring…</source>
        <translation>URL をキーリングに保存しています…</translation>
    </message>
</context>
<context>
    <name>ChannelStatus</name>
    <message>
        <source>new</source>
        <translation>未送信</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>送信失敗</translation>
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
        <source>Channel</source>
        <translation>チャンネル</translation>
    </message>
    <message>
        <source>Watchlists</source>
        <translation>ウォッチリスト</translation>
    </message>
    <message>
        <source>Only</source>
        <translation>対象</translation>
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
        <source>Pending</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最後のエラー</translation>
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
        <source>the channel&apos;s Apprise URL was not found in the keyring; add the channel again</source>
        <translation>チャンネルの Apprise URL がキーリングに見つかりません。チャンネルを追加し直してください</translation>
    </message>
    <message>
        <source>Apprise does not recognise this URL (check the service&apos;s URL format)</source>
        <translation>Apprise が認識できない URL です（サービスの URL 形式を確認してください）</translation>
    </message>
    <message>
        <source>no Apprise URL given on standard input</source>
        <translation>標準入力から Apprise URL が渡されていません</translation>
    </message>
    <message>
        <source>the port in this URL is not a number from 1 to 65535</source>
        <translation>この URL のポート番号が 1〜65535 の数ではありません</translation>
    </message>
    <message>
        <source>a channel needs a name of 1 to 60 characters without control characters</source>
        <translation>チャンネル名は制御文字を含まない 1〜60 文字で指定してください</translation>
    </message>
    <message>
        <source>{value!r} is not a digest time like &apos;daily 08:00&apos; or &apos;weekly mon 08:00&apos;</source>
        <translation>{value!r} はまとめ配信の時刻として無効です（例: &apos;daily 08:00&apos;、&apos;weekly mon 08:00&apos;）</translation>
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
        <source>the service refused the credentials in the channel&apos;s URL (HTTP {code})</source>
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
        <source>the service did not finish answering within {seconds} s (it may have received the message); retrying later</source>
        <translation>サービスが {seconds} 秒以内に応答を終えませんでした（メッセージは届いている可能性があります）。後で再試行します</translation>
    </message>
    <message>
        <source>the mail server refused the login (SMTP {code}): check the user name and password in the channel&apos;s URL</source>
        <translation>メールサーバーがログインを拒否しました（SMTP {code}）。チャンネルの URL のユーザー名とパスワードを確認してください</translation>
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
        <source>Channel</source>
        <translation>チャンネル</translation>
    </message>
    <message>
        <source>Watchlists</source>
        <translation>ウォッチリスト</translation>
    </message>
    <message>
        <source>Receives</source>
        <translation>受け取るもの</translation>
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
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>直近のエラー</translation>
    </message>
    <message>
        <source>A&amp;dd channel…</source>
        <translation>チャンネルを追加(&amp;D)…</translation>
    </message>
    <message>
        <source>Send te&amp;st message</source>
        <translation>テストメッセージを送信(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>No channels yet — Add channel… sends alerts to Slack, e-mail, Microsoft Teams, LINE or a webhook as well as to this desktop.</source>
        <translation>チャンネルはまだありません。「チャンネルを追加…」で、このデスクトップに加えて Slack・メール・Microsoft Teams・LINE・Webhook にもアラートを送れます。</translation>
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
    <name>Cli</name>
    <message>
        <source>Alerts</source>
        <translation>アラート</translation>
    </message>
    <message>
        <source>Skipped {n} {n:?outline|outlines} that cannot be a feed source:</source>
        <translation>フィードとして使えないアウトライン {n} 件を読み飛ばしました:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; reaches back before the year 1: give a shorter period or a date</source>
        <translation>&apos;{value}&apos; では西暦1年より前までさかのぼってしまいます。もっと短い期間か日付を指定してください</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a period like 7d, 12h, 30m, 2w or a date like 2025-10-01</source>
        <translation>&apos;{value}&apos; は 7d・12h・30m・2w のような期間でも、2025-10-01 のような日付でもありません</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number (1 or more)</source>
        <translation>&apos;{value}&apos; は 1 以上の整数ではありません</translation>
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
        <source>Alert</source>
        <translation>番号</translation>
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
        <source>on</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
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
        <source>No enabled sources: import a watchlist first (stakewatch import FILE).</source>
        <translation>有効な情報源がありません。先にウォッチリストを読み込んでください（stakewatch import ファイル名）。</translation>
    </message>
    <message>
        <source>Notifications shown: {shown} (through {backend}).</source>
        <translation>通知を {shown} 件表示しました（{backend} を使用）。</translation>
    </message>
    <message>
        <source>Watching {sources} {sources:?source|sources}; notifications through {backend}; Ctrl+C stops.</source>
        <translation>{sources} 件の情報源を監視しています。通知には {backend} を使います。Ctrl+C で終了します。</translation>
    </message>
    <message>
        <source>Watching {sources} {sources:?source|sources}; no desktop notifications here (no notification service answers); Ctrl+C stops.</source>
        <translation>{sources} 件の情報源を監視しています。この環境ではデスクトップ通知を表示できません（通知サービスが応答しません）。Ctrl+C で終了します。</translation>
    </message>
    <message>
        <source>No desktop notifications here (no notification service answers).</source>
        <translation>この環境ではデスクトップ通知を表示できません（通知サービスが応答しません）。</translation>
    </message>
    <message>
        <source>{kind} (record)</source>
        <translation>{kind}（記録）</translation>
    </message>
    <message>
        <source>Statement pages: {archived} archived, {edited} edited, {removed} removed ({checked} re-checked).</source>
        <translation>発言ページ: {archived} 件を保存、{edited} 件が修正、{removed} 件が削除（{checked} 件を再確認）。</translation>
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
        <source>work on a team database (a PostgreSQL URI, postgresql://user@host/db) as its user; STAKEWATCH_SERVER does the same</source>
        <translation>チームデータベース（PostgreSQL の URI、postgresql://user@host/db）にそのユーザーとして接続して操作します。STAKEWATCH_SERVER でも同じです</translation>
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
        <source>only the N newest</source>
        <translation>新しい順に N 件だけ</translation>
    </message>
    <message>
        <source>only alerts with this tag (repeatable)</source>
        <translation>このタグの付いたアラートだけ（複数指定可）</translation>
    </message>
    <message>
        <source>only alerts flagged for the briefing</source>
        <translation>ブリーフィング用にフラグを付けたアラートだけ</translation>
    </message>
    <message>
        <source>write a spreadsheet to -o FILE</source>
        <translation>-o FILE に表計算ファイルを書き出す</translation>
    </message>
    <message>
        <source>the file to write (its suffix picks the format)</source>
        <translation>書き出すファイル（拡張子で形式が決まります）</translation>
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
    <message>
        <source>the id is a story&apos;s (stakewatch stories): apply to each of its alerts</source>
        <translation>番号をストーリー番号（stakewatch stories）として扱い、その全アラートに適用する</translation>
    </message>
    <message>
        <source>write a note on an alert (an empty text clears it)</source>
        <translation>アラートにメモを書く（空にすると消えます）</translation>
    </message>
    <message>
        <source>add tags to an alert (--remove takes them off)</source>
        <translation>アラートにタグを付ける（--remove で外す）</translation>
    </message>
    <message>
        <source>flag an alert for the briefing&apos;s Flagged section (--off unflags)</source>
        <translation>アラートにフラグを付けてブリーフィングの「注目」欄に載せる（--off で外す）</translation>
    </message>
    <message>
        <source>send alerts to Slack, Teams, email, LINE, webhooks (Apprise)</source>
        <translation>アラートを Slack・Teams・メール・LINE・Webhook に送る（Apprise）</translation>
    </message>
    <message>
        <source>add a channel; its Apprise URL is read from standard input</source>
        <translation>チャンネルを追加する。Apprise の URL は標準入力から読みます</translation>
    </message>
    <message>
        <source>only this watchlist (repeatable)</source>
        <translation>このウォッチリストだけ（複数指定可）</translation>
    </message>
    <message>
        <source>also send source-health notices</source>
        <translation>情報源の状態の通知も送る</translation>
    </message>
    <message>
        <source>a scheduled digest: &apos;daily 08:00&apos; or &apos;weekly mon 08:00&apos;</source>
        <translation>定時ダイジェスト：&apos;daily 08:00&apos; または &apos;weekly mon 08:00&apos;</translation>
    </message>
    <message>
        <source>only the scheduled digest, no message per story</source>
        <translation>定時ダイジェストだけを送り、ストーリーごとには送らない</translation>
    </message>
    <message>
        <source>send during quiet hours too</source>
        <translation>おやすみ時間にも送る</translation>
    </message>
    <message>
        <source>channels and how their delivery goes</source>
        <translation>チャンネルと配信の状況</translation>
    </message>
    <message>
        <source>send a test message now</source>
        <translation>今すぐテストメッセージを送る</translation>
    </message>
    <message>
        <source>remove a channel and its URL</source>
        <translation>チャンネルとその URL を削除する</translation>
    </message>
    <message>
        <source>print an alert&apos;s archived statement page (main text)</source>
        <translation>アラートの保存済み発言ページ（本文）を表示する</translation>
    </message>
    <message>
        <source>word-level changes from the first to the latest version</source>
        <translation>最初の版から最新版までの語単位の変更</translation>
    </message>
    <message>
        <source>write the page as fetched to FILE, made inert (no scripts, frames or remote loads)</source>
        <translation>取得したページを無害化して FILE に書き出す（スクリプト・フレーム・外部読み込みなし）</translation>
    </message>
    <message>
        <source>the first version instead of the latest</source>
        <translation>最新版ではなく最初の版</translation>
    </message>
    <message>
        <source>list stories, newest first, with every entity they name</source>
        <translation>ストーリーを新しい順に、登場する対象すべてと一緒に一覧する</translation>
    </message>
    <message>
        <source>only stories published or found since: 7d, 12h, 30m, 2w or a date</source>
        <translation>この時点以降に公開または発見されたストーリーだけ：7d・12h・30m・2w または日付</translation>
    </message>
    <message>
        <source>only stories with this tag (repeatable)</source>
        <translation>このタグの付いたストーリーだけ（複数指定可）</translation>
    </message>
    <message>
        <source>at most N stories</source>
        <translation>最大 N 件のストーリー</translation>
    </message>
    <message>
        <source>other spellings of a name (romaji readings, katakana, Hangul, Chinese characters, office titles)</source>
        <translation>名前のほかの書き方（ローマ字の読み、カタカナ、ハングル、中国語の字体、役職名）</translation>
    </message>
    <message>
        <source>a team database on PostgreSQL: make it, add users, run its poller</source>
        <translation>PostgreSQL 上のチームデータベース: 作成、ユーザー追加、取得プロセスの実行</translation>
    </message>
    <message>
        <source>make or upgrade the team database at URL (its owner; may create roles)</source>
        <translation>URL のチームデータベースを作成または更新します（所有者で、ロールを作成できるユーザーが実行）</translation>
    </message>
    <message>
        <source>copy this desk&apos;s data folder into the new team database</source>
        <translation>このデスクのデータフォルダーを新しいチームデータベースにコピーします</translation>
    </message>
    <message>
        <source>add a login to the team database of --server (password on standard input)</source>
        <translation>--server のチームデータベースにログインを追加します（パスワードは標準入力から）</translation>
    </message>
    <message>
        <source>poll for the team; another running poller is a spare that takes over</source>
        <translation>チームのために取得します。別に動いている取得プロセスは予備となり、引き継ぎます</translation>
    </message>
    <message>
        <source>one cycle (when this process may poll), then exit</source>
        <translation>（このプロセスが取得できるとき）1 サイクル実行して終了します</translation>
    </message>
    <message>
        <source>this poller&apos;s public address: feeds that announce a WebSub hub are subscribed and fetched the moment the hub says they changed (polling stays the fallback)</source>
        <translation>この取得プロセスの公開アドレス: WebSub のハブを告知しているフィードを購読し、ハブが更新を知らせた時点で取得します（定期取得も引き続き行います）</translation>
    </message>
    <message>
        <source>where the WebSub callback server listens (default: every interface, the public port)</source>
        <translation>WebSub のコールバックサーバーが待ち受ける場所（既定: すべてのインターフェース、公開アドレスのポート）</translation>
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
        <source>Stakewatch</source>
        <translation>Stakewatch</translation>
    </message>
    <message>
        <source>This desktop has no system tray: Stakewatch runs in this window. Closing it keeps Stakewatch running until you quit.</source>
        <translation>このデスクトップにはシステムトレイがありません。Stakewatch はこのウィンドウで動作します。閉じても終了するまで動き続けます。</translation>
    </message>
    <message>
        <source>Reset demo</source>
        <translation>デモをリセット</translation>
    </message>
    <message>
        <source>Empty the demo and start it again? Its notes, tags, flags, read marks, channels and settings are removed; your own data is not touched.</source>
        <translation>デモを空にして最初から始めますか？ デモのメモ・タグ・フラグ・既読・チャンネル・設定は消えます。ご自身のデータには触れません。</translation>
    </message>
    <message>
        <source>&amp;Reset demo</source>
        <translation>デモをリセット(&amp;R)</translation>
    </message>
    <message>
        <source>The team server cannot be reached: showing what was read before, trying again.</source>
        <translation>チームサーバーに接続できません: これまでに読んだ内容を表示し、再接続を試みています。</translation>
    </message>
    <message>
        <source>Checking the sources failed: {}</source>
        <translation>情報源の確認に失敗しました: {}</translation>
    </message>
    <message>
        <source>No watchlist yet. Import watchlists… or Edit watchlists… in the tray menu starts one; the welcome comes back the next time Stakewatch starts.</source>
        <translation>ウォッチリストがまだありません。トレイメニューの「ウォッチリストを読み込む…」または「ウォッチリストを編集…」から始められます。ようこそ画面は次に Stakewatch を起動したときにもう一度表示されます。</translation>
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
        <source>the credential {name!r} is not in the keyring</source>
        <translation>認証情報 {name!r} がキーリングにありません</translation>
    </message>
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
        <source>{path} is damaged: restore it from a backup, or move it aside and import your exported watchlists into a new one (&apos;stakewatch diagnostics&apos; still works)</source>
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
    <message>
        <source>the team server refused this change: your role ({role}) may not make it (an editor changes watchlists, sources, settings and channels); nothing was changed</source>
        <translation>チームサーバーがこの変更を拒否しました: あなたのロール（{role}）にはその権限がありません（ウォッチリスト、ソース、設定、チャンネルを変更できるのは編集者です）。何も変更されていません</translation>
    </message>
    <message>
        <source>the team server {path} cannot be reached ({reason}): check the address and the network, then try again</source>
        <translation>チームサーバー {path} に接続できません（{reason}）: アドレスとネットワークを確認してから、もう一度お試しください</translation>
    </message>
    <message>
        <source>the team server {path} failed ({reason}); nothing was changed</source>
        <translation>チームサーバー {path} でエラーが起きました（{reason}）。何も変更されていません</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Stakewatch demo</source>
        <translation>Stakewatch デモ</translation>
    </message>
    <message>
        <source>This page stands in for the original article in Stakewatch&apos;s demo. The alerts you saw came from feeds served by Stakewatch itself on this computer.</source>
        <translation>このページは Stakewatch のデモで元の記事の代わりに表示しているものです。ご覧になったアラートは、Stakewatch がこのコンピューター上で配信したフィードから届いたものです。</translation>
    </message>
</context>
<context>
    <name>Diet</name>
    <message>
        <source>read {n} new {n:?record|records} this time, the most one check reads; the rest come in the next checks</source>
        <translation>今回は新しい記録を {n} 件読みました（1 回の確認で読む上限です）。残りは次回以降の確認で読みます</translation>
    </message>
    <message>
        <source>stopped after {n} {n:?record|records} ({reason}); what was read is kept</source>
        <translation>{n} 件を読んだところで止まりました（{reason}）。読んだ分は保存しました</translation>
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
        <source>Site feed</source>
        <translation>サイトのフィード</translation>
    </message>
    <message>
        <source>Telegram channel (public preview page)</source>
        <translation>Telegram チャンネル（公開プレビューページ）</translation>
    </message>
    <message>
        <source>YouTube channel videos</source>
        <translation>YouTube チャンネルの動画</translation>
    </message>
    <message>
        <source>Feed linked from the page</source>
        <translation>ページからリンクされたフィード</translation>
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
        <source>Names</source>
        <translation>言語別の名前</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Related</source>
        <translation>関連エンティティ</translation>
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
        <source>muted</source>
        <translation>ミュート中</translation>
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
        <source>&amp;Discard</source>
        <translation>変更を破棄(&amp;D)</translation>
    </message>
    <message>
        <source>New watch&amp;list</source>
        <translation>新しいウォッチリスト(&amp;L)</translation>
    </message>
    <message>
        <source>New entit&amp;y</source>
        <translation>新しい対象(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;New source</source>
        <translation>新しい情報源(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>読み込み(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>書き出し(&amp;X)…</translation>
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
        <source>Deleted {} — Ctrl+Z undoes it</source>
        <translation>{} を削除しました — Ctrl+Z で元に戻せます</translation>
    </message>
    <message>
        <source>&amp;Undo delete of {}</source>
        <translation>{} の削除を取り消す(&amp;U)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
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
        <source>One per line; an alias ticked below counts only if one of these appears</source>
        <translation>1 行に 1 つ。下でチェックした別名は、これらの語のいずれかが記事にある場合にのみ一致とみなします</translation>
    </message>
    <message>
        <source>One per line; cancels the alias it contains, e.g. &quot;Taira clan&quot;</source>
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
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Name in it</source>
        <translation>その言語での名前</translation>
    </message>
    <message>
        <source>The name as readers of each language know it (ja 平将明): shown to them, and matched like an alias</source>
        <translation>各言語の読者になじみのある名前（ja なら 平将明）。その言語で表示され、別名としても照合します</translation>
    </message>
    <message>
        <source>Titles separated by semicolons; dates as YYYY-MM-DD, Until being the day the office passed on. During a tenure each title names this entity when a context word or a related entity is there too.</source>
        <translation>肩書きはセミコロンで区切ります。日付は YYYY-MM-DD 形式で、「終了」は後任に引き継いだ日です。在任中は、文脈語か関連エンティティが同じ記事にあるとき、各肩書きがこのエンティティを指します。</translation>
    </message>
    <message>
        <source>Add &amp;office</source>
        <translation>役職を追加(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Remove office</source>
        <translation>役職を削除(&amp;R)</translation>
    </message>
    <message>
        <source>Priority: notify even in &amp;quiet hours</source>
        <translation>優先: おやすみ時間にも通知する(&amp;Q)</translation>
    </message>
    <message>
        <source>Muted: &amp;keep alerts, no notifications</source>
        <translation>ミュート: アラートは残し、通知しない(&amp;K)</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>ウォッチリスト</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>名前(&amp;M)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
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
        <source>Veto</source>
        <translation>拒否語</translation>
    </message>
    <message>
        <source>Names &amp;by language</source>
        <translation>言語別の名前(&amp;B)</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Related</source>
        <translation>関連</translation>
    </message>
    <message>
        <source>Su&amp;ggest aliases…</source>
        <translation>別表記の候補(&amp;G)…</translation>
    </message>
    <message>
        <source>Entities whose mention counts as context, comma-separated</source>
        <translation>言及されると文脈として数えるエンティティ（カンマ区切り）</translation>
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
        <source>Alia&amp;ses</source>
        <translation>別名(&amp;S)</translation>
    </message>
    <message>
        <source>Needs context</source>
        <translation>文脈語が必要</translation>
    </message>
    <message>
        <source>Japanese titles</source>
        <translation>日本語の肩書き</translation>
    </message>
    <message>
        <source>English titles</source>
        <translation>英語の肩書き</translation>
    </message>
    <message>
        <source>Korean titles</source>
        <translation>韓国語の肩書き</translation>
    </message>
    <message>
        <source>Chinese titles</source>
        <translation>中国語の肩書き</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Test against stored items</source>
        <translation>保存済みの記事で試す</translation>
    </message>
</context>
<context>
    <name>EntityKind</name>
    <message>
        <source>official</source>
        <translation>公職者</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>company</source>
        <translation>企業</translation>
    </message>
    <message>
        <source>product</source>
        <translation>製品</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>話題</translation>
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
        <source>Copy &amp;diagnostics</source>
        <translation>診断情報をコピー(&amp;D)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>Evidence copy kept by Stakewatch: {url} as fetched on {fetched} (HTTP {status}); sha256 of its main text {sha256}. Scripts, frames and remote loads were removed or blocked; links lead to the original.</source>
        <translation>Stakewatch が保存した証拠用の写し: {url}（{fetched} に取得、HTTP {status}）。本文の sha256 は {sha256}。スクリプト・フレーム・外部からの読み込みは除去または遮断しています。リンクは元のページを指します。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Alert export</source>
        <translation>アラートの書き出し</translation>
    </message>
    <message>
        <source>say where to write the file with -o FILE.csv or -o FILE.xlsx</source>
        <translation>書き出し先を -o FILE.csv または -o FILE.xlsx で指定してください</translation>
    </message>
    <message>
        <source>--json prints the alerts; -o writes a spreadsheet: choose one</source>
        <translation>--json はアラートを表示し、-o は表計算ファイルを書き出します。どちらか一方を指定してください</translation>
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
        <source>{name} ends in .{suffix}, but {format} was asked for: give the file a .{format} name</source>
        <translation>{name} の拡張子は .{suffix} ですが、形式には {format} が指定されています。ファイル名を .{format} にしてください</translation>
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
    <message>
        <source>{n} {n:?item|items} held characters that are not text; they were replaced</source>
        <translation>記事 {n} 件に文字として扱えない文字が含まれていたため、置き換えました</translation>
    </message>
    <message>
        <source>{n} {n:?item|items} could not be read and {n:?was|were} left out</source>
        <translation>記事 {n} 件を読み取れなかったため、除外しました</translation>
    </message>
    <message>
        <source>{n} {n:?item|items} had an id longer than {limit} characters; a digest of it is kept instead</source>
        <translation>記事 {n} 件の ID が {limit} 文字を超えていたため、代わりにそのダイジェストを保存しました</translation>
    </message>
</context>
<context>
    <name>FeedOut</name>
    <message>
        <source>statement</source>
        <translation>発言</translation>
    </message>
    <message>
        <source>coverage</source>
        <translation>報道</translation>
    </message>
    <message>
        <source>{entity}: {kind}</source>
        <translation>{entity}: {kind}</translation>
    </message>
    <message>
        <source>Sources: {sources}</source>
        <translation>情報源: {sources}</translation>
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
        <source>the address holds control characters (tabs, line breaks)</source>
        <translation>アドレスに制御文字（タブや改行）が含まれています</translation>
    </message>
    <message>
        <source>the address can be read as two different servers ({detail})</source>
        <translation>アドレスが二つの異なるサーバーとして読めます（{detail}）</translation>
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
    <message>
        <source>stopped: Stakewatch is quitting</source>
        <translation>中止しました: Stakewatch を終了しています</translation>
    </message>
    <message>
        <source>the credential has spaces at its ends or a line break: store it again</source>
        <translation>認証情報の前後に空白か改行が含まれています。保存し直してください</translation>
    </message>
    <message>
        <source>a backslash before the path</source>
        <translation>パスの前にバックスラッシュがあります</translation>
    </message>
    <message>
        <source>more than one @</source>
        <translation>@ が二つ以上あります</translation>
    </message>
    <message>
        <source>a percent-encoded host or an IPv6 zone</source>
        <translation>パーセントエンコードされたホスト名または IPv6 のゾーン指定があります</translation>
    </message>
    <message>
        <source>a space in the host</source>
        <translation>ホスト名に空白があります</translation>
    </message>
    <message>
        <source>its parts read differently</source>
        <translation>解析器によって各部分の読み方が異なります</translation>
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
        <source>&amp;Start empty: I will add my own</source>
        <translation>空の状態で始める: 自分で追加する(&amp;S)</translation>
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
    <message>
        <source>This computer seems to be offline: every source failed the same way ({error}). Stakewatch tries again on its own when the network is back.</source>
        <translation>このコンピューターはオフラインのようです。すべての情報源が同じ理由で失敗しました（{error}）。ネットワークが戻ると自動的に再試行します。</translation>
    </message>
    <message>
        <source>Every source failed the same way ({error}). Stakewatch tries again on its own when the network is back.</source>
        <translation>すべての情報源が同じ理由で失敗しました（{error}）。ネットワークが戻ると自動的に再試行します。</translation>
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
        <source>Rhythm</source>
        <translation>確認の間隔</translation>
    </message>
    <message>
        <source>Median delay</source>
        <translation>遅れ（中央値）</translation>
    </message>
    <message>
        <source>Requests/hour</source>
        <translation>1時間の要求数</translation>
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
        <source>&amp;Disable</source>
        <translation>無効にする(&amp;D)</translation>
    </message>
    <message>
        <source>{} min {} s</source>
        <translation>{}分{}秒</translation>
    </message>
    <message>
        <source>{} s</source>
        <translation>{}秒</translation>
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
        <source>{} still fails: {}</source>
        <translation>{} はまだ失敗しています: {}</translation>
    </message>
    <message>
        <source>{} answers normally</source>
        <translation>{} は正常に応答しています</translation>
    </message>
    <message>
        <source>Checked {} sources: {} answer normally, {} fail</source>
        <translation>{} 件の情報源を確認しました: 正常 {} 件、失敗 {} 件</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>有効にする(&amp;N)</translation>
    </message>
    <message>
        <source>Checking every source now</source>
        <translation>すべての情報源を今すぐ確認しています</translation>
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
        <source>contains control or bidirectional-override characters</source>
        <translation>制御文字または双方向上書き文字が含まれています</translation>
    </message>
    <message>
        <source>is not valid Unicode (it holds a lone surrogate)</source>
        <translation>正しい Unicode ではありません（孤立サロゲートを含みます）</translation>
    </message>
    <message>
        <source>a field name is not valid Unicode (it holds a lone surrogate)</source>
        <translation>項目名が正しい Unicode ではありません（孤立サロゲートを含みます）</translation>
    </message>
    <message>
        <source>can never match: feed text loses some of its characters (zero-width spaces)</source>
        <translation>一致することがありません。フィードの本文では失われる文字（ゼロ幅スペースなど）を含みます</translation>
    </message>
    <message>
        <source>&apos;{alias}&apos; needs context, but the entity has no context words</source>
        <translation>「{alias}」には文脈語が必要ですが、この対象には文脈語がありません</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>true か false を指定してください</translation>
    </message>
    <message>
        <source>a {kind} source carries coverage, never one entity&apos;s own words</source>
        <translation>{kind} 型の情報源は報道を扱うもので、特定の対象本人の発言にはなりません</translation>
    </message>
    <message>
        <source>a number has too many digits</source>
        <translation>数値の桁数が多すぎます</translation>
    </message>
    <message>
        <source>no usable feed in the file: {reasons}</source>
        <translation>使えるフィードがファイルにありません: {reasons}</translation>
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
        <source>the file is larger than {mib} MiB</source>
        <translation>ファイルが {mib} MiB を超えています</translation>
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
        <source>a value is missing (text in quotes, a number, true, false, null, [ or {), or a comma comes too early</source>
        <translation>値がありません（引用符で囲んだ文字列、数値、true、false、null、[ または {）。または、カンマが早すぎます</translation>
    </message>
    <message>
        <source>a comma (,) is missing between two entries</source>
        <translation>2 つの項目の間にカンマ（,）がありません</translation>
    </message>
    <message>
        <source>a colon (:) is missing after a name</source>
        <translation>名前の後にコロン（:）がありません</translation>
    </message>
    <message>
        <source>a name in double quotes is expected here (or a comma too many before })</source>
        <translation>ここには二重引用符で囲んだ名前が必要です（または } の前のカンマが余分です）</translation>
    </message>
    <message>
        <source>a text in quotes is not closed</source>
        <translation>引用符で囲んだ文字列が閉じられていません</translation>
    </message>
    <message>
        <source>a text in quotes holds a line break or tab (write it as \n or \t)</source>
        <translation>引用符で囲んだ文字列に改行またはタブがあります（\n または \t と書いてください）</translation>
    </message>
    <message>
        <source>a \u escape needs four hexadecimal digits</source>
        <translation>\u エスケープには 16 進数 4 桁が必要です</translation>
    </message>
    <message>
        <source>a backslash starts an escape JSON does not know</source>
        <translation>バックスラッシュの後に JSON にないエスケープがあります</translation>
    </message>
    <message>
        <source>more text follows the end of the JSON document</source>
        <translation>JSON 文書の終わりの後に余分な文字があります</translation>
    </message>
    <message>
        <source>a comma too many before a closing bracket</source>
        <translation>閉じかっこの前のカンマが余分です</translation>
    </message>
    <message>
        <source>the JSON is not well-formed here</source>
        <translation>この位置で JSON の形式が正しくありません</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>JSON の入れ子が深すぎます</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is the entity itself; list other entities whose mention counts as context</source>
        <translation>「{name}」はこのエンティティ自身です。文脈として数える、ほかのエンティティを挙げてください</translation>
    </message>
    <message>
        <source>{n} problems; nothing was imported:</source>
        <translation>{n} 件の問題があるため、何も読み込みませんでした:</translation>
    </message>
    <message>
        <source>is not a field of an alias (an alias has text, needs_context, from and until)</source>
        <translation>は別名の項目ではありません（別名の項目は text、needs_context、from、until です）</translation>
    </message>
    <message>
        <source>is not a field of an office (an office has titles, from and until)</source>
        <translation>は役職の項目ではありません（役職の項目は titles、from、until です）</translation>
    </message>
    <message>
        <source>must be a date written YYYY-MM-DD, got {got}</source>
        <translation>は YYYY-MM-DD 形式の日付にしてください（指定値: {got}）</translation>
    </message>
    <message>
        <source>ends on {until}, before it starts on {since}</source>
        <translation>終了日 {until} が開始日 {since} より前です</translation>
    </message>
    <message>
        <source>{code} is not a language code (such as ja, en, ko or zh-Hant)</source>
        <translation>{code} は言語コードではありません（ja、en、ko、zh-Hant など）</translation>
    </message>
    <message>
        <source>an office needs at least one title</source>
        <translation>役職には肩書きが少なくとも 1 つ必要です</translation>
    </message>
    <message>
        <source>the credential {name!r} is already in this data folder&apos;s keyring: a file cannot give it to a source (its secret would be sent to {host}); name a new credential and store its secret with: stakewatch credential NAME</source>
        <translation>認証情報 {name!r} はこのデータフォルダーのキーリングに既にあります。ファイルからソースに割り当てることはできません（秘密が {host} に送られてしまいます）。新しい認証情報の名前を付け、次のコマンドで秘密を保存してください: stakewatch credential NAME</translation>
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
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <source>&amp;Unread only</source>
        <translation>未読のみ(&amp;U)</translation>
    </message>
    <message>
        <source>Only alerts with this tag</source>
        <translation>このタグが付いたアラートだけを表示</translation>
    </message>
    <message>
        <source>Fla&amp;gged only</source>
        <translation>フラグ付きのみ(&amp;G)</translation>
    </message>
    <message>
        <source>Only alerts flagged for the briefing</source>
        <translation>ブリーフィング用にフラグを付けたアラートだけを表示</translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation>期間(&amp;R)</translation>
    </message>
    <message>
        <source>By story</source>
        <translation>ストーリー別</translation>
    </message>
    <message>
        <source>By alert</source>
        <translation>アラート別</translation>
    </message>
    <message>
        <source>One row per story (with every entity it names), or one per alert</source>
        <translation>1 行に 1 ストーリー（言及された対象をすべて表示）、または 1 行に 1 アラート</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>書き出し(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the alerts shown as CSV or XLSX</source>
        <translation>表示中のアラートを CSV または XLSX で書き出します</translation>
    </message>
    <message>
        <source>Mar&amp;k all read</source>
        <translation>すべて既読にする(&amp;K)</translation>
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
        <source>Clear search and f&amp;ilters</source>
        <translation>検索と絞り込みを解除(&amp;I)</translation>
    </message>
    <message>
        <source>Mark unrea&amp;d</source>
        <translation>未読にする(&amp;D)</translation>
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
        <source>All tags</source>
        <translation>すべてのタグ</translation>
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
        <source>%n story(ies)</source>
        <translation>
            <numerusform>%n 件のストーリー</numerusform>
        </translation>
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
        <source>No sources yet.

Alerts come from the sources of your watchlists: add them in the Watchlists tab, or import a watchlist file with File › Import watchlists…</source>
        <translation>まだ情報源がありません。

アラートはウォッチリストの情報源から届きます。「ウォッチリスト」タブで追加するか、「ファイル › ウォッチリストを読み込む…」でウォッチリストのファイルを読み込んでください。</translation>
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
        <source>Unmute {}</source>
        <translation>{} のミュートを解除</translation>
    </message>
    <message>
        <source>Mute {}</source>
        <translation>{} をミュート</translation>
    </message>
    <message>
        <source>Un&amp;mute an entity</source>
        <translation>ミュートを解除する対象(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Mute an entity</source>
        <translation>ミュートする対象(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Mute or unmute an entity</source>
        <translation>ミュート／解除する対象(&amp;M)</translation>
    </message>
    <message>
        <source>No alert selected</source>
        <translation>アラートが選択されていません</translation>
    </message>
    <message>
        <source>{} from the record (history, not news)</source>
        <translation>{}（会議録：過去の記録であり速報ではありません）</translation>
    </message>
    <message numerus="yes">
        <source>Revised at the source (%n earlier version(s) kept)</source>
        <translation>
            <numerusform>配信元で更新あり（以前の版 %n 件を保存）</numerusform>
        </translation>
    </message>
    <message>
        <source>Found in stored items</source>
        <translation>保存済みの記事から検出</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>ミュート中</translation>
    </message>
    <message>
        <source>Carried by</source>
        <translation>掲載元</translation>
    </message>
    <message>
        <source>Flagged for the briefing by {}</source>
        <translation>{} がブリーフィング用にフラグを付けました</translation>
    </message>
    <message>
        <source>Flagged for the briefing</source>
        <translation>ブリーフィング用にフラグ付き</translation>
    </message>
    <message>
        <source>Tags: {}</source>
        <translation>タグ: {}</translation>
    </message>
    <message>
        <source>Note by {}: {}</source>
        <translation>{} のメモ: {}</translation>
    </message>
    <message>
        <source>Note: {}</source>
        <translation>メモ: {}</translation>
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
    <message>
        <source>Export alerts</source>
        <translation>アラートを書き出す</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel ブック (*.xlsx);;CSV、UTF-8 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n alert(s) to {}…</source>
        <translation>
            <numerusform>%n 件のアラートを {} に書き出しています…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n alert(s) to {}</source>
        <translation>
            <numerusform>{} に %n 件のアラートを書き出しました</numerusform>
        </translation>
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
    <name>Ingest</name>
    <message>
        <source>the feed gives one GUID to different items: they are told apart by their links</source>
        <translation>このフィードは別々の記事に同じ GUID を付けています。リンクで記事を区別しています</translation>
    </message>
    <message>
        <source>{first}; {second}</source>
        <translation>{first}。{second}</translation>
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
        <source>&amp;Channels</source>
        <translation>チャンネル(&amp;C)</translation>
    </message>
    <message>
        <source>The team server cannot be reached: showing what was read before.</source>
        <translation>チームサーバーに接続できません: これまでに読んだ内容を表示しています。</translation>
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
        <source>&amp;Reset demo…</source>
        <translation>デモをリセット(&amp;R)…</translation>
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
        <source>Hel&amp;p</source>
        <translation>ヘルプ(&amp;P)</translation>
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
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>&amp;Note (an empty note is removed; Ctrl+Enter saves):</source>
        <translation>メモ(&amp;N)（空にすると削除されます。Ctrl+Enter で保存）:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>キャンセル(&amp;C)</translation>
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
        <source>{entity} ({n})</source>
        <translation>{entity}（{n} 件）</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>ほか {n} 件</translation>
    </message>
    <message>
        <source>{statements} {statements:?statement|statements}, {coverage} coverage</source>
        <translation>発言 {statements} 件、報道 {coverage} 件</translation>
    </message>
    <message>
        <source>while quiet</source>
        <translation>おやすみ時間中の分</translation>
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
        <source>This computer seems to be offline</source>
        <translation>このコンピューターはオフラインのようです</translation>
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
    <message>
        <source>Show source</source>
        <translation>情報源を表示</translation>
    </message>
</context>
<context>
    <name>OsError</name>
    <message>
        <source>no such file or folder</source>
        <translation>そのファイルまたはフォルダーはありません</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>アクセスが許可されていません</translation>
    </message>
    <message>
        <source>the operation is not permitted</source>
        <translation>その操作は許可されていません</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>フォルダーです</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>パスの途中がフォルダーではありません</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>ファイルシステムが読み取り専用です</translation>
    </message>
    <message>
        <source>it already exists</source>
        <translation>すでに存在します</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名前が長すぎます</translation>
    </message>
    <message>
        <source>it is in use</source>
        <translation>使用中です</translation>
    </message>
    <message>
        <source>it is on another file system</source>
        <translation>別のファイルシステムにあります</translation>
    </message>
    <message>
        <source>too many symbolic links</source>
        <translation>シンボリックリンクが多すぎます</translation>
    </message>
    <message>
        <source>an input/output error</source>
        <translation>入出力エラーが発生しました</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>must be true or false</source>
        <translation>true か false を指定してください</translation>
    </message>
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
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>保存版 %n 件</numerusform>
        </translation>
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
The page&apos;s text changed since it was archived.</source>
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
    <name>Paths</name>
    <message>
        <source>Data folder</source>
        <translation>データフォルダー</translation>
    </message>
    <message>
        <source>cannot create {path}: {reason}</source>
        <translation>{path} を作成できません: {reason}</translation>
    </message>
    <message>
        <source>{path} is not writable</source>
        <translation>{path} に書き込めません</translation>
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
        <source>backing off after {n} {n:?failure|failures} until {until} UTC</source>
        <translation>{n} 回続けて失敗したため、{until}（UTC）まで間隔を空けています</translation>
    </message>
    <message>
        <source>unknown source kind &apos;{kind}&apos;</source>
        <translation>情報源の種類「{kind}」には対応していません</translation>
    </message>
    <message>
        <source>could not read the answer ({error})</source>
        <translation>応答を読めませんでした（{error}）</translation>
    </message>
    <message>
        <source>could not store what it sent ({error})</source>
        <translation>受け取った内容を保存できませんでした（{error}）</translation>
    </message>
</context>
<context>
    <name>Proxy</name>
    <message>
        <source>Use the system&apos;s proxy settings</source>
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
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QuietHours</name>
    <message>
        <source>&amp;Hold notifications from</source>
        <translation>通知を保留する(&amp;H)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
</context>
<context>
    <name>Rhythm</name>
    <message>
        <source>&apos;{value}&apos; is not a time of day like 08:30</source>
        <translation>「{value}」は 08:30 のような時刻ではありません</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time zone like Asia/Tokyo</source>
        <translation>「{value}」は Asia/Tokyo のようなタイムゾーンではありません</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not daily, weekdays or a list of days like [&quot;mon&quot;, &quot;thu&quot;]</source>
        <translation>「{value}」は daily、weekdays、または [&quot;mon&quot;, &quot;thu&quot;] のような曜日のリストではありません</translation>
    </message>
    <message>
        <source>needs a list of times like [&quot;08:30&quot;]</source>
        <translation>[&quot;08:30&quot;] のような時刻のリストが必要です</translation>
    </message>
    <message>
        <source>must be an object with times, tz and days</source>
        <translation>times、tz、days を持つオブジェクトにしてください</translation>
    </message>
    <message>
        <source>every {minutes} min (fixed)</source>
        <translation>{minutes}分ごと（固定）</translation>
    </message>
    <message>
        <source>learning: checked every {minutes} min until it has published</source>
        <translation>学習中：記事が出るまで{minutes}分ごとに確認</translation>
    </message>
    <message>
        <source>every {every}</source>
        <translation>{every}ごと</translation>
    </message>
    <message>
        <source>every {fast} from {start} to {end} ({zone}), every {slow} otherwise</source>
        <translation>{start}〜{end}（{zone}）は{fast}ごと、それ以外は{slow}ごと</translation>
    </message>
    <message>
        <source>every {fast} from {start} to {end} on weekdays ({zone}), every {slow} otherwise</source>
        <translation>平日の{start}〜{end}（{zone}）は{fast}ごと、それ以外は{slow}ごと</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>1時間</translation>
    </message>
    <message>
        <source>{rhythm}; every 15 s around {times}</source>
        <translation>{rhythm}。{times} の前後は15秒ごと</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n}分</translation>
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
    <name>Server</name>
    <message>
        <source>Team database ready at {url} (schema {version}); roles stakewatch_reader and stakewatch_editor.</source>
        <translation>{url} のチームデータベースの準備ができました（スキーマ {version}）。ロール stakewatch_reader と stakewatch_editor があります。</translation>
    </message>
    <message>
        <source>Copied from {folder}: {watchlists} {watchlists:?watchlist|watchlists}, {sources} {sources:?source|sources}, {alerts} {alerts:?alert|alerts}.</source>
        <translation>{folder} からコピーしました: ウォッチリスト {watchlists} 件、ソース {sources} 件、アラート {alerts} 件。</translation>
    </message>
    <message>
        <source>Password for {name}: </source>
        <translation>{name} のパスワード: </translation>
    </message>
    <message>
        <source>{name} may now sign in as {role}.</source>
        <translation>{name} は {role} としてログインできるようになりました。</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>チームサーバー</translation>
    </message>
    <message>
        <source>there is no Stakewatch database in {folder}</source>
        <translation>{folder} に Stakewatch のデータベースがありません</translation>
    </message>
    <message>
        <source>add-user works on a team database: give --server URL (or STAKEWATCH_SERVER)</source>
        <translation>add-user はチームデータベースに対して使います: --server URL（または STAKEWATCH_SERVER）を指定してください</translation>
    </message>
    <message>
        <source>Another poller holds this team database; waiting to take over.</source>
        <translation>別の取得プロセスがこのチームデータベースを担当しています。引き継ぎを待っています。</translation>
    </message>
    <message>
        <source>Polling the team database {url} ({sources} {sources:?source|sources}).</source>
        <translation>チームデータベース {url} のために取得しています（ソース {sources} 件）。</translation>
    </message>
    <message>
        <source>Lost the team database&apos;s poller lock; waiting to take it again.</source>
        <translation>チームデータベースの取得ロックを失いました。再び取得できるのを待っています。</translation>
    </message>
    <message>
        <source>this folder works on the team database {url}, whose server polls: &apos;stakewatch watch&apos; shows what it finds</source>
        <translation>このフォルダーはチームデータベース {url} を使っており、取得はサーバーが行います: 見つかったものは &apos;stakewatch watch&apos; で表示できます</translation>
    </message>
    <message>
        <source>Watching the team database {url} as {user}; new alerts appear here.</source>
        <translation>チームデータベース {url} を {user} として見ています。新しいアラートはここに表示されます。</translation>
    </message>
    <message>
        <source>The team server cannot be reached; showing what was read before, trying again.</source>
        <translation>チームサーバーに接続できません。これまでに読んだ内容を表示し、再接続を試みています。</translation>
    </message>
    <message>
        <source>The team server answers again; catching up.</source>
        <translation>チームサーバーが再び応答しました。見逃した分を読み込んでいます。</translation>
    </message>
    <message>
        <source>{url} holds no Stakewatch database yet: its administrator makes one with &apos;stakewatch server init URL&apos;</source>
        <translation>{url} にはまだ Stakewatch のデータベースがありません: 管理者が &apos;stakewatch server init URL&apos; で作成します</translation>
    </message>
    <message>
        <source>the team database at {url} is older (schema {version}) than this Stakewatch (schema {known}): its administrator upgrades it with &apos;stakewatch server init URL&apos;</source>
        <translation>{url} のチームデータベース（スキーマ {version}）はこの Stakewatch（スキーマ {known}）より古いものです: 管理者が &apos;stakewatch server init URL&apos; で更新します</translation>
    </message>
    <message>
        <source>the team database at {url} was made by a newer Stakewatch (schema {version}, this one knows {known})</source>
        <translation>{url} のチームデータベースは新しい Stakewatch で作成されています（スキーマ {version}、このバージョンは {known} まで）</translation>
    </message>
    <message>
        <source>the team database at {url} already holds watchlists or alerts: copy a desk into a new, empty one</source>
        <translation>{url} のチームデータベースにはすでにウォッチリストかアラートがあります: デスクのコピーは新しい空のデータベースに行ってください</translation>
    </message>
    <message>
        <source>{name!r} cannot name a role: use letters, digits and _ (at most 63)</source>
        <translation>{name!r} はロール名に使えません: 英字、数字、_ を使ってください（63 文字まで）</translation>
    </message>
    <message>
        <source>the role must be reader or editor, not {role!r}</source>
        <translation>ロールは reader か editor です（{role!r} ではありません）</translation>
    </message>
    <message>
        <source>give the new user&apos;s password on standard input</source>
        <translation>新しいユーザーのパスワードを標準入力から渡してください</translation>
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
        <source>{summary} {backfill}.</source>
        <translation>{summary} {backfill}。</translation>
    </message>
    <message>
        <source>Loaded the default watchlist (Japan AI &amp; IP).</source>
        <translation>既定のウォッチリスト（日本の AI・知的財産）を読み込みました。</translation>
    </message>
    <message>
        <source>nothing here can draw a PDF (it needs Qt, PySide6)</source>
        <translation>ここには PDF を描画できるものがありません（Qt と PySide6 が必要です）</translation>
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
        <source>must be on or off</source>
        <translation>on か off で指定してください</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>this many at once become one digest</source>
        <translation>同時にこの件数以上届いたら 1 件のまとめ通知にします</translation>
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
        <source>hold alerts, e.g. 22:00-07:00 (priority breaks through)</source>
        <translation>おやすみ時間（例: 22:00-07:00。優先の対象は通知します）</translation>
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
        <source>Watch statement pages for edits for</source>
        <translation>発言ページの修正・削除を監視する期間</translation>
    </message>
    <message>
        <source>days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Full-text pages per source and check</source>
        <translation>1 回の確認で本文を取得するページ数（情報源ごと）</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>件まで</translation>
    </message>
    <message>
        <source>Archive coverage pages too</source>
        <translation>報道のページも保存する</translation>
    </message>
    <message>
        <source>Also keep archived pages as WARC files</source>
        <translation>保存したページを WARC ファイルでも残す</translation>
    </message>
    <message>
        <source>Write each watchlist as an Atom feed</source>
        <translation>ウォッチリストごとに Atom フィードを書き出す</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>seconds between two requests to one site (one at a time)</source>
        <translation>同じサイトへの2つの要求の間隔（秒、同時に1つまで）</translation>
    </message>
    <message>
        <source>Wait between downloads from one site</source>
        <translation>同じサイトからのダウンロードの間隔</translation>
    </message>
    <message>
        <source>requests at once in all</source>
        <translation>全体の同時接続数</translation>
    </message>
    <message>
        <source>Downloads at once in all</source>
        <translation>全体の同時ダウンロード数</translation>
    </message>
    <message>
        <source>seconds to connect</source>
        <translation>接続を待つ秒数</translation>
    </message>
    <message>
        <source>Give up connecting after</source>
        <translation>接続をあきらめるまで</translation>
    </message>
    <message>
        <source>seconds to wait for each piece of an answer</source>
        <translation>応答の各部分を待つ秒数</translation>
    </message>
    <message>
        <source>Give up on a silent site after</source>
        <translation>応答のないサイトをあきらめるまで</translation>
    </message>
    <message>
        <source>seconds for a whole request</source>
        <translation>1 回の取得にかける上限の秒数</translation>
    </message>
    <message>
        <source>Give up on any download after</source>
        <translation>ダウンロード全体の上限時間</translation>
    </message>
    <message>
        <source>largest answer accepted, in MiB</source>
        <translation>受け付ける応答の上限（MiB）</translation>
    </message>
    <message>
        <source>Refuse downloads larger than</source>
        <translation>受け付けないダウンロードの大きさ</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>seconds a channel message may take to send in all, answer included</source>
        <translation>チャンネルへのメッセージ送信に、応答を含めて全体で許す秒数</translation>
    </message>
    <message>
        <source>Give up sending a channel message after</source>
        <translation>チャンネルへの送信をあきらめるまで</translation>
    </message>
    <message>
        <source>system, none, or a proxy address</source>
        <translation>system、none、またはプロキシのアドレス</translation>
    </message>
    <message>
        <source>days items are kept (alerts always are); 0 keeps all</source>
        <translation>記事を保存する日数（アラートは常に保存。0 で無期限）</translation>
    </message>
    <message>
        <source>days a statement page is re-checked for edits and removal</source>
        <translation>発言ページの修正・削除を確認し続ける日数</translation>
    </message>
    <message>
        <source>pages a full-text source may fetch per cycle</source>
        <translation>本文を取得する情報源が 1 回の巡回で取得するページ数の上限</translation>
    </message>
    <message>
        <source>archive the pages of coverage too (on/off)</source>
        <translation>報道のページも保存する（on/off）</translation>
    </message>
    <message>
        <source>also write each snapshot as a WARC record in the data folder (on/off)</source>
        <translation>保存したページをデータフォルダーに WARC 形式でも書き出す（on/off）</translation>
    </message>
    <message>
        <source>write each watchlist as an Atom feed in the data folder&apos;s feeds/</source>
        <translation>各ウォッチリストをデータフォルダーの feeds/ に Atom フィードとして書き出す</translation>
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
        <source>Team ser&amp;ver…</source>
        <translation>チームサーバー(&amp;V)…</translation>
    </message>
    <message>
        <source>{}: type the proxy&apos;s address, e.g. http://proxy.example.org:8080</source>
        <translation>{}: プロキシのアドレスを入力してください（例: http://proxy.example.org:8080）</translation>
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
        <source>Wrote {path} ({size} bytes): the page as fetched {fetched}, made inert (no scripts, frames or remote loads).</source>
        <translation>{path} を書き出しました（{size} バイト）: {fetched} に取得したページを無害化したものです（スクリプト・フレーム・外部読み込みなし）。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an alert number (see alerts --json)</source>
        <translation>&apos;{value}&apos; はアラート番号ではありません（alerts --json で確認できます）</translation>
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
        <source>The entity whose own blog or account this is: every item is its statement</source>
        <translation>本人のブログやアカウントの場合、その対象名（すべての項目が本人の発言になります）</translation>
    </message>
    <message>
        <source>Tick the entities whose own statements this source carries</source>
        <translation>この情報源が本人の発言を載せる対象にチェックを付けてください</translation>
    </message>
    <message>
        <source>U&amp;se this feed</source>
        <translation>このフィードを使う(&amp;S)</translation>
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
        <source>Name of a secret in the keyring, if the source needs one</source>
        <translation>必要な場合、キーリング内の秘密情報の名前</translation>
    </message>
    <message>
        <source>Typed here, kept only in the system keyring</source>
        <translation>ここに入力した値はシステムのキーリングにのみ保存されます</translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation>アドレス(&amp;R)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Save source</source>
        <translation>情報源を保存</translation>
    </message>
    <message>
        <source>its own rhythm</source>
        <translation>ソースの更新リズムに合わせる</translation>
    </message>
    <message>
        <source>Ena&amp;bled</source>
        <translation>有効(&amp;B)</translation>
    </message>
    <message>
        <source>Find feeds &amp;on this page</source>
        <translation>このページのフィードを探す(&amp;O)</translation>
    </message>
    <message>
        <source>Preview what this source &amp;gives</source>
        <translation>この情報源の内容をプレビュー(&amp;G)</translation>
    </message>
    <message>
        <source>Save to &amp;keyring</source>
        <translation>キーリングに保存(&amp;K)</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>名前(&amp;M)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Search preset</source>
        <translation>検索プリセット</translation>
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
    <name>SourceKind</name>
    <message>
        <source>feed</source>
        <translation>フィード</translation>
    </message>
    <message>
        <source>web page</source>
        <translation>Web ページ</translation>
    </message>
    <message>
        <source>news search</source>
        <translation>ニュース検索</translation>
    </message>
    <message>
        <source>Diet record</source>
        <translation>国会会議録</translation>
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
        <source>the desktop cannot show Stakewatch&apos;s windows: {reason}</source>
        <translation>デスクトップに Stakewatch のウィンドウを表示できません: {reason}</translation>
    </message>
    <message>
        <source>Qt&apos;s display plugin needs libraries that are not installed: {libraries}</source>
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
        <source>Alerts</source>
        <translation>アラート</translation>
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
<context>
    <name>Tasks</name>
    <message>
        <source>unexpected error: {error}</source>
        <translation>予期しないエラー: {error}</translation>
    </message>
</context>
<context>
    <name>TeamServer</name>
    <message>
        <source>Team server</source>
        <translation>チームサーバー</translation>
    </message>
    <message>
        <source>Address of the team database (postgresql://user@host/database; empty: this computer polls on its own). The password comes from PGPASSWORD, ~/.pgpass or the keyring.</source>
        <translation>チームデータベースのアドレス（postgresql://user@host/database。空欄にすると、このコンピューターが自分で取得します）。パスワードは PGPASSWORD、~/.pgpass、またはキーリングから読み込みます。</translation>
    </message>
    <message>
        <source>“{}” is not a team database address: it starts with postgresql://</source>
        <translation>「{}」はチームデータベースのアドレスではありません。アドレスは postgresql:// で始まります</translation>
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
        <source>Reset demo…</source>
        <translation>デモをリセット…</translation>
    </message>
    <message>
        <source>Quit Stakewatch</source>
        <translation>Stakewatch を終了</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
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
    <name>WatchlistForm</name>
    <message>
        <source>Muted: &amp;keep its alerts, no notifications</source>
        <translation>ミュート: アラートは残し、通知しない(&amp;K)</translation>
    </message>
    <message>
        <source>Save watchlist</source>
        <translation>ウォッチリストを保存</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>名前(&amp;M)</translation>
    </message>
    <message numerus="yes">
        <source>%n entity(ies)</source>
        <translation>
            <numerusform>対象 %n 件</numerusform>
        </translation>
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
