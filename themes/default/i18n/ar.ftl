# سلاسل واجهة القالب الافتراضي: العربية الفصحى.
# العبارات المعدودة تستعمل فئات الجمع الست: zero وone وtwo وfew وmany وother.

## التخطيط

skip-link = انتقل إلى المحتوى
nav-label = القائمة الرئيسية
languages-label = اللغة
browse-label = تصفّح
breadcrumb-label = أنت هنا
open-data = البيانات المفتوحة:
data-json = JSON
data-csv = CSV
data-csv-tables = جداول CSV:
data-table-commitments = الالتزامات
data-table-updates = التحديثات
data-table-localities = المناطق
# The data package (data/datapackage.json): every column of the tables, its type and meaning.
data-dictionary = قاموس البيانات
feed-link = موجز التحديثات (Atom)
feed-locality-link = موجز تحديثات هذه المنطقة (Atom)
made-with = أُنشئ باستخدام pledgeboard.
list-separator = {"، "}

## علامات الثقة (تذييل الصفحة، صفحة «حول») وبيان إمكانية الوصول (المسألة 18)

footer-publisher = ينشرها
footer-contact = للتواصل
contact-email = البريد الإلكتروني:
contact-phone = الهاتف:
contact-messaging = الرسائل (واتساب أو سيغنال أو تيليغرام):
footer-corrections = الإبلاغ عن خطأ أو إرسال دليل
corrections-default = هل رأيت خطأً في هذه البيانات، أو لديك دليل على تقدّم؟ أخبرنا عبر وسائل التواصل أعلاه.
footer-license = البيانات والنصوص:
accessibility-link = إمكانية الوصول
about-reuse = إعادة استخدام البيانات
about-license = تُنشر بيانات هذه البوابة ونصوصها بموجب هذا الترخيص:
about-license-terms = يمكنك إعادة استخدامها وفق شروطه.
about-no-license = لم يُحدَّد ترخيص لهذه البيانات والنصوص: اسأل الجهة الناشرة قبل إعادة استخدامها.
about-files = تنزيل البيانات:
accessibility-title = بيان إمكانية الوصول
accessibility-intro = صُمّمت هذه البوابة ليقرأها الجميع: على هاتف بسيط أو حاسوب، عبر اتصال بطيء، بقارئ الشاشة أو بلوحة المفاتيح وحدها.
accessibility-does = ما تقدّمه البوابة
accessibility-no-script = تعمل كل صفحة دون جافاسكربت. وحده البحث يحتاج إليها، والقوائم تقود إلى كل التزام من دونها.
accessibility-small-screens = تتلاءم الصفحات مع الشاشات الصغيرة وتبقى خفيفة على الاتصالات البطيئة.
accessibility-rtl = اللغات التي تُكتب من اليمين إلى اليسار، كالعربية، تُعرض صفحاتها من اليمين إلى اليسار.
accessibility-contrast = يحافظ النص والألوان على تباين كافٍ في الوضعين الفاتح والداكن. وتُكتب الحالة دائمًا بالكلمات، ولا يُكتفى باللون للدلالة عليها.
accessibility-structure = للصفحات عناوين ومعالم ورابط ينتقل مباشرة إلى المحتوى، لمستخدمي قارئ الشاشة ولوحة المفاتيح.
accessibility-checked = تُفحص صفحات قالب البوابة آليًّا باستخدام axe-core ومدقق Nu Html Checker.
accessibility-limits = حدود معروفة
accessibility-maps = الخرائط رسوم: بجانب كل منها قائمة بالأماكن التي تعرضها، مع روابط.
accessibility-charts = الرسوم البيانية رسوم أيضًا: لكل منها جدول بأرقامه.
accessibility-documents = الوثائق المرتبطة كأدلة (تقارير، محاضر، صور) مصدرها جهات أخرى، وقد لا يسهل الوصول إليها.
accessibility-translations = بعض النصوص لم تُترجم بعد إلى كل اللغات: تشير الصفحة حينها إلى ذلك وتعرضها بلغة أخرى.
accessibility-report = الإبلاغ عن مشكلة
accessibility-report-contact = إذا وجدت في هذه البوابة ما يصعب قراءته أو استخدامه، فأخبرنا:
accessibility-report-publisher = إذا وجدت في هذه البوابة ما يصعب قراءته أو استخدامه، فأخبر الجهة التي تنشرها.

## عناوين الصفحات (يستعملها المولّد أيضًا)

page-localities = المناطق
page-all-commitments = جميع الالتزامات
page-overdue = الالتزامات المتأخرة
page-updates = آخر التحديثات
page-status-index = حسب الحالة
page-party-index = حسب الجهة
page-topic-index = حسب الموضوع
page-country-index = حسب البلد
page-not-found = الصفحة غير موجودة
not-found-message = هذه الصفحة غير موجودة. اختر لغة للعودة إلى الصفحة الرئيسية.

## عناوين الموجزات والقوائم (يستعملها المولّد)

feed-site-title = { $site } — آخر التحديثات
feed-locality-title = { $locality } — آخر التحديثات — { $site }
list-status-heading = الحالة: { $label }
list-party-heading = الجهة الملتزمة: { $label }
list-topic-heading = الموضوع: { $label }
list-country-heading = البلد: { $label }

## الصفحة الرئيسية

as-of = التقدّم حتى { $date }.
overdue-explained = يُعدّ الالتزام متأخرًا إذا انقضى موعده النهائي وما زال مفتوحًا.
by-party = الالتزامات حسب الجهة
status = الحالة
party = الجهة
count = الالتزامات
latest-updates = آخر التحديثات
all-updates = كل التحديثات الأخيرة
all-localities = جميع المناطق

## الالتزامات

commitments = الالتزامات
locality = المنطقة
pledged-by = الجهات الملتزمة
agreed = تاريخ الاتفاق
due = الموعد النهائي
no-due-date = بلا موعد نهائي
overdue = متأخر
responsible = الجهة المسؤولة
topics = المواضيع
last-update = آخر تحديث
progress = نسبة التقدّم
percent = { $value }٪
card-pledged-by = الجهات الملتزمة:
card-due = الموعد النهائي:
card-updated = آخر تحديث:
history = سجلّ التحديثات
evidence = المصادر:

## المناطق

country = البلد
region = الإقليم
dialogue-since = بدء الحوار
partners = الشركاء
next-review = المراجعة القادمة

## القوائم

no-commitments = لا توجد التزامات هنا بعد.
no-localities = لم تُضَف أي منطقة بعد.
none-overdue = لا يوجد أي التزام متأخر.
no-updates = لم يُنشَر أي تحديث بعد.
no-updates-yet = لم يُسجَّل أي تحديث لهذا الالتزام بعد.
pagination-label = الصفحات
page-of = الصفحة { $current } من { $total }
page-n = الصفحة { $n }
previous-page = الصفحة السابقة
next-page = الصفحة التالية

## الأعداد

commitments-count = { $count ->
    [zero] لا توجد التزامات
    [one] التزام واحد
    [two] التزامان
    [few] { $count } التزامات
    [many] { $count } التزامًا
   *[other] { $count } التزام
}
overdue-count = { $count ->
    [zero] لا يوجد التزام متأخر
    [one] التزام واحد متأخر
    [two] التزامان متأخران
    [few] { $count } التزامات متأخرة
    [many] { $count } التزامًا متأخرًا
   *[other] { $count } التزام متأخر
}
done-count = { $count ->
    [zero] لم يُنجَز أي التزام
    [one] التزام واحد منجَز
    [two] التزامان منجَزان
    [few] { $count } التزامات منجَزة
    [many] { $count } التزامًا منجَزًا
   *[other] { $count } التزام منجَز
}
updates-count = { $count ->
    [zero] لا توجد تحديثات.
    [one] تحديث واحد.
    [two] تحديثان، الأحدث أولًا.
    [few] { $count } تحديثات، الأحدث أولًا.
    [many] { $count } تحديثًا، الأحدث أولًا.
   *[other] { $count } تحديث، الأحدث أولًا.
}
showing-latest = { $count ->
    [zero] لا تعرض هذه الصفحة أي تحديث.
    [one] تعرض هذه الصفحة آخر تحديث.
    [two] تعرض هذه الصفحة آخر تحديثين.
    [few] تعرض هذه الصفحة آخر { $count } تحديثات.
    [many] تعرض هذه الصفحة آخر { $count } تحديثًا.
   *[other] تعرض هذه الصفحة آخر { $count } تحديث.
}

## الحالات والجهات والمقيِّمون (يستعملها المولّد)

status-not-started = لم يبدأ
status-in-progress = قيد التنفيذ
status-stalled = متعثّر
status-suspended = معلّق
status-completed = منجَز
status-not-completed = لم يُنجَز
status-withdrawn = مسحوب
party-police = الشرطة
party-community = المجتمع المحلي
party-local-government = السلطات المحلية
party-justice = المحاكم والنيابة العامة
assessed-police = بتقييم الشرطة
assessed-community = بتقييم المجتمع المحلي
assessed-joint = بتقييم مشترك
assessed-independent = بتقييم مراقب مستقل

## البلدان (يستعملها المولّد؛ ويمكن للموقع تسميتها في site.yaml)

country-AF = أفغانستان
country-BF = بوركينا فاسو
country-BJ = بنين
country-CD = جمهورية الكونغو الديمقراطية
country-CF = جمهورية أفريقيا الوسطى
country-CI = كوت ديفوار
country-CM = الكاميرون
country-DZ = الجزائر
country-EG = مصر
country-GH = غانا
country-GM = غامبيا
country-GN = غينيا
country-IQ = العراق
country-JO = الأردن
country-KE = كينيا
country-LB = لبنان
country-LR = ليبيريا
country-LY = ليبيا
country-MA = المغرب
country-ML = مالي
country-MM = ميانمار
country-MR = موريتانيا
country-NE = النيجر
country-NG = نيجيريا
country-NP = نيبال
country-PK = باكستان
country-SD = السودان
country-SL = سيراليون
country-SN = السنغال
country-SO = الصومال
country-SS = جنوب السودان
country-SY = سوريا
country-TD = تشاد
country-TG = توغو
country-TN = تونس
country-TZ = تنزانيا
country-YE = اليمن

## Time and evidence (issue 16): how long overdue, the latest update, the date of the data

# Under a month in days, under two years in months, then in years.
overdue-by-days = { $count ->
    [one] متأخر منذ يوم واحد
    [two] متأخر منذ يومين
    [few] متأخر منذ { $count } أيام
    [many] متأخر منذ { $count } يومًا
   *[other] متأخر منذ { $count } يوم
}
overdue-by-months = { $count ->
    [one] متأخر منذ شهر واحد
    [two] متأخر منذ شهرين
    [few] متأخر منذ { $count } أشهر
    [many] متأخر منذ { $count } شهرًا
   *[other] متأخر منذ { $count } شهر
}
overdue-by-years = { $count ->
    [one] متأخر منذ سنة واحدة
    [two] متأخر منذ سنتين
    [few] متأخر منذ { $count } سنوات
    [many] متأخر منذ { $count } سنةً
   *[other] متأخر منذ { $count } سنة
}
latest-update = آخر تحديث
earlier-updates = التحديثات السابقة
data-as-of = البيانات حتى { $date }

# ---- first screen ----
home-heading = إلى أين وصلت الالتزامات؟
done-of-total = { $total ->
    [zero] لا توجد التزامات
    [one] أُنجز { $done } من أصل التزام واحد
    [two] أُنجز { $done } من أصل التزامين
    [few] أُنجز { $done } من أصل { $total } التزامات
    [many] أُنجز { $done } من أصل { $total } التزامًا
   *[other] أُنجز { $done } من أصل { $total } التزام
}
overdue-short = المتأخرة: { $count }
menu = القائمة

# ---- sides ----
views-differ = تباين في التقييم
views-differ-note = { $points ->
    [0] تختلف تقييمات الأطراف في الحالة.
    [one] تختلف تقييمات الأطراف بفارق نقطة واحدة في نسبة التقدم.
    [two] تختلف تقييمات الأطراف بفارق نقطتين في نسبة التقدم.
    [few] تختلف تقييمات الأطراف بفارق { $points } نقاط في نسبة التقدم.
   *[other] تختلف تقييمات الأطراف بفارق { $points } نقطة في نسبة التقدم.
}
fallback-notice = هذه الصفحة مكتوبة جزئيًا ب{ $shown }: لم تُترجم إلى { $language } بعد.
fallback-notice-link = لغات أخرى
language-en = الإنجليزية
language-fr = الفرنسية
language-ar = العربية
language-ne = النيبالية
language-ha = الهوسا
# ---- charts ----
chart-data = بيانات الرسم البياني
chart-month = الشهر
chart-completed-title = الالتزامات المنجزة عبر الزمن
chart-completed-column = المنجزة
chart-completed-desc = { $count ->
    [zero] لا التزامات منجزة حتى { $date }، بالعدّ شهرًا بشهر منذ { $start }.
    [one] التزام واحد منجز حتى { $date }، بالعدّ شهرًا بشهر منذ { $start }.
    [two] التزامان منجزان حتى { $date }، بالعدّ شهرًا بشهر منذ { $start }.
    [few] { $count } التزامات منجزة حتى { $date }، بالعدّ شهرًا بشهر منذ { $start }.
    [many] { $count } التزامًا منجزًا حتى { $date }، بالعدّ شهرًا بشهر منذ { $start }.
   *[other] { $count } التزام منجز حتى { $date }، بالعدّ شهرًا بشهر منذ { $start }.
}
chart-multiples-title = حالة الالتزامات حسب المنطقة
chart-multiples-desc = لكل منطقة، نسبة التزاماتها في كل حالة، بالمقياس نفسه، مع عددها.
chart-timeline-title = الخط الزمني
chart-timeline-desc = { $count ->
    [zero] لا تحديثات
    [one] تحديث واحد حسب التاريخ ونسبة التقدم
    [two] تحديثان حسب التاريخ ونسبة التقدم
    [few] { $count } تحديثات حسب التاريخ ونسبة التقدم
    [many] { $count } تحديثًا حسب التاريخ ونسبة التقدم
   *[other] { $count } تحديث حسب التاريخ ونسبة التقدم
}
# ---- map ----
map-locality-title = { $locality } على خريطة { $country }
map-country-title = المناطق على خريطة { $country }
map-overview-title = المناطق على الخريطة
map-dots = { $count ->
    [one] منطقة واحدة مُعلَّمة بنقطة.
    [two] منطقتان مُعلَّمتان بنقطتين.
    [few] { $count } مناطق مُعلَّمة بنقاط.
   *[other] { $count } منطقة مُعلَّمة بنقاط.
}
map-dots-link = كل نقطة رابط إلى صفحة منطقتها.
map-missing = { $count ->
    [one] منطقة واحدة ليست لها إحداثيات فلا تظهر على الخريطة.
    [two] منطقتان ليست لهما إحداثيات فلا تظهران على الخريطة.
    [few] { $count } مناطق ليست لها إحداثيات فلا تظهر على الخريطة.
   *[other] { $count } منطقة ليست لها إحداثيات فلا تظهر على الخريطة.
}
map-places = الأماكن على الخريطة
map-coordinates = (خط العرض { $lat }، خط الطول { $lon })
# ---- scale ----
localities-count = { $count ->
    [zero] لا توجد منطقة
    [one] منطقة واحدة
    [two] منطقتان
    [few] { $count } مناطق
    [many] { $count } منطقةً
   *[other] { $count } منطقة
}
group-continued = تتمة من الصفحة السابقة
# ---- print ----
print-link = ورقة للطباعة لجلسة حوار
print-title = ورقة للطباعة: { $locality }
print-online = على الإنترنت:
print-keys = للسؤال عن التزام، اذكر مرجعه.
short-key = المرجع
print-progress = نسبة التقدّم: { $value }٪
print-latest = آخر تحديث، { $date }:
print-next-review = المراجعة القادمة: { $date }

# ---- bundle ----
bundle-readme = لقراءة البوابة، افتح الملف index.html الموجود في هذا المجلد بمتصفح ويب (Firefox أو Chrome أو Edge أو Safari…). لا تحتاج إلى اتصال بالإنترنت ولا إلى تثبيت أي شيء.
offline-bundle = نزّل البوابة كاملةً لقراءتها دون اتصال بالإنترنت (ملف ZIP، { $size } { $unit ->
    [kb] كيلوبايت
    [gb] غيغابايت
   *[mb] ميغابايت
})

# ---- calendar ----
calendar-site-name = { $site } — المواعيد النهائية وجلسات المراجعة
calendar-locality-name = { $locality } — المواعيد النهائية وجلسات المراجعة — { $site }
calendar-due = الموعد النهائي: { $title }
calendar-due-where = التزام تم الاتفاق عليه في { $locality }
calendar-review = جلسة المراجعة: { $locality }
calendar-review-description = الجلسة القادمة للحوار في { $locality }، حيث تراجع الأطراف مدى تقدّم التزاماتها.
calendar-link = أضف المواعيد النهائية وجلسات المراجعة إلى تقويمك
calendar-locality-link = أضف المواعيد النهائية وجلسات المراجعة لهذه المنطقة إلى تقويمك

# ---- share ----
# The share image (link previews), described for readers who cannot see it.
share-image-alt = تقدّم الالتزامات: { $place }

# ---- search ----
search-link = بحث
search-title = البحث في الالتزامات
search-label = كلمات للبحث (العنوان، المنطقة، الموضوع…)
search-any = الكل
search-found = الالتزامات التي وُجدت: { $count }
search-none = لا يوجد التزام يحتوي على هذه الكلمات.
search-short = اكتب بضعة أحرف أخرى من الكلمة.
search-more = مزيد من النتائج
search-no-script = يحتاج البحث إلى جافاسكربت، ولا يشغّلها هذا المتصفح. يمكنك الوصول إلى كل التزام من الصفحات أدناه.
