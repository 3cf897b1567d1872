"""Fills stakewatch_ja.ts with the Japanese interface text; run after pyside6-lupdate, then pyside6-lrelease."""
import re
import sys
from xml.sax.saxutils import escape

JA = {
 " min": " 分", "%n alert(s)": "%n 件のアラート", "%n new alert(s)": "新着アラート %n 件", "%n source(s) failing": "%n 件の情報源で障害",
 "A feed address, or any web page: Find feeds looks for its feeds": "フィードのアドレス、または任意のウェブページ（「フィードを探す」で検出）",
 "Address": "アドレス", "Alerts": "アラート", "Aliases": "別名", "All entities": "すべての対象", "All sources": "すべての情報源",
 "All watchlists": "すべてのウォッチリスト", "Briefing saved: {} ({} pages, {} alerts).": "ブリーフィングを保存しました: {}（{} ページ、{} 件）",
 "Check every": "確認間隔", "Checking {} now": "{} を今すぐ確認しています", "Choose a watchlist, an entity or a source on the left.": "左からウォッチリスト、対象、または情報源を選んでください。",
 "Choose…": "選択…", "Context": "文脈語", "Copy link": "リンクをコピー", "Coverage": "報道", "Delete": "削除", "Deleted {}": "{} を削除しました",
 "Disable": "無効にする", "Double-click a feed to use it": "使うフィードをダブルクリックしてください", "Edit watchlists…": "ウォッチリストを編集…",
 "Enable": "有効にする", "Enabled": "有効", "Entities whose own statements this source carries, comma-separated": "この情報源が本人の発言を載せる対象（カンマ区切り）",
 "Exclude": "除外語", "Export briefing": "ブリーフィングを書き出す", "Export briefing…": "ブリーフィングを書き出す…", "Export watchlists": "ウォッチリストを書き出す",
 "Export watchlists…": "ウォッチリストを書き出す…", "Exported to {}.": "{} に書き出しました。", "Export…": "書き出し…", "Find feeds on this page": "このページのフィードを探す",
 "For 1 hour": "1 時間", "Import refused": "読み込みを拒否しました", "Import watchlists": "ウォッチリストを読み込む", "Import watchlists…": "ウォッチリストを読み込む…",
 "Imported {} watchlist(s), {} entities and {} source(s).": "ウォッチリスト {} 件、対象 {} 件、情報源 {} 件を読み込みました。", "Import…": "読み込み…",
 "Kind": "種別", "Latest alerts": "最新のアラート", "Link copied": "リンクをコピーしました", "Looking for feeds on {}…": "{} のフィードを探しています…",
 "Make a watchlist first": "先にウォッチリストを作成してください", "Mark read": "既読にする", "Mark unread": "未読にする", "Matched words": "一致した語",
 "Mute entity": "この対象をミュート", "Muted: keep alerts, no notifications": "ミュート: アラートは残し、通知しない", "Name": "名前", "New entity": "新しい対象",
 "New source": "新しい情報源", "New watchlist": "新しいウォッチリスト", "No alert selected": "アラートが選択されていません", "No alerts yet": "まだアラートはありません",
 "No feed found: {}": "フィードが見つかりません: {}", "Official for": "公式発言の対象", "Open inbox": "受信箱を開く", "Open original": "元の記事を開く",
 "Open the PDF when it is ready": "完成したら PDF を開く", "PDF (*.pdf)": "PDF (*.pdf)", "Paper": "用紙", "Pause alerts": "通知を一時停止", "Period": "期間",
 "Priority: notify even in quiet hours": "優先: 静かな時間帯でも通知する", "Quit Stakewatch": "Stakewatch を終了", "Refresh now": "今すぐ更新", "Restored {}": "{} を元に戻しました",
 "Resume": "再開", "Retry now": "今すぐ再試行", "Save as": "保存先", "Save briefing": "ブリーフィングを保存", "Save entity": "対象を保存", "Save source": "情報源を保存",
 "Saved {}": "{} を保存しました", "Search titles and text (Ctrl+F)": "見出しと本文を検索 (Ctrl+F)", "Settings…": "設定…", "Since": "開始日", "Source": "情報源",
 "Source health": "情報源の状態", "Sources": "情報源", "Stakewatch": "Stakewatch", "Stakewatch settings": "Stakewatch の設定", "Start Stakewatch when I log in": "ログイン時に Stakewatch を起動する",
 "Statements": "発言", "Statements and coverage": "発言と報道", "Statements only (leave out coverage)": "発言のみ（報道を除く）", "Stored item that would match": "一致する保存済み記事",
 "Test against stored items": "保存済みの記事で試す",
 "This desktop has no system tray: Stakewatch runs in this window. Closing it keeps Stakewatch running until you quit.": "このデスクトップにはシステムトレイがありません。Stakewatch はこのウィンドウで動作します。閉じても終了するまで動き続けます。",
 "Undo delete": "削除を取り消す", "Undo delete of {}": "{} の削除を取り消す", "Unread only": "未読のみ", "Until tomorrow": "明日まで", "Watchlist": "ウォッチリスト",
 "Watchlist JSON (*.json);;Feeds as OPML (*.opml)": "ウォッチリスト JSON (*.json);;フィード OPML (*.opml)", "Watchlists": "ウォッチリスト",
 "Watchlists (*.json *.opml *.xml);;All files (*)": "ウォッチリスト (*.json *.opml *.xml);;すべてのファイル (*)", "demo": "デモ", "paused until {}": "{} まで一時停止中",
 "{} muted: its alerts fill the inbox without notifications": "{} をミュートしました: アラートは通知なしで受信箱に入ります",
 "{} of the {} most recent stored items match": "最近の保存済み記事 {} 件中 {} 件が一致", "never": "なし", "Carried by": "掲載元",
 # strings passed to tr() through variables
 "Published": "公開日時", "Entity": "対象", "Title": "見出し", "Status": "状態", "Last success": "最終成功", "Failures": "失敗回数", "Last error": "最後のエラー",
 "Next check": "次回確認", "Quiet hours": "静かな時間帯", "Digest from": "まとめ通知の件数", "Requests per host": "ホームあたりの同時要求",
 "Requests at once": "同時要求数", "Connect timeout (s)": "接続タイムアウト（秒）", "Read timeout (s)": "読み取りタイムアウト（秒）", "Request deadline (s)": "要求の期限（秒）",
 "Largest answer (MiB)": "最大応答サイズ（MiB）", "Proxy": "プロキシ", "Last 24 hours": "過去 24 時間", "Last 7 days": "過去 7 日間", "Last 30 days": "過去 30 日間",
 "Since a date": "指定日以降",
 "One alias per line: other spellings, the name in other scripts": "1 行に 1 つ: 別の表記、他の文字での名前",
 "One per line; if any are given, one must appear": "1 行に 1 つ: 指定した場合、いずれかが含まれる必要があります",
 "One per line; an item with any of these is not a match": "1 行に 1 つ: いずれかを含む記事は一致としません",
}
JA["Requests per host"] = "ホストあたりの同時要求"
JA.update({
 "From": "期間", "to": "〜", "Copy diagnostics": "診断情報をコピー", "Diagnostics copied to the clipboard": "診断情報をクリップボードにコピーしました",
 "About Stakewatch": "Stakewatch について",
 "Stored the secret {} in the keyring": "秘密情報 {} をキーリングに保存しました", "Fetching {}…": "{} を取得しています…",
 "Nothing to show: {}": "表示できる項目がありません: {}", "Choose a preset…": "プリセットを選択…",
 "Entities to search for, comma-separated (all when empty)": "検索する対象（カンマ区切り、空欄ならすべて）",
 "Preview what this source gives": "この情報源の内容をプレビュー", "Name of a secret in the keyring, if the source needs one": "必要な場合、キーリング内の秘密情報の名前",
 "Typed here, kept only in the system keyring": "ここに入力した値はシステムのキーリングにのみ保存されます", "Save to keyring": "キーリングに保存",
 "Search preset": "検索プリセット", "Search for": "検索対象", "Language": "言語", "Region": "地域", "Credential": "認証情報",
 "Authentication": "認証方式", "User name": "ユーザー名", "Header": "ヘッダー", "Secret": "秘密情報",
 "CSS selector of each item, e.g. ul.press li": "各項目の CSS セレクタ（例: ul.press li）", "within an item; a": "項目内（既定: a）",
 "within an item; optional": "項目内（省略可）", "Items": "項目", "Link": "リンク", "Date": "日付",
})
EXTRA = {"InboxModel": ["Published", "Kind", "Entity", "Title", "Source"],
         "HealthView": ["Source", "Status", "Last success", "Failures", "Last error", "Next check"],
         "SettingsDialog": ["Quiet hours", "Digest from", "Requests per host", "Requests at once", "Connect timeout (s)",
                            "Read timeout (s)", "Request deadline (s)", "Largest answer (MiB)", "Proxy"],
         "BriefingDialog": ["Last 24 hours", "Last 7 days", "Last 30 days", "Since a date"],
         "SourceForm": ["CSS selector of each item, e.g. ul.press li", "within an item; a", "within an item; optional",
                        "Items", "Link", "Title", "Date"],
         "EntityForm": ["One alias per line: other spellings, the name in other scripts",
                        "One per line; if any are given, one must appear",
                        "One per line; an item with any of these is not a match"]}
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = re.sub(r"\s*<message[^>]*>(?:(?!</message>).)*type=\"(?:vanished|obsolete)\"(?:(?!</message>).)*</message>", "",
              text, flags=re.S)
def fill(match):
    body = match.group(0)
    source = re.search(r"<source>(.*?)</source>", body, re.S).group(1)
    from html import unescape
    plain = unescape(source)
    if plain not in JA:
        print("missing:", plain, file=sys.stderr); return body
    target = escape(JA[plain])
    if 'numerus="yes"' in body:
        return re.sub(r'<translation type="unfinished">\s*<numerusform></numerusform>\s*</translation>',
                      f"<translation><numerusform>{target}</numerusform></translation>", body)
    return re.sub(r'<translation type="unfinished"></translation>', f"<translation>{target}</translation>", body)
text = re.sub(r"<message[^>]*>.*?</message>", fill, text, flags=re.S)
for context, sources in EXTRA.items():
    block = "".join(f"    <message>\n        <source>{escape(s)}</source>\n        <translation>{escape(JA[s])}</translation>\n    </message>\n" for s in sources)
    if f"<name>{context}</name>" in text:
        text = text.replace(f"<name>{context}</name>\n", f"<name>{context}</name>\n{block}", 1)
    else:
        text = text.replace("</TS>", f"<context>\n    <name>{context}</name>\n{block}</context>\n</TS>")
open(path, "w", encoding="utf-8").write(text)
