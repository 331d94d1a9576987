# العربية. تبقى أنواع السجلات وTTL و"Proxied" كما تكتبها لوحات تحكم DNS.

## The page

skip = انتقل إلى المحتوى
loading-request = جارٍ تحميل الطلب…
not-found = غير موجود
not-found-body = لا توجد صفحة هنا: هذا العنوان ليس عنوان URL لتطبيق Domain Connect.
home = الرئيسية
punycode = Punycode
nothing-changed = لم يتم تغيير أي شيء.
diagnostic = معلومات تشخيصية للدعم الفني
config-problem = لا يمكن استخدام الإعدادات
config-problem-body = لن تتم قراءة أي شيء من مزوّد DNS أو كتابته لديه حتى يتم إصلاحها.

## When the request cannot be shown

problem-link-invalid = هذا الرابط ليس طلب Domain Connect صالحًا
problem-not-supported = لا يدعم مزوّد DNS هذا خدمة { $service } من { $provider } بعد
problem-template-unreadable = لا يمكن قراءة قالب الخدمة
problem-zone-unreadable = لا يمكن قراءة سجلات نطاقك
problem-config-unusable = لا يمكن استخدام إعدادات مزوّد DNS
advice-start-again = ارجع إلى الخدمة التي أرسلتك إلى هنا وابدأ الإعداد من جديد. إذا تكرر ذلك، فأرسل المعلومات التشخيصية أدناه إلى دعمها الفني.
advice-try-later = حاول مرة أخرى بعد قليل. إذا استمر الفشل، فأرسل المعلومات التشخيصية أدناه إلى الدعم الفني لمزوّد DNS الخاص بك.
advice-not-supported = اطلب من الخدمة طريقة أخرى لربط نطاقك، أو أضف السجلات التي تحتاجها يدويًا في لوحة تحكم مزوّد DNS الخاص بك.

## Signing in to the records API

credential-title = سجّل الدخول إلى مزوّد DNS الخاص بك
credential-intro = تحتاج هذه الصفحة إلى الوصول إلى سجلات نطاقك. إذا فتحتها لوحة تحكم مزوّد DNS، فستسلّمها صلاحية الوصول تلقائيًا؛ وإلا فأدخل رمز API الخاص بك.
credential-refused = رفض مزوّد DNS صلاحية الوصول التي أُعطيت لهذه الصفحة: ربما انتهت صلاحيتها. لم تتم قراءة أي شيء أو تغييره؛ الصفحة تنتظر صلاحية جديدة.
credential-token = رمز API
credential-keep = الاحتفاظ به لهذه العلامة
continue = متابعة
credential-why = يبقى الرمز في هذه الصفحة (أو في هذه العلامة إذا طلبت ذلك): لا يوضع أبدًا في عنوان أو سجل أو ملف تنزيل.

## Who asks for what

lead = يطلب { $provider } إعداد { $service } على { $domain }
lead-host = يطلب { $provider } إعداد { $service } على { $domain } عند المضيف { $host }
note-template-names = القالب: { $provider } / { $service } ({ $ids })
note-service-labels = { $labels }: الاسم الذي يبدأ بشرطة سفلية يحمل إعدادات لخدمة (مصادقة البريد، الشهادات)، وليس موقع ويب.
note-groups = تُطبَّق هذه الأجزاء من القالب فقط (groupId): { $groups }.
key-in-config = يحتوي ملف config.json لهذه الصفحة على مفتاح واجهة برمجة السجلات، لذا يستطيع أي شخص يفتح هذه الصفحة قراءته. هذا للاختبار على هذا الجهاز فقط: سلّم المفتاح من لوحة التحكم بدلًا من ذلك.
already-set-up = { $service } مُعدّ بالفعل على { $domain }: لن يتغير شيء.

## The signature and the refusals

sig-valid = موقّع من { $provider }: التوقيع صالح (المفتاح { $key }).
sig-invalid = التوقيع غير صالح: { $reason }.
sig-required = التوقيع مطلوب: { $reason }.
sig-not-used = هذا القالب لا يستخدم التواقيع.
phishing = تحقّق من هذا الطلب: قيمه اختارها من أنشأ الرابط، ولا يضمنها توقيع تم التحقق منه. لا تطبّقه إلا إذا بدأت هذا الإعداد بنفسك لدى { $service }.
cannot-apply = لا يمكن تطبيق هذا الطلب:
refusal-signature = توقيعه غير صالح (انظر أعلاه)
refusal-sync-block = لا يجوز تطبيق القالب من رابط (syncBlock)
refusal-host-required = يجب تطبيق القالب عند مضيف، والرابط لا يحدد أي مضيف (hostRequired)
refusal-key-unavailable = تعذّرت قراءة المفتاح عند { $host }: { $reason }
refusal-template-mismatch = يحدد الرابط القالب { $asked }، لكن القالب الذي تمت مراجعته هو { $reviewed }
refusal-control-character = تحتوي المعلمة { $parameter } على حرف التحكم { $character } في الموضع { $position }
refusal-redirect = لا يجوز استخدام عنوان العودة { $uri }: { $reason }
refusal-apply = لا يمكن تطبيق القالب: { $error }

## How this was checked

how-checked = كيف تم التحقق
signed-bytes = البايتات الموقّعة:
searching-signed = جارٍ البحث عمّا تم توقيعه…
search-no-answer = لم يُسفر البحث عن إجابة.
search-failed = لا يمكن البحث هنا عمّا تم توقيعه: { $error }.
what-verifies = ما هو صالح:
sources = القالب من { $template }؛ المنطقة من { $zone }.
return-none = لا يوجد redirect_uri: تُغلق النافذة عند الانتهاء.
return-allowed = يعود إلى { $uri } ({ $because }).
return-refused = لن يعود إلى { $uri }: { $reason }.
unused-parameters = معلمات لا يستخدمها القالب: { $list }
missing-variables = متغيرات لا يحددها الرابط: { $list }
ignored = تم تجاهله: { $what }

## The records

changes-summary = للإضافة: { $add }، للإزالة: { $remove }، موجودة بالفعل: { $present }، سجلات أخرى دون تغيير: { $others }
changes-caption = السجلات التي يغيّرها هذا القالب
col-change = التغيير
col-type = النوع
col-name = الاسم
col-data = البيانات
col-ttl = TTL
col-why = السبب
col-proxy = الوكيل
label-added = مُضاف
label-removed = مُزال
label-kept = مُبقى
data-priority = الأولوية { $priority }
data-weight-port = الوزن { $weight } المنفذ { $port }
why-rewritten = موجود بالفعل: يُكتب مجددًا كما هو
why-spf-merged = دُمجت قواعد SPF في سجل SPF الموجود
why-kept = موجود بالفعل كما يطلب القالب
by-new-record = سجل { $type } الجديد عند { $name }
why-cname = تعارض CNAME: لا يمكن أن يوجد CNAME مع سجلات أخرى بالاسم نفسه ({ $by })
why-same-type = يُستبدل بـ{ $by }
why-srv = يُستبدل بـ{ $by } (سجل SRV الجديد يستبدل كل سجلات SRV بهذا الاسم)
why-txt-all = يُستبدل بـ{ $by } (txtConflictMatchingMode All)
why-txt-prefix = يُستبدل بـ{ $by }: يبدأ نصه بـ"{ $prefix }" (txtConflictMatchingMode Prefix)
why-spf = دُمجت قواعد SPF في { $by }، الذي يستبدل سجل SPF هذا
why-ns-delegation = { $by } يفوّض هذا الاسم إلى جهة أخرى
why-ns-above = هذا التفويض سيحجب { $by }
why-redirect = يُستبدل بإعادة التوجيه { $by }
why-previous = تطبيق سابق لـ{ $template } عند المضيف "{ $host }"، يستبدله هذا التطبيق
why-cascade = جزء من تطبيق سابق لـ{ $template } تتم إزالة سجله الأساسي { $record }
show-other = { $count ->
    [one] عرض السجل الآخر
    [two] عرض السجلين الآخرين
    [few] عرض السجلات الـ{ $count } الأخرى
   *[other] عرض السجلات الأخرى ({ $count })
}
unchanged-count = { $count ->
    [zero] لا توجد سجلات دون تغيير
    [one] سجل واحد دون تغيير
    [two] سجلان دون تغيير
    [few] { $count } سجلات دون تغيير
   *[other] { $count } سجلًا دون تغيير
}
show-more = عرض { $count } أخرى ({ $rest } غير معروضة)
proxied = Proxied
dns-only = DNS only
proxy-label = الوكيل لـ{ $type } { $name }
proxy-mixed = { $name }: ستشترك سجلات عبر الوكيل وأخرى DNS فقط في هذا الاسم، فيصل بعض الزوار إلى الوكيل وآخرون إلى الخادم مباشرة
proxy-unreachable = { $name }: يشير السجل عبر الوكيل إلى { $address }، وهو عنوان من نوع { $kind } لا يستطيع الوكيل الوصول إليه من الإنترنت

## What a change breaks

stops = هذا يوقف { $service }.
stops-one-of = هذا يوقف إحدى هذه الخدمات: { $services }.
one-of = إحدى { $service }
disables = الربط يعطّل:
disables-used-for = السجلات التي يزيلها تُستخدم في: { $uses }.
concern-mail = البريد
concern-verification = إثبات ملكيتك للنطاق
concern-essential = خدمة تعدّها أساسية
concern-other = خدمة

## Connect, Cancel and after

connect = ربط
cancel = إلغاء
connect-why = الربط غير متاح: لا يمكن تطبيق هذا الطلب (انظر أعلاه).
applying = جارٍ تطبيق التغييرات…
done-applied = تم: طُبّقت التغييرات ({ $at }).
done-already = تم: سجلات نطاقك تحتوي على هذه التغييرات بالفعل ({ $at }).
returning = جارٍ إعادتك إلى { $to }…
close-window = يمكنك إغلاق هذه النافذة.
request-sent = الطلب الذي تم إرساله
cancelled-returning = تم الإلغاء. جارٍ إعادتك إلى { $to }…
cancelled-close = تم الإلغاء: لم يتغير أي شيء. يمكنك إغلاق هذه النافذة.
return-to-service = العودة إلى الخدمة
done = تم
failed-not-applied = لم تُطبَّق التغييرات.
failed-zone-changed = تغيّرت سجلات نطاقك بعد أن قرأتها هذه الصفحة، لذا لم يُطبَّق أي شيء. أعد تحميل الصفحة لمراجعة التغييرات مقابل السجلات الحالية.
failed-unknown = لا يُعرف ما إذا كانت التغييرات قد طُبّقت.
failed-nothing-changed = لم يتم تغيير أي شيء.
failed-check-dashboard = تحقّق من سجلات نطاقك في لوحة تحكم مزوّد DNS قبل المحاولة مرة أخرى.
zone-gone = أُزيل: { $record }
zone-new = جديد: { $record }
save-change = احفظ هذا التغيير:
download-json = بتنسيق JSON
download-bind = كنص ملف منطقة
download-request = الطلب المُرسل، مع المنطقة قبل التغيير وبعده (بدون المفتاح)
undo = تراجع
undone = تم التراجع: عادت سجلاتك كما كانت قبل الربط.
note-already-made = أعاد الربط قراءة سجلات نطاقك ووجد هذه التغييرات قد تمت بالفعل (ربما من علامة أو نافذة أخرى)، لذا لم يُرسل أي شيء.
note-answer-lost = فُقدت الإجابة ({ $failure })، لكن إعادة قراءة المنطقة تُظهر كل تغيير في مكانه.
sandbox-provider = مزوّد تجريبي (تخزين هذا المتصفح)

## Checking the records over DNS

verify-new = جارٍ التحقق من أن السجلات الجديدة تستجيب
verify-earlier = جارٍ التحقق من أن السجلات السابقة تستجيب مجددًا
verify-progress = السجلات التي تستجيب كما هو متوقع
verify-seen = يستجيب كما هو متوقع
verify-waiting = في الانتظار…
verify-unseen = غير مرئي بعد
verify-not-checked = لم يتم التحقق: { $why }
verify-checking = يستجيب { $count } من { $total }؛ جارٍ السؤال مجددًا (الجولة { $round } من { $rounds })…
verify-done = { $total ->
    [one] السجل يستجيب كما هو متوقع.
   *[other] كل السجلات ({ $total }) تستجيب كما هو متوقع.
}
verify-not-yet = يستجيب { $count } من { $total } كما هو متوقع حتى الآن. البقية غير مرئية بعد: قد تستغرق إجابات DNS بضع دقائق لتتغير؛ لا حاجة لفعل أي شيء.
verify-unavailable = تعذّر التحقق من السجلات: { $why }
