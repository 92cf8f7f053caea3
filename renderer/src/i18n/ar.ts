import type { Messages } from './fr';
import type { WithArabicPlurals } from './plurals';

/**
 * Arabic (Modern Standard Arabic), laid out right to left: the same keys as fr.ts, in the same order.
 * Plain and warm, in the masculine singular public signs use for anyone; institutions keep their Latin
 * names (CAF, ANTS…), as the person will see them on the official sites. Counted texts carry Arabic's six
 * plural forms (zero, one, two, few, many, other) instead of French's two. A Latin address or a
 * technical reason inside a sentence is isolated (U+2068…U+2069), so its dots and slashes stay in place.
 */
export const ar: WithArabicPlurals<Messages> = {
  connecting: {
    title: 'جارٍ الاتصال…',
    detail: 'الجهاز يبدأ العمل. يُرجى الانتظار.',
  },
  attract: {
    title: 'أهلًا وسهلًا',
    invitation: 'المس الشاشة للبدء',
  },
  language: {
    title: 'اختر لغتك',
  },
  consent: {
    title: 'قبل أن تبدأ',
    notice: 'الجهاز لا يحتفظ بأي شيء عنك. كل شيء يُمحى في النهاية.',
    accept: 'فهمت',
    decline: 'لا، شكرًا',
  },
  guide: {
    steps: 'الخطوات',
    start: 'الذهاب إلى الموقع',
    back: 'رجوع',
  },
  home: {
    greeting: 'مرحبًا!',
    intro: 'يمكنك أخذ قياساتك بهذه الأجهزة.',
    finish: 'انتهيت',
    sites: 'المواقع الرسمية',
  },
  site: {
    opening: 'جارٍ فتح الموقع…',
    unreachable: 'هذا الموقع لا يستجيب',
    unreachableDetail: 'لا يمكن فتح الموقع \u2068{{host}}\u2069 الآن.',
    unreachableHelp: 'يمكنك المحاولة لاحقًا، أو طلب المساعدة من موظف الاستقبال.',
    back: 'رجوع',
  },
  device: {
    status: { connecting: 'قيد التحضير', ready: 'جاهز', offline: 'غير متاح' },
    resultHere: 'ستظهر النتيجة هنا.',
    offlineHelp: 'يمكنك طلب المساعدة من موظف الاستقبال.',
    offlineDetail: 'معلومة للموظف: \u2068{{reason}}\u2069',
    cancel: 'إلغاء',
    retry: 'حاول مرة أخرى',
    done: 'متابعة',
  },
  thermometer: {
    title: 'ميزان الحرارة',
    start: 'قياس حرارتي',
    connecting: 'ميزان الحرارة قيد التحضير. يُرجى الانتظار.',
    waiting: 'قِس حرارتك بميزان الحرارة.',
    reading: 'حرارتك',
    offline: 'ميزان الحرارة لا يعمل الآن.',
  },
  pulseOximeter: {
    title: 'مقياس الأكسجين',
    start: 'قياس الأكسجين',
    connecting: 'مقياس الأكسجين قيد التحضير. يُرجى الانتظار.',
    waiting: 'ضع إصبعك في ملقط مقياس الأكسجين. لا تتحرك.',
    reading: 'الأكسجين في الدم',
    offline: 'مقياس الأكسجين لا يعمل الآن.',
    pulse: 'النبض: {{pulse}} نبضة في الدقيقة',
  },
  bodySite: {
    armpit: 'تحت الإبط',
    body: 'على الجسم',
    ear: 'في الأذن',
    finger: 'في الإصبع',
    'gastro-intestinal': 'عبر الجهاز الهضمي',
    mouth: 'في الفم',
    rectum: 'عبر الشرج',
    toe: 'في إصبع القدم',
    tympanum: 'في الأذن',
  },
  idle: {
    question: 'هل ما زلت هنا؟',
    explain: 'المس الزر للمتابعة.',
    seconds_zero: 'ثانية',
    seconds_one: 'ثانية',
    seconds_two: 'ثانيتان',
    seconds_few: 'ثوانٍ',
    seconds_many: 'ثانية',
    seconds_other: 'ثانية',
    stay: 'ما زلت هنا',
  },
  end: {
    title: 'شكرًا، إلى اللقاء',
    privacy: 'ستُمحى معلوماتك من الجهاز.',
    dismiss: 'المس الشاشة للإنهاء',
  },
  wipe: {
    title: 'جارٍ تجهيز الجهاز…',
  },
  testMode: {
    banner: 'وضع الاختبار: يمكن التحكم في هذا الجهاز عن بُعد',
  },
  admin: {
    pinTitle: 'دخول المسؤول',
    pinPrompt: 'اكتب الرمز.',
    pinDigits: 'الأرقام المكتوبة: {{count}}',
    checking: 'جارٍ التحقق…',
    wrong_zero: 'رمز خاطئ. لم تبقَ أي محاولة.',
    wrong_one: 'رمز خاطئ. بقيت محاولة واحدة.',
    wrong_two: 'رمز خاطئ. بقيت محاولتان.',
    wrong_few: 'رمز خاطئ. بقيت {{count}} محاولات.',
    wrong_many: 'رمز خاطئ. بقيت {{count}} محاولة.',
    wrong_other: 'رمز خاطئ. بقيت {{count}} محاولة.',
    locked_zero: 'محاولات كثيرة. حاول مرة أخرى بعد قليل.',
    locked_one: 'محاولات كثيرة. حاول مرة أخرى بعد دقيقة واحدة.',
    locked_two: 'محاولات كثيرة. حاول مرة أخرى بعد دقيقتين.',
    locked_few: 'محاولات كثيرة. حاول مرة أخرى بعد {{count}} دقائق.',
    locked_many: 'محاولات كثيرة. حاول مرة أخرى بعد {{count}} دقيقة.',
    locked_other: 'محاولات كثيرة. حاول مرة أخرى بعد {{count}} دقيقة.',
    erase: 'مسح',
    validate: 'تأكيد',
    cancel: 'إلغاء',
    panelTitle: 'الإدارة',
    devicesTitle: 'الأجهزة',
    noDevices: 'لا يوجد أي جهاز في هذا الملف.',
    deviceState: { connecting: 'قيد التحضير', ready: 'جاهز', offline: 'غير متصل' },
    maintenanceOn: 'وضع الصيانة: مفعّل',
    maintenanceOff: 'وضع الصيانة: غير مفعّل',
    turnMaintenanceOn: 'تفعيل الصيانة',
    turnMaintenanceOff: 'إيقاف الصيانة',
    restart: 'إعادة تشغيل الجهاز',
    exitToDesktop: 'الخروج إلى سطح المكتب',
    close: 'إغلاق',
  },
  outOfService: {
    title: 'الجهاز غير متاح مؤقتًا',
    detail: 'يُرجى العودة بعد قليل.',
    help: 'يمكنك طلب المساعدة من موظف الاستقبال.',
  },
};
