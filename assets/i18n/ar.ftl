# واجهة هامش بالعربية. Hamish's interface in Arabic: each id is made from the English string in
# the code (src/ui/i18n.rs, key_of: "Open folder…" → open-folder); messages with numbers have
# their own ids, also in en.ftl. A test checks that every string of the window is here.

## Counts (Arabic plural forms: zero, one, two, few, many, other)
annotations-heading = { $n ->
    [0] التعليقات (لا شيء)
    [one] التعليقات (واحد)
    [two] التعليقات (اثنان)
   *[other] التعليقات ({ $n })
}
search-hits = { $n ->
    [0] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $n } نتائج
   *[other] { $n } نتيجة
}
search-hit-of = { $k } من { $n }
texts-listed = { $shown } من { $total } نصوص معروضة
texts-read = قُرئ { $read } من { $total } نصوص حتى الآن
scan-stopped = توقفت القراءة: { $read } من { $total } نصوص
folder-hits = { $n ->
    [0] لا نتائج في المجلد
    [one] نتيجة واحدة في المجلد
    [two] نتيجتان في المجلد
    [few] { $n } نتائج في المجلد
   *[other] { $n } نتيجة في المجلد
}
status-saved = { $n ->
    [0] لا تعليقات، محفوظ
    [one] تعليق واحد، محفوظ
    [two] تعليقان، محفوظ
    [few] { $n } تعليقات، محفوظ
   *[other] { $n } تعليقًا، محفوظ
}
status-unsaved = { $n ->
    [0] لا تعليقات، تغييرات غير محفوظة
    [one] تعليق واحد، تغييرات غير محفوظة
    [two] تعليقان، تغييرات غير محفوظة
    [few] { $n } تعليقات، تغييرات غير محفوظة
   *[other] { $n } تعليقًا، تغييرات غير محفوظة
}
selection-chars = { $start }–{ $end } ({ $n } حرفًا)
caret-at = المؤشر عند { $at }

## Menus
file = ملف
edit = تحرير
view = عرض
font = الخط
help = مساعدة
export = تصدير
import-annotations = استيراد تعليقات
open-annotator-s-version = فتح نسخة معلِّق
no-annotator-has-a-file-for-this-text-text-name-ann-ron = لا يوجد لأي معلِّق ملف لهذا النص.
agreement-of-this-text = الاتفاق على هذا النص
encoding = الترميز
reopen-the-text-decoded-as = إعادة فتح النص بترميز
open-recent = فتح ملف حديث
nothing-opened-yet = لم يُفتح شيء بعد

## Commands (the command table)
open = فتح
open-folder = فتح مجلد
next-text = النص التالي
previous-text = النص السابق
save-annotations = حفظ التعليقات
save-as = حفظ باسم
export-page-png-svg-pdf = تصدير الصفحة
preferences = التفضيلات
quit = خروج
undo = تراجع
redo = إعادة
delete-annotation = حذف التعليق
link-the-selected-annotation-to = ربط التعليق المحدد بـ
link-to-the-annotation-at-the-caret-after-l = الربط بالتعليق عند المؤشر
select-all = تحديد الكل
copy = نسخ
clear-the-selection = إلغاء التحديد
find = بحث
next-search-hit-also-enter-unless-a-link-waits = النتيجة التالية
previous-search-hit = النتيجة السابقة
zoom-in = تكبير
zoom-out = تصغير
actual-size = الحجم الفعلي
show-relation-arcs = إظهار أقواس العلاقات
claims-table = جدول الادعاءات
folder-and-labels-panel = لوحة المجلد والوسوم
label-charts = مخططات الوسوم
choose-font-file = اختيار ملف خط
embedded-fonts-noto-naskh-arabic = الخطوط المضمّنة
keyboard-shortcuts = اختصارات لوحة المفاتيح
label-1 = الوسم ١
label-2 = الوسم ٢
label-3 = الوسم ٣
label-4 = الوسم ٤
label-5 = الوسم ٥
label-6 = الوسم ٦
label-7 = الوسم ٧
label-8 = الوسم ٨
label-9 = الوسم ٩
one-letter-left = حرف إلى اليسار
one-letter-right = حرف إلى اليمين
one-word-left = كلمة إلى اليسار
one-word-right = كلمة إلى اليمين
start-of-the-line-right-end-in-arabic = بداية السطر
end-of-the-line = نهاية السطر
line-up = سطر إلى الأعلى
line-down = سطر إلى الأسفل
page-up = صفحة إلى الأعلى
page-down = صفحة إلى الأسفل
start-of-the-text = بداية النص
end-of-the-text = نهاية النص
to-the-start-of-the-line = حتى بداية السطر
to-the-end-of-the-line = حتى نهاية السطر
to-the-start-of-the-text = حتى بداية النص
to-the-end-of-the-text = حتى نهاية النص

## Shortcut sheet groups
annotate-the-selection = وسم التحديد
move-the-caret = تحريك المؤشر
select-shift-a-move-key = التحديد
keys-are-those-of-an-english-keyboard-with-an-arabic-layout-ctrl-s-is-the-key-of = المفاتيح هي مفاتيح لوحة إنجليزية: في التخطيط العربي يكون Ctrl+S هو مفتاح س.
keys-without-ctrl-do-nothing-while-a-text-field-has-the-keyboard = المفاتيح التي ليس معها Ctrl لا تعمل ما دام حقل نصي يستقبل الكتابة.
move = تحريك
select = تحديد

## Window
select-text-and-press-a-label-s-key-1-9-to-annotate-it = حدّد نصًا واضغط مفتاح الوسم (١–٩) لوسمه.
use-file-open-ctrl-o-to-open-a-text-file = افتح ملفًا نصيًا من قائمة ملف ثم فتح (Ctrl+O).
save-changes-before-closing = حفظ التغييرات قبل الإغلاق؟
these-annotations-have-changes-that-are-not-saved = في هذه التعليقات تغييرات غير محفوظة
save = حفظ
discard = تجاهل
cancel = إلغاء
dismiss = إخفاء
restore = استعادة
decide-later = لاحقًا
arcs = الأقواس
needs-review = تحتاج مراجعة
orphan-text-not-found = يتيم: النص غير موجود
no-selection = لا تحديد
saved = محفوظ
unsaved-changes = تغييرات غير محفوظة

## Search
search-harakat-ignored = بحث (تُهمل الحركات)
whole-word = كلمة كاملة
only-whole-words = الكلمات الكاملة فقط
clitics = مع السوابق
also-after-and-in-the-same-word = وأيضًا بعد و ف ب ل ك وال في الكلمة نفسها
treat-ta-marbuta-and-ha-as-one-letter = عدّ التاء المربوطة والهاء حرفًا واحدًا
regex = تعبير نمطي
the-query-is-a-regular-expression = البحث تعبير نمطي
latin-upper-and-lower-case-differ = تمييز الأحرف اللاتينية الكبيرة من الصغيرة
previous = السابق
next = التالي
in-all-texts = في كل النصوص
close = إغلاق
hide = إخفاء
label = الوسم
label-all-hits = وسم كل النتائج

## Folder browser
filter-by-name = تصفية بالاسم
show = عرض
any-status = أي حالة
new = جديد
in-progress = قيد العمل
done = منجز
texts-opened-together = نصوص مفتوحة معًا
stop = إيقاف
this-folder-has-no-schema-ron-use-a-bundled-schema = ليس في هذا المجلد ملف schema.ron. استعمل مخططًا مرفقًا:
unreadable = غير مقروء
this-text = هذا النص

## Schema legend, editor, charts
schema = المخطط
bundled-with-hamish = مرفق مع هامش
from-the-folder-s-schema-ron = من ملف schema.ron في المجلد
written-in-the-annotations-file = مكتوب في ملف التعليقات
edit-schema = تحرير المخطط
used-in-the-text-not-in-the-schema-kept-drawn-grey = مستعملة في النص وليست في المخطط (محفوظة، بالرمادي)
schema-editor = محرر المخطط
save-schema-ron = حفظ ملف المخطط
schema-name = اسم المخطط
labels = الوسوم
add-label = إضافة وسم
relation-types = أنواع العلاقات
add-relation-type = إضافة نوع علاقة
kind = النوع
directed = باتجاه
not-in-the-schema = (ليس في المخطط)
folder = المجلد
per-text = لكل نص
no-annotations-yet = لا تعليقات بعد.

## File picker, preferences
open-a-text-file = فتح ملف نصي
open-a-folder-of-texts = فتح مجلد نصوص
open-this-folder = فتح هذا المجلد
up = إلى الأعلى
path = المسار
not-a-folder = ليس مجلدًا
theme = المظهر
dark = داكن
light = فاتح
text-size = حجم النص
annotator = المعلِّق
your-name-written-into-annotations = اسمك (يُكتب في التعليقات)
language = اللغة
links = الروابط
embedded-noto-naskh-arabic = الخط المضمّن (نوتو نسخ)
embedded-fonts = الخطوط المضمّنة
system = لغة النظام

## Inspector
annotation-heading = التعليق { $id }
label-click-to-change = الوسم (انقر لتغييره):
note = ملاحظة
a-note-arabic-or-latin = ملاحظة (بالعربية أو اللاتينية)
moved-when-the-text-changed-check-where-it-sits = تحرّك حين تغيّر النص: تحقّق من موضعه.
accept = قبول
its-text-was-not-found-after-the-text-changed-it-is-kept-but-not-shown = لم يوجد نصه بعد تغيّر النص؛ هو محفوظ لكنه لا يُعرض.
relations = العلاقات
click-the-other-end-esc = انقر الطرف الآخر (Esc)
link-to-l = ربط بـ (L)
out-from-this-one = منه:
in-to-this-one = إليه:
remove-this-link = إزالة هذا الرابط
no-links-yet = لا روابط بعد.
author = المؤلف:
created-at = أُنشئ: { $time }
modified-at = عُدّل: { $time }
document = المستند
click-an-annotation-to-see-and-edit-its-label-attributes-note-and-links = انقر تعليقًا لترى وسمه وسماته وملاحظته وروابطه وتحرّرها.
document-counts = { $annotations ->
    [0] لا تعليقات
    [one] تعليق واحد
    [two] تعليقان
    [few] { $annotations } تعليقات
   *[other] { $annotations } تعليقًا
}، { $relations ->
    [0] لا علاقات
    [one] علاقة واحدة
    [two] علاقتان
    [few] { $relations } علاقات
   *[other] { $relations } علاقة
}.
your-name-as-annotator-written-on-each-annotation-you-make = اسمك معلِّقًا (يُكتب على كل تعليق تضعه):
name = الاسم
ok = موافق

## Linking
link-as = الربط بوصفه:
linking-started = ربط { $id }: انقر التعليق عند الطرف الآخر (Esc للإلغاء).
linking-bar = ربط { $id }: انقر التعليق الآخر (Esc للإلغاء)
move-the-caret-into-the-annotation-to-link-to-then-press-enter = ضع المؤشر في التعليق المراد الربط به ثم اضغط Enter.
alt-drag-from-one-highlighted-span-to-another-to-link-them = اسحب مع Alt من مقطع مظلَّل إلى آخر لربطهما.
click-an-annotation-first-then-press-l-to-link-it = انقر تعليقًا أولًا ثم اضغط L لربطه.
linking-cancelled = أُلغي الربط.
no-annotation-there-click-a-highlighted-span-esc-cancels = لا تعليق هنا: انقر مقطعًا مظلَّلًا (Esc للإلغاء).
select-some-text-first-or-click-an-annotation-to-relabel-it = حدّد نصًا أولًا (أو انقر تعليقًا لتغيير وسمه).
annotations-here = { $n ->
    [two] تعليقان هنا؛ انقر مرة أخرى للتالي.
    [few] { $n } تعليقات هنا؛ انقر مرة أخرى للتالي.
   *[other] { $n } تعليقًا هنا؛ انقر مرة أخرى للتالي.
}
click-or-press-its-key-to-apply-it-to-the-selection = انقر (أو اضغط مفتاحه) لوضعه على التحديد
not-linked = لم يُربط:{" "}

## Claims table, agreement
claims = الادعاءات
no-claims-yet-select-a-claim-in-the-text-and-press-its-key = لا ادعاءات بعد: حدّد ادعاءً في النص واضغط مفتاحه.
claim = الادعاء
sources = المصادر
cues = أفعال الإسناد
verdict = الحكم
check-worthy = جدير بالتحقق
start = البداية
agreement-between-annotators = الاتفاق بين المعلِّقين
agreement-annotators = المعلِّقون: { $names }. الملفات كما حُفظت على القرص.
pair = الزوج
all-labels = كل الوسوم
everyone = الجميع
agreement-measured = قيس الاتفاق بين { $names }.

## Messages of the window
another-annotator = معلِّق آخر
reading-version = قراءة نسخة { $name }
annotator-file = ملف { $name }
annotator-is = المعلِّق: { $name }
preferences-not-saved = تعذّر حفظ التفضيلات: { $error }
not-saved = لم يُحفظ:{" "}
not-imported = لم يُستورد:{" "}
not-exported = لم يُصدَّر:{" "}
could-not-restore = تعذّرت الاستعادة:{" "}
could-not-delete-the-recovery-file = تعذّر حذف ملف الاستعادة:{" "}
file-save-as-ctrl-shift-s-saves-a-copy-elsewhere = «حفظ باسم» في قائمة ملف (Ctrl+Shift+S) يحفظ نسخة في مكان آخر.
choose-a-font = اختيار خط
export-dialog-title = تصدير { $format }: اختر مجلدًا
import-dialog-title = استيراد { $format }
the-system-s-file-dialog-did-not-open-no-desktop-portal-answered-choose-here-instead = لم تُفتح نافذة الملفات في النظام (لم تُجب بوابة سطح المكتب)؛ اختر هنا.
open-a-text-first = افتح نصًا أولًا.
no-label-for-key = لا وسم للمفتاح { $key } في المخطط «{ $schema }».
save-a-copy-of-the-text-with-its-annotations-as = حفظ نسخة من النص مع تعليقاته باسم
exported-nothing-lost = صُدِّر: { $files }. لم يضع شيء.
exported-with-losses = صُدِّر: { $files }. { $n ->
    [one] شيء واحد لم يمكن تمثيله:
    [two] شيئان لم يمكن تمثيلهما:
    [few] { $n } أشياء لم يمكن تمثيلها:
   *[other] { $n } شيئًا لم يمكن تمثيلها:
}
imported = { $n ->
    [0] لم يُستورد أي تعليق.
    [one] استُورد تعليق واحد (Ctrl+Z يتراجع عنه).
    [two] استُورد تعليقان (Ctrl+Z يتراجع عنهما).
    [few] استُوردت { $n } تعليقات (Ctrl+Z يتراجع عنها).
   *[other] استُورد { $n } تعليقًا (Ctrl+Z يتراجع عنها).
}
imported-with-losses = { $n ->
    [one] استُورد تعليق واحد
    [two] استُورد تعليقان
    [few] استُوردت { $n } تعليقات
   *[other] استُورد { $n } تعليقًا
} (Ctrl+Z يتراجع عنه)؛ { $lost ->
    [one] شيء واحد لم يمكن قراءته:
    [two] شيئان لم يمكن قراءتهما:
    [few] { $lost } أشياء لم يمكن قراءتها:
   *[other] { $lost } شيئًا لم يمكن قراءتها:
}
the-annotations-are-consistent-with-the-schema-and-the-text = التعليقات متّسقة مع المخطط والنص.

## Schema editor fields
delete-label = حذف الوسم { $n }
label-details = وصف الوسم { $n } وسماته
delete-attribute = حذف السمة { $a } من الوسم { $n }
add-attribute = إضافة سمة إلى الوسم { $n }
delete-relation = حذف العلاقة { $n }
yes-no = نعم/لا
one-of = واحد من
text = نص
number = عدد
schema-name-in-arabic = اسم المخطط بالعربية
schema-name-in-english = اسم المخطط بالإنجليزية
relation = العلاقة
attribute = السمة
id = المعرّف
arabic-name = الاسم العربي
english-name = الاسم الإنجليزي
key = المفتاح
description = الوصف
arabic-description = الوصف العربي
values = القيم
from-labels = من الوسوم
to-labels = إلى الوسوم

## Messages of the application layer (workspace::Message with a key)
saved-annotations = { $n ->
    [0] حُفظ الملف بلا تعليقات في { $path }.
    [one] حُفظ تعليق واحد في { $path }.
    [two] حُفظ تعليقان في { $path }.
    [few] حُفظت { $n } تعليقات في { $path }.
   *[other] حُفظ { $n } تعليقًا في { $path }.
}
no-hits-to-label = لا نتائج لوسمها.
hits-already-labelled = { $n ->
    [one] النتيجة الوحيدة موسومة من قبل بالوسم { $label }.
    [two] النتيجتان موسومتان من قبل بالوسم { $label }.
   *[other] كل النتائج ({ $n }) موسومة من قبل بالوسم { $label }.
}
hits-labelled = { $n ->
    [one] وُسمت نتيجة واحدة
    [two] وُسمت نتيجتان
    [few] وُسمت { $n } نتائج
   *[other] وُسمت { $n } نتيجة
} بالوسم { $label }{ $skipped ->
    [0] {""}
   *[other] ، وتُركت { $skipped } موسومة من قبل
}. تراجعٌ واحد يزيلها كلها.
last-text = هذا آخر نص في القائمة.
first-text = هذا أول نص في القائمة.
schema-followed = النص المفتوح يستعمله الآن، وستستعمله نصوص المجلد الأخرى حين تُفتح ({ $name }).
schema-saved = حُفظ المخطط «{ $schema }» في { $path }.
preset-chosen = صار مخطط المجلد «{ $schema }»، وكُتب في { $path }.
last-edited-by = آخر من عدّله:

## Errors of the application layer (ui::error_text: one id per ActionError variant)
error-nothing-open = لا نصّ مفتوح؛ افتح ملفًا نصيًا أولًا
error-sample = تعذّر نسخ العيّنة المرفقة إلى { $path } ({ $detail })؛ افتح ملفًا من ملفاتك
error-unsaved-changes = احفظ تغييراتك أو تراجع عنها قبل اختيار ترميز آخر
error-empty-range = حدّد نصًا أولًا، ثم اختر وسمًا
error-unknown-label = ليس في المخطط «{ $schema }» وسم «{ $label }»
error-unknown-relation-type = ليس في المخطط «{ $schema }» نوع علاقة «{ $kind }»
error-relation-not-allowed = لا يسمح هذا المخطط برابط «{ $kind }» من { $from } إلى { $to }
error-read-only = هذه نسخة { $annotator }، مفتوحة للاطلاع فقط؛ أعد فتح النص لتعمل على تعليقاتك
error-no-such-version = ليس لـ{ $annotator } تعليقات على هذا النص (الملف { $path } غير موجود)
error-no-relation-fits = ليس في المخطط «{ $schema }» رابط بين { $first } و{ $second }
error-self-link = لا يُربط تعليق بنفسه؛ اختر تعليقًا آخر
error-already-linked = { $from } مربوط بـ{ $to } برابط «{ $kind }» من قبل
error-no-such-annotation = التعليق { $id } غير موجود (لعله حُذف)
error-no-corpus = لا مجلد مفتوح؛ افتح مجلدًا أولًا
error-no-such-text = ليس في المجلد نص رقمه { $n }
error-folder = تعذّر فتح { $path } مجلدًا: { $detail }
error-no-such-path = { $path }: لا ملف ولا مجلد بهذا الاسم؛ تحقّق من المسار
error-empty-folder = ليس في { $path } ملف نصي (يُبحث في المجلدات الفرعية أيضًا)؛ اختر مجلدًا فيه نصوص
error-no-such-preset = لا مخطط مرفق باسم «{ $name }»؛ اختر واحدًا من: { $choices }
error-invalid-schema = لا يمكن حفظ المخطط: { $problems }
error-schema-exists = { $path } موجود من قبل؛ لا يحلّ مخطط جاهز محلّه أبدًا (عدّله، أو انقله أولًا)
error-write-schema = تعذّرت كتابة { $path }: { $detail }
error-search-empty = البحث فارغ (تُتجاهل الحركات والتطويل)؛ اكتب كلمة للبحث عنها
error-bad-regex = «{ $pattern }» ليس تعبيرًا نمطيًا صالحًا: { $detail }
error-page-format = ليس لاسم { $path } امتداد صفحة؛ اجعل امتداده ‎.png أو ‎.svg أو ‎.pdf
error-page = تعذّر رسم الصفحة أو كتابتها: { $detail }
error-nothing-to-compare = لا نص في المسارات المعطاة له ملفات تعليق لاثنين أو أكثر من المعلِّقين
error-agreement = تعذّر قياس الاتفاق: { $detail }
error-file-not-found = { $path }: الملف غير موجود؛ تحقّق من المسار
error-cannot-read-file = { $path }: تعذّرت قراءة الملف ({ $detail })؛ تحقّق من وجوده ومن أن لك إذن قراءته
error-invalid-utf8 = { $path }: ترميز UTF-8 غير صالح عند البايت { $byte } (السطر { $line })؛ أعد حفظ الملف بترميز UTF-8 أو افتحه بترميز آخر
error-binary-file = { $path }: يبدو ملفًا ثنائيًا لا نصًا ({ $detail })؛ افتح ملفًا نصيًا بدلًا منه
error-cannot-open-text = تعذّر فتح { $path }: { $detail }
error-read-sidecar = { $path }: تعذّرت قراءة التعليقات ({ $detail })؛ تحقّق من أن لك إذن قراءة الملف
error-sidecar-parse = { $place }: تعذّرت قراءة ملف التعليقات: { $detail }؛ أصلح النص في ذلك الموضع (أو استرجعه من نظام إدارة النسخ). لن يكتب هامش فوق هذا الملف حتى تصحّ قراءته
error-sidecar-not-utf8 = { $place }: ملف التعليقات ليس نصًا بترميز UTF-8؛ استرجعه من نسخة احتياطية أو من نظام إدارة النسخ. لن يكتب هامش فوق هذا الملف حتى تصحّ قراءته
error-sidecar-merge-conflict = { $place }: في ملف التعليقات علامات تعارض دمج من git؛ احسم التعارض (أبقِ الأسطر التي تريدها واحذف أسطر العلامات) ثم افتحه من جديد. لم يُقرأ منه شيء ولن يُكتب فوقه
error-sidecar-other = تعذّرت قراءة ملف التعليقات: { $detail }. لن يكتب هامش فوق هذا الملف حتى تصحّ قراءته
error-schema-load = تعذّر تحميل المخطط الذي يسمّيه ملف التعليقات: { $detail }
error-edit = لا ينطبق التعديل: { $detail }
error-save = تعذّرت الكتابة: { $detail }
error-sidecar-unreadable = { $path }: لم يُحفظ، لأن ملف التعليقات على القرص لا يُقرأ ({ $detail })؛ أصلح ذلك الملف أو انقله ثم احفظ من جديد (تغييراتك محفوظة في ملف الاستعادة)
error-no-recovery = لا ملف استعادة لاسترجاعه
error-save-as-taken = { $path }: موجود من قبل؛ اختر اسمًا آخر أو مجلدًا آخر (لم يُكتب شيء)
error-text-changed = { $path }: تغيّر الملف النصي على القرص منذ فُتح؛ أعد فتحه ثم احفظ من جديد (لم يُكتب شيء)
error-bad-recovery = { $detail }؛ تُرك ملف الاستعادة في مكانه
error-exchange = لم يتمّ التصدير أو الاستيراد: { $detail }
error-csv = فشلت كتابة ملف CSV: { $detail }
error-other-text = ليس في { $path } تعليقات على هذا النص (فيه { $n } مستند بنص آخر)؛ استورد الملف الذي صُدّر من هذا المستند
error-sidecar-io = { $path }: تعذّرت قراءة التعليقات ({ $detail })؛ تحقّق من وجود الملف ومن أنه يُقرأ. لن يكتب هامش فوق هذا الملف حتى تصحّ قراءته
error-sidecar-no-format = { $path }: ليس في ملف التعليقات حقل { $field }؛ أضف { $example } بعد القوس الأول إن كان قد كُتب باليد. لن يكتب هامش فوق هذا الملف حتى تصحّ قراءته
error-sidecar-newer = { $path }: صيغة ملف التعليقات { $found }، وهذا الإصدار من هامش يقرأ حتى الصيغة { $supported }؛ حدّث هامش لتفتحه (تُرك الملف كما هو)
sidecar-unreadable-text-shown = ⁨{ $place }⁩: تعذّرت قراءة ملف التعليقات: ⁨{ $detail }⁩؛ أصلح النص في ذلك الموضع (أو استرجعه من نظام إدارة النسخ). لن يكتب هامش فوق هذا الملف حتى تصحّ قراءته. يُعرض النص بلا تعليقاته، ولن يُحفظ شيء حتى يُقرأ ذلك الملف من جديد (أصلحه، أو انقله ثم أعد فتح النص).

recovery-offer = وُجدت تعليقات غير محفوظة من جلسة لم تُغلق: { $file }. استرجعها أو تجاهلها أو قرّر لاحقًا (تُعرض عليك من جديد عند الفتح التالي، وينتظر الحفظ التلقائي قرارك).
recovery-offer-aged = وُجدت تعليقات غير محفوظة من جلسة لم تُغلق (قبل { $age }): { $file }. استرجعها أو تجاهلها أو قرّر لاحقًا (تُعرض عليك من جديد عند الفتح التالي، وينتظر الحفظ التلقائي قرارك).
duration-seconds = { $n ->
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $n } ثوانٍ
   *[other] { $n } ثانية
}
duration-minutes = { $n ->
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $n } دقائق
   *[other] { $n } دقيقة
}
duration-hours = { $n ->
    [one] ساعة واحدة
    [two] ساعتين
    [few] { $n } ساعات
   *[other] { $n } ساعة
}
duration-days = { $n ->
    [one] يوم واحد
    [two] يومين
    [few] { $n } أيام
   *[other] { $n } يومًا
}

## What the system said (ui::error_detail::io_key: by io::ErrorKind; the OS's message is English)
io-not-found = الملف أو المجلد غير موجود
io-permission-denied = لا إذن بذلك
io-already-exists = موجود من قبل
io-is-a-directory = هذا مجلد لا ملف
io-not-a-directory = ليس مجلدًا
io-storage-full = القرص ممتلئ
io-read-only = نظام الملفات للقراءة فقط
io-invalid-data = بيانات غير صالحة
io-interrupted = انقطعت العملية أو انتهت مهلتها؛ حاول من جديد
io-too-large = الملف أكبر مما يُسمح به
io-other = خطأ من النظام (رقمه { $code })
io-other-no-code = خطأ من النظام

## Errors nested in the application layer's errors (ui::error_detail)
text-in-memory = نص في الذاكرة
file-kind-folder = مجلد
file-kind-fifo = أنبوب مسمّى (FIFO)
file-kind-device = جهاز
file-kind-socket = مقبس
input-not-a-file = { $path }: { $kind }، لا ملف عادي؛ لا يقرأ هامش إلا الملفات العادية، فاختر الملف نفسه
input-too-large = { $path }: حجم الملف { $size } بايت، أكبر من الحد { $limit } بايت؛ قسّمه ملفات أصغر
decode-not-a-file = { $path }: { $kind }، لا ملف عادي؛ افتح الملف النصي نفسه
decode-too-large = { $path }: حجم الملف { $size } بايت، أكبر من الحد { $limit } بايت؛ قسّمه ملفات أصغر أو ارفع الحد
decode-invalid-utf16 = { $path }: ترميز UTF-16 غير صالح عند البايت { $byte } ({ $why })؛ أعد حفظ الملف بترميز UTF-8 أو افتحه بترميز آخر
utf16-odd-bytes = عدد البايتات فردي
utf16-unpaired-surrogate = نصف زوج بديل بلا نصفه الآخر
decode-unsupported-encoding = { $path }: ليس بترميز UTF-8، ويبدو أنه بترميز { $guess } الذي لا يقرؤه هامش؛ حوّله (مثلًا { $command }) أو اختر Windows-1256 أو ISO-8859-6 صراحةً
sidecar-io = { $path }: تعذّرت قراءة التعليقات ({ $detail })؛ تحقّق من وجود الملف ومن أنه يُقرأ
sidecar-not-utf8 = { $place }: ملف التعليقات ليس نصًا بترميز UTF-8؛ استرجعه من نسخة احتياطية أو من نظام إدارة النسخ
sidecar-parse = { $place }: تعذّرت قراءة ملف التعليقات: { $detail }؛ أصلح النص في ذلك الموضع (أو استرجعه من نظام إدارة النسخ)
sidecar-merge-conflict = { $place }: في ملف التعليقات علامات تعارض دمج من git؛ احسم التعارض ثم افتحه من جديد. لم يُقرأ منه شيء ولن يُكتب فوقه
sidecar-project = { $place }: تعذّرت قراءة ملف المشروع: { $detail }؛ ينبغي أن يكون { $shared } أو { $alone }
sidecar-no-format = { $path }: ليس في ملف التعليقات حقل { $field }؛ أضف { $example } بعد القوس الأول إن كان قد كُتب باليد
sidecar-newer = { $path }: صيغة ملف التعليقات { $found }، وهذا الإصدار من هامش يقرأ حتى الصيغة { $supported }؛ حدّث هامش لتفتحه (تُرك الملف كما هو)
sidecar-duplicate-annotation = { $place }: لتعليقين الرقم نفسه { $id }؛ أعطِ أحدهما رقمًا غير مستعمل
sidecar-duplicate-relation = { $place }: لعلاقتين الرقم نفسه { $id }؛ أعطِ إحداهما رقمًا غير مستعمل
sidecar-unknown-bundled-schema = تستعمل التعليقات المخطط المرفق «{ $id }» الذي لا يعرفه هذا الإصدار من هامش؛ استعمل «{ $default }» أو ملف { $file } في المجلد
schema-io = { $path }: تعذّرت قراءة المخطط ({ $detail })؛ تحقّق من وجود الملف ومن أنه يُقرأ
schema-parse = { $place }: المخطط ليس نص RON صالحًا: { $detail }؛ أصلح النص في ذلك الموضع
schema-inconsistent = { $path }: في المخطط { $n ->
    [one] مشكلة واحدة
    [two] مشكلتان
    [few] { $n } مشكلات
   *[other] { $n } مشكلة
}: { $problems }؛ أصلحها في ملف المخطط
schema-not-read-back = لن يُقرأ ما يُكتب مخططًا مطابقًا ({ $detail })؛ لم يُكتب شيء
owner-label = وسم
owner-label-named = الوسم «{ $id }»
owner-relation = نوع علاقة
owner-relation-named = نوع العلاقة «{ $id }»
owner-document = خصائص المستند
schema-problem-empty-id = معرّف فارغ في { $place }
schema-problem-duplicate-label = معرّف الوسم «{ $id }» مستعمل مرتين
schema-problem-duplicate-relation = معرّف نوع العلاقة «{ $id }» مستعمل مرتين
schema-problem-duplicate-attribute = { $owner }: معرّف الخاصية «{ $attribute }» مستعمل مرتين
schema-problem-bad-choices = { $owner }: الخاصية «{ $attribute }» ذات الخيارات تحتاج قيمة واحدة على الأقل بلا تكرار ولا قيمة فارغة
schema-problem-unknown-label = نوع العلاقة «{ $relation }» يسمّي الوسم «{ $label }»، وليس في المخطط وسم بهذا المعرّف
schema-problem-duplicate-hotkey = المفتاح { $key } للوسم «{ $label }» مستعمل لوسم آخر من قبل
schema-problem-spaced-label = في معرّف الوسم «{ $id }» مسافة؛ احذفها (أو ضع - مكانها)
schema-problem-unnamed-label = الوسم «{ $id }» يحتاج اسمًا عربيًا واسمًا إنجليزيًا
schema-problem-spaced-relation = في معرّف نوع العلاقة «{ $id }» مسافة؛ احذفها (أو ضع - مكانها)
schema-problem-long-key = مفتاح الوسم «{ $id }» يجب أن يكون حرفًا واحدًا
save-failed = { $path }: تعذّر الحفظ عند { $step } ({ $detail })؛ { $advice }
save-step-create-temp = إنشاء ملف مؤقت
save-step-write = الكتابة
save-step-sync-file = تثبيت البيانات على القرص
save-step-backup = الاحتفاظ بالنسخة السابقة ‎.bak
save-step-rename = استبدال الملف
save-step-sync-folder = تثبيت المجلد على القرص
save-step-check-on-disk = فحص الملف على القرص
save-step-conflict-copy = كتابة نسخة التعارض
save-step-remove-recovery = حذف ملف الاستعادة
save-step-check-permissions = فحص أذونات الملف
save-step-create-new = إنشاء الملف
save-advice-read-only-file = الملف للقراءة فقط، فيتركه هامش كما هو: اجعله قابلًا للكتابة (مثلًا { $command }) إن كان ينبغي أن يتغيّر، أو احفظ في مكان آخر
save-advice-taken = سبق ملف آخر إلى هذا الاسم وتُرك كما هو؛ لم يُكتب شيء
save-advice-disk-full = القرص ممتلئ: أفرغ بعض المساحة ثم احفظ من جديد (لم يضع شيء، والملف على القرص لم يتغيّر)
save-advice-no-permission = ليس لك أن تكتب في { $folder }: أصلح أذوناته أو احفظ في مكان آخر (الملف على القرص لم يتغيّر)
save-advice-read-only-disk = { $folder } على قرص للقراءة فقط: احفظ في مكان آخر (الملف على القرص لم يتغيّر)
save-advice-other = الملف على القرص لم يتغيّر؛ احفظ من جديد أو احفظ في مكان آخر
edit-no-such-annotation = التعليق { $id } غير موجود (لعله حُذف)
edit-no-such-relation = العلاقة { $id } غير موجودة (لعلها حُذفت)
edit-annotation-id-taken = رقم التعليق { $id } مستعمل من قبل
edit-relation-id-taken = رقم العلاقة { $id } مستعمل من قبل
edit-dangling-relation = العلاقة { $relation } تشير إلى التعليق { $missing }، وهو غير موجود
edit-anchor-count = التعليق { $id }: نطاقاته { $ranges } ومراسيه { $anchors }؛ يلزم مرسى لكل نطاق
render-bad-font = تعذّر تحليل الخط { $font } لرسمه ({ $reason })؛ اختر ملف خط TrueType أو OpenType آخر
render-write-png = تعذّرت كتابة صورة PNG في { $path }: { $reason }؛ تحقّق من وجود المجلد ومن أنه يُكتب فيه
render-pdf = تعذّر إنشاء صفحة PDF: { $reason }؛ اكتب الصفحة بصيغة SVG أو PNG بدلًا منها
render-write-page = تعذّرت كتابة { $path }: { $reason }؛ تحقّق من وجود المجلد ومن أنه يُكتب فيه
render-too-large = الصفحة { $width }×{ $height } بكسل أكبر من أن تُرسم؛ صغّر العرض أو حجم الخط
path-unreadable = { $path }: { $detail }؛ تحقّق من المسار
agree-no-sidecar = { $path }: لا تعليقات عليه ({ $sidecar } غير موجود)؛ علّق عليه أولًا أو اختر مجلدًا
agree-too-many-labels = تستعمل التعليقات { $count } وسمًا مختلفًا، والاتفاق يميّز { $max } وسمًا على الأكثر؛ قارن مستندات أقل في المرة الواحدة
agree-too-few-annotators = يحتاج الاتفاق إلى معلِّقَين أو أكثر، وأُعطي { $count }؛ سمِّ اثنين على الأقل
format-io = { $path }: { $detail } (تحقّق من وجود المسار ومن إمكان قراءته أو الكتابة فيه)
format-syntax = { $place }: { $detail }
format-exists = { $path }: موجود من قبل بمحتوى آخر
format-outside-folder = { $path }: { $why }؛ لم يُكتب هناك شيء
format-collision = { $path }: سيُكتب فيه { $first } و{ $second } كلاهما؛ غيّر اسم أحدهما، أو صدّرهما أو استوردهما كلًّا على حدة
format-text-changed = { $path }: تغيّر النص منذ حُفظت تعليقاته؛ افتحه في هامش ليعيد ربطها، ثم صدّر
format-bad-ranges = { $path }: { $problems }؛ أصلح النطاقات (يُظهر { $command } الأسطر)، ثم صدّر من جديد

## Warnings and confirmations of the application layer (workspace messages with a key)
project-file-unreadable = { $error }. تُستعمل التعليقات المشتركة حتى يُقرأ ملف المشروع.
sample-opened = هذه العيّنة المرفقة، فُتحت من نسخة في ⁨{ $path }⁩، وتُحفظ التعليقات بجانب تلك النسخة. افتح ملفًا من ملفاتك لتحتفظ بعملك.
annotator-version-opened = هذه نسخة ⁨{ $annotator }⁩ من ⁨{ $name }⁩، مفتوحة للاطلاع: لا تُغيَّر هنا.
unsaved-kept = في ⁨{ $name }⁩ تعليقات غير محفوظة؛ حُفظت في ملف الاستعادة وستُعرض عليك حين تفتحه من جديد.
unsaved-not-kept = في ⁨{ $name }⁩ تعليقات غير محفوظة تعذّر الاحتفاظ بها: { $error }
sidecar-unreadable-shown = { $error }. يُعرض النص بلا تعليقاته، ولن يُحفظ شيء حتى يُقرأ ذلك الملف من جديد (أصلحه، أو انقله ثم أعد فتح النص).
bytes-replaced = { $n ->
    [one] تعذّر فك ترميز بايت واحد
    [two] تعذّر فك ترميز بايتين
    [few] تعذّر فك ترميز { $n } بايتات
   *[other] تعذّر فك ترميز { $n } بايت
} بترميز ⁨{ $encoding }⁩، وتظهر مكانها العلامة �. إن بدا النص خطأً فأعد فتحه بترميز آخر.
ranges-misfit = { $n ->
    [one] لتعليق واحد
    [two] لتعليقين
    [few] لـ{ $n } تعليقات
   *[other] لـ{ $n } تعليقًا
} في ⁨{ $path }⁩ نطاقات لا تناسب النص (معكوسة أو بعد نهايته): ⁨{ $ids }⁩. أُدرجت يتيمةً ولم تُرسم؛ ضعها في مكانها من جديد أو احذفها.
text-changed-reanchored = تغيّر النص منذ حُفظت التعليقات في ⁨{ $path }⁩: بقي { $stayed } في مكانه، وانتقل { $moved }، ويحتاج { $review } إلى مراجعة (محاطة بإطار)، وتيتّم { $orphans } (مُدرجة، غير مرسومة). احفظ لتبقى المواضع الجديدة.
restored-from-recovery = { $n ->
    [0] لم يُسترجع أي تعليق
    [one] استُرجع تعليق واحد
    [two] استُرجع تعليقان
    [few] استُرجعت { $n } تعليقات
   *[other] استُرجع { $n } تعليقًا
} من ملف الاستعادة؛ احفظ لتحتفظ بها.
recovery-not-removed = تعذّر حذف ملف الاستعادة ({ $error })؛ سيُعرض عليك من جديد.
conflict-changed = لم يُحفظ فوق ⁨{ $path }⁩: تغيّر ملف التعليقات على القرص؛ حُفظت نسختك باسم ⁨{ $copy }⁩. قارن بين الاثنين، أو اكتب فوق الملف الذي على القرص (يُحتفظ به ‎.bak).
conflict-created = لم يُحفظ فوق ⁨{ $path }⁩: ظهر على القرص ملف تعليقات بعد أن فُتح هذا؛ حُفظت نسختك باسم ⁨{ $copy }⁩. قارن بين الاثنين، أو اكتب فوق الملف الذي على القرص (يُحتفظ به ‎.bak).
conflict-unparseable = لم يُحفظ فوق ⁨{ $path }⁩: ملف التعليقات على القرص لا يُقرأ؛ حُفظت نسختك باسم ⁨{ $copy }⁩. قارن بين الاثنين.
autosave-failed = فشل الحفظ التلقائي: { $error }. احفظ الآن.
first-text-not-opened = { $error }
labels-left-out-of-schema = { $n ->
    [one] تعليق واحد وسمه
    [two] تعليقان وسمهما
    [few] { $n } تعليقات وسمها
   *[other] { $n } تعليقًا وسمها
} لم يعد في المخطط: باقية، مرسومة بالرمادي ومُدرجة تحت الوسوم.
schema-kept = يبقى النص المفتوح على المخطط «{ $schema }»: عليه صُنعت تعليقاته (⁨{ $name }⁩). النصوص التي لا تعليقات عليها تستعمل مخطط المجلد.
deleted-with-links = { $links ->
    [one] حُذف التعليق ⁨{ $id }⁩ ورابطه
    [two] حُذف التعليق ⁨{ $id }⁩ ورابطاه
    [few] حُذف التعليق ⁨{ $id }⁩ و{ $links } روابط له
   *[other] حُذف التعليق ⁨{ $id }⁩ و{ $links } رابطًا له
}؛ التراجع يعيدها.
nothing-to-undo = لا شيء للتراجع عنه.
nothing-to-redo = لا شيء لإعادته.
page-written = كُتبت الصفحة في ⁨{ $path }⁩.
linked = رُبط ⁨{ $from }⁩ بـ⁨{ $to }⁩ (⁨{ $name }⁩)؛ ‏Ctrl+Z يتراجع عنه.
overwrite-anyway = اكتب فوقه على أي حال
font-without-arabic = ليس في ⁨{ $path }⁩ حروف عربية، فلا يُستعمل إلا للحروف التي تنقص الخطوط الأخرى. اختر خطًا عربيًا (مثل Amiri) ليتغيّر شكل النص.
font-refused = { $detail }. اختر ملف خط TrueType أو OpenType ‏(‎.ttf أو ‎.otf).
font-unreadable = تعذّرت قراءة ملف الخط { $path } ({ $detail })؛ تحقّق من وجود الملف ومن أنه يُقرأ
font-not-a-font = الخط { $name } ليس خط TrueType أو OpenType (لا يُقرأ وجهه الأول)؛ اختر ملفًا ‎.ttf أو ‎.otf
font-too-many = حُمّلت خطوط كثيرة (الحد { $limit })؛ لا يمكن إضافة { $name }
losses-more = { $n ->
    [one] … وشيء آخر
    [two] … وشيئان آخران
    [few] … و{ $n } أشياء أخرى
   *[other] … و{ $n } شيئًا آخر
}
lost = ضاع:
fonts = الخطوط
all-files = كل الملفات
export-the-annotated-page-pdf-png-or-svg = تصدير الصفحة مع تعليقاتها (PDF أو PNG أو SVG)
png-image = صورة PNG
encoding-guessed = { $name } (مُخمَّن)

## Problems found by Check (ui::error_detail::problem_key)
check-owner-annotation = التعليق { $id }
check-owner-relation = العلاقة { $id }
check-owner-document = المستند
check-unknown-label = التعليق { $id }: الوسم { $label } ليس في المخطط
check-no-ranges = التعليق { $id }: ليس له مدى
check-empty-range = التعليق { $id }: المدى { $range } فارغ
check-reversed-range = التعليق { $id }: المدى { $range } ينتهي قبل أن يبدأ
check-range-past-end = التعليق { $id }: المدى { $range } يتجاوز نهاية النص ({ $chars ->
    [zero] لا حرف فيه
    [one] حرف واحد
    [two] حرفان
    [few] { $chars } أحرف
    [many] { $chars } حرفًا
   *[other] { $chars } حرف
})
check-anchor-count = التعليق { $id }: عدد المديات { $ranges } وعدد المراسي { $anchors }، ويجب أن يتساويا
check-unknown-relation-type = العلاقة { $id }: النوع { $kind } ليس في المخطط
check-dangling-relation = العلاقة { $id }: التعليق { $missing } غير موجود
check-relation-not-allowed = العلاقة { $id }: النوع { $kind } غير مسموح به من { $from } إلى { $to }
check-unknown-attribute = { $owner }: السمة { $attribute } غير معرّفة في المخطط
check-bad-attribute-value = { $owner }: السمة { $attribute } تنتظر { $expected }، ووُجد { $found }
batch-reanchored = ⁨{ $path }⁩: تغيّر النص منذ حُفظ هذا الملف؛ أُعيد ربط تعليقاته بالنص لهذا الحساب وحده: بقي { $stayed } في مكانه، وانتقل { $moved }، ويحتاج { $review } إلى مراجعة، وتيتّم { $orphans } (استُبعدت من الحساب).
batch-misfits = ⁨{ $path }⁩: للتعليقات ⁨{ $ids }⁩ نطاقات لا تناسب النص (معكوسة أو بعد نهايته)؛ استُبعدت من الحساب.
batch-replaced = ⁨{ $path }⁩: كُتب فوق الملف الموجود؛ نسخته السابقة محفوظة في ⁨{ $backup }⁩.
batch-reserved-name = ⁨{ $origin }⁩: كُتب باسم ⁨{ $written }⁩ لأن ⁨{ $wanted }⁩ اسم يعطيه هامش لملفاته.
batch-same-name = ⁨{ $origin }⁩: كُتب باسم ⁨{ $written }⁩ لأن ⁨{ $first }⁩ يحمل الاسم ⁨{ $wanted }⁩ أيضًا.
batch-recovery-busy = ⁨{ $folder }⁩: تصدير آخر إلى هذا المجلد جارٍ الآن (⁨{ $stage }⁩)؛ تُرك كما هو.
batch-recovery-completed = ⁨{ $folder }⁩: انقطع تصدير سابق وهو يضع ملفاته في أماكنها؛ { $done ->
    [0] لم يبقَ منها ملف
    [one] وُضع الآن الملف الباقي في مكانه
    [two] وُضع الآن الملفان الباقيان في مكانيهما
    [few] وُضعت الآن { $done } ملفات باقية في أماكنها
   *[other] وُضع الآن { $done } ملفًا باقيًا في أماكنها
}.
batch-recovery-completed-refused = ⁨{ $folder }⁩: انقطع تصدير سابق وهو يضع ملفاته في أماكنها؛ { $done ->
    [0] لم يوضع الآن أي ملف
    [one] وُضع الآن ملف باقٍ واحد في مكانه
    [two] وُضع الآن ملفان باقيان في مكانيهما
    [few] وُضعت الآن { $done } ملفات باقية في أماكنها
   *[other] وُضع الآن { $done } ملفًا باقيًا في أماكنها
}؛ وتعذّر وضع غيرها: ⁨{ $errors }⁩
batch-recovery-cleared = ⁨{ $folder }⁩: انقطع تصدير سابق وهو يكتب؛ لم يوضع أي من ملفاته في مكانه، و{ $staged ->
    [0] لم يكن له ملف مؤقت
    [one] حُذف ملفه المؤقت الوحيد
    [two] حُذف ملفاه المؤقتان
    [few] حُذفت ملفاته المؤقتة الـ{ $staged }
   *[other] حُذفت ملفاته المؤقتة الـ{ $staged }
}.
agreement-left-out = نص تُرك خارج حساب الاتفاق: { $error }

# بين عناصر قائمة من الأخطاء في رسالة واحدة.
list-separator = {"؛ "}

# ما تنتظره السمة وما وُجد (في check-bad-attribute-value).
expected-one-of = واحدةً من: { $values }
expected-finite-number = عددًا محدودًا
expected-kind = قيمةً من نوع «{ $kind }»
found-value = { $kind } { $value }
attribute-kind-bool = نعم/لا
attribute-kind-one-of = واحدة من قائمة
attribute-kind-text = نص
attribute-kind-number = عدد
attribute-kind-other = { $kind }
# بين القيم في قائمة داخل جملة.
value-separator = {"، "}
