# سلاسل الواجهة للقالب الافتراضي: العربية.
skip-link = انتقل إلى المحتوى
nav-label = القائمة الرئيسية
browse-label = تصفّح
languages-label = اللغة
page-localities = المناطق
nav-commitments = كل الالتزامات
page-all-commitments = كل الالتزامات
page-overdue = الالتزامات المتأخرة
page-updates = آخر المستجدات
page-status-index = حسب الحالة
page-party-index = حسب الجهة
page-topic-index = حسب الموضوع
page-country-index = حسب البلد
page-not-found = الصفحة غير موجودة
not-found-message = هذه الصفحة غير موجودة. اختر لغة للانتقال إلى الصفحة الرئيسية.
open-data = البيانات المفتوحة:
feed-link = موجز المستجدات (Atom)
made-with = أُنشئ باستخدام pledgeboard.
feed-site-title = { $site }: آخر المستجدات
feed-locality-title = { $locality }: آخر المستجدات ({ $site })
list-status-heading = الحالة: { $label }
list-party-heading = الجهة الملتزمة: { $label }
list-topic-heading = الموضوع: { $label }
list-country-heading = البلد: { $label }
at-a-glance = نظرة عامة
by-status = الالتزامات حسب الحالة
by-party = الالتزامات حسب الجهة
status = الحالة
party = الجهة
count = العدد
share = النسبة
percent = { $value }٪
progress = مدى التقدم
progress-value = { $value }٪
pledged-by = الجهة الملتزمة
agreed = تاريخ الاتفاق
due = الموعد النهائي
overdue = متأخر
responsible = المسؤول
topics = المواضيع
country = البلد
region = الإقليم
dialogue-since = الحوار منذ
partners = الشركاء
next-review = المراجعة القادمة
history = سجل المستجدات
latest-updates = آخر المستجدات
no-updates = لم يُنشر أي مستجد بعد.
none-overdue = لا يوجد أي التزام متأخر.
evidence = الأدلة
source-n = المصدر { $n }
showing-updates = آخر { $shown } من أصل { $total } مستجدًا.
commitments-count = { $count ->
    [zero] لا توجد التزامات
    [one] التزام واحد
    [two] التزامان
    [few] { $count } التزامات
    [many] { $count } التزامًا
   *[other] { $count } التزام
}
done-count = { $count ->
    [zero] لم يُنجز أي التزام
    [one] التزام واحد منجز
    [two] التزامان منجزان
    [few] { $count } التزامات منجزة
    [many] { $count } التزامًا منجزًا
   *[other] { $count } التزام منجز
}
overdue-count = { $count ->
    [zero] لا يوجد التزام متأخر
    [one] التزام واحد متأخر
    [two] التزامان متأخران
    [few] { $count } التزامات متأخرة
    [many] { $count } التزامًا متأخرًا
   *[other] { $count } التزام متأخر
}
status-not-started = لم يبدأ
status-in-progress = قيد التنفيذ
status-stalled = متعثر
status-suspended = معلّق
status-completed = منجز
status-not-completed = لم يُنجز
status-withdrawn = مسحوب
party-police = الشرطة
party-community = المجتمع المحلي
party-local-government = السلطات المحلية
party-justice = المحاكم والنيابة العامة
assessed-police = تقييم الشرطة
assessed-community = تقييم المجتمع المحلي
assessed-joint = تقييم مشترك بين الشرطة والمجتمع
assessed-independent = تقييم مراقب مستقل
country-BF = بوركينا فاسو
country-CM = الكاميرون
country-IQ = العراق
country-LY = ليبيا
country-ML = مالي
country-MM = ميانمار
country-NE = النيجر
country-NG = نيجيريا
country-NP = نيبال
country-SN = السنغال
country-TD = تشاد
country-TN = تونس
country-TZ = تنزانيا
country-YE = اليمن
list-separator = {"، "}
pagination-label = الصفحات
page-of = الصفحة { $current } من { $total }
previous-page = الصفحة السابقة
next-page = الصفحة التالية
