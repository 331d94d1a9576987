# 日本語。レコードタイプ、TTL、「Proxied」は DNS の管理画面の表記のままにします。

## The page

skip = 本文へ移動
loading-request = リクエストを読み込んでいます…
not-found = 見つかりません
not-found-body = このアドレスにページはありません。Domain Connect の適用 URL ではありません。
home = ホーム
punycode = Punycode
nothing-changed = 何も変更されていません。
diagnostic = サポート用の診断情報
config-problem = 設定を使用できません
config-problem-body = 修正されるまで、DNS プロバイダーからの読み取りも書き込みも行いません。

## When the request cannot be shown

problem-link-invalid = このリンクは有効な Domain Connect リクエストではありません
problem-not-supported = この DNS プロバイダーは { $provider } の { $service } にまだ対応していません
problem-template-unreadable = サービスのテンプレートを読み込めません
problem-zone-unreadable = ドメインのレコードを読み込めません
problem-config-unusable = DNS プロバイダーの設定を使用できません
advice-start-again = ここへ案内したサービスに戻り、設定を最初からやり直してください。再び起きる場合は、下の診断情報をそのサービスのサポートに送ってください。
advice-try-later = しばらくしてからもう一度お試しください。失敗が続く場合は、下の診断情報を DNS プロバイダーのサポートに送ってください。
advice-not-supported = ドメインを接続する別の方法をサービスに問い合わせるか、必要なレコードを DNS プロバイダーの管理画面で手動で追加してください。

## Signing in to the records API

credential-title = DNS プロバイダーにサインイン
credential-intro = このページにはドメインのレコードへのアクセスが必要です。DNS プロバイダーの管理画面から開いた場合はアクセス権が自動で渡されます。そうでない場合は API トークンを入力してください。
credential-refused = このページに渡されたアクセス権を DNS プロバイダーが拒否しました。有効期限が切れている可能性があります。何も読み取り・変更していません。新しいアクセス権を待っています。
credential-token = API トークン
credential-keep = このタブで保持する
continue = 続行
credential-why = トークンはこのページ内(指定した場合はこのタブ内)にのみ保持され、アドレス、ログ、ダウンロードに含まれることはありません。

## Who asks for what

lead = { $provider } が { $domain } に { $service } を設定しようとしています
lead-host = { $provider } が { $domain } のホスト { $host } に { $service } を設定しようとしています
note-template-names = テンプレート: { $provider } / { $service }({ $ids })
note-service-labels = { $labels }: アンダースコアで始まる名前は、ウェブサイトではなくサービスの設定(メール認証、証明書など)を保持します。
note-groups = テンプレートのうち、次の部分だけが適用されます(groupId): { $groups }。
key-in-config = このページの config.json にはレコード API のキーが含まれているため、このページを開ける人は誰でもキーを読めます。これはこのマシンでのテスト専用です。キーは管理画面から渡してください。
already-set-up = { $service } は { $domain } に設定済みです。何も変更されません。

## The signature and the refusals

sig-valid = { $provider } による署名: 署名は有効です(キー { $key })。
sig-invalid = 署名が有効ではありません: { $reason }。
sig-required = 署名が必要です: { $reason }。
sig-not-used = このテンプレートは署名を使用しません。
phishing = このリクエストを確認してください。値はリンクの作成者が選んだもので、検証済みの署名による裏付けがありません。{ $service } でご自身がこの設定を始めた場合にのみ適用してください。
cannot-apply = このリクエストは適用できません:
refusal-signature = 署名が有効ではありません(上記参照)
refusal-sync-block = このテンプレートはリンクから適用できません(syncBlock)
refusal-host-required = このテンプレートはホストに適用する必要がありますが、リンクにホストがありません(hostRequired)
refusal-key-unavailable = { $host } のキーを読み取れませんでした: { $reason }
refusal-template-mismatch = リンクはテンプレート { $asked } を指定していますが、確認したテンプレートは { $reviewed } です
refusal-control-character = パラメーター { $parameter } の { $position } 文字目に制御文字 { $character } が含まれています
refusal-redirect = 戻り先アドレス { $uri } は使用できません: { $reason }
refusal-apply = テンプレートを適用できません: { $error }

## How this was checked

how-checked = 確認の方法
signed-bytes = 署名されたバイト列:
searching-signed = 署名された内容を探しています…
search-no-answer = 検索の結果、答えは見つかりませんでした。
search-failed = 署名された内容をここで検索できません: { $error }。
what-verifies = 有効となるもの:
sources = テンプレートの取得元: { $template }。ゾーンの取得元: { $zone }。
return-none = redirect_uri はありません。完了するとウィンドウが閉じます。
return-allowed = { $uri } に戻ります({ $because })。
return-refused = { $uri } には戻りません: { $reason }。
unused-parameters = テンプレートが使用しないパラメーター: { $list }
missing-variables = リンクが指定していない変数: { $list }
ignored = 無視: { $what }

## The records

changes-summary = 追加 { $add } 件、削除 { $remove } 件、既存 { $present } 件、変更のないその他のレコード { $others } 件
changes-caption = このテンプレートが変更するレコード
col-change = 変更
col-type = タイプ
col-name = 名前
col-data = データ
col-ttl = TTL
col-why = 理由
col-proxy = プロキシ
label-added = 追加
label-removed = 削除
label-kept = 維持
data-priority = 優先度 { $priority }
data-weight-port = 重み { $weight } ポート { $port }
why-rewritten = 既存: 同じ内容で書き直します
why-spf-merged = SPF ルールを既存の SPF レコードに統合
why-kept = テンプレートの指定どおり既に存在します
by-new-record = { $name } の新しい { $type } レコード
why-cname = CNAME の競合: CNAME は同じ名前のほかのレコードと共存できません({ $by })
why-same-type = { $by } に置き換えられます
why-srv = { $by } に置き換えられます(新しい SRV は同じ名前のすべての SRV レコードを置き換えます)
why-txt-all = { $by } に置き換えられます(txtConflictMatchingMode All)
why-txt-prefix = { $by } に置き換えられます: テキストが「{ $prefix }」で始まります(txtConflictMatchingMode Prefix)
why-spf = SPF ルールを { $by } に統合し、この SPF レコードを置き換えます
why-ns-delegation = { $by } がこの名前をほかへ委任します
why-ns-above = この委任により { $by } が隠れてしまいます
why-redirect = リダイレクト { $by } に置き換えられます
why-previous = ホスト「{ $host }」での { $template } の以前の適用。今回の適用に置き換えられます
why-cascade = { $template } の以前の適用の一部。その必須レコード { $record } が削除されます
show-other = 残りの { $count } 件のレコードを表示
unchanged-count = 変更のないレコード { $count } 件
show-more = さらに { $count } 件を表示(未表示 { $rest } 件)
proxied = Proxied
dns-only = DNS only
proxy-label = { $type } { $name } のプロキシ
proxy-mixed = { $name }: プロキシありとなしのレコードが同じ名前になるため、訪問者の一部はプロキシに、一部はサーバーに直接つながります
proxy-unreachable = { $name }: プロキシ対象のレコードが { $address }({ $kind } アドレス)を指しています。プロキシはインターネットからこのアドレスに到達できません

## What a change breaks

stops = これにより { $service } が停止します。
stops-one-of = これにより次のいずれかのサービスが停止します: { $services }。
one-of = { $service } のいずれか
disables = 接続すると無効になるもの:
disables-used-for = 削除されるレコードの用途: { $uses }。
concern-mail = メール
concern-verification = ドメインの所有確認
concern-essential = それらを必須としているサービス
concern-other = サービス

## Connect, Cancel and after

connect = 接続
cancel = キャンセル
connect-why = このリクエストは適用できないため、接続できません(上記参照)。
applying = 変更を適用しています…
done-applied = 完了: 変更を適用しました({ $at })。
done-already = 完了: ドメインのレコードには既にこれらの変更が含まれています({ $at })。
returning = { $to } に戻ります…
close-window = このウィンドウを閉じてかまいません。
request-sent = 送信したリクエスト
cancelled-returning = キャンセルしました。{ $to } に戻ります…
cancelled-close = キャンセルしました。何も変更していません。このウィンドウを閉じてかまいません。
return-to-service = サービスに戻る
done = 完了
failed-not-applied = 変更は適用されませんでした。
failed-zone-changed = このページが読み込んだ後にドメインのレコードが変更されたため、何も適用していません。ページを再読み込みして、現在のレコードに対する変更を確認してください。
failed-unknown = 変更が適用されたかどうかはわかりません。
failed-nothing-changed = 何も変更していません。
failed-check-dashboard = もう一度試す前に、DNS プロバイダーの管理画面でドメインのレコードを確認してください。
zone-gone = 消えたレコード: { $record }
zone-new = 新しいレコード: { $record }
save-change = この変更を保存:
download-json = JSON 形式
download-bind = ゾーンファイル形式のテキスト
download-request = 送信したリクエスト(変更前後のゾーンを含む。キーは含みません)
undo = 元に戻す
undone = 元に戻しました。レコードは接続前の状態です。
note-already-made = 接続時にドメインのレコードを読み直したところ、これらの変更は既に行われていました(別のタブやウィンドウからかもしれません)。そのため何も送信していません。
note-answer-lost = 応答は失われました({ $failure })が、ゾーンを読み直すとすべての変更が反映されています。
sandbox-provider = サンドボックス プロバイダー(このブラウザーのストレージ)

## Checking the records over DNS

verify-new = 新しいレコードが応答するか確認しています
verify-earlier = 以前のレコードが再び応答するか確認しています
verify-progress = 期待どおりに応答しているレコード
verify-seen = 期待どおりに応答
verify-waiting = 待機中…
verify-unseen = まだ見えません
verify-not-checked = 確認していません: { $why }
verify-checking = { $total } 件中 { $count } 件が応答。再度問い合わせています({ $rounds } 回中 { $round } 回目)…
verify-done = { $total } 件すべてのレコードが期待どおりに応答しています。
verify-not-yet = これまでに { $total } 件中 { $count } 件が期待どおりに応答しました。残りはまだ見えません。DNS の応答が変わるまで数分かかることがあります。操作は必要ありません。
verify-unavailable = レコードを確認できませんでした: { $why }
